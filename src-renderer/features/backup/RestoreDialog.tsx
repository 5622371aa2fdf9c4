import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { BackupEntry, BackupRestored, Result } from '@shared/contract';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { BackupPreview } from './BackupPreview';
import { useAfterRestore } from './restart';

export interface RestoreRequest {
  id: string;
  location: BackupEntry['location'];
  passphrase?: string;
}

/**
 * "Pulihkan cadangan?": the backup's preview, what happens to the current data (set aside, never
 * deleted), the passphrase when the backup is encrypted, and the confirmation. Esc or Batal
 * closes it without touching anything.
 */
export function RestoreDialog({
  entry,
  context,
  passphraseSaved,
  restore,
  onClose,
}: {
  entry: BackupEntry | null;
  /** `recovery`: the current database is the damaged one. */
  context: 'normal' | 'recovery';
  /** A passphrase is stored in the settings (normal mode): the field may stay empty. */
  passphraseSaved: boolean;
  restore: (request: RestoreRequest) => Promise<Result<BackupRestored>>;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size={720}
      title={<RestoreTitle />}
      closeOnClickOutside={false}
    >
      {entry && (
        <RestoreBody
          key={`${entry.location}:${entry.id}`}
          entry={entry}
          context={context}
          passphraseSaved={passphraseSaved}
          restore={restore}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function RestoreTitle() {
  const t = useT();
  return (
    <Text fw={700} size="lg">
      {t('backup.restore.title')}
    </Text>
  );
}

function RestoreBody({
  entry,
  context,
  passphraseSaved,
  restore,
  onClose,
}: {
  entry: BackupEntry;
  context: 'normal' | 'recovery';
  passphraseSaved: boolean;
  restore: (request: RestoreRequest) => Promise<Result<BackupRestored>>;
  onClose: () => void;
}) {
  const t = useT();
  const afterRestore = useAfterRestore();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsPassphrase = entry.encrypted && !passphraseSaved;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setFieldError(null);
    setError(null);
    if (needsPassphrase && !passphrase) {
      setFieldError(t('error.backup.passphraseMissing'));
      return;
    }
    setBusy(true);
    const result = await restore({
      id: entry.id,
      location: entry.location,
      ...(entry.encrypted && passphrase ? { passphrase } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const issue = result.error.details?.issues?.find((i) => i.path === 'passphrase');
      if (issue) setFieldError(issue.message);
      else setError(result.error.message);
      return;
    }
    onClose();
    afterRestore(result.value);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('backup.restore.title')}>
      <Stack gap="sm">
        <BackupPreview entry={entry} />
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
          <Text size="sm">
            {context === 'recovery' ? t('backup.restore.recoveryHelp') : t('backup.help.restore')}
          </Text>
          <Text size="sm" mt={4}>
            {t(context === 'recovery' ? 'backup.restore.lostRecovery' : 'backup.restore.lost', {
              at: shortDateTime(entry.createdAt),
            })}
          </Text>
        </Alert>
        {entry.encrypted && (
          <PasswordInput
            label={t('field.passphrase')}
            description={passphraseSaved ? t('backup.restore.passphraseSaved') : undefined}
            withAsterisk={needsPassphrase}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
            autoComplete="off"
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button
            variant="default"
            onClick={onClose}
            data-autofocus={!entry.encrypted || undefined}
          >
            {t('common.cancel')} (Esc)
          </Button>
          <Button
            type="submit"
            color="orange"
            loading={busy}
            leftSection={<IconRestore size={16} />}
          >
            {t('backup.restore.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
