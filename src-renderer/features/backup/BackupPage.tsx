import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Progress,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { BackupCreated, BackupEntry, BackupVerified } from '@shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke, on } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupTable, entryKey } from './BackupTable';
import { LastBackupLine } from './LastBackupCard';
import { formatBytes } from './lastBackup';
import { RestoreDialog } from './RestoreDialog';

interface Progressing {
  taskId: string;
  percent: number;
  label: string;
}

/** The result of "Periksa" on one backup, shown above the list until dismissed. */
function VerifyResult({
  entry,
  result,
  onClose,
}: {
  entry: BackupEntry;
  result: BackupVerified;
  onClose: () => void;
}) {
  const t = useT();
  const at = shortDateTime(entry.createdAt);
  const [color, text] = !result.ok
    ? ['red', t('backup.verify.failed', { at, problems: result.problems.join('; ') })]
    : result.contentChecked
      ? ['teal', t('backup.verify.ok', { at })]
      : ['yellow', t('backup.verify.hashOnly', { at })];
  return (
    <Alert color={color} withCloseButton onClose={onClose} role="status" py="xs">
      {text}
    </Alert>
  );
}

/** What "Backup sekarang" did: where the copy went and what retention removed. */
function CreatedSummary({ created }: { created: BackupCreated }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const { backup, secondCopy, pruned } = created;
  return (
    <Stack gap={2} role="status">
      <Text size="sm" c="teal.9" fw={500}>
        {t('backup.created', {
          at: shortDateTime(backup.createdAt),
          size: formatBytes(backup.size, locale),
        })}
      </Text>
      {secondCopy?.ok && (
        <Text size="sm">{t('backup.created.second', { dir: secondCopy.dir })}</Text>
      )}
      {secondCopy && !secondCopy.ok && (
        <Text size="sm" c="orange.9">
          {t('backup.created.secondFailed', { message: secondCopy.message ?? '' })}
        </Text>
      )}
      {pruned.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('backup.created.pruned', { count: pruned.length })}
        </Text>
      )}
    </Stack>
  );
}

/** Admin: Pengaturan › Cadangan data. */
export function BackupPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['backup.list'], queryFn: () => call('backup.list') });
  const settings = useQuery({
    queryKey: ['backup.settings'],
    queryFn: () => call('backup.settings'),
  });
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
  const [tab, setTab] = useState<string | null>('list');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [created, setCreated] = useState<BackupCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verified, setVerified] = useState<{ entry: BackupEntry; result: BackupVerified } | null>(
    null,
  );
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const task = useRef<string | null>(null);

  // Listen from the start, so the first progress events of a quick backup are not missed.
  useEffect(
    () =>
      on('task.progress', (p) => {
        if (p.taskId !== task.current) return;
        const percent = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
        setProgress({ taskId: p.taskId, percent, label: p.label });
      }),
    [],
  );

  async function backupNow() {
    if (running) return;
    const taskId = `backup-${Date.now()}`;
    task.current = taskId;
    setRunning(true);
    setError(null);
    setCreated(null);
    setProgress({ taskId, percent: 0, label: t('backup.progress.waiting') });
    const result = await invoke('backup.create', { taskId });
    setRunning(false);
    if (!result.ok) {
      setProgress(null);
      setError(result.error.message);
      return;
    }
    setCreated(result.value);
    void queryClient.invalidateQueries({ queryKey: ['backup.list'] });
    void queryClient.invalidateQueries({ queryKey: ['system.info'] });
  }

  async function verify(entry: BackupEntry) {
    setVerifying(entryKey(entry));
    setVerified(null);
    const result = await invoke('backup.verify', { id: entry.id, location: entry.location });
    setVerifying(null);
    if (!result.ok) return setError(result.error.message);
    setVerified({ entry, result: result.value });
  }

  // Also from inside a field (Alt+B types nothing), like the Alt+number navigation.
  useHotkeys([['alt+b', () => void backupNow()]], []);

  const data = list.data;
  const s = settings.data;
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('backup.title')}
        actions={
          <Button
            leftSection={<IconDatabaseExport size={18} />}
            onClick={() => void backupNow()}
            loading={running}
            aria-keyshortcuts="Alt+B"
          >
            {t('backup.now')} (Alt+B)
          </Button>
        }
      />
      <Card withBorder padding="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
          <Stack gap={4} style={{ flex: 1 }}>
            {data ? <LastBackupLine lastBackupAt={data.lastBackupAt} /> : <Loader size="xs" />}
            {s && (
              <Text size="xs" c="dimmed">
                {[
                  t('backup.summary.retention', { daily: s.keepDaily, monthly: s.keepMonthly }),
                  s.secondDir
                    ? t('backup.summary.secondDir', { dir: s.secondDir })
                    : t('backup.summary.noSecondDir'),
                  s.encrypt ? t('backup.summary.encrypted') : t('backup.summary.plain'),
                ].join(' · ')}{' '}
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => setTab('settings')}
                >
                  {t('backup.summary.change')}
                </Anchor>
              </Text>
            )}
            {data?.secondDir && !data.secondDir.available && (
              <Text size="xs" c="orange.9">
                {t('backup.secondDir.missing', {
                  dir: data.secondDir.dir,
                  reason: data.secondDir.message ?? '',
                })}
              </Text>
            )}
          </Stack>
          <Text size="xs" c="dimmed" maw={360}>
            {t('backup.now.help')}
          </Text>
        </Group>
        {progress && (
          <Stack gap={4} mt="sm">
            <Group justify="space-between">
              <Text size="sm" data-testid="backup-progress-label">
                {progress.label}
              </Text>
              <Text size="sm" c="dimmed">
                {progress.percent}%
              </Text>
            </Group>
            <Progress.Root size="lg">
              <Progress.Section
                value={progress.percent}
                aria-label={t('backup.progress.label')}
                animated={running}
                striped={running}
              />
            </Progress.Root>
          </Stack>
        )}
        {created && (
          <Stack mt="xs">
            <CreatedSummary created={created} />
          </Stack>
        )}
        {error && (
          <Alert color="red" mt="sm" role="alert" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
      </Card>

      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="list">
            {t('backup.tab.list')}
            {data ? ` (${data.backups.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="settings">{t('backup.tab.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          <Stack gap="sm">
            {verified && (
              <VerifyResult
                entry={verified.entry}
                result={verified.result}
                onClose={() => setVerified(null)}
              />
            )}
            {list.isError && <Alert color="red">{list.error.message}</Alert>}
            {data && data.backups.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('backup.list.empty')}
              </Text>
            )}
            {data && data.backups.length > 0 && (
              <BackupTable
                backups={data.backups}
                busyKey={verifying}
                onVerify={(entry) => void verify(entry)}
                onRestore={setRestoring}
              />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm">
          {settings.isError && <Alert color="red">{settings.error.message}</Alert>}
          {s && (
            <BackupSettingsForm
              settings={s}
              secondDir={data?.secondDir ?? null}
              canPickFolder={info.data?.runtime === 'electron'}
            />
          )}
        </Tabs.Panel>
      </Tabs>

      <RestoreDialog
        entry={restoring}
        context="normal"
        passphraseSaved={s?.passphraseSet ?? false}
        restore={(request) => invoke('backup.restore', request)}
        onClose={() => setRestoring(null)}
      />
    </Stack>
  );
}
