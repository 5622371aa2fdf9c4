import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DesaRow } from '@shared/contract';
import { call, invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAuthStatus, useDesaList } from '../../lib/lookups';
import { EmptyRow } from '../management/list';

function EditDesa({ desa, onClose }: { desa: DesaRow; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [rt, setRt] = useState<number | ''>(desa.rtCount ?? '');
  const [rw, setRw] = useState<number | ''>(desa.rwCount ?? '');
  const [dusun, setDusun] = useState(desa.dusun.join('\n'));
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const result = await invoke('desa.update', {
      id: desa.id,
      version: desa.version,
      rtCount: rt === '' ? null : rt,
      rwCount: rw === '' ? null : rw,
      dusun: dusun
        .split('\n')
        .map((d) => d.trim())
        .filter(Boolean),
    });
    if (!result.ok) return setError(result.error.message);
    void queryClient.invalidateQueries({ queryKey: ['desa.list'] });
    notifications.show({ color: 'teal', message: t('desa.saved') });
    onClose();
  }
  return (
    <Stack>
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('field.rtCount')}
          min={0}
          max={999}
          value={rt}
          onChange={(v) => setRt(typeof v === 'number' ? v : '')}
          data-autofocus
        />
        <NumberInput
          label={t('field.rwCount')}
          min={0}
          max={999}
          value={rw}
          onChange={(v) => setRw(typeof v === 'number' ? v : '')}
        />
      </SimpleGrid>
      <Textarea
        label={t('field.dusun')}
        description={t('desa.dusun.help')}
        autosize
        minRows={3}
        value={dusun}
        onChange={(e) => setDusun(e.currentTarget.value)}
      />
      {error && (
        <Text c="red.8" size="sm">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()}>{t('common.save')}</Button>
      </Group>
    </Stack>
  );
}

function AddDesa({ existing, onClose }: { existing: DesaRow[]; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const status = useAuthStatus().data;
  const regency = status?.facility?.regencyCode ?? '';
  const [district, setDistrict] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const districts = useQuery({
    queryKey: ['regions.districts', regency],
    enabled: !!regency,
    queryFn: () => call('regions.districts', { regencyCode: regency }),
  });
  const villages = useQuery({
    queryKey: ['regions.villages', district],
    enabled: !!district,
    queryFn: () => call('regions.villages', { districtCode: district! }),
  });
  const have = new Set(existing.map((d) => d.code));
  async function save() {
    const result = await invoke('desa.add', { codes: chosen });
    if (!result.ok) return setError(result.error.message);
    queryClient.setQueryData(['desa.list'], result.value);
    notifications.show({ color: 'teal', message: t('desa.added') });
    onClose();
  }
  return (
    <Stack>
      <Select
        label={t('desa.add.pick')}
        searchable
        data={(districts.data ?? []).map((d) => ({
          value: d.code,
          label: `${d.name} (${d.code})`,
        }))}
        value={district}
        onChange={(v) => {
          setDistrict(v);
          setChosen([]);
        }}
        data-autofocus
      />
      <SimpleGrid cols={2} spacing={4}>
        {(villages.data ?? [])
          .filter((v) => !have.has(v.code))
          .map((v) => (
            <Checkbox
              key={v.code}
              label={`${v.name} (${t(`village.kind.${v.kind}`)})`}
              checked={chosen.includes(v.code)}
              onChange={(e) =>
                setChosen((c) =>
                  e.currentTarget.checked ? [...c, v.code] : c.filter((x) => x !== v.code),
                )
              }
            />
          ))}
      </SimpleGrid>
      {error && (
        <Text c="red.8" size="sm">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button disabled={chosen.length === 0} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The desa/kelurahan of the wilayah kerja with RT, RW and dusun. */
export function DesaPanel() {
  const t = useT();
  const desa = useDesaList();
  const role = useAuthStatus().data?.user?.role;
  const [editing, setEditing] = useState<DesaRow | null>(null);
  const [adding, setAdding] = useState(false);
  const canWrite = role === 'admin' || role === 'petugas';
  const rows = desa.data ?? [];
  return (
    <Stack gap="sm">
      {role === 'admin' && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('desa.add')}
          </Button>
        </Group>
      )}
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('desa.col.name')}</Table.Th>
            <Table.Th miw={112}>{t('desa.col.kind')}</Table.Th>
            <Table.Th>{t('desa.col.code')}</Table.Th>
            <Table.Th>{t('desa.col.district')}</Table.Th>
            <Table.Th ta="right">{t('field.rtCount')}</Table.Th>
            <Table.Th ta="right">{t('field.rwCount')}</Table.Th>
            <Table.Th>{t('field.dusun')}</Table.Th>
            <Table.Th ta="right">{t('desa.col.persons')}</Table.Th>
            {canWrite && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow colSpan={9}>{t('desa.empty')}</EmptyRow>}
          {rows.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td fw={500}>{d.name}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={d.kind === 'kelurahan' ? 'indigo' : 'teal'}>
                  {t(`village.kind.${d.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{d.code}</Table.Td>
              <Table.Td>{d.districtName}</Table.Td>
              <Table.Td ta="right">{d.rtCount ?? '—'}</Table.Td>
              <Table.Td ta="right">{d.rwCount ?? '—'}</Table.Td>
              <Table.Td>{d.dusun.length > 0 ? d.dusun.join(', ') : '—'}</Table.Td>
              <Table.Td ta="right">{d.personCount.toLocaleString('id-ID')}</Table.Td>
              {canWrite && (
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(d)}>
                    {t('person.action.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? t('desa.edit', { name: editing.name }) : ''}
      >
        {editing && <EditDesa desa={editing} onClose={() => setEditing(null)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('desa.add')} size="lg">
        {adding && <AddDesa existing={rows} onClose={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}
