import { Alert, Stack, Text } from '@mantine/core';
import { IconHourglassEmpty } from '@tabler/icons-react';
import type { MessageKey } from '@shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../lib/i18n';

/** An honest placeholder for an area whose screens are not built yet: no fake data. */
export function PendingPanel({ title, planned }: { title: MessageKey; planned: MessageKey }) {
  const t = useT();
  return (
    <Stack>
      <PageHeader title={t(title)} />
      <Alert
        variant="light"
        color="gray"
        title={t('pending.title')}
        icon={<IconHourglassEmpty aria-hidden />}
        maw={720}
      >
        <Text size="sm">{t('pending.body')}</Text>
        <Text size="sm" mt="sm" fw={600}>
          {t('pending.planned')}
        </Text>
        <Text size="sm">{t(planned)}</Text>
      </Alert>
    </Stack>
  );
}
