import { Box, Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import classes from './VirtualTable.module.css';

export interface Column<R> {
  key: string;
  header: string;
  /** CSS width of the column, e.g. `30%` or `110px`. */
  width: string;
  render: (row: R) => ReactNode;
  align?: 'left' | 'right' | 'center';
}

export interface VirtualTableHandle {
  focus(): void;
}

export interface VirtualTableProps<R> {
  /** Keep the same array between renders (useMemo): a row is drawn again only when it changes. */
  columns: Column<R>[];
  rowCount: number;
  /** The row at an index, or undefined while its page loads. */
  getRow: (index: number) => R | undefined;
  rowKey: (row: R, index: number) => string;
  onOpen?: (row: R) => void;
  /** Called with the visible range so the owner can load those pages. */
  onRangeChange?: (start: number, end: number) => void;
  height: number | string;
  rowHeight?: number;
  empty?: ReactNode;
  loading?: boolean;
  /**
   * True while the rows shown still belong to an older search or filter: Enter then opens the
   * active row of the new rows when they arrive, never a row of the old ones (type, ↓, Enter).
   */
  stale?: boolean;
  'aria-label': string;
}

interface VirtualRowProps<R> {
  row: R | undefined;
  rowId: string | undefined;
  index: number;
  start: number;
  size: number;
  active: boolean;
  columns: Column<R>[];
  template: string;
  onPick: (index: number, row: R | undefined) => void;
}

/**
 * One row, drawn again only when its own props change: while scrolling, the rows that stay in
 * view are left alone and only those coming into view are rendered.
 */
const VirtualRow = memo(function VirtualRow<R>(props: VirtualRowProps<R>) {
  const { row, index, active, columns } = props;
  return (
    <div
      id={props.rowId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={classes.row}
      data-active={active || undefined}
      style={{
        gridTemplateColumns: props.template,
        height: props.size,
        transform: `translateY(${props.start}px)`,
      }}
      onClick={() => props.onPick(index, row)}
    >
      {row ? (
        columns.map((c) => (
          <div
            key={c.key}
            role="cell"
            className={classes.cell}
            style={{ textAlign: c.align ?? 'left' }}
          >
            {c.render(row)}
          </div>
        ))
      ) : (
        <div role="cell" className={classes.cell}>
          …
        </div>
      )}
    </div>
  );
}) as <R>(props: VirtualRowProps<R>) => ReactNode;

function VirtualTableInner<R>(props: VirtualTableProps<R>, ref: React.Ref<VirtualTableHandle>) {
  const { columns, rowCount, getRow, rowKey, onOpen, onRangeChange, rowHeight = 38 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // TanStack Virtual keeps mutable state; this component is not compiled by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);
  useEffect(() => {
    if (rowCount > 0) onRangeChange?.(first, last);
  }, [first, last, rowCount, onRangeChange]);
  useEffect(() => {
    if (active >= rowCount) setActive(Math.max(0, rowCount - 1));
  }, [rowCount, active]);

  // Rows are memoised, so a click reaches the newest onOpen through a ref, not a new callback.
  const onOpenRef = useRef(onOpen);
  useLayoutEffect(() => {
    onOpenRef.current = onOpen;
  });
  const pick = useCallback((index: number, row: R | undefined) => {
    setActive(index);
    if (row) onOpenRef.current?.(row);
  }, []);
  const [openWhenFresh, setOpenWhenFresh] = useState(false);
  useEffect(() => {
    if (!openWhenFresh || props.stale) return;
    setOpenWhenFresh(false);
    const row = getRow(active);
    if (row) onOpenRef.current?.(row);
  }, [openWhenFresh, props.stale, getRow, active]);

  function move(to: number) {
    const next = Math.max(0, Math.min(rowCount - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, last - first - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(rowCount - 1),
      Enter: () => {
        const row = getRow(active);
        if (props.stale) setOpenWhenFresh(true);
        else if (row) onOpen?.(row);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  const template = columns.map((c) => c.width).join(' ');
  const activeRow = getRow(active);
  const activeId = activeRow ? `vt-row-${rowKey(activeRow, active)}` : undefined;

  return (
    <Box
      className={classes.table}
      role="table"
      aria-label={props['aria-label']}
      aria-rowcount={rowCount + 1}
    >
      <div className={classes.header} role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={classes.cell}
            style={{ textAlign: c.align ?? 'left' }}
          >
            {c.header}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className={classes.body}
        style={{ height: props.height }}
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
        data-testid="virtual-table-body"
      >
        {rowCount === 0 ? (
          <Center h="100%">
            {props.loading ? <Loader size="sm" /> : <Text c="dimmed">{props.empty}</Text>}
          </Center>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = getRow(item.index);
              const key = row ? rowKey(row, item.index) : `loading-${item.index}`;
              return (
                <VirtualRow
                  key={key}
                  row={row}
                  rowId={row ? `vt-row-${key}` : undefined}
                  index={item.index}
                  start={item.start}
                  size={item.size}
                  active={item.index === active}
                  columns={columns}
                  template={template}
                  onPick={pick}
                />
              );
            })}
          </div>
        )}
      </div>
    </Box>
  );
}

/** A keyboard-navigable table that renders only the visible rows (registers of 100,000 rows). */
export const VirtualTable = forwardRef(VirtualTableInner) as <R>(
  props: VirtualTableProps<R> & { ref?: React.Ref<VirtualTableHandle> },
) => ReturnType<typeof VirtualTableInner>;
