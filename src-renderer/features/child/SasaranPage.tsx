import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionDayOnOrAfter } from '@shared/domain/child-services';
import { formatTanggal, isIsoDate } from '@shared/domain/dates';
import { DateField } from '../../components/DateField';
import { call, invoke } from '../../lib/api';
import { downloadFile } from '../../lib/download';
import { ageText, shortDate, shortDateTime, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { usePosyanduList } from '../../lib/lookups';
import { useUiStore } from '../../stores/ui';
import { ChildSectionHeader } from './ChildSectionTabs';
import { doseLabel } from './labels';
import { PrintArea, printNow } from '../../components/PrintArea';
import './child.css';
import { useFocusOnOpen } from './queries';

/** Sasaran imunisasi of a posyandu session: who needs which dose that day; printable. */
export function SasaranPage() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const posyandu = usePosyanduList();
  const first = useFocusOnOpen<HTMLInputElement>();
  const [today] = useState(todayLocal);
  const [posyanduId, setPosyanduId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [basis, setBasis] = useState<'posyandu' | 'wilayah'>('posyandu');
  const [error, setError] = useState<string | null>(null);
  const enabled = !!posyanduId && isIsoDate(date);
  const view = useQuery({
    queryKey: ['immunization.sasaran', posyanduId, date, basis],
    enabled,
    queryFn: () =>
      call('immunization.sasaran', { posyanduId: posyanduId!, sessionDate: date, basis }),
  });
  useHotkeys([['ctrl+p', () => view.data && printNow()]]);
  const facility = useQuery({ queryKey: ['facility.get'], queryFn: () => call('facility.get') });

  async function xlsx() {
    setError(null);
    const result = await invoke('immunization.sasaranXlsx', {
      posyanduId: posyanduId!,
      sessionDate: date,
      basis,
    });
    if (!result.ok) return setError(result.error.message);
    downloadFile(result.value);
  }

  const data = view.data;
  const prepare =
    data?.totals.map((x) => `${doseLabel(x.code, locale)} × ${x.count}`).join(', ') ?? '';

  return (
    <Stack gap="xs">
      <ChildSectionHeader
        actions={
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconPrinter size={16} />}
              disabled={!data}
              onClick={() => printNow()}
            >
              {t('child.sasaran.print')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              disabled={!data}
              onClick={() => void xlsx()}
            >
              {t('child.sasaran.xlsx')}
            </Button>
          </Group>
        }
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label={t('field.posyanduId')}
          w={300}
          searchable
          ref={first}
          selectFirstOptionOnChange
          value={posyanduId}
          onChange={(id) => {
            setPosyanduId(id);
            const p = posyandu.data?.find((x) => x.id === id);
            if (p) setDate(sessionDayOnOrAfter(today, p.scheduleWeek, p.scheduleWeekday));
          }}
          data={(posyandu.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} — ${p.desaName}`,
          }))}
        />
        <DateField label={t('field.sessionDate')} w={140} value={date} onChange={setDate} />
        <div>
          <Text size="sm" fw={500}>
            {t('field.basis')}
          </Text>
          <SegmentedControl
            aria-label={t('field.basis')}
            value={basis}
            onChange={(v) => setBasis(v as 'posyandu' | 'wilayah')}
            data={[
              { value: 'posyandu', label: t('child.session.basis.posyandu') },
              { value: 'wilayah', label: t('child.session.basis.wilayah') },
            ]}
          />
        </div>
      </Group>
      <Text size="xs" c="dimmed">
        {t('child.sasaran.help')}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {!enabled ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('child.session.pick')}
        </Text>
      ) : view.isError ? (
        <Alert color="red">{view.error.message}</Alert>
      ) : !data ? (
        <Loader />
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('child.sasaran.count', { count: data.rows.length })}
            </Text>
            {prepare && (
              <Text size="sm" data-testid="sasaran-prepare">
                {t('child.sasaran.prepare', { list: prepare })}
              </Text>
            )}
          </Group>
          {data.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('child.sasaran.empty')}
            </Text>
          ) : (
            <Table striped withTableBorder fz="sm" data-testid="sasaran-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>{t('child.col.no')}</Table.Th>
                  <Table.Th>{t('child.col.name')}</Table.Th>
                  <Table.Th w={40}>{t('child.col.sex')}</Table.Th>
                  <Table.Th w={190}>{t('child.col.birth')}</Table.Th>
                  <Table.Th>{t('child.col.mother')}</Table.Th>
                  <Table.Th w={80}>{t('child.col.rtrw')}</Table.Th>
                  <Table.Th>{t('child.col.doses')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r, i) => (
                  <Table.Tr key={r.personId}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {r.name}
                    </Table.Td>
                    <Table.Td>{r.sex}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {shortDate(r.birthDate)} ({ageText(t, r.birthDate, data.sessionDate)})
                    </Table.Td>
                    <Table.Td>{r.motherName ?? '—'}</Table.Td>
                    <Table.Td>{r.rt || r.rw ? `${r.rt ?? '-'}/${r.rw ?? '-'}` : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {r.doses.map((d) => (
                          <Badge
                            key={d.code}
                            size="sm"
                            color={d.status === 'overdue' ? 'red' : 'orange'}
                            variant="light"
                            styles={{ label: { textTransform: 'none' } }}
                            title={`${t('child.due.dueOn', { date: shortDate(d.dueDate) })}`}
                          >
                            {doseLabel(d.code, locale)}
                            {d.status === 'overdue' ? ` · ${t('child.due.overdue')}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <PrintArea>
            <h1>
              {t('child.sasaran.heading', {
                posyandu: `${data.posyandu.name} (${data.posyandu.desaName})`,
                date: formatTanggal(data.sessionDate),
              })}
            </h1>
            <p>
              {facility.data?.name ?? ''} · {shortDateTime(new Date().toISOString())}
            </p>
            {prepare && <p>{t('child.sasaran.prepare', { list: prepare })}</p>}
            <table>
              <thead>
                <tr>
                  <th>{t('child.col.no')}</th>
                  <th>{t('child.col.name')}</th>
                  <th>{t('child.col.sex')}</th>
                  <th>{t('child.col.birthDate')}</th>
                  <th>{t('child.col.mother')}</th>
                  <th>{t('child.col.rtrw')}</th>
                  <th>{t('child.col.doses')}</th>
                  <th>{t('child.col.given')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  <tr key={r.personId}>
                    <td>{i + 1}</td>
                    <td>{r.name}</td>
                    <td>{r.sex}</td>
                    <td>
                      {shortDate(r.birthDate)} ({ageText(t, r.birthDate, data.sessionDate)})
                    </td>
                    <td>{r.motherName ?? ''}</td>
                    <td>{r.rt || r.rw ? `${r.rt ?? '-'}/${r.rw ?? '-'}` : ''}</td>
                    <td>
                      {r.doses
                        .map(
                          (d) =>
                            `${doseLabel(d.code, locale)}${d.status === 'overdue' ? ` (${t('child.due.overdue')})` : ''}`,
                        )
                        .join('; ')}
                    </td>
                    <td style={{ width: '22mm' }} />
                  </tr>
                ))}
              </tbody>
            </table>
          </PrintArea>
        </>
      )}
    </Stack>
  );
}
