import { Modal, Stack, Text, TextInput, UnstyledButton, Group, Badge } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonRow } from '@shared/contract';
import { ageOn } from '@shared/domain/dates';
import { call } from '../../lib/api';
import { ageText, shortDate, todayLocal } from '../../lib/format';
import { useT } from '../../lib/i18n';

/**
 * Find the resident a service is for: type a name or NIK, ↓/↑ to move, Enter to pick. Persons
 * younger than `minAge` are listed but cannot be picked.
 */
export function PersonPicker({
  opened,
  onClose,
  onPick,
  minAge,
  title,
}: {
  opened: boolean;
  onClose: () => void;
  onPick: (person: PersonRow) => void;
  minAge: number;
  title: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [today] = useState(todayLocal);
  const found = useQuery({
    queryKey: ['persons.search', 'picker', q],
    enabled: opened && q.trim().length > 0,
    queryFn: () => call('persons.search', { q, limit: 20 }),
  });
  const rows = found.data?.rows ?? [];
  const allowed = (p: PersonRow) => ageOn(p.birthDate, today).years >= minAge;

  function pick(p: PersonRow | undefined) {
    if (p && allowed(p)) {
      onPick(p);
      setQ('');
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack gap="xs">
        <TextInput
          autoFocus
          leftSection={<IconSearch size={16} />}
          label={t('adult.pick.title')}
          placeholder={t('adult.filter.search')}
          description={`${t('adult.pick.help')} ${t('adult.pick.minAge', { age: minAge })}`}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(rows.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(rows[active]);
            }
          }}
          aria-controls="person-picker-list"
        />
        <Stack gap={2} id="person-picker-list" role="listbox" aria-label={t('adult.pick.title')}>
          {q.trim() && found.data && rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('adult.pick.none')}
            </Text>
          )}
          {rows.map((p, i) => (
            <UnstyledButton
              key={p.id}
              role="option"
              aria-selected={i === active}
              aria-disabled={!allowed(p)}
              tabIndex={-1}
              onClick={() => pick(p)}
              px="xs"
              py={6}
              style={{
                borderRadius: 4,
                background: i === active ? 'var(--mantine-color-teal-0)' : undefined,
                opacity: allowed(p) ? 1 : 0.5,
                cursor: allowed(p) ? 'pointer' : 'not-allowed',
              }}
            >
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {p.nik ?? t('persons.noNik')} · {p.place ?? '—'}
                  </Text>
                </div>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="light" color="gray">
                    {p.sex}
                  </Badge>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {shortDate(p.birthDate)} ({ageText(t, p.birthDate, today)})
                  </Text>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}
