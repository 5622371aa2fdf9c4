import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChildCard } from '@shared/contract';
import { PERTUMBUHAN_LABELS } from '@shared/domain/growth';
import { shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';
import { GrowthSection } from './GrowthSection';
import { ImmunizationSection } from './ImmunizationSection';
import { GROWTH_COLORS, doseLabel, statusColor, statusLabel } from './labels';
import { NeonatalSection, ProfileCard } from './NeonatalSection';
import { useCanWrite, useChildCard } from './queries';
import { VitaminANow, VitaminASection } from './VitaminASection';

type Section = 'growth' | 'immunization' | 'vitaminA' | 'neonatal' | 'profile';

/** The child's situation at a glance: latest growth, next doses, Vitamin A, KN. */
function Summary({ card }: { card: ChildCard }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const latest = card.measurements.at(-1);
  const next = [...card.due.overdue, ...card.due.due, ...card.due.upcoming].slice(0, 4);
  return (
    <SimpleGrid cols={4} spacing="sm">
      <Card withBorder p="sm">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('child.summary.growth')}
        </Text>
        {latest ? (
          <Stack gap={4} mt={4}>
            <Text size="sm">
              {shortDate(latest.measureDate)}
              {latest.growth && (
                <Badge
                  ml={6}
                  size="sm"
                  color={GROWTH_COLORS[latest.growth]}
                  title={PERTUMBUHAN_LABELS[latest.growth][locale]}
                >
                  {latest.growth}
                </Badge>
              )}
            </Text>
            <Group gap={4}>
              {[latest.bbU, latest.pbU, latest.bbPb]
                .filter((c): c is string => c !== null)
                .map((code) => (
                  <Badge
                    key={code}
                    size="sm"
                    variant="light"
                    color={statusColor(code)}
                    styles={{ label: { textTransform: 'none' } }}
                  >
                    {statusLabel(t, locale, code)}
                  </Badge>
                ))}
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" mt={4}>
            {t('child.summary.noGrowth')}
          </Text>
        )}
      </Card>
      <Card withBorder p="sm" data-testid="next-doses">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('child.summary.next')}
        </Text>
        {next.length === 0 ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('child.summary.nextNone')}
          </Text>
        ) : (
          <Stack gap={2} mt={4}>
            {next.map((d) => (
              <Text size="sm" key={d.code} c={d.status === 'overdue' ? 'red.8' : undefined}>
                {doseLabel(d.code, locale)} · {shortDate(d.dueDate)}
                {d.status === 'overdue' ? ` (${t('child.due.overdue')})` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder p="sm">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('child.summary.vitaminA')}
        </Text>
        <VitaminANow card={card} />
      </Card>
      <Card withBorder p="sm">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('child.summary.kn')}
        </Text>
        <Text size="sm" mt={4}>
          {card.kn.complete
            ? t('child.kn.complete', { date: shortDate(card.kn.achievedOn) })
            : `${t('child.kn.incomplete')} (${[card.kn.kn1 && 'KN1', card.kn.kn2 && 'KN2', card.kn.kn3 && 'KN3'].filter(Boolean).join(', ') || '—'})`}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

/** Klaster 2 · Anak for one child: summary and the sections (used on both cards). */
export function ChildPanel({ personId }: { personId: string }) {
  const t = useT();
  const card = useChildCard(personId);
  const canWrite = useCanWrite();
  const [section, setSection] = useState<Section>('growth');
  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  const data = card.data;
  const over =
    (Date.parse(data.today) - Date.parse(data.person.birthDate)) / 86_400_000 / 30.4375 >= 60;
  return (
    <Stack gap="sm">
      {data.person.deleted && <Alert color="red">{t('child.card.deleted')}</Alert>}
      {over && (
        <Alert color="gray" variant="light">
          {t('child.card.older')}
        </Alert>
      )}
      <Summary card={data} />
      <Tabs value={section} onChange={(v) => v && setSection(v as Section)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="growth">{t('child.section.growth')}</Tabs.Tab>
          <Tabs.Tab value="immunization">{t('child.section.immunization')}</Tabs.Tab>
          <Tabs.Tab value="vitaminA">{t('child.section.vitaminA')}</Tabs.Tab>
          <Tabs.Tab value="neonatal">{t('child.section.neonatal')}</Tabs.Tab>
          <Tabs.Tab value="profile">{t('child.section.profile')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="growth" pt="sm">
          <GrowthSection card={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="immunization" pt="sm">
          <ImmunizationSection card={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="vitaminA" pt="sm">
          <VitaminASection card={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="neonatal" pt="sm">
          <NeonatalSection card={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="sm">
          <ProfileCard key={data.profile?.version ?? 0} card={data} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
