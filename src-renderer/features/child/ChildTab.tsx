import { Anchor, Group, Stack } from '@mantine/core';
import { Link } from 'wouter';
import type { PersonDetail } from '@shared/contract';
import { useT } from '../../lib/i18n';
import { ChildPanel } from './ChildPanel';

/** The person card's "Klaster 2 · Anak" tab. */
export function ChildTab({ person }: { person: PersonDetail }) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Anchor component={Link} href={`/klaster-2/anak/${person.id}`} size="sm">
          {t('child.tab.openCard')}
        </Anchor>
      </Group>
      <ChildPanel personId={person.id} />
    </Stack>
  );
}
