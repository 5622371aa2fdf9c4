import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconRefresh, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { bundleExportForm, type BundleExportResult } from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { applyServerError, useContractForm } from '../../lib/form';
import { shortDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { PreflightList } from './PreflightList';
import {
  KeyText,
  periodLabel,
  previousPeriod,
  TaskProgress,
  usePeriodOptions,
  useTaskProgress,
} from './shared';

/**
 * "Kirim paket": pick the month, read the pre-flight check, then make the bundle (signing key
 * passphrase, Dinkes keys or a bundle passphrase, a folder or a download) with a progress bar
 * that can be cancelled.
 */
export function ExportPanel() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const queryClient = useQueryClient();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
  const keys = useQuery({ queryKey: ['keys.status'], queryFn: () => call('keys.status') });
  const history = useQuery({ queryKey: ['bundle.history'], queryFn: () => call('bundle.history') });
  const options = usePeriodOptions(24);
  const task = useTaskProgress();
  const [result, setResult] = useState<BundleExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const recipients = keys.data?.recipients.length ?? 0;
  const form = useContractForm(bundleExportForm, {
    period: previousPeriod(),
    keyPassphrase: '',
    lock: 'recipients',
    bundlePassphrase: '',
    bundlePassphraseConfirm: '',
    destination: 'folder',
    folder: '',
  });
  const errors = form.formState.errors;
  const period = form.watch('period');
  const lock = form.watch('lock');
  const destination = form.watch('destination');

  // Defaults that depend on what is known: the last folder used, passphrase mode without keys.
  const lastFolder = history.data?.lastFolder ?? null;
  useEffect(() => {
    if (lastFolder && !form.getValues('folder')) form.setValue('folder', lastFolder);
  }, [lastFolder, form]);
  useEffect(() => {
    if (keys.data && keys.data.recipients.length === 0) form.setValue('lock', 'passphrase');
  }, [keys.data, form]);

  const preflight = useQuery({
    queryKey: ['bundle.preflight', period],
    queryFn: () => call('bundle.preflight', { period }),
    enabled: /^\d{4}-\d{2}$/.test(period ?? ''),
  });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setResult(null);
    const taskId = task.start('kirim');
    const r = await invoke('bundle.export', { form: values, taskId });
    task.stop();
    if (!r.ok) {
      if (r.error.details?.bundleCode === 'BUNDLE_CANCELLED') {
        notifications.show({ color: 'gray', message: t('bundle.cancelled') });
        return;
      }
      setError(applyServerError(form, r.error, 'form.'));
      return;
    }
    form.setValue('keyPassphrase', '');
    form.setValue('bundlePassphrase', '');
    form.setValue('bundlePassphraseConfirm', '');
    setResult(r.value);
    if (r.value.download) downloadFile(r.value.download);
    void queryClient.invalidateQueries({ queryKey: ['bundle.history'] });
    void queryClient.invalidateQueries({ queryKey: ['bundle.preflight'] });
  });

  async function pickFolder() {
    const r = await invoke('bundle.pickFolder');
    if (r.ok && r.value.dir) form.setValue('folder', r.value.dir);
    else if (!r.ok) notifications.show({ color: 'red', message: r.error.message });
  }

  const check = preflight.data;
  const blocked = !check || !check.canExport;
  const running = task.running !== null;

  return (
    <DataForm
      onSubmit={() => {
        if (!running && isAdmin) void submit();
      }}
      error={error}
      aria-label={t('bundle.tab.send')}
      actions={<></>}
    >
      <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'start' }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('bundle.step.check')}
          </Title>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <Controller
              control={form.control}
              name="period"
              render={({ field }) => (
                <Select
                  label={t('field.period')}
                  data={options}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  w={220}
                  data-autofocus
                  error={errors.period?.message}
                />
              )}
            />
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={() => void preflight.refetch()}
              loading={preflight.isFetching}
            >
              {t('bundle.recheck')}
            </Button>
          </Group>
          {check && (
            <Text size="sm" mt="sm" data-testid="preflight-summary">
              <Text span fw={600}>
                {periodLabel(check.period, locale)} ·{' '}
                {t('bundle.revision', { revision: check.revision })}
              </Text>
              {' · '}
              {check.since
                ? t('bundle.since', {
                    records: check.records.toLocaleString('id-ID'),
                    date: shortDateTime(check.since),
                  })
                : t('bundle.sinceAll', { records: check.records.toLocaleString('id-ID') })}
            </Text>
          )}
          <Stack mt="sm">
            {preflight.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
            {preflight.isError && (
              <Alert color="red" title={t('error.title')}>
                {preflight.error.message}
              </Alert>
            )}
            {check && <PreflightList findings={check.findings} />}
          </Stack>
        </Card>

        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('bundle.step.build')}
          </Title>
          {!isAdmin ? (
            <Alert color="gray">{t('bundle.adminOnly')}</Alert>
          ) : (
            <Stack gap="sm">
              <PasswordInput
                label={t('field.keyPassphrase')}
                description={t('keys.signing.title')}
                withAsterisk
                autoComplete="off"
                error={errors.keyPassphrase?.message}
                disabled={running}
                {...form.register('keyPassphrase')}
              />
              <Controller
                control={form.control}
                name="lock"
                render={({ field }) => (
                  <Radio.Group
                    label={t('field.lock')}
                    value={field.value}
                    onChange={field.onChange}
                    error={errors.lock?.message}
                  >
                    <Group mt={4}>
                      <Radio
                        value="recipients"
                        disabled={recipients === 0 || running}
                        label={t('bundle.lock.recipients', { count: recipients })}
                      />
                      <Radio
                        value="passphrase"
                        disabled={running}
                        label={t('bundle.lock.passphrase')}
                      />
                    </Group>
                  </Radio.Group>
                )}
              />
              {lock === 'passphrase' && (
                <SimpleGrid cols={2} spacing="sm">
                  <PasswordInput
                    label={t('field.bundlePassphrase')}
                    withAsterisk
                    autoComplete="new-password"
                    error={errors.bundlePassphrase?.message}
                    {...form.register('bundlePassphrase')}
                  />
                  <PasswordInput
                    label={t('field.bundlePassphraseConfirm')}
                    withAsterisk
                    autoComplete="new-password"
                    error={errors.bundlePassphraseConfirm?.message}
                    {...form.register('bundlePassphraseConfirm')}
                  />
                  <Text size="xs" c="dimmed" style={{ gridColumn: 'span 2' }}>
                    {t('bundle.lock.passphrase.help')}
                  </Text>
                </SimpleGrid>
              )}
              <Controller
                control={form.control}
                name="destination"
                render={({ field }) => (
                  <Radio.Group
                    label={t('field.destination')}
                    value={field.value}
                    onChange={field.onChange}
                  >
                    <Group mt={4}>
                      <Radio
                        value="folder"
                        disabled={running}
                        label={t('bundle.destination.folder')}
                      />
                      <Radio
                        value="download"
                        disabled={running}
                        label={t('bundle.destination.download')}
                      />
                    </Group>
                  </Radio.Group>
                )}
              />
              {destination === 'folder' && (
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('field.folder')}
                    description={t('bundle.folder.help')}
                    withAsterisk
                    error={errors.folder?.message}
                    disabled={running}
                    {...form.register('folder')}
                  />
                  {info.data?.runtime === 'electron' && (
                    <Button
                      mt={42}
                      variant="default"
                      leftSection={<IconFolder size={16} />}
                      onClick={() => void pickFolder()}
                      disabled={running}
                    >
                      {t('bundle.folder.pick')}
                    </Button>
                  )}
                </Group>
              )}
              {running ? (
                <TaskProgress
                  progress={task.progress}
                  action={
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void invoke('bundle.cancel', { taskId: task.running! })}
                    >
                      {t('bundle.cancel')}
                    </Button>
                  }
                />
              ) : (
                <Group justify="space-between" mt="xs">
                  <Text size="xs" c={blocked ? 'red.8' : 'dimmed'}>
                    {blocked && check ? t('bundle.blocked') : ''}
                  </Text>
                  <Button
                    type="submit"
                    leftSection={<IconSend size={16} />}
                    disabled={blocked}
                    data-skip-enter
                  >
                    {t('bundle.build')} (Ctrl+S)
                  </Button>
                </Group>
              )}
              {result && <ExportDone result={result} />}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </DataForm>
  );
}

function ExportDone({ result }: { result: BundleExportResult }) {
  const t = useT();
  const e = result.export;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces: newer Chromium returns a promise from scrollIntoView, which is no cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return (
    <Alert ref={ref} color="teal" title={t('bundle.done.title')} data-testid="export-done">
      <Stack gap={6}>
        <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
          {e.fileName}
        </Text>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {result.path
            ? t('bundle.done.saved', { path: result.path })
            : t('bundle.done.downloaded', { file: e.fileName })}
        </Text>
        <Text size="sm">
          {t('bundle.revision', { revision: e.revision })} ·{' '}
          {t('bundle.records', { count: e.records })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('bundle.sha256')}
        </Text>
        <KeyText value={e.sha256} testId="export-sha" />
        {result.warnings.length > 0 && (
          <Text size="xs" c="orange.9">
            {result.warnings.join(' · ')}
          </Text>
        )}
        <Text size="sm">{t('bundle.done.next')}</Text>
        <Anchor href="#/kirim/riwayat" size="sm">
          {t('preflight.link.history')} →
        </Anchor>
      </Stack>
    </Alert>
  );
}
