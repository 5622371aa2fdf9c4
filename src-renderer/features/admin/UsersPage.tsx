import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { contract, ROLES, type UserRow } from '@shared/contract';
import { DataForm } from '../../components/DataForm';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { shortDateTime } from '../../lib/format';
import { applyServerError, useContractForm } from '../../lib/form';
import { useT } from '../../lib/i18n';

function RoleChoice({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <Radio.Group label={t('field.role')} value={value} onChange={onChange} withAsterisk>
      <Stack gap={4} mt={4}>
        {ROLES.map((r) => (
          <Radio key={r} value={r} label={`${t(`role.${r}`)} — ${t(`role.${r}.help`)}`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function CreateUser({ onClose }: { onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useContractForm(contract['users.create'].input, {
    username: '',
    fullName: '',
    role: 'petugas',
    password: '',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const result = await invoke('users.create', values);
    if (!result.ok) return setError(applyServerError(form, result.error));
    void queryClient.invalidateQueries({ queryKey: ['users.list'] });
    notifications.show({ color: 'teal', message: t('users.saved') });
    onClose();
  });
  return (
    <DataForm onSubmit={() => void submit()} onCancel={onClose} error={error}>
      <Stack gap="xs">
        <TextInput
          label={t('field.fullName')}
          withAsterisk
          data-autofocus
          error={errors.fullName?.message}
          {...form.register('fullName')}
        />
        <TextInput
          label={t('field.username')}
          withAsterisk
          error={errors.username?.message}
          {...form.register('username')}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <RoleChoice value={field.value} onChange={field.onChange} />}
        />
        <PasswordInput
          label={t('field.password')}
          withAsterisk
          description={t('users.reset.help')}
          error={errors.password?.message}
          {...form.register('password')}
        />
      </Stack>
    </DataForm>
  );
}

function EditUser({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<string>(user.role);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const result = await invoke('users.update', {
      id: user.id,
      version: user.version,
      fullName,
      role: role as UserRow['role'],
      disabled,
    });
    if (!result.ok) return setError(result.error.message);
    void queryClient.invalidateQueries({ queryKey: ['users.list'] });
    notifications.show({ color: 'teal', message: t('users.saved') });
    onClose();
  }
  async function reset() {
    const result = await invoke('users.resetPassword', {
      id: user.id,
      version: user.version,
      password,
    });
    if (!result.ok) return setError(result.error.message);
    void queryClient.invalidateQueries({ queryKey: ['users.list'] });
    notifications.show({ color: 'teal', message: t('users.saved') });
    onClose();
  }
  return (
    <Stack gap="xs">
      <TextInput
        label={t('field.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        data-autofocus
      />
      <RoleChoice value={role} onChange={setRole} />
      <Checkbox
        label={t('field.disabled')}
        checked={disabled}
        onChange={(e) => setDisabled(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()}>{t('common.save')}</Button>
      </Group>
      <Text fw={600} mt="md">
        {t('users.reset')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('users.reset.help')}
      </Text>
      <Group align="flex-end">
        <PasswordInput
          label={t('field.newPassword')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          color="orange"
          disabled={password.length < 8}
          onClick={() => void reset()}
        >
          {t('users.reset')}
        </Button>
      </Group>
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Admin: accounts and roles. */
export function UsersPage() {
  const t = useT();
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => call('users.list') });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('users.title')}
        actions={<Button onClick={() => setEditing('new')}>{t('users.add')}</Button>}
      />
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.fullName')}</Table.Th>
            <Table.Th>{t('field.username')}</Table.Th>
            <Table.Th>{t('field.role')}</Table.Th>
            <Table.Th>{t('posyandu.col.active')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data ?? []).map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td fw={500}>{u.fullName}</Table.Td>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{t(`role.${u.role}`)}</Table.Td>
              <Table.Td>
                {u.disabled ? (
                  <Badge color="gray" variant="light">
                    {t('users.status.disabled')}
                  </Badge>
                ) : u.lockedUntil && u.lockedUntil > new Date().toISOString() ? (
                  <Badge color="orange" variant="light">
                    {t('users.status.locked', { until: shortDateTime(u.lockedUntil) })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('users.status.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{u.lastLoginAt ? shortDateTime(u.lastLoginAt) : t('users.never')}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => setEditing(u)}>
                  {t('person.action.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('users.add') : t('users.edit')}
      >
        {editing === 'new' && <CreateUser onClose={() => setEditing(null)} />}
        {editing && editing !== 'new' && (
          <EditUser user={editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
