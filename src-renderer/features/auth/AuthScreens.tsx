import {
  Button,
  Card,
  Center,
  Container,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { contract, type AuthStatus } from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { invoke } from '../../lib/api';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from '../settings/LanguageSwitch';

/** Refresh the session everywhere after a sign-in, lock, unlock or sign-out. */
export function useSetStatus() {
  const queryClient = useQueryClient();
  return (status: AuthStatus) => {
    queryClient.setQueryData(['auth.status'], status);
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth.status' });
  };
}

function Frame({
  title,
  facility,
  children,
}: {
  title: string;
  facility?: string | null;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size={420} w="100%">
        <Group justify="space-between" mb="xs">
          <Text fw={700} size="xl" c="teal.8">
            {t('app.name')}
          </Text>
          <LanguageSwitch compact />
        </Group>
        {facility && (
          <Text c="dimmed" size="sm" mb="sm">
            {facility}
          </Text>
        )}
        <Card withBorder padding="lg" shadow="sm">
          <Title order={1} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Card>
      </Container>
    </Center>
  );
}

export function LoginPage({ status }: { status: AuthStatus }) {
  const t = useT();
  const setStatus = useSetStatus();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(contract['auth.login'].input, { username: '', password: '' });
  const submit = form.handleSubmit(async (values) => {
    setSaving(true);
    const result = await invoke('auth.login', values);
    setSaving(false);
    if (result.ok) setStatus(result.value);
    else {
      setError(result.error.message);
      form.setValue('password', '');
      form.setFocus('password');
    }
  });
  return (
    <Frame title={t('login.title')} facility={status.facility?.name}>
      <DataForm
        aria-label={t('login.title')}
        onSubmit={() => void submit()}
        error={error}
        actions={
          <Button type="submit" fullWidth mt="lg" loading={saving}>
            {t('login.submit')}
          </Button>
        }
      >
        <Stack gap="sm">
          <TextInput
            label={t('field.username')}
            autoFocus
            autoComplete="username"
            error={form.formState.errors.username?.message}
            {...form.register('username')}
          />
          <PasswordInput
            label={t('field.password')}
            autoComplete="current-password"
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
        </Stack>
      </DataForm>
    </Frame>
  );
}

export function LockScreen({ status }: { status: AuthStatus }) {
  const t = useT();
  const setStatus = useSetStatus();
  const [error, setError] = useState<string | null>(null);
  const form = useContractForm(contract['auth.unlock'].input, { password: '' });
  const submit = form.handleSubmit(async (values) => {
    const result = await invoke('auth.unlock', values);
    if (result.ok) setStatus(result.value);
    else {
      setError(result.error.message);
      form.setValue('password', '');
    }
  });
  return (
    <Frame title={t('lock.title')} facility={status.facility?.name}>
      <Text size="sm" mb="md">
        {t('lock.body', { name: status.user?.fullName ?? '' })}
      </Text>
      <DataForm
        aria-label={t('lock.title')}
        onSubmit={() => void submit()}
        error={error}
        actions={
          <Stack mt="lg" gap="xs">
            <Button type="submit">{t('lock.unlock')}</Button>
            <Button
              variant="subtle"
              onClick={async () => {
                const result = await invoke('auth.logout');
                if (result.ok) setStatus(result.value);
              }}
            >
              {t('lock.other')}
            </Button>
          </Stack>
        }
      >
        <PasswordInput
          label={t('field.password')}
          autoFocus
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
      </DataForm>
    </Frame>
  );
}

const passwordChange = contract['auth.changePassword'].input;

/** Change the own password; shown full-screen when an admin has reset it. */
export function ChangePasswordForm({
  onDone,
  onCancel,
}: {
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const setStatus = useSetStatus();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useContractForm(passwordChange, {
    currentPassword: '',
    newPassword: '',
    passwordConfirm: '',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values: z.output<typeof passwordChange>) => {
    setSaving(true);
    const result = await invoke('auth.changePassword', values);
    setSaving(false);
    if (result.ok) {
      form.reset();
      setStatus(result.value);
      onDone?.();
    } else setError(applyServerError(form, result.error));
  });
  return (
    <DataForm
      aria-label={t('password.title')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      saving={saving}
      error={error}
    >
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label={t('field.currentPassword')}
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <PasswordInput
          label={t('field.newPassword')}
          autoComplete="new-password"
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <PasswordInput
          label={t('field.passwordConfirm')}
          autoComplete="new-password"
          error={errors.passwordConfirm?.message}
          {...form.register('passwordConfirm')}
        />
      </Stack>
    </DataForm>
  );
}

export function MustChangePasswordPage({ status }: { status: AuthStatus }) {
  const t = useT();
  return (
    <Frame title={t('password.title')} facility={status.facility?.name}>
      <Text size="sm" mb="md">
        {t('password.mustChange')}
      </Text>
      <ChangePasswordForm />
    </Frame>
  );
}
