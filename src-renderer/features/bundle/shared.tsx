import {
  ActionIcon,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Locale } from '@shared/i18n';
import { on } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';

/** `2026-10` → `Oktober 2026` (or `October 2026`). */
export function periodLabel(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** `2026-10` → `Okt` (or `Oct`), for matrix headers. */
export function monthShort(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** This month and the `count - 1` before it, newest first, as select options. */
export function usePeriodOptions(count = 24): { value: string; label: string }[] {
  const locale = useUiStore((s) => s.locale);
  const now = new Date();
  const options: { value: string; label: string }[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    options.push({ value, label: periodLabel(value, locale) });
  }
  return options;
}

/** The month before this one: what a puskesmas usually sends. */
export function previousPeriod(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Progress of long work (`task.progress`). The listener is attached when the screen opens, so
 * no early event is missed; `start(id)` picks the task to follow, `stop()` clears it.
 */
export function useTaskProgress() {
  const current = useRef<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; label: string } | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  useEffect(
    () =>
      on('task.progress', (p) => {
        if (p.taskId === current.current) setProgress({ done: p.done, label: p.label });
      }),
    [],
  );
  return {
    progress,
    running,
    start(prefix: string): string {
      const id = newTaskId(prefix);
      current.current = id;
      setProgress(null);
      setRunning(id);
      return id;
    },
    stop() {
      current.current = null;
      setRunning(null);
    },
  };
}

export function TaskProgress({
  progress,
  action,
}: {
  progress: { done: number; label: string } | null;
  action?: ReactNode;
}) {
  const t = useT();
  return (
    <Stack gap={4} data-testid="task-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" aria-live="polite">
          {progress?.label ?? t('common.loading')}
        </Text>
        {action}
      </Group>
      <Progress
        value={progress?.done ?? 2}
        animated
        size="lg"
        aria-label={progress?.label ?? t('common.loading')}
      />
    </Stack>
  );
}

/** A fingerprint to read over the phone: large, spaced, copyable. */
export function Fingerprint({ value, label }: { value: string; label?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Box>
        {label && (
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        )}
        <Text
          ff="monospace"
          fw={700}
          fz="lg"
          style={{ letterSpacing: '0.06em' }}
          data-testid="fingerprint"
        >
          {value}
        </Text>
      </Box>
      <CopyText value={value} />
    </Group>
  );
}

/** A key or hash shown in full (wrapping), with a copy button. */
export function KeyText({ value, testId }: { value: string; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code
        block
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}
        data-testid={testId}
      >
        {value}
      </Code>
      <CopyText value={value} />
    </Group>
  );
}

export function CopyText({ value }: { value: string }) {
  const t = useT();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('keys.copied') : t('keys.copy')} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={t('keys.copy')}
          >
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** A file's bytes as base64 (the bridge carries JSON). */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * A drop area with a file button: drag files onto it, or press the button (keyboard). The
 * hidden input carries `aria-label` so tests and screen readers can reach it.
 */
export function DropZone({
  onFiles,
  accept,
  multiple,
  title,
  buttonLabel,
  hint,
  disabled,
}: {
  onFiles: (files: File[]) => void;
  accept: string;
  multiple?: boolean;
  title: string;
  buttonLabel: string;
  hint?: string;
  disabled?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        background: over ? 'var(--mantine-color-teal-0)' : undefined,
      }}
      data-testid="drop-zone"
    >
      <Group justify="center" gap="sm">
        <IconUpload size={22} aria-hidden />
        <Text fw={500}>{title}</Text>
        <Text c="dimmed">{t('import.drop.or')}</Text>
        <Button
          variant="light"
          disabled={disabled}
          onClick={() => input.current?.click()}
          leftSection={<IconFolderOpen size={16} aria-hidden />}
        >
          {buttonLabel}
        </Button>
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" ta="center" mt={6}>
          {hint}
        </Text>
      )}
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={buttonLabel}
        hidden
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </Paper>
  );
}
