import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconLock, IconLockOpen, IconShieldCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import type {
  ImportOutcome,
  ImportResultDto,
  ImportSummary,
  PendingSigner,
} from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { useKeysStatus } from '../bundle/KeysPanel';
import {
  DropZone,
  fileBase64,
  Fingerprint,
  periodLabel,
  TaskProgress,
  useTaskProgress,
} from '../bundle/shared';

const OUTCOME_COLOR: Record<ImportOutcome, string> = {
  applied: 'teal',
  replaced: 'teal',
  duplicate: 'gray',
  older: 'orange',
  conflict: 'red',
  unknownSigner: 'yellow',
  needsPassphrase: 'yellow',
  refused: 'red',
};

const unlockForm = z.object({ keyPassphrase: z.string().min(1).max(200) });

function UnlockCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(unlockForm, { keyPassphrase: '' });
  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setError(null);
    const r = await invoke('keys.unlock', values);
    setSaving(false);
    if (!r.ok) return setError(applyServerError(form, r.error));
    queryClient.setQueryData(['keys.status'], r.value);
  });
  return (
    <Card withBorder maw={560}>
      <Title order={2} size="h4">
        {t('keys.dinkes.unlock.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('keys.dinkes.unlock.help')}
      </Text>
      <DataForm
        onSubmit={() => void submit()}
        saving={saving}
        error={error}
        submitLabel={t('keys.dinkes.unlock')}
      >
        <PasswordInput
          label={t('field.keyPassphrase')}
          withAsterisk
          data-autofocus
          autoFocus
          autoComplete="off"
          error={form.formState.errors.keyPassphrase?.message}
          {...form.register('keyPassphrase')}
        />
      </DataForm>
    </Card>
  );
}

function PendingCard({
  pending,
  onConfirm,
  onDiscard,
  busy,
}: {
  pending: PendingSigner;
  onConfirm: () => void;
  onDiscard: () => void;
  busy: boolean;
}) {
  const t = useT();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const locale = useUiStore((s) => s.locale);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{ borderColor: 'var(--mantine-color-yellow-6)' }}
      data-testid="pending-signer"
    >
      <Stack gap={6}>
        <Text fw={700}>
          {t(pending.previous ? 'import.pending.changed' : 'import.pending.new', {
            name: pending.name,
            kode: pending.kode,
          })}
        </Text>
        <Fingerprint value={pending.fingerprint} label={t('keys.fingerprint')} />
        <Text size="sm">{t('import.pending.howto')}</Text>
        {pending.previous && (
          <Alert color="orange" variant="light" p="xs">
            {t('import.pending.previous', { fingerprint: pending.previous.fingerprint })}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('import.pending.files', {
            files: pending.files
              .map((f) => `${periodLabel(f.period, locale)} r${f.revision}`)
              .join(', '),
          })}
        </Text>
        <Group>
          {isAdmin ? (
            <Button leftSection={<IconShieldCheck size={16} />} onClick={onConfirm} loading={busy}>
              {t('import.pending.confirm')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('import.pending.adminOnly')}
            </Text>
          )}
          <Button variant="default" onClick={onDiscard} disabled={busy}>
            {t('import.pending.discard')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Results({ results }: { results: ImportResultDto[] }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  return (
    <Card withBorder p={0}>
      <Title order={2} size="h5" p="sm" pb={0}>
        {t('import.results')}
      </Title>
      <Table verticalSpacing={6} aria-label={t('import.results')} data-testid="import-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={290}>{t('import.col.file')}</Table.Th>
            <Table.Th w={190}>{t('import.col.outcome')}</Table.Th>
            <Table.Th>{t('import.col.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.map((r, i) => (
            <Table.Tr key={`${r.fileName}-${i}`}>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {r.fileName}
                </Text>
                {r.period && (
                  <Text size="xs" c="dimmed">
                    {periodLabel(r.period, locale)}
                    {r.revision !== null ? ` · r${r.revision}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOR[r.outcome]} variant="light" tt="none" size="md">
                  {t(`import.outcome.${r.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.message}</Text>
                {r.warnings.map((w) => (
                  <Text key={w} size="xs" c="orange.9">
                    {w}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function History() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const imports = useQuery({
    queryKey: ['dinkes.imports'],
    queryFn: () => call('dinkes.imports', { limit: 50, offset: 0 }),
  });
  return (
    <Card withBorder p={0}>
      <Title order={2} size="h5" p="sm" pb={0}>
        {t('import.history')}
      </Title>
      {imports.data && imports.data.rows.length === 0 ? (
        <Text c="dimmed" p="sm">
          {t('import.history.empty')}
        </Text>
      ) : (
        <Table striped verticalSpacing={4} aria-label={t('import.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.col.received')}</Table.Th>
              <Table.Th>{t('import.col.puskesmas')}</Table.Th>
              <Table.Th>{t('import.col.period')}</Table.Th>
              <Table.Th ta="center">{t('import.col.revision')}</Table.Th>
              <Table.Th ta="right">{t('import.col.records')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>{t('bundle.history.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(imports.data?.rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(r.receivedAt)}</Table.Td>
                <Table.Td>
                  {r.puskesmasName}{' '}
                  <Text span size="xs" c="dimmed">
                    {r.kode}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {periodLabel(r.period, locale)}
                </Table.Td>
                <Table.Td ta="center">r{r.revision}</Table.Td>
                <Table.Td ta="right">{r.records.toLocaleString('id-ID')}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {r.sha256.slice(0, 12)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge
                      size="sm"
                      variant="light"
                      color={r.status === 'applied' ? 'teal' : 'gray'}
                    >
                      {t(`import.status.${r.status}`)}
                    </Badge>
                    {!r.chainComplete && (
                      <Badge size="sm" variant="light" color="orange">
                        {t('import.history.chainGap')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/**
 * "Terima paket": unlock the Dinkes key for the session, then drop bundle files (or name a
 * folder); each is checked and applied once. A puskesmas key seen for the first time waits
 * until the officer has compared its fingerprint by phone.
 */
export function ImportPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const keys = useKeysStatus();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
  const pendingQuery = useQuery({
    queryKey: ['dinkes.pending'],
    queryFn: () => call('dinkes.pending'),
  });
  const task = useTaskProgress();
  const [results, setResults] = useState<ImportResultDto[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [bundlePassphrase, setBundlePassphrase] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const pending = pendingQuery.data?.pending ?? [];
  const running = task.running !== null;
  const needsPassphrase = results.filter((r) => r.outcome === 'needsPassphrase');

  function after(summary: ImportSummary, replace: boolean) {
    setResults((prev) => (replace ? summary.results : [...prev, ...summary.results]));
    queryClient.setQueryData(['dinkes.pending'], { pending: summary.pending });
    for (const key of [
      'dinkes.imports',
      'dinkes.puskesmas',
      'dinkes.completeness',
      'dinkes.recap',
    ]) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  }

  async function importFiles(chosen: File[], passphrase?: string) {
    setFiles(chosen);
    const taskId = task.start('terima');
    const payload = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, base64: await fileBase64(f) })),
    );
    const r = await invoke('dinkes.import', {
      files: payload,
      taskId,
      ...(passphrase ? { bundlePassphrase: passphrase } : {}),
    });
    task.stop();
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    after(r.value, true);
  }

  async function importFolder() {
    setFolderError(null);
    const taskId = task.start('terima');
    const r = await invoke('dinkes.import', {
      folder,
      taskId,
      ...(bundlePassphrase ? { bundlePassphrase } : {}),
    });
    task.stop();
    if (!r.ok) {
      setFolderError(r.error.details?.issues?.[0]?.message ?? r.error.message);
      return;
    }
    setFiles([]);
    after(r.value, true);
  }

  async function confirm(pendingId: string) {
    setConfirming(pendingId);
    const taskId = task.start('percaya');
    const r = await invoke('dinkes.confirmSigner', { pendingId, taskId });
    task.stop();
    setConfirming(null);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    // The confirmed files' results replace their "waiting" lines.
    setResults((prev) => [
      ...prev.filter((p) => !r.value.results.some((n) => n.fileName === p.fileName)),
      ...r.value.results,
    ]);
    after({ results: [], pending: r.value.pending }, false);
  }

  async function discard(pendingId: string) {
    const r = await invoke('dinkes.discardPending', { pendingId });
    if (r.ok) queryClient.setQueryData(['dinkes.pending'], r.value);
  }

  async function pickFolder() {
    const r = await invoke('dinkes.pickFolder');
    if (r.ok && r.value.dir) setFolder(r.value.dir);
    else if (!r.ok) notifications.show({ color: 'red', message: r.error.message });
  }

  async function lock() {
    const r = await invoke('keys.lock');
    if (r.ok) queryClient.setQueryData(['keys.status'], r.value);
  }

  if (keys.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  const status = keys.data;

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('import.title')}
        actions={
          status?.unlocked ? (
            <Group gap="xs">
              <Badge
                color="teal"
                variant="light"
                size="lg"
                tt="none"
                leftSection={<IconLockOpen size={14} />}
              >
                {t('keys.dinkes.unlocked')}
              </Badge>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLock size={14} />}
                onClick={() => void lock()}
              >
                {t('keys.dinkes.lock')}
              </Button>
            </Group>
          ) : null
        }
      />
      {!status?.dinkes ? (
        <Alert color="orange" maw={720}>
          {t('keys.dinkes.missing')}{' '}
          <Anchor component={Link} href="/pengaturan">
            {t('nav.settings')}
          </Anchor>
        </Alert>
      ) : !status.unlocked ? (
        <UnlockCard />
      ) : (
        <>
          <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'start' }}>
            <DropZone
              accept=".siklus"
              multiple
              title={t('import.drop')}
              buttonLabel={t('import.choose')}
              disabled={running}
              onFiles={(chosen) => void importFiles(chosen)}
            />
            <Paper withBorder p="md" radius="md">
              <Text fw={500} mb={6}>
                {t('import.folder.title')}
              </Text>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('field.folder')}
                  placeholder={t('import.folder.placeholder')}
                  value={folder}
                  onChange={(e) => setFolder(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && folder) void importFolder();
                  }}
                  error={folderError}
                  disabled={running}
                />
                {info.data?.runtime === 'electron' && (
                  <Button
                    variant="default"
                    leftSection={<IconFolder size={16} />}
                    onClick={() => void pickFolder()}
                  >
                    {t('bundle.folder.pick')}
                  </Button>
                )}
                <Button onClick={() => void importFolder()} disabled={!folder || running}>
                  {t('import.folder.run')}
                </Button>
              </Group>
            </Paper>
          </SimpleGrid>
          {running && <TaskProgress progress={task.progress} />}
          {needsPassphrase.length > 0 && (
            <Paper withBorder p="md" maw={720}>
              <Group align="flex-end" wrap="nowrap">
                <PasswordInput
                  style={{ flex: 1 }}
                  label={t('field.bundlePassphrase')}
                  description={t('import.passphrase.help')}
                  value={bundlePassphrase}
                  onChange={(e) => setBundlePassphrase(e.currentTarget.value)}
                />
                <Button
                  disabled={!bundlePassphrase || running}
                  onClick={() =>
                    files.length > 0
                      ? void importFiles(
                          files.filter((f) => needsPassphrase.some((n) => n.fileName === f.name)),
                          bundlePassphrase,
                        )
                      : void importFolder()
                  }
                >
                  {t('import.retryPassphrase')}
                </Button>
              </Group>
            </Paper>
          )}
        </>
      )}
      {pending.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('import.pending.title')}
          </Title>
          {pending.map((p) => (
            <PendingCard
              key={p.pendingId}
              pending={p}
              busy={confirming === p.pendingId}
              onConfirm={() => void confirm(p.pendingId)}
              onDiscard={() => void discard(p.pendingId)}
            />
          ))}
        </Stack>
      )}
      {results.length > 0 && <Results results={results} />}
      <History />
    </Stack>
  );
}
