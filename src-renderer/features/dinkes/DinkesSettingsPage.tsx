import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { DinkesKeyCard } from '../bundle/KeysPanel';
import { SettingsPage } from '../settings/SettingsPage';

/** Dinkes settings: the common settings, the Dinkes key and the on-time deadline. */
export function DinkesSettingsPage() {
  return (
    <Stack>
      <SettingsPage />
      <DinkesKeyCard />
      <LateDayCard />
    </Stack>
  );
}

function LateDayCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const settings = useQuery({
    queryKey: ['dinkes.settings'],
    queryFn: () => call('dinkes.settings'),
  });
  // What the admin is typing; the stored value until then.
  const [draft, setDraft] = useState<number | string | null>(null);
  const day = draft ?? settings.data?.lateDay ?? 10;

  async function save() {
    const r = await invoke('dinkes.setSettings', { lateDay: Number(day) });
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    queryClient.setQueryData(['dinkes.settings'], r.value);
    setDraft(null);
    void queryClient.invalidateQueries({ queryKey: ['dinkes.completeness'] });
    notifications.show({ color: 'teal', message: t('completeness.settings.saved') });
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('completeness.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('completeness.settings.help')}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t('field.lateDay')}
          min={1}
          max={28}
          w={160}
          value={day}
          onChange={setDraft}
          disabled={!isAdmin}
          rightSection={<span />}
        />
        <Text size="sm" mb={8}>
          {t('completeness.lateDay.suffix')}
        </Text>
        {isAdmin && (
          <Button onClick={() => void save()} disabled={settings.data?.lateDay === Number(day)}>
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
