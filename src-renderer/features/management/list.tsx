import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FileDownload, ImportResult, Result } from '@shared/contract';
import { useT } from '../../lib/i18n';
import { useAuthStatus } from '../../lib/lookups';
import { ExportButton, ImportButton } from './files';

/** The pieces every Klaster 1 register list shares (SDM, kader, Pustu, FKTP, posyandu). */

/** Whether the signed-in user may change the lists (admin, petugas). */
export function useCanWrite(): boolean {
  const role = useAuthStatus().data?.user?.role;
  return role === 'admin' || role === 'petugas';
}

/**
 * Export and (for writers) import of a list, then `children` (its add button) for writers. An
 * import refreshes the `refresh` queries and says what it did.
 */
export function ListActions({
  exportRun,
  importRun,
  refresh,
  nowrap = false,
  children,
}: {
  exportRun: () => Promise<Result<FileDownload>>;
  importRun: (file: { fileName: string; base64: string }) => Promise<Result<ImportResult>>;
  /** Query keys whose lists the import changes. */
  refresh: readonly string[];
  nowrap?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const canWrite = useCanWrite();
  return (
    <Group gap="xs" wrap={nowrap ? 'nowrap' : undefined}>
      <ExportButton label={t('list.export')} run={exportRun} />
      {canWrite && (
        <ImportButton
          label={t('list.import')}
          run={importRun}
          onDone={(r) => {
            for (const key of refresh) void queryClient.invalidateQueries({ queryKey: [key] });
            notifications.show({ color: 'teal', message: t('list.imported', r) });
          }}
        />
      )}
      {canWrite && children}
    </Group>
  );
}

/** The add button of a list, with Alt+N bound to it while it is shown. */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  useHotkeys([['alt+n', onClick]]);
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onClick}>
      {label} (Alt+N)
    </Button>
  );
}

/** A row that opens its record by click or Enter, for those who may write. */
export function OpenableRow({
  canWrite,
  onOpen,
  children,
}: {
  canWrite: boolean;
  onOpen: () => void;
  children: ReactNode;
}) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: canWrite ? 'pointer' : undefined }}
      onClick={() => canWrite && onOpen()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && canWrite) onOpen();
      }}
    >
      {children}
    </Table.Tr>
  );
}

/** The one row of an empty list, saying what to do. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" size="sm">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** "Nonaktif" after a name, for a record no longer active. */
export function InactiveBadge({ active }: { active: boolean }) {
  const t = useT();
  if (active) return null;
  return (
    <Badge ml={6} size="xs" color="gray" variant="light">
      {t('posyandu.inactive')}
    </Badge>
  );
}
