import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addRecipientInput, keyPassphrasePair, type KeysStatus } from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { DropZone, Fingerprint, KeyText } from './shared';

export function useKeysStatus() {
  return useQuery({ queryKey: ['keys.status'], queryFn: () => call('keys.status') });
}

/** Create a key with a passphrase typed twice (signing key or Dinkes key). */
function CreateKeyForm({
  channel,
  submitLabel,
  done,
}: {
  channel: 'keys.createSigning' | 'keys.createDinkes';
  submitLabel: string;
  done: string;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(keyPassphrasePair, { keyPassphrase: '', keyPassphraseConfirm: '' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setError(null);
    const r = await invoke(channel, values);
    setSaving(false);
    if (!r.ok) return setError(applyServerError(form, r.error));
    queryClient.setQueryData(['keys.status'], r.value);
    void queryClient.invalidateQueries({ queryKey: ['bundle.preflight'] });
    notifications.show({ color: 'teal', message: done });
  });
  return (
    <DataForm
      onSubmit={() => void submit()}
      saving={saving}
      error={error}
      submitLabel={submitLabel}
    >
      <Stack gap="xs">
        <PasswordInput
          label={t('field.keyPassphrase')}
          description={t('keys.passphrase.help')}
          withAsterisk
          autoComplete="new-password"
          error={errors.keyPassphrase?.message}
          {...form.register('keyPassphrase')}
        />
        <PasswordInput
          label={t('field.keyPassphraseConfirm')}
          withAsterisk
          autoComplete="new-password"
          error={errors.keyPassphraseConfirm?.message}
          {...form.register('keyPassphraseConfirm')}
        />
      </Stack>
    </DataForm>
  );
}

function SigningKeyCard({ status, isAdmin }: { status: KeysStatus; isAdmin: boolean }) {
  const t = useT();
  const s = status.signing;
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('keys.signing.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('keys.signing.intro')}
      </Text>
      {s ? (
        <Stack gap="xs" data-testid="signing-key">
          <Fingerprint value={s.fingerprint} label={t('keys.fingerprint')} />
          <Text size="sm">
            {t('keys.keyId')}:{' '}
            <Text span ff="monospace">
              {s.keyId}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {t('keys.publicKey')}
          </Text>
          <KeyText value={s.publicKey} />
          <Alert color="blue" variant="light">
            {t('keys.fingerprint.readOut')}
          </Alert>
        </Stack>
      ) : isAdmin ? (
        <CreateKeyForm
          channel="keys.createSigning"
          submitLabel={t('keys.signing.create')}
          done={t('keys.signing.created')}
        />
      ) : (
        <Alert color="gray">{t('keys.adminOnly')}</Alert>
      )}
    </Card>
  );
}

function RecipientsCard({ status, isAdmin }: { status: KeysStatus; isAdmin: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(addRecipientInput, { recipientText: '', label: '' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    setError(null);
    const r = await invoke('keys.addRecipient', values);
    setSaving(false);
    if (!r.ok) return setError(applyServerError(form, r.error));
    queryClient.setQueryData(['keys.status'], r.value);
    void queryClient.invalidateQueries({ queryKey: ['bundle.preflight'] });
    form.reset({ recipientText: '', label: '' });
    notifications.show({ color: 'teal', message: t('keys.recipients.added') });
  });
  async function remove(recipient: string) {
    const r = await invoke('keys.removeRecipient', { recipient });
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    queryClient.setQueryData(['keys.status'], r.value);
    void queryClient.invalidateQueries({ queryKey: ['bundle.preflight'] });
    notifications.show({ color: 'teal', message: t('keys.recipients.removed') });
  }
  async function load(files: File[]) {
    const file = files[0];
    if (!file || file.size > 20_000) return;
    form.setValue('recipientText', await file.text(), { shouldValidate: false });
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('keys.recipients.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('keys.recipients.intro')}
      </Text>
      <Stack gap="xs" mb="md" data-testid="recipients">
        {status.recipients.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('keys.recipients.empty')}
          </Text>
        )}
        {status.recipients.map((r) => (
          <Paper key={r.recipient} withBorder p="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Badge variant="light" color="teal">
                  {r.label || 'Dinkes'}
                </Badge>
                <Fingerprint value={r.fingerprint} label={t('keys.fingerprint')} />
                <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {r.recipient}
                </Text>
              </Stack>
              {isAdmin && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => void remove(r.recipient)}
                >
                  {t('keys.recipients.remove')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
        {status.recipients.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('keys.recipients.verify')}
          </Text>
        )}
      </Stack>
      {isAdmin ? (
        <DataForm
          onSubmit={() => void submit()}
          saving={saving}
          error={error}
          submitLabel={t('keys.recipients.add')}
        >
          <Stack gap="xs">
            <Textarea
              label={t('field.recipientText')}
              placeholder={t('keys.recipients.placeholder')}
              autosize
              minRows={2}
              maxRows={5}
              styles={{ input: { fontFamily: 'monospace' } }}
              withAsterisk
              error={errors.recipientText?.message}
              {...form.register('recipientText')}
            />
            <DropZone
              accept=".txt,text/plain"
              title={t('keys.recipients.drop')}
              buttonLabel={t('keys.recipients.file')}
              onFiles={(files) => void load(files)}
            />
            <TextInput
              label={t('field.label')}
              placeholder="Dinkes"
              error={errors.label?.message}
              {...form.register('label')}
            />
          </Stack>
        </DataForm>
      ) : (
        <Alert color="gray">{t('keys.adminOnly')}</Alert>
      )}
    </Card>
  );
}

/** Puskesmas: the signing key and the Dinkes keys, with fingerprints to read over the phone. */
export function PuskesmasKeysPanel() {
  const t = useT();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const status = useKeysStatus();
  if (status.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (status.isError) return <Alert color="red">{status.error.message}</Alert>;
  return (
    <SimpleGrid cols={2} spacing="md" style={{ alignItems: 'start' }}>
      <SigningKeyCard status={status.data} isAdmin={isAdmin} />
      <RecipientsCard status={status.data} isAdmin={isAdmin} />
    </SimpleGrid>
  );
}

/** Dinkes: the age key to hand out (text, QR code, file) and its fingerprint. */
export function DinkesKeyCard() {
  const t = useT();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const status = useKeysStatus();
  async function download() {
    const r = await invoke('keys.recipientFile');
    if (r.ok) downloadFile(r.value);
    else notifications.show({ color: 'red', message: r.error.message });
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('keys.dinkes.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('keys.dinkes.intro')}
      </Text>
      {status.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {status.data?.dinkes ? (
        <Group align="flex-start" wrap="nowrap" gap="lg" data-testid="dinkes-key">
          <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm">{t('keys.dinkes.share')}</Text>
            <Fingerprint value={status.data.dinkes.fingerprint} label={t('keys.fingerprint')} />
            <Text size="xs" c="dimmed">
              {t('keys.publicKey')}
            </Text>
            <KeyText value={status.data.dinkes.recipient} testId="dinkes-recipient" />
            <Group>
              <Button
                variant="light"
                leftSection={<IconDownload size={16} />}
                onClick={() => void download()}
              >
                {t('keys.dinkes.download')}
              </Button>
            </Group>
          </Stack>
          <Image
            src={`data:image/svg+xml;base64,${btoa(status.data.dinkes.qrSvg)}`}
            alt={t('keys.dinkes.qr')}
            w={180}
            h={180}
            fit="contain"
          />
        </Group>
      ) : status.data && isAdmin ? (
        <CreateKeyForm
          channel="keys.createDinkes"
          submitLabel={t('keys.dinkes.create')}
          done={t('keys.dinkes.created')}
        />
      ) : status.data ? (
        <Alert color="gray">{t('keys.dinkes.missing')}</Alert>
      ) : null}
    </Card>
  );
}
