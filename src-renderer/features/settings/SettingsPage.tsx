import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { IDLE_LOCK_CHOICES } from '@shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { ChangePasswordForm } from '../auth/AuthScreens';
import { LanguageSwitch } from './LanguageSwitch';

export function SettingsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const status = useAuthStatus().data;
  const isAdmin = status?.user?.role === 'admin';

  async function setIdle(value: string | null) {
    if (!value) return;
    const result = await invoke('settings.setIdleLock', { idleLockMinutes: Number(value) });
    if (result.ok) {
      queryClient.setQueryData(['auth.status'], result.value);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } else notifications.show({ color: 'red', message: result.error.message });
  }

  return (
    <Stack>
      <PageHeader title={t('settings.title')} />
      <SimpleGrid cols={2}>
        <Card withBorder>
          <Title order={2} size="h4">
            {t('settings.general')}
          </Title>
          <Text size="sm" fw={500} mt="sm">
            {t('common.language')}
          </Text>
          <Text size="sm" c="dimmed" mb={4}>
            {t('settings.language.help')}
          </Text>
          <LanguageSwitch />
          {isAdmin && (
            <Select
              mt="md"
              label={t('field.idleLockMinutes')}
              description={t('settings.idle.help')}
              w={320}
              value={String(status?.idleLockMinutes ?? 15)}
              onChange={(v) => void setIdle(v)}
              data={IDLE_LOCK_CHOICES.map((m) => ({ value: String(m), label: `${m}` }))}
            />
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('password.title')}
          </Title>
          <ChangePasswordForm
            onDone={() => notifications.show({ color: 'teal', message: t('password.changed') })}
          />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group>
          {isAdmin && (
            <Button component={Link} href="/pengaturan/pengguna" variant="light">
              {t('users.title')}
            </Button>
          )}
          {isAdmin && (
            <Button component={Link} href="/pengaturan/audit" variant="light">
              {t('audit.title')}
            </Button>
          )}
          {isAdmin && (
            <Button component={Link} href="/pengaturan/cadangan" variant="light">
              {t('backup.title')}
            </Button>
          )}
          <Button component={Link} href="/pengaturan/info" variant="light">
            {t('system.title')}
          </Button>
        </Group>
      </Card>
      {status?.facility && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('settings.facility')}
          </Title>
          <Text size="sm">
            {status.facility.name} —{' '}
            {status.facility.districtName ? `${status.facility.districtName}, ` : ''}
            {status.facility.regencyName}, {status.facility.provinceName} (
            {status.facility.timezone})
          </Text>
          {status.facility.mode === 'puskesmas' && (
            <Anchor component={Link} href="/klaster-1" size="sm">
              {t('k1.tab.wilayah')}
            </Anchor>
          )}
        </Card>
      )}
    </Stack>
  );
}
