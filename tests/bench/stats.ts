/** Small statistics and the budget table of `npm run bench`. */
import { Bench } from 'tinybench';

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

/** The `p`-th percentile (0–100) of the samples, by linear interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function timing(samples: readonly number[]): Timing {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    max: Math.max(...samples),
  };
}

/**
 * Time `fn` with tinybench (warm-up, then at least `iterations` runs or `timeMs`) and return
 * the latency samples in milliseconds. A run that throws fails the benchmark with its error.
 */
export async function sample(
  name: string,
  fn: () => Promise<unknown>,
  options: { iterations?: number; timeMs?: number; warmup?: number } = {},
): Promise<Timing> {
  const bench = new Bench({
    iterations: options.iterations ?? 50,
    time: options.timeMs ?? 1500,
    warmup: (options.warmup ?? 5) > 0,
    warmupIterations: options.warmup ?? 5,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') {
    throw new Error(`${name}: ${result.state}${'error' in result ? `: ${String(result.error)}` : ''}`);
  }
  const samples = result.latency.samples ? [...result.latency.samples] : [];
  return samples.length > 0
    ? timing(samples)
    : {
        n: result.latency.samplesCount,
        p50: result.latency.p50,
        p95: result.latency.p99,
        mean: result.latency.mean,
        max: result.latency.max,
      };
}

/** Time each call of `fn` once per item (writes: every run must touch a new target). */
export async function eachOnce<T>(items: readonly T[], fn: (item: T) => Promise<unknown>) {
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await fn(item);
    samples.push(performance.now() - started);
  }
  return timing(samples);
}

export type Verdict = 'PASS' | 'FAIL' | 'N/A';

export interface BudgetRow {
  name: string;
  /** What was measured, in `unit`; null when it could not be measured. */
  value: number | null;
  unit: string;
  /** `value <= limit` passes (or `>=` for minimums). */
  limit: number | null;
  op: '<=' | '>=';
  verdict: Verdict;
  note?: string;
}

export function budget(
  name: string,
  value: number | null,
  unit: string,
  limit: number | null,
  op: '<=' | '>=' = '<=',
  note?: string,
): BudgetRow {
  const verdict: Verdict =
    value === null || limit === null
      ? 'N/A'
      : (op === '<=' ? value <= limit : value >= limit)
        ? 'PASS'
        : 'FAIL';
  return { name, value, unit, limit, op, verdict, ...(note ? { note } : {}) };
}

const fmt = (v: number | null, unit: string) =>
  v === null
    ? '—'
    : `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`.trim();

/** The table printed at the end: one line per budget (or measurement), PASS/FAIL/N/A. */
export function formatTable(rows: readonly BudgetRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    fmt(r.value, r.unit),
    r.limit === null ? '—' : `${r.op} ${fmt(r.limit, r.unit)}`,
    r.verdict,
    r.note ?? '',
  ]);
  const header = ['Pengukuran', 'Hasil', 'Anggaran', 'Status', 'Catatan'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join(
    '\n',
  );
}
