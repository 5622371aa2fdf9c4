import { Alert, Card, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdultSettingsDto } from '@shared/contract';
import {
  ADULT_SETTING_CHOICES,
  ADULT_SETTING_KEYS,
  type AdultSettingKey,
} from '@shared/domain/adult';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useIsAdmin } from './hooks';

/**
 * The selectable reference sets (domain §3.2, §9): BP table, adult IMT table, the definition of
 * "hipertensi terkendali", the PUMA cut-off. Only an admin changes them; each change is audited.
 */
export function SettingsPanel() {
  const t = useT();
  const isAdmin = useIsAdmin();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['adult.settings.get'],
    queryFn: () => call('adult.settings.get'),
  });

  async function choose(key: AdultSettingKey, id: string) {
    const result = await invoke('adult.settings.set', { [key]: id } as Partial<AdultSettingsDto>);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    client.setQueryData(['adult.settings.get'], result.value);
    void client.invalidateQueries({ queryKey: ['adult.patient.list'] });
    void client.invalidateQueries({ queryKey: ['adult.person.summary'] });
    notifications.show({ color: 'teal', message: t('settings.saved') });
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('adult.settings.help')}
      </Text>
      {!isAdmin && (
        <Alert color="gray" variant="light">
          {t('adult.settings.adminOnly')}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="sm">
        {ADULT_SETTING_KEYS.map((key) => (
          <Card withBorder key={key} padding="sm">
            <Title order={2} size="h5" mb="xs">
              {t(`adult.settings.${key}`)}
            </Title>
            <Radio.Group
              value={settings.data?.[key] ?? null}
              onChange={(id) => void choose(key, id)}
              aria-label={t(`adult.settings.${key}`)}
            >
              <Stack gap="xs">
                {ADULT_SETTING_CHOICES[key].map((set) => (
                  <Radio
                    key={set.id}
                    value={set.id}
                    disabled={!isAdmin}
                    label={set.title}
                    description={t('adult.settings.source', { source: set.source })}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
