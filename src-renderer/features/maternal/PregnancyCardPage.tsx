import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBabyCarriage,
  IconDots,
  IconEdit,
  IconPill,
  IconPlus,
  IconStethoscope,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { PregnancyCard } from '@shared/contract';
import { SERVICE_PLACE_LABELS, SERVICE_PLACES } from '@shared/domain/codes/service';
import {
  BABY_OUTCOMES,
  DELIVERY_ATTENDANTS,
  DELIVERY_METHODS,
  DELIVERY_PLACES,
  IMT_CLASS_LABELS,
  KB_METHODS,
  KB_STATUSES,
  PREGNANCY_OUTCOMES,
  TERM_LABELS,
} from '@shared/domain/maternal';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { call, invoke } from '../../lib/api';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { Fact, FlagBadges, gaShort, useFacilityClock, useLocale } from './ui';

const dateTimeText = (iso: string) =>
  `${shortDate(iso.slice(0, 10))} ${iso.slice(11, 16).replace(':', '.')}`;

type DeleteTarget = {
  kind: 'pregnancy' | 'anc' | 'nifas' | 'vitaminA' | 'td' | 'kb';
  id: string;
  version: number;
  what: string;
};

/** The pregnancy card: summary with derived flags, and the timeline of every service. */
export function PregnancyCardPage({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const role = useAuthStatus().data?.user?.role;
  const canWrite = role === 'admin' || role === 'petugas';
  const card = useQuery({
    queryKey: ['maternal.card', id],
    queryFn: () => call('maternal.card', { id }),
    staleTime: 0,
  });
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [closing, setClosing] = useState(false);
  const [vitA, setVitA] = useState(false);
  const [td, setTd] = useState(false);
  const base = `~/klaster-2/ibu/kehamilan/${id}`;
  const data = card.data;
  const open = !!data && data.pregnancy.outcome === null;
  const delivered = !!data?.delivery;

  useHotkeys([
    ['alt+a', () => canWrite && navigate(`${base}/anc/baru`)],
    ['alt+p', () => canWrite && open && navigate(`${base}/persalinan`)],
    ['alt+f', () => canWrite && delivered && navigate(`${base}/nifas/baru`)],
    ['alt+k', () => canWrite && data && navigate(`~/klaster-2/ibu/kb/${data.mother.id}/baru`)],
    ['alt+e', () => canWrite && navigate(`${base}/ubah`)],
  ]);

  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!data) return <Loader />;
  const { pregnancy: p, derived: d, mother } = data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['maternal.card', id] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.kohort'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.person'] });
    void queryClient.invalidateQueries({ queryKey: ['maternal.workList'] });
  };

  const status = p.outcome
    ? t('card.ended', {
        outcome: PREGNANCY_OUTCOMES[p.outcome][locale],
        date: shortDate(p.endedOn),
      })
    : t('card.status.open');
  const anc = d.anc;
  const k6Text = anc.complete
    ? t('card.k6.complete', { date: shortDate(anc.achievedOn) })
    : [
        t('card.k6.missing', {
          t1: anc.missingPerTrimester[0] ?? 0,
          t2: anc.missingPerTrimester[1] ?? 0,
          t3: anc.missingPerTrimester[2] ?? 0,
        }),
        anc.missingDoctorTrimesters.length
          ? t('card.k6.doctor', { list: anc.missingDoctorTrimesters.join(', ') })
          : '',
      ]
        .filter(Boolean)
        .join('; ');

  return (
    <Stack gap="xs">
      <PageHeader
        title={t('card.title', { name: mother.name })}
        actions={
          canWrite && (
            <Group gap={6} wrap="nowrap">
              <Button
                size="xs"
                leftSection={<IconStethoscope size={14} />}
                onClick={() => navigate(`${base}/anc/baru`)}
              >
                {t('card.action.anc')} (Alt+A)
              </Button>
              {open && (
                <Button
                  size="xs"
                  leftSection={<IconBabyCarriage size={14} />}
                  onClick={() => navigate(`${base}/persalinan`)}
                >
                  {t('card.action.delivery')} (Alt+P)
                </Button>
              )}
              {delivered && (
                <Button size="xs" variant="light" onClick={() => navigate(`${base}/nifas/baru`)}>
                  {t('card.action.nifas')} (Alt+F)
                </Button>
              )}
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPill size={14} />}
                onClick={() => navigate(`~/klaster-2/ibu/kb/${mother.id}/baru`)}
              >
                {t('card.action.kb')} (Alt+K)
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('card.action.edit')}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconEdit size={14} />}
                    onClick={() => navigate(`${base}/ubah`)}
                  >
                    {t('card.action.edit')} (Alt+E)
                  </Menu.Item>
                  {delivered && (
                    <Menu.Item onClick={() => setVitA(true)}>{t('card.action.vitA')}</Menu.Item>
                  )}
                  <Menu.Item onClick={() => setTd(true)}>{t('card.action.td')}</Menu.Item>
                  {open && (
                    <Menu.Item onClick={() => setClosing(true)}>{t('card.action.close')}</Menu.Item>
                  )}
                  {!delivered && (
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() =>
                        setDeleting({
                          kind: 'pregnancy',
                          id: p.id,
                          version: p.version,
                          what: t('card.title', { name: mother.name }),
                        })
                      }
                    >
                      {t('card.action.delete')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Group>
          )
        }
      />
      <Group gap="xs" mt={-10}>
        <Anchor component={Link} href={`~/penduduk/${mother.id}`} size="sm">
          {mother.nik ?? t('persons.noNik')} · {mother.desaName ?? t('person.luar')}
        </Anchor>
        <Badge color={p.outcome ? 'gray' : 'teal'} variant="light" data-testid="pregnancy-status">
          {status}
        </Badge>
      </Group>

      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Card withBorder w={330} style={{ flexShrink: 0 }}>
          <Title order={2} size="h5" mb="xs">
            {t('card.summary')}
          </Title>
          <Stack gap={4}>
            <Fact label={t('card.hpht')}>{shortDate(p.hpht)}</Fact>
            <Fact label={t('card.hpl')}>
              {shortDate(p.hpl)}
              {p.datingMethod !== 'HPHT' && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({p.datingMethod})
                </Text>
              )}
            </Fact>
            {d.gaToday && (
              <Fact label={t('card.uk')}>
                {t('anc.derived.uk', {
                  weeks: d.gaToday.weeks,
                  days: d.gaToday.days,
                  trimester: d.trimesterToday ?? '',
                })}
              </Fact>
            )}
            <Fact label={t('card.gpa')}>
              G{p.gravida} P{p.para} A{p.abortus}
              {d.ageAtHpht !== null && ` · ${d.ageAtHpht} th`}
            </Fact>
            {d.jarakBulan !== null && (
              <Fact label={t('card.jarak')}>{t('card.months', { months: d.jarakBulan })}</Fact>
            )}
            {p.heightCm !== null && (
              <Fact label={t('card.tb')}>{String(p.heightCm).replace('.', ',')} cm</Fact>
            )}
            {d.imt !== null && (
              <Fact label={t('card.imt')}>
                {String(d.imt).replace('.', ',')} (
                {d.imtClass ? IMT_CLASS_LABELS[d.imtClass as 'NORMAL'][locale] : ''})
                {d.weightGain &&
                  ` · +${String(d.weightGain.min).replace('.', ',')}–${String(d.weightGain.max).replace('.', ',')} kg`}
              </Fact>
            )}
            <Fact label={t('card.td')}>
              <b>{data.td.status}</b>
              {data.td.protectedUntil &&
                ` · ${t('card.td.protected', { date: shortDate(data.td.protectedUntil) })}`}
              {data.td.nextDoseEarliest && data.td.status !== 'T5' && (
                <Text size="xs" c="dimmed">
                  {t('card.td.next', { date: shortDate(data.td.nextDoseEarliest) })}
                </Text>
              )}
            </Fact>
            <Fact label={data.rules.kSlots.length === 4 ? 'K4' : t('card.k6')}>
              <Text span size="sm" c={anc.complete ? 'teal.8' : undefined} data-testid="k6-status">
                {k6Text}
              </Text>
            </Fact>
            {d.nextVisit && open && (
              <Fact label={t('card.nextVisit')}>{shortDate(d.nextVisit)}</Fact>
            )}
            {d.nifas && (
              <Fact label={t('card.nifas')}>
                <Text
                  span
                  size="sm"
                  c={d.nifas.complete ? 'teal.8' : undefined}
                  data-testid="nifas-status"
                >
                  {d.nifas.complete
                    ? t('card.nifas.complete')
                    : t('card.nifas.missing', { list: d.nifas.missing.join(', ') })}
                </Text>
              </Fact>
            )}
            <Text size="sm" c="dimmed" mt={4}>
              {t('card.flags')}
            </Text>
            <div data-testid="pregnancy-flags">
              {d.flags.length > 0 ? (
                <FlagBadges flags={d.flags} />
              ) : (
                <Text size="sm" c="teal.8">
                  {t('card.noFlags')}
                </Text>
              )}
            </div>
          </Stack>
        </Card>

        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Card withBorder>
            <Title order={2} size="h5" mb="xs">
              {t('card.timeline')}
            </Title>
            {data.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('card.timeline.empty')}
              </Text>
            ) : (
              <Table striped verticalSpacing={4} fz="sm" data-testid="anc-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={92}>{t('datetime.date')}</Table.Th>
                    <Table.Th w={112}>K</Table.Th>
                    <Table.Th w={64}>UK</Table.Th>
                    <Table.Th w={60}>BB</Table.Th>
                    <Table.Th w={74}>TD</Table.Th>
                    <Table.Th w={54}>LILA</Table.Th>
                    <Table.Th w={46}>Hb</Table.Th>
                    <Table.Th>{t('card.flags')}</Table.Th>
                    {canWrite && <Table.Th w={62} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.contacts.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{shortDate(c.visitDate)}</Table.Td>
                      <Table.Td>
                        <Text span fw={600} size="sm">
                          {c.label ?? t('card.contact.extra')}
                        </Text>
                        {c.label === 'K1' && (
                          <Text span size="xs" c={c.k1Murni ? 'teal.8' : 'orange.8'}>
                            {' '}
                            {c.k1Murni ? 'murni' : 'akses'}
                          </Text>
                        )}
                        {c.byDoctor && (
                          <Badge size="xs" ml={4} variant="outline">
                            dr
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {gaShort(c.ga)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          T{c.trimester}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.weightKg !== null ? String(c.weightKg).replace('.', ',') : ''}
                      </Table.Td>
                      <Table.Td>
                        {c.systolic !== null ? `${c.systolic}/${c.diastolic}` : ''}
                      </Table.Td>
                      <Table.Td>
                        {c.lilaCm !== null ? String(c.lilaCm).replace('.', ',') : ''}
                      </Table.Td>
                      <Table.Td>
                        {c.hbGdl !== null ? String(c.hbGdl).replace('.', ',') : ''}
                      </Table.Td>
                      <Table.Td>
                        <FlagBadges flags={c.flags} size="xs" />
                      </Table.Td>
                      {canWrite && (
                        <Table.Td>
                          <Group gap={2} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              size="sm"
                              aria-label={`${t('card.action.edit')} ${shortDate(c.visitDate)}`}
                              onClick={() => navigate(`${base}/anc/${c.id}`)}
                            >
                              <IconEdit size={14} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              size="sm"
                              aria-label={`${t('card.action.delete')} ${shortDate(c.visitDate)}`}
                              onClick={() =>
                                setDeleting({
                                  kind: 'anc',
                                  id: c.id,
                                  version: c.version,
                                  what: `${c.label ?? ''} ${shortDate(c.visitDate)}`,
                                })
                              }
                            >
                              <IconTrash size={14} />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>

          {data.delivery && (
            <Card withBorder data-testid="delivery-card">
              <Group justify="space-between" mb={4}>
                <Title order={2} size="h5">
                  {t('card.delivery', { date: dateTimeText(data.delivery.deliveredAt) })}
                </Title>
                {canWrite && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconEdit size={12} />}
                    onClick={() => navigate(`${base}/persalinan`)}
                  >
                    {t('card.action.edit')}
                  </Button>
                )}
              </Group>
              <Text size="sm">
                {DELIVERY_PLACES[data.delivery.place][locale]}
                {data.delivery.placeName ? ` (${data.delivery.placeName})` : ''} ·{' '}
                {DELIVERY_ATTENDANTS[data.delivery.attendant][locale]} ·{' '}
                {DELIVERY_METHODS[data.delivery.method][locale]}
                {data.delivery.ga &&
                  ` · ${t('card.delivery.ga', {
                    weeks: data.delivery.ga.weeks,
                    days: data.delivery.ga.days,
                    term: data.delivery.term ? TERM_LABELS[data.delivery.term][locale] : '',
                  })}`}
              </Text>
              <Text size="sm" c={data.delivery.fasyankes ? 'teal.8' : 'orange.8'} mb={4}>
                {data.delivery.fasyankes ? t('card.delivery.pf') : t('card.delivery.notPf')}
              </Text>
              <Table verticalSpacing={2} fz="sm" data-testid="babies-table">
                <Table.Tbody>
                  {data.delivery.babies.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td w={70}>{t('card.baby', { order: b.birthOrder })}</Table.Td>
                      <Table.Td>
                        {b.personId ? (
                          <Anchor component={Link} href={`~/penduduk/${b.personId}`}>
                            {b.personName}
                          </Anchor>
                        ) : (
                          BABY_OUTCOMES[b.outcome][locale]
                        )}
                      </Table.Td>
                      <Table.Td>{t(`sex.${b.sex}`)}</Table.Td>
                      <Table.Td>
                        {b.birthWeightG !== null && `${b.birthWeightG} g`}{' '}
                        {b.bblr && (
                          <Badge size="xs" color="red" variant="light">
                            {t('card.bblr')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {b.lengthCm !== null ? `${String(b.lengthCm).replace('.', ',')} cm` : ''}
                      </Table.Td>
                      <Table.Td c="dimmed">
                        {[
                          b.imd && 'IMD',
                          b.vitK1 && 'Vit K1',
                          b.salepMata && t('field.salepMata'),
                          b.hb0 && 'HB0',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}

          {data.delivery && (
            <Card withBorder>
              <Title order={2} size="h5" mb={4}>
                {t('card.nifas')}
                {d.nifas && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    {d.nifas.windows
                      .map(
                        (w) =>
                          `${w.code} ${shortDate(w.from).slice(0, 5)}–${shortDate(w.to).slice(0, 5)}`,
                      )
                      .join(' · ')}
                  </Text>
                )}
              </Title>
              {data.nifas.length > 0 && (
                <Table verticalSpacing={2} fz="sm" data-testid="nifas-table">
                  <Table.Tbody>
                    {data.nifas.map((n) => (
                      <Table.Tr key={n.id}>
                        <Table.Td w={120}>{dateTimeText(n.visitedAt)}</Table.Td>
                        <Table.Td w={150} fw={600}>
                          {n.kf
                            ? t('card.nifasVisit', { kf: n.kf, day: n.dayAfter })
                            : t('card.nifasVisit.outside')}
                        </Table.Td>
                        <Table.Td>{SERVICE_PLACE_LABELS[n.place][locale]}</Table.Td>
                        <Table.Td>
                          {n.systolic !== null ? `${n.systolic}/${n.diastolic}` : ''}
                        </Table.Td>
                        <Table.Td c="dimmed">
                          {[
                            n.vitaminA && 'Vit A',
                            n.kbMethod && `KB ${KB_METHODS[n.kbMethod][locale]}`,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td w={62}>
                            <Group gap={2} wrap="nowrap">
                              <ActionIcon
                                variant="subtle"
                                size="sm"
                                aria-label={t('card.action.edit')}
                                onClick={() => navigate(`${base}/nifas/${n.id}`)}
                              >
                                <IconEdit size={14} />
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                size="sm"
                                aria-label={t('card.action.delete')}
                                onClick={() =>
                                  setDeleting({
                                    kind: 'nifas',
                                    id: n.id,
                                    version: n.version,
                                    what: `${n.kf ?? ''} ${dateTimeText(n.visitedAt)}`,
                                  })
                                }
                              >
                                <IconTrash size={14} />
                              </ActionIcon>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Text size="sm" mt={4}>
                <b>{t('card.vitA')}:</b>{' '}
                {d.vitaminA && d.vitaminA.capsules.length > 0
                  ? d.vitaminA.capsules
                      .map((c) => `${dateTimeText(c.at)}${c.counted ? '' : ' ⚠'}`)
                      .join(', ')
                  : t('card.vitA.none')}
                {d.vitaminA?.complete && (
                  <Text span c="teal.8">
                    {' '}
                    — {t('card.vitA.complete')}
                  </Text>
                )}
              </Text>
              {d.vitaminA?.capsules
                .filter((c) => !c.counted)
                .map((c) => (
                  <Text key={c.id} size="xs" c="orange.8">
                    ⚠ {c.message}
                  </Text>
                ))}
            </Card>
          )}

          {(data.kb.length > 0 || data.td.doses.length > 0) && (
            <Group align="stretch" grow gap="sm">
              {data.kb.length > 0 && (
                <Card withBorder>
                  <Title order={2} size="h5" mb={4}>
                    {t('card.kbVisits')}
                  </Title>
                  {data.kb.map((k) => (
                    <Text key={k.id} size="sm">
                      {shortDate(k.visitDate)} · {KB_METHODS[k.method][locale]} ·{' '}
                      {KB_STATUSES[k.status][locale]}
                      {k.pascasalin && ' · pascasalin'}
                      {k.nextVisit && ` → ${shortDate(k.nextVisit)}`}
                    </Text>
                  ))}
                </Card>
              )}
              <Card withBorder>
                <Title order={2} size="h5" mb={4}>
                  {t('card.tdHistory')}
                </Title>
                {data.td.doses.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('card.tdHistory.none')}
                  </Text>
                ) : (
                  data.td.doses.map((dose, i) => (
                    <Text
                      key={`${dose.date}-${i}`}
                      size="sm"
                      c={dose.counted ? undefined : 'orange.8'}
                    >
                      {shortDate(dose.date)} · {dose.reached ?? '—'} ·{' '}
                      {dose.givenHere ? t('card.given') : t('card.history')}
                      {!dose.counted && ` — ${dose.message}`}
                    </Text>
                  ))
                )}
              </Card>
            </Group>
          )}
        </Stack>
      </Group>

      <DeleteModal
        target={deleting}
        onClose={() => setDeleting(null)}
        onDone={(kind) => {
          refresh();
          if (kind === 'pregnancy') navigate('~/klaster-2/ibu');
        }}
      />
      {closing && <CloseModal card={data} onClose={() => setClosing(false)} onDone={refresh} />}
      {vitA && <VitaminAModal card={data} onClose={() => setVitA(false)} onDone={refresh} />}
      {td && <TdModal card={data} onClose={() => setTd(false)} onDone={refresh} />}
    </Stack>
  );
}

function DeleteModal({
  target,
  onClose,
  onDone,
}: {
  target: DeleteTarget | null;
  onClose: () => void;
  onDone: (kind: DeleteTarget['kind']) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!target) return;
    const result = await invoke('maternal.deleteRecord', {
      kind: target.kind,
      id: target.id,
      version: target.version,
      reason,
    });
    if (!result.ok) return setError(result.error.message);
    notifications.show({ color: 'teal', message: t('card.removed') });
    setReason('');
    onClose();
    onDone(target.kind);
  }
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={`${t('card.delete.title')}: ${target?.what ?? ''}`}
    >
      <Text size="sm" mb="sm">
        {t('card.delete.help')}
      </Text>
      <Textarea
        label={t('field.reason')}
        withAsterisk
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" disabled={!reason.trim()} onClick={() => void remove()}>
          {t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}

function CloseModal({
  card,
  onClose,
  onDone,
}: {
  card: PregnancyCard;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [endedOn, setEndedOn] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const result = await invoke('maternal.closePregnancy', {
      id: card.pregnancy.id,
      version: card.pregnancy.version,
      outcome: outcome as 'ABORTUS',
      endedOn,
      note,
    });
    if (!result.ok) return setError(result.error.message);
    notifications.show({ color: 'teal', message: t('card.closed') });
    onClose();
    onDone();
  }
  return (
    <Modal opened onClose={onClose} title={t('card.close.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('card.close.help')}</Text>
        <Select
          label={t('field.outcome')}
          withAsterisk
          data-autofocus
          value={outcome}
          onChange={setOutcome}
          data={(['ABORTUS', 'IBU_MENINGGAL', 'PINDAH'] as const).map((o) => ({
            value: o,
            label: PREGNANCY_OUTCOMES[o][locale],
          }))}
          comboboxProps={{ withinPortal: true }}
        />
        <DateField label={t('field.endedOn')} withAsterisk value={endedOn} onChange={setEndedOn} />
        <Textarea
          label={t('field.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!outcome || !endedOn} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function VitaminAModal({
  card,
  onClose,
  onDone,
}: {
  card: PregnancyCard;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { offset } = useFacilityClock();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState<string | null>('rumah');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const m = /^(\d{1,2})[.:](\d{2})$/.exec(time.trim());
    const givenAt = m ? `${date}T${m[1]!.padStart(2, '0')}:${m[2]}${offset}` : `${date} ${time}`;
    const result = await invoke('maternal.addVitaminA', {
      pregnancyId: card.pregnancy.id,
      givenAt,
      place: (place ?? 'rumah') as 'rumah',
    });
    if (!result.ok) return setError(result.error.message);
    onClose();
    onDone();
  }
  return (
    <Modal opened onClose={onClose} title={t('card.action.vitA')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <DateField
            label={t('datetime.date')}
            withAsterisk
            data-autofocus
            value={date}
            onChange={setDate}
          />
          <TextInput
            label={`${t('datetime.time')} (JJ.MM)`}
            withAsterisk
            placeholder="JJ.MM"
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
          />
        </Group>
        <Select
          label={t('field.place')}
          value={place}
          onChange={setPlace}
          data={SERVICE_PLACES.filter((p) => p !== 'posyandu').map((p) => ({
            value: p,
            label: SERVICE_PLACE_LABELS[p][locale],
          }))}
          comboboxProps={{ withinPortal: true }}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconPlus size={14} />}
            disabled={!date || !time}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TdModal({
  card,
  onClose,
  onDone,
}: {
  card: PregnancyCard;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<string | null>('TD');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const result = await invoke('maternal.addTdDose', {
      motherId: card.mother.id,
      doseDate: date,
      kind: (kind ?? 'TD') as 'TD',
    });
    if (!result.ok) return setError(result.error.message);
    onClose();
    onDone();
  }
  return (
    <Modal opened onClose={onClose} title={t('card.action.td')}>
      <Stack gap="sm">
        <DateField
          label={t('field.doseDate')}
          withAsterisk
          data-autofocus
          value={date}
          onChange={setDate}
        />
        <Select
          label={t('field.kind')}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          data={[
            { value: 'TD', label: t('td.kind.TD') },
            { value: 'CHILDHOOD', label: t('td.kind.CHILDHOOD') },
          ]}
          comboboxProps={{ withinPortal: true }}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!date} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
