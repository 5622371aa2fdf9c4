import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { ageText, shortDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ChildPanel } from './ChildPanel';
import { useChildCard } from './queries';

/** The child card: who the child is, then growth, immunisation, Vitamin A, KN and birth data. */
export function ChildCardPage({ personId }: { personId: string }) {
  const t = useT();
  const card = useChildCard(personId);
  if (card.isError) return <Alert color="red">{card.error.message}</Alert>;
  if (!card.data) return <Loader />;
  const { person, today } = card.data;
  return (
    <Stack gap="xs">
      <PageHeader
        title={person.name}
        actions={
          <Group gap="md">
            <Anchor component={Link} href="/">
              {t('child.tab.register')}
            </Anchor>
            <Anchor component={Link} href={`~/penduduk/${person.id}`}>
              {t('child.card.personCard')}
            </Anchor>
          </Group>
        }
      />
      <Text size="sm" mt={-12} mb={4}>
        {t('child.card.born', {
          sex: t(`sex.${person.sex}`),
          date: shortDate(person.birthDate),
          age: ageText(t, person.birthDate, today),
        })}
        {' · '}
        {person.motherName
          ? t('child.card.mother', { name: person.motherName })
          : t('child.card.noMother')}
        {' · '}
        {person.posyanduName
          ? t('child.card.posyandu', { name: person.posyanduName })
          : t('child.card.noPosyandu')}
        {person.desaName
          ? ` · ${person.desaName}${person.rt || person.rw ? ` RT ${person.rt ?? '-'}/RW ${person.rw ?? '-'}` : ''}`
          : ''}
      </Text>
      <ChildPanel personId={personId} />
    </Stack>
  );
}
