import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { createContext, useContext, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { FileDownload, Result } from '@shared/contract';
import { downloadFile } from '../../lib/download';
import { useT } from '../../lib/i18n';
import { useDesaList } from '../../lib/lookups';
import type { VirtualTableHandle } from '../../components/VirtualTable';

/** Where a Klaster 3 section puts its buttons: the row of the section tabs. */
export const ActionSlot = createContext<HTMLElement | null>(null);

export function SectionActions({ children }: { children: ReactNode }) {
  const slot = useContext(ActionSlot);
  return slot ? createPortal(children, slot) : <Group justify="flex-end">{children}</Group>;
}

/** Build the list's XLSX in the main process and save it. */
export function ExportButton({ exportFile }: { exportFile: () => Promise<Result<FileDownload>> }) {
  const t = useT();
  const [exporting, setExporting] = useState(false);
  async function exportNow() {
    setExporting(true);
    const result = await exportFile();
    setExporting(false);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    downloadFile(result.value);
    notifications.show({
      color: 'teal',
      message: t('adult.exported', { file: result.value.fileName }),
    });
  }
  return (
    <Button
      variant="light"
      leftSection={<IconDownload size={16} />}
      loading={exporting}
      onClick={() => void exportNow()}
    >
      {t('adult.export')}
    </Button>
  );
}

/** Search, desa filter, extra filters and the row count of a Klaster 3 list. */
export function ListToolbar({
  q,
  onQ,
  desaId,
  onDesa,
  children,
  count,
  table,
}: {
  q: string;
  onQ: (q: string) => void;
  desaId: string | null;
  onDesa: (id: string | null) => void;
  children?: ReactNode;
  count: number;
  table: RefObject<VirtualTableHandle | null>;
}) {
  const t = useT();
  const desa = useDesaList();
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <TextInput
        w={230}
        leftSection={<IconSearch size={16} />}
        label={t('field.q')}
        placeholder={t('adult.filter.search')}
        value={q}
        onChange={(e) => onQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            table.current?.focus();
          }
        }}
      />
      <Select
        w={180}
        label={t('adult.filter.desa')}
        clearable
        searchable
        placeholder={t('adult.filter.allDesa')}
        value={desaId}
        onChange={onDesa}
        data={[
          ...(desa.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          { value: 'luar', label: t('adult.luar') },
        ]}
      />
      {children}
      <Text
        size="sm"
        c="dimmed"
        ml="auto"
        mb={8}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="adult-count"
      >
        {t('adult.count', { count: count.toLocaleString('id-ID') })}
      </Text>
    </Group>
  );
}
