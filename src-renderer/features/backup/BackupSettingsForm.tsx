import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolderOpen } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { contract, type BackupSettings, type SecondDirStatus } from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';

const schema = contract['backup.setSettings'].input;

function toForm(s: BackupSettings) {
  return {
    keepDaily: s.keepDaily,
    keepMonthly: s.keepMonthly,
    secondDir: s.secondDir ?? '',
    encrypt: s.encrypt,
    passphrase: '',
    passphraseConfirm: '',
  };
}

/**
 * Retention, the second folder (typed, or chosen with the system dialog in the desktop app) and
 * encryption with its honest trade-off. Enter moves on, Ctrl+S saves, Esc puts back what is
 * stored.
 */
export function BackupSettingsForm({
  settings,
  secondDir,
  canPickFolder,
}: {
  settings: BackupSettings;
  /** The stored second folder's availability right now (from `backup.list`). */
  secondDir: SecondDirStatus | null;
  canPickFolder: boolean;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(schema, toForm(settings));
  const errors = form.formState.errors;
  const [keepDaily, keepMonthly, dir, encrypt] = useWatch({
    control: form.control,
    name: ['keepDaily', 'keepMonthly', 'secondDir', 'encrypt'],
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSaving(true);
    const input = values.encrypt
      ? values
      : { ...values, passphrase: undefined, passphraseConfirm: undefined };
    const result = await invoke('backup.setSettings', input);
    setSaving(false);
    if (!result.ok) return setError(applyServerError(form, result.error));
    queryClient.setQueryData(['backup.settings'], result.value);
    void queryClient.invalidateQueries({ queryKey: ['backup.list'] });
    void queryClient.invalidateQueries({ queryKey: ['system.info'] });
    form.reset(toForm(result.value));
    notifications.show({ color: 'teal', message: t('backup.settings.saved') });
  });

  async function pickFolder() {
    const result = await invoke('backup.pickSecondDir');
    if (!result.ok) return setError(result.error.message);
    if (result.value.dir) form.setValue('secondDir', result.value.dir, { shouldDirty: true });
  }

  const stored = secondDir && dir && secondDir.dir === dir.trim() ? secondDir : null;

  return (
    <DataForm
      aria-label={t('backup.tab.settings')}
      onSubmit={() => void submit()}
      onCancel={() => {
        setError(null);
        form.reset(toForm(settings));
      }}
      saving={saving}
      error={error}
    >
      <SimpleGrid cols={2} spacing="md">
        <Stack gap="md">
          <Fieldset legend={t('backup.settings.retention')}>
            <Group grow align="flex-start">
              <Controller
                control={form.control}
                name="keepDaily"
                render={({ field }) => (
                  <NumberInput
                    label={t('field.keepDaily')}
                    min={1}
                    max={366}
                    allowDecimal={false}
                    allowNegative={false}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.keepDaily?.message}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="keepMonthly"
                render={({ field }) => (
                  <NumberInput
                    label={t('field.keepMonthly')}
                    min={0}
                    max={120}
                    allowDecimal={false}
                    allowNegative={false}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.keepMonthly?.message}
                  />
                )}
              />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t('backup.help.retention', {
                daily: typeof keepDaily === 'number' ? keepDaily : '…',
                monthly: typeof keepMonthly === 'number' ? keepMonthly : '…',
              })}
            </Text>
          </Fieldset>
          <Fieldset legend={t('backup.settings.secondDir')}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <TextInput
                label={t('field.secondDir')}
                placeholder={t('backup.secondDir.placeholder')}
                style={{ flex: 1 }}
                error={errors.secondDir?.message}
                {...form.register('secondDir')}
              />
              {canPickFolder && (
                <Button
                  variant="default"
                  mt={25}
                  leftSection={<IconFolderOpen size={16} />}
                  onClick={() => void pickFolder()}
                  data-skip-enter
                >
                  {t('backup.secondDir.pick')}
                </Button>
              )}
            </Group>
            {stored && (
              <Text size="xs" mt={4} c={stored.available ? 'teal.8' : 'orange.8'} role="status">
                {stored.available
                  ? t('backup.secondDir.available')
                  : t('backup.secondDir.unavailable', { reason: stored.message ?? '' })}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t('backup.help.secondDir')}
            </Text>
          </Fieldset>
        </Stack>
        <Fieldset legend={t('backup.settings.encryption')}>
          <Controller
            control={form.control}
            name="encrypt"
            render={({ field }) => (
              <Switch
                label={t('backup.encrypt.on')}
                checked={field.value}
                onChange={(e) => {
                  field.onChange(e.currentTarget.checked);
                  if (!e.currentTarget.checked) {
                    form.setValue('passphrase', '');
                    form.setValue('passphraseConfirm', '');
                    form.clearErrors(['passphrase', 'passphraseConfirm']);
                  }
                }}
                ref={field.ref}
              />
            )}
          />
          <Alert
            mt="sm"
            color={encrypt ? 'yellow' : 'gray'}
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            styles={{ message: { fontSize: 'var(--mantine-font-size-xs)' } }}
          >
            {t('backup.help.encryption')}
          </Alert>
          {encrypt && (
            <Stack gap={4} mt="sm">
              {settings.passphraseSet && settings.encrypt && (
                <Text size="xs" c="teal.8">
                  {t('backup.passphrase.saved')}
                </Text>
              )}
              <Group grow align="flex-start">
                <PasswordInput
                  label={t('field.passphrase')}
                  withAsterisk={!settings.passphraseSet}
                  autoComplete="new-password"
                  error={errors.passphrase?.message}
                  {...form.register('passphrase')}
                />
                <PasswordInput
                  label={t('field.passphraseConfirm')}
                  autoComplete="new-password"
                  error={errors.passphraseConfirm?.message}
                  {...form.register('passphraseConfirm')}
                />
              </Group>
              <Text size="xs" c="dimmed">
                {t('backup.passphrase.help')}
              </Text>
            </Stack>
          )}
        </Fieldset>
      </SimpleGrid>
    </DataForm>
  );
}
