import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { call } from './api';

export const PAGE_SIZE = 100;

/** Channels that answer `{ rows, total }` for `{ limit, offset }`. */
type PagedChannel = {
  [C in Channel]: ChannelOutput<C> extends { rows: unknown[]; total: number }
    ? ChannelInput<C> extends { limit?: number; offset?: number }
      ? C
      : never
    : never;
}[Channel];

type RowOf<C extends PagedChannel> = ChannelOutput<C>['rows'][number];

/**
 * A long list read in pages of 100 as the visible range moves (random access: jumping to the
 * end loads only the last pages). Feeds `VirtualTable`.
 */
export function usePagedList<C extends PagedChannel>(
  channel: C,
  input: Omit<ChannelInput<C>, 'limit' | 'offset'>,
) {
  // The pages in view, not the rows (scrolling within the same pages renders nothing here), and
  // the page after them in the direction the list last moved: read before its rows come into
  // view, so they are drawn once, with data, instead of as "…" and again when the page arrives.
  const [span, setSpan] = useState({ from: 0, to: 0, ahead: -1 });
  const key = JSON.stringify(input);
  const fetchPage = useCallback(
    (page: number) =>
      call(channel, { ...input, limit: PAGE_SIZE, offset: page * PAGE_SIZE } as ChannelInput<C>),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [channel, key],
  );
  const first = useQuery({
    queryKey: [channel, key, 0],
    queryFn: () => fetchPage(0),
    placeholderData: keepPreviousData,
  });
  const lastPage = Math.ceil((first.data?.total ?? 0) / PAGE_SIZE) - 1;
  const pageIndexes = useMemo(() => {
    const list: number[] = [];
    for (let p = Math.max(1, span.from); p <= span.to; p++) list.push(p);
    if (span.ahead >= 1 && span.ahead <= lastPage) list.push(span.ahead);
    return list;
  }, [span, lastPage]);
  const pages = useQueries({
    queries: pageIndexes.map((page) => ({
      queryKey: [channel, key, page],
      queryFn: () => fetchPage(page),
    })),
  });
  const byPage = new Map<number, RowOf<C>[]>();
  if (first.data) byPage.set(0, first.data.rows as RowOf<C>[]);
  pages.forEach((q, i) => {
    if (q.data) byPage.set(pageIndexes[i]!, q.data.rows as RowOf<C>[]);
  });
  return {
    total: first.data?.total ?? 0,
    loading: first.isPending,
    /** True while the first page shown belongs to an older filter. */
    stale: first.isPlaceholderData,
    getRow: (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    onRangeChange: useCallback((start: number, end: number) => {
      const from = Math.floor(start / PAGE_SIZE);
      const to = Math.floor(end / PAGE_SIZE);
      setSpan((span) => {
        if (span.from === from && span.to === to) return span;
        const down = from > span.from || to > span.to;
        return { from, to, ahead: down ? to + 1 : from - 1 };
      });
    }, []),
    refetch: first.refetch,
  };
}
