import { Alert, Button, FileButton, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import {
  cellErrors,
  type AppErrorShape,
  type CellError,
  type FileDownload,
  type Result,
} from '@shared/contract';
import { downloadFile } from '../../lib/download';
import { useT } from '../../lib/i18n';

/** The bytes of a picked file, base64-encoded for the bridge. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Download a file the main process builds (a list export, a template). */
export function ExportButton({
  label,
  run,
  variant = 'default',
}: {
  label: string;
  run: () => Promise<Result<FileDownload>>;
  variant?: 'default' | 'light' | 'subtle';
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        const result = await run();
        setBusy(false);
        if (result.ok) downloadFile(result.value);
        else notifications.show({ color: 'red', message: result.error.message });
      }}
    >
      {label}
    </Button>
  );
}

/** The refused cells of an import: where, what, why. Nothing was saved. */
export function ImportErrors({
  error,
  onClose,
}: {
  error: { message: string; cells: CellError[] } | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal opened={error !== null} onClose={onClose} title={t('import.errors.title')} size="xl">
      {error && (
        <>
          <Alert color="red" mb="sm" role="alert">
            {t('import.errors.summary', { count: error.cells.length || 1 })}
          </Alert>
          {error.cells.length === 0 ? (
            <Text size="sm">{error.message}</Text>
          ) : (
            <ScrollArea.Autosize mah="55vh">
              <Table striped withTableBorder aria-label={t('import.errors.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('import.errors.cell')}</Table.Th>
                    <Table.Th w={190}>{t('import.errors.column')}</Table.Th>
                    <Table.Th w={170}>{t('import.errors.row')}</Table.Th>
                    <Table.Th>{t('import.errors.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {error.cells.map((c) => (
                    <Table.Tr key={`${c.cell}-${c.message}`}>
                      <Table.Td fw={600} ff="monospace">
                        {c.cell}
                      </Table.Td>
                      <Table.Td>{c.column}</Table.Td>
                      <Table.Td>
                        {c.rowLabel ?? t('import.errors.rowNumber', { row: c.row })}
                      </Table.Td>
                      <Table.Td c="red.9">{c.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <Text size="sm" c="dimmed" mt="sm">
            {t('import.errors.help')}
          </Text>
        </>
      )}
    </Modal>
  );
}

/** Pick an XLSX (or CSV) file and import it; refused cells open a list of problems. */
export function ImportButton<T>({
  label,
  title,
  accept = '.xlsx',
  run,
  onDone,
}: {
  label: string;
  /** Longer description, shown as a tooltip, when the label is short. */
  title?: string;
  accept?: string;
  run: (file: { fileName: string; base64: string }) => Promise<Result<T>>;
  onDone: (value: T) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; cells: CellError[] } | null>(null);
  const reset = useRef<() => void>(null);
  async function pick(file: File | null) {
    if (!file) return;
    setBusy(true);
    const result = await run({ fileName: file.name, base64: await fileBase64(file) });
    setBusy(false);
    reset.current?.();
    if (result.ok) return onDone(result.value);
    showImportError(result.error, setError, t('import.errors.title'));
  }
  return (
    <>
      <FileButton onChange={(f) => void pick(f)} accept={accept} resetRef={reset}>
        {(props) => (
          <Button
            {...props}
            title={title}
            variant="default"
            leftSection={<IconUpload size={16} />}
            loading={busy}
          >
            {label}
          </Button>
        )}
      </FileButton>
      <ImportErrors error={error} onClose={() => setError(null)} />
    </>
  );
}

function showImportError(
  error: AppErrorShape,
  set: (e: { message: string; cells: CellError[] }) => void,
  title: string,
) {
  const cells = cellErrors.safeParse(error.details?.cells);
  if (error.code === 'INVALID_INPUT') {
    set({ message: error.message, cells: cells.success ? cells.data : [] });
    return;
  }
  notifications.show({ color: 'red', title, message: error.message });
}
