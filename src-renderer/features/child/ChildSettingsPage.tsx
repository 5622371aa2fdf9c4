import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChildSettings } from '@shared/contract';
import { kbmTableFromRows, type KbmRow } from '@shared/domain/growth';
import { NATIONAL_SCHEDULE, type DoseCode } from '@shared/domain/immunization';
import { DataForm } from '../../components/DataForm';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { ChildSectionHeader } from './ChildSectionTabs';
import { doseLabel } from './labels';

/** The area's settings: the KBM table, the IDL antigens and the JE programme. */
export function ChildSettingsPage() {
  const settings = useQuery({
    queryKey: ['child.settings.get'],
    queryFn: () => call('child.settings.get'),
  });
  return (
    <Stack gap="xs">
      <ChildSectionHeader />
      {settings.isError ? (
        <Alert color="red">{settings.error.message}</Alert>
      ) : !settings.data ? (
        <Loader />
      ) : (
        <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: ChildSettings }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const queryClient = useQueryClient();
  const isAdmin = useAuthStatus().data?.user?.role === 'admin';
  const [rows, setRows] = useState<KbmRow[]>(settings.kbm.rows);
  const [kbmCustom, setKbmCustom] = useState(settings.kbm.custom);
  const [idl, setIdl] = useState<DoseCode[]>(settings.idl.codes);
  const [idlCustom, setIdlCustom] = useState(settings.idl.custom);
  const [je, setJe] = useState(settings.includeJe);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const checked = kbmTableFromRows(rows, '2000-01-01');
  const problems = checked.ok ? [] : checked.refusals.map((r) => r.message[locale]);
  const routine = NATIONAL_SCHEDULE.doses
    .filter((d) => d.setting === 'routine')
    .map((d) => d.code)
    .filter((c, i, all) => all.indexOf(c) === i);

  const setRow = (i: number, patch: Partial<KbmRow>) => {
    setKbmCustom(true);
    setRows((current) => current.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  };

  async function save() {
    if (!isAdmin) return;
    setError(null);
    if (problems.length > 0) return setError(problems[0]!);
    setSaving(true);
    const result = await invoke('child.settings.set', {
      kbmRows: kbmCustom ? rows : null,
      idlCodes: idlCustom ? idl : null,
      includeJe: je,
    });
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    queryClient.setQueryData(['child.settings.get'], result.value);
    void queryClient.invalidateQueries({ queryKey: ['child.card'] });
    void queryClient.invalidateQueries({ queryKey: ['posyandu.session.open'] });
    notifications.show({ color: 'teal', message: t('child.settings.saved') });
  }

  return (
    <DataForm
      aria-label={t('child.settings.title')}
      onSubmit={() => void save()}
      saving={saving}
      error={error}
      actions={isAdmin ? undefined : <></>}
    >
      {!isAdmin && (
        <Alert color="gray" variant="light" mb="sm">
          {t('child.settings.adminOnly')}
        </Alert>
      )}
      <fieldset disabled={!isAdmin} style={{ border: 0, padding: 0, margin: 0 }}>
        <SimpleGrid cols={2} spacing="md">
          <Card withBorder>
            <Group justify="space-between" mb={4}>
              <Title order={3} size="h5">
                {t('child.settings.kbm')}
              </Title>
              <Badge variant="light" color={kbmCustom ? 'orange' : 'gray'}>
                {kbmCustom ? t('child.settings.custom') : t('child.settings.default')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {t('child.settings.kbm.help')}
            </Text>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('child.settings.kbm.from')}</Table.Th>
                  <Table.Th>{t('child.settings.kbm.to')}</Table.Th>
                  <Table.Th>{t('child.settings.kbm.gain')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {(['fromMonth', 'toMonth', 'minGainG'] as const).map((field) => (
                      <Table.Td key={field}>
                        <NumberInput
                          size="xs"
                          hideControls
                          allowDecimal={false}
                          allowNegative={false}
                          aria-label={`${t(
                            field === 'fromMonth'
                              ? 'child.settings.kbm.from'
                              : field === 'toMonth'
                                ? 'child.settings.kbm.to'
                                : 'child.settings.kbm.gain',
                          )} ${i + 1}`}
                          value={r[field] ?? ''}
                          onChange={(v) => setRow(i, { [field]: v === '' ? null : Number(v) })}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('child.settings.kbm.removeRow', { row: i + 1 })}
                        disabled={rows.length <= 1}
                        onClick={() => {
                          setKbmCustom(true);
                          setRows((current) => current.filter((_, k) => k !== i));
                        }}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {problems.map((p) => (
              <Text key={p} size="xs" c="red.8">
                {p}
              </Text>
            ))}
            <Group mt="xs" gap="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => {
                  setKbmCustom(true);
                  const last = rows.at(-1);
                  const from = last ? (last.toMonth ?? last.fromMonth) + 1 : 1;
                  setRows([
                    ...rows.slice(0, -1),
                    ...(last ? [{ ...last, toMonth: last.toMonth ?? from - 1 }] : []),
                    { fromMonth: from, toMonth: null, minGainG: last?.minGainG ?? 200 },
                  ]);
                }}
              >
                {t('child.settings.kbm.addRow')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setRows(settings.defaults.kbmRows);
                  setKbmCustom(false);
                }}
              >
                {t('child.settings.kbm.reset')}
              </Button>
            </Group>
          </Card>
          <Stack gap="md">
            <Card withBorder>
              <Group justify="space-between" mb={4}>
                <Title order={3} size="h5">
                  {t('child.settings.idl')}
                </Title>
                <Badge variant="light" color={idlCustom ? 'orange' : 'gray'}>
                  {idlCustom ? t('child.settings.custom') : t('child.settings.default')}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {t('child.settings.idl.help')}
              </Text>
              <SimpleGrid cols={2} spacing={4}>
                {routine.map((code) => (
                  <Checkbox
                    key={code}
                    size="sm"
                    label={doseLabel(code, locale)}
                    checked={idl.includes(code)}
                    onChange={(e) => {
                      setIdlCustom(true);
                      const on = e.currentTarget.checked;
                      setIdl((current) =>
                        on ? [...current, code] : current.filter((c) => c !== code),
                      );
                    }}
                  />
                ))}
              </SimpleGrid>
              <Button
                mt="xs"
                size="xs"
                variant="subtle"
                onClick={() => {
                  setIdl(settings.defaults.idlCodes);
                  setIdlCustom(false);
                }}
              >
                {t('child.settings.idl.reset')}
              </Button>
            </Card>
            <Card withBorder>
              <Switch
                label={t('child.settings.je')}
                description={t('child.settings.je.help')}
                checked={je}
                onChange={(e) => setJe(e.currentTarget.checked)}
              />
            </Card>
          </Stack>
        </SimpleGrid>
      </fieldset>
    </DataForm>
  );
}
