import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CardLineDto } from '@shared/contract';
import type { FollowUp } from '@shared/domain/adult';
import { useT } from '../../lib/i18n';
import { FOLLOW_UP_COLORS, useFollowUpLabel, useLabel, useResultLabel } from './hooks';

/**
 * The result card: each class with its follow-up (rujuk, kontrol, edukasi), the most urgent on
 * top. Used live on the form and for saved screenings.
 */
export function ResultCardView({
  lines,
  overall,
  empty,
  problem,
  children,
  title,
}: {
  lines: readonly CardLineDto[];
  overall?: FollowUp | null;
  empty?: ReactNode;
  /** Shown when some values cannot be classified. */
  problem?: ReactNode;
  children?: ReactNode;
  title?: string;
}) {
  const t = useT();
  const label = useLabel();
  const resultLabel = useResultLabel();
  const followUpLabel = useFollowUpLabel();
  return (
    <Card withBorder padding="sm" aria-live="polite" data-testid="result-card">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={2} size="h5">
          {title ?? t('adult.section.card')}
        </Title>
        {overall && (
          <Badge color={FOLLOW_UP_COLORS[overall]} variant="filled" size="lg">
            {t('adult.screening.overall')}: {followUpLabel(overall)}
          </Badge>
        )}
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty ?? t('adult.screening.cardEmpty')}
        </Text>
      ) : (
        <Stack gap={4}>
          {lines.map((line, i) => (
            <Group
              key={`${line.section}-${line.code}-${i}`}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              gap="xs"
              py={3}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid={`card-line-${line.section}`}
            >
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t(`adult.card.section.${line.section}`)}
                  {line.risk ? ` · ${t('adult.screening.riskFactor')}` : ''}
                </Text>
                <Text size="sm" fw={600} lh={1.3}>
                  {resultLabel(line.code)}
                </Text>
                {line.detail && (
                  <Text size="xs" c="dark.3" lh={1.3}>
                    {label(line.detail)}
                  </Text>
                )}
              </div>
              <Badge
                color={FOLLOW_UP_COLORS[line.followUp]}
                variant={line.followUp === 'edukasi' ? 'light' : 'filled'}
                style={{ flexShrink: 0 }}
              >
                {followUpLabel(line.followUp)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {problem && (
        <Text size="xs" c="red.8" mt="xs">
          {problem}
        </Text>
      )}
      {children}
    </Card>
  );
}
