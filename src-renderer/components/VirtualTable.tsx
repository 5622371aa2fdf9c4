import { Box, Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useEffect,
  useImperativeHandle,
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
  'aria-label': string;
}

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
        if (row) onOpen?.(row);
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
                <div
                  key={key}
                  id={row ? `vt-row-${key}` : undefined}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === active}
                  className={classes.row}
                  data-active={item.index === active || undefined}
                  style={{
                    gridTemplateColumns: template,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => {
                    setActive(item.index);
                    if (row) onOpen?.(row);
                  }}
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
