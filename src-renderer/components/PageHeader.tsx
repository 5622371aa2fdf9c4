import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title row of a screen; the title takes focus when the screen opens (screen readers). */
export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="nowrap">
      <Title order={1} size="h2" tabIndex={-1} data-page-title>
        {title}
      </Title>
      {actions}
    </Group>
  );
}
