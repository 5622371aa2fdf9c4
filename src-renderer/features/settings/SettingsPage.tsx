import { Card, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from './LanguageSwitch';

export function SettingsPage() {
  const t = useT();
  return (
    <Stack>
      <PageHeader title={t('settings.title')} />
      <Card withBorder maw={720}>
        <Title order={2} size="h4">
          {t('common.language')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.language.help')}
        </Text>
        <LanguageSwitch />
      </Card>
    </Stack>
  );
}
