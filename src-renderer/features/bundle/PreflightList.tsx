import { Anchor, Box, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconInfoCircle,
  type Icon,
} from '@tabler/icons-react';
import type { PreflightFinding, PreflightSeverity } from '@shared/contract';
import { useT } from '../../lib/i18n';

const LOOK: Record<PreflightSeverity, { color: string; icon: Icon }> = {
  blocker: { color: 'red', icon: IconCircleX },
  warning: { color: 'orange', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
  ok: { color: 'teal', icon: IconCircleCheck },
};

const SHOWN_ITEMS = 5;

/** The pre-flight checklist: what stops the bundle (red), what to look at (orange), the rest. */
export function PreflightList({ findings }: { findings: PreflightFinding[] }) {
  const t = useT();
  return (
    <Stack
      gap="xs"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t('bundle.step.check')}
    >
      {findings.map((f, i) => {
        const look = LOOK[f.severity];
        const Icon = look.icon;
        const more = (f.count ?? f.items.length) - Math.min(f.items.length, SHOWN_ITEMS);
        return (
          <Group
            key={`${f.id}-${i}`}
            component="li"
            gap="sm"
            align="flex-start"
            wrap="nowrap"
            data-severity={f.severity}
            data-check={f.id}
          >
            <ThemeIcon color={look.color} variant="light" size={26} radius="xl" aria-hidden>
              <Icon size={18} />
            </ThemeIcon>
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Text
                size="sm"
                fw={f.severity === 'ok' ? 400 : 600}
                c={f.severity === 'blocker' ? 'red.8' : undefined}
              >
                {f.title}
              </Text>
              {f.detail && (
                <Text size="xs" c="dimmed">
                  {f.detail}
                </Text>
              )}
              {f.items.length > 0 && (
                <List size="xs" mt={2} spacing={0}>
                  {f.items.slice(0, SHOWN_ITEMS).map((item) => (
                    <List.Item key={item.label}>
                      {item.link ? (
                        <Anchor href={`#${item.link}`} size="xs">
                          {item.label}
                        </Anchor>
                      ) : (
                        <Text span size="xs" ff={f.id === 'recipients' ? 'monospace' : undefined}>
                          {item.label}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
              {more > 0 && f.severity !== 'ok' && (
                <Text size="xs" c="dimmed">
                  {t('bundle.items.more', { count: more })}
                </Text>
              )}
              {f.link && f.linkLabel && (
                <Anchor href={`#${f.link}`} size="xs">
                  {f.linkLabel} →
                </Anchor>
              )}
            </Box>
          </Group>
        );
      })}
    </Stack>
  );
}
