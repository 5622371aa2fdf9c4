import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Container,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCopy,
  IconFirstAidKit,
  IconLifebuoy,
  IconRestore,
  IconSearch,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  AppError,
  type BackupEntry,
  type RecoveryInspection,
  type RecoveryStatus,
  type SalvageResult,
} from '@shared/contract';
import { LOCALES } from '@shared/i18n';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { BackupPreview, tableLabel } from '../backup/BackupPreview';
import { BackupTable, entryKey } from '../backup/BackupTable';
import { RestoreDialog } from '../backup/RestoreDialog';
import { copyText } from './clipboard';

/** The language of this screen only: the damaged database cannot store the choice. */
function LocalLanguageSwitch() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const setLocale = useUiStore((s) => s.setLocale);
  return (
    <SegmentedControl
      aria-label={t('common.language')}
      size="xs"
      value={locale}
      onChange={(v) => {
        const next = LOCALES.find((l) => l === v);
        if (next) setLocale(next);
      }}
      data={LOCALES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}

function InspectionResult({ inspection }: { inspection: RecoveryInspection }) {
  const t = useT();
  if (!inspection.opened) {
    return (
      <Alert color="red" variant="light" role="status">
        {t('recovery.inspect.notOpened', { message: inspection.message ?? '' })}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" role="status" data-testid="recovery-inspection">
      <Text size="sm" fw={500}>
        {t('recovery.inspect.opened', { schema: inspection.schemaVersion ?? '?' })}
      </Text>
      <Text size="xs" fw={600}>
        {t('recovery.inspect.check')}
      </Text>
      <Code block style={{ maxHeight: 90, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
        {inspection.check.join('\n')}
      </Code>
      {inspection.message && (
        <Alert color="orange" variant="light">
          {t('recovery.inspect.noTables', { message: inspection.message })}
        </Alert>
      )}
      {Object.keys(inspection.counts).length > 0 && (
        <Table withTableBorder layout="fixed" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recovery.col.table')}</Table.Th>
              <Table.Th w={130}>{t('recovery.col.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(inspection.counts).map(([name, rows]) => (
              <Table.Tr key={name}>
                <Table.Td>{tableLabel(t, name)}</Table.Td>
                <Table.Td c={rows === null ? 'red.8' : undefined}>
                  {rows === null ? t('recovery.inspect.unreadable') : rows}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The salvage's marker for "the table list itself could not be read". */
const SCHEMA_MARKER = '(skema)';

function SalvageSummary({ salvage }: { salvage: SalvageResult }) {
  const t = useT();
  const schemaError = salvage.tables[SCHEMA_MARKER]?.error;
  const tables = Object.entries(salvage.tables).filter(([name]) => name !== SCHEMA_MARKER);
  return (
    <Stack gap="xs" role="status" data-testid="recovery-salvage">
      {!schemaError && (
        <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
          {t('recovery.salvage.done', { file: salvage.file })}
        </Text>
      )}
      {schemaError && (
        <Alert color="orange" variant="light">
          {t('recovery.salvage.noSchema', { message: schemaError })}
        </Alert>
      )}
      {tables.length > 0 && (
        <Table withTableBorder layout="fixed" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recovery.col.table')}</Table.Th>
              <Table.Th w={200}>{t('recovery.col.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map(([name, r]) => (
              <Table.Tr key={name}>
                <Table.Td>{tableLabel(t, name)}</Table.Td>
                <Table.Td c={r.error ? 'orange.9' : undefined}>
                  {r.rows}
                  {r.error ? ` — ${t('recovery.salvage.stopped', { error: r.error })}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The newest backup this version can restore, on the app's own disk first. */
function newestGood(backups: BackupEntry[]): BackupEntry | null {
  return (
    [...backups]
      .filter((b) => b.restorable)
      .sort(
        (a, b) => b.createdAt.localeCompare(a.createdAt) || a.location.localeCompare(b.location),
      )[0] ?? null
  );
}

/**
 * Shown instead of the app when the database cannot be opened: what happened in plain words,
 * the newest good backup with its preview and one button to restore it, the other backups, and
 * the tools for IT staff (copy the error, inspect the damaged file read-only, salvage what is
 * still readable). Nothing here changes the damaged file.
 */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const t = useT();
  const backups = useQuery({
    queryKey: ['recovery.backups'],
    queryFn: () => call('recovery.backups'),
  });
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [inspection, setInspection] = useState<RecoveryInspection | null>(null);
  const [salvage, setSalvage] = useState<SalvageResult | null>(null);
  const [busy, setBusy] = useState<'inspect' | 'salvage' | 'copy' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useRef<HTMLDivElement>(null);

  // A result appears below the fold on a 768-pixel screen: bring it into view.
  useEffect(() => {
    if (inspection || salvage || error) {
      results.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [inspection, salvage, error]);

  const list = backups.data?.backups ?? [];
  const newest = newestGood(list);
  const others = list.filter((b) => !newest || entryKey(b) !== entryKey(newest));
  const reason = status.reason ?? 'openFailed';

  async function copyDiagnostics() {
    setBusy('copy');
    const result = await invoke('recovery.diagnostics');
    const text = result.ok
      ? result.value.text
      : `${status.error ?? ''}\n${result.error.message}`.trim();
    const ok = await copyText(text);
    setBusy(null);
    notifications.show(
      ok
        ? { color: 'teal', message: t('system.copied') }
        : { color: 'orange', message: t('system.copyFailed') },
    );
  }

  async function inspect() {
    setBusy('inspect');
    setError(null);
    const result = await invoke('recovery.inspect');
    setBusy(null);
    if (result.ok) setInspection(result.value);
    else setError(result.error.message);
  }

  async function runSalvage() {
    setBusy('salvage');
    setError(null);
    const result = await invoke('recovery.salvage');
    setBusy(null);
    if (result.ok) setSalvage(result.value);
    else setError(result.error.message);
  }

  return (
    <Container size={1280} py="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text fw={700} size="xl" c="teal.8">
            {t('app.name')}
          </Text>
          <Text c="dimmed" size="sm">
            {status.appVersion}
          </Text>
        </Group>
        <LocalLanguageSwitch />
      </Group>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <IconLifebuoy size={30} color="var(--mantine-color-blue-7)" aria-hidden />
        <Title order={1} size="h2">
          {t('recovery.title')}
        </Title>
      </Group>
      <Alert color="blue" variant="light" mb="md" title={t(`recovery.reason.${reason}`)}>
        {/* A newer version's file and a missing file are not damaged: say what fits. */}
        {reason === 'tooNew' ? (
          <Text size="sm" fw={500}>
            {t('recovery.tooNew.advice')}
          </Text>
        ) : reason !== 'missing' ? (
          <Text size="sm">{t('recovery.help')}</Text>
        ) : null}
      </Alert>
      <Grid gap="md">
        <Grid.Col span={6}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('recovery.newest')}
              </Title>
              {backups.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
              {backups.isError && <Alert color="red">{backups.error.message}</Alert>}
              {backups.data && !newest && (
                <Alert color="orange" variant="light">
                  {t('recovery.none')}
                </Alert>
              )}
              {newest && (
                <Stack gap="sm">
                  <BackupPreview entry={newest} />
                  <Group justify="flex-end">
                    <Button
                      size="md"
                      leftSection={<IconRestore size={18} />}
                      onClick={() => setRestoring(newest)}
                      autoFocus
                    >
                      {t('recovery.restore')}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Card>
            {others.length > 0 && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('recovery.others')}
                </Title>
                <BackupTable backups={others} onRestore={setRestoring} compact />
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={6}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('recovery.details')}
            </Title>
            <Table variant="vertical" layout="fixed" mb="sm">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={120}>{t('recovery.dataDir')}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{status.dataDir}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.preview.schema')}</Table.Th>
                  <Table.Td>
                    {t('recovery.schema', {
                      found: status.schemaFound ?? '?',
                      supported: status.schemaSupported,
                    })}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('recovery.error')}</Table.Th>
                  <Table.Td>
                    <Code
                      block
                      style={{ maxHeight: 96, overflow: 'auto', whiteSpace: 'pre-wrap' }}
                      data-testid="recovery-error"
                    >
                      {status.error ?? '—'}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Stack gap="xs">
              <Button
                variant="light"
                leftSection={<IconCopy size={16} />}
                onClick={() => void copyDiagnostics()}
                loading={busy === 'copy'}
              >
                {t('recovery.copy')}
              </Button>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Button
                  w={310}
                  style={{ flexShrink: 0 }}
                  variant="default"
                  leftSection={<IconSearch size={16} />}
                  onClick={() => void inspect()}
                  loading={busy === 'inspect'}
                >
                  {t('recovery.inspect')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('recovery.inspect.help')}
                </Text>
              </Group>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Button
                  w={310}
                  style={{ flexShrink: 0 }}
                  variant="default"
                  leftSection={<IconFirstAidKit size={16} />}
                  onClick={() => void runSalvage()}
                  loading={busy === 'salvage'}
                >
                  {t('recovery.salvage')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('recovery.salvage.help')}
                </Text>
              </Group>
              <div ref={results}>
                <Stack gap="xs">
                  {error && (
                    <Alert color="red" role="alert">
                      {error}
                    </Alert>
                  )}
                  {inspection && <InspectionResult inspection={inspection} />}
                  {salvage && <SalvageSummary salvage={salvage} />}
                </Stack>
              </div>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <RestoreDialog
        entry={restoring}
        context="recovery"
        passphraseSaved={false}
        restore={(request) => invoke('recovery.restore', request)}
        onClose={() => setRestoring(null)}
      />
    </Container>
  );
}

/**
 * Asked when the session status comes back RECOVERY_MODE: is the core in recovery mode (show the
 * screen), back to normal (ask for the session again), or restarting (wait a moment)?
 */
export function RecoveryGate() {
  const t = useT();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['recovery.status'],
    queryFn: () => call('recovery.status'),
    staleTime: 0,
    // While the core restarts every channel says RECOVERY_MODE for a moment: ask again.
    retry: (count, error) =>
      error instanceof AppError && error.code === 'RECOVERY_MODE' && count < 30,
    retryDelay: 1000,
  });
  const mode = status.data?.mode;
  useEffect(() => {
    if (mode === 'normal') {
      void queryClient.invalidateQueries({ queryKey: ['app.info'] });
      void queryClient.invalidateQueries({ queryKey: ['auth.status'] });
    }
  }, [mode, queryClient]);

  if (status.data?.mode === 'recovery') return <RecoveryScreen status={status.data} />;
  if (status.isError) {
    return (
      <Center mih="100vh">
        <Stack align="center">
          <Alert color="red" title={t('recovery.title')}>
            {t('recovery.loadFailed', { message: status.error.message })}
          </Alert>
          <Button onClick={() => void status.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
