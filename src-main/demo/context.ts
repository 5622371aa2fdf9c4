import type BetterSqlite3 from 'better-sqlite3';
import type { Random } from './random';

/**
 * Months of service history the demo generates before its today: five years, as a puskesmas has
 * after five years of entering its registers (the benchmark's ≈1.5 million rows at 100,000).
 */
export const HISTORY_MONTHS = 60;

export interface DemoDesa {
  id: string;
  code: string;
  name: string;
  rwCount: number;
  rtPerRw: number;
  dusun: string[];
}

export interface DemoPosyandu {
  id: string;
  desaId: string;
  name: string;
}

export interface DemoPerson {
  id: string;
  nik: string | null;
  sex: 'L' | 'P';
  birthDate: string;
  desaId: string | null;
  motherId: string | null;
  householdId: number;
  /** The posyandu the person belongs to now (balita, women 15–49, elderly). */
  posyanduId: string | null;
  /** The posyandu of the household's area: where a child who has turned five went as a balita. */
  areaPosyanduId: string | null;
}

/**
 * What each demo step works with. Steps run in order inside one transaction, insert rows with
 * raw prepared statements (`insert`) for speed, and add what later steps need (persons...).
 */
export interface DemoContext {
  sqlite: BetterSqlite3.Database;
  rng: Random;
  /** The demo's "today" (ISO date); services are generated up to it. */
  today: string;
  /** Instant used for created_at/updated_at. */
  nowIso: string;
  adminId: string;
  facility: { districtCode: string; regencyCode: string };
  desa: DemoDesa[];
  posyandu: DemoPosyandu[];
  persons: DemoPerson[];
  /** Rows inserted per table, for the summary and the audit row. */
  counts: Record<string, number>;
  /** Seconds each step took, for the summary (and the benchmark's profile of the demo). */
  timings: Record<string, number>;
  /** Insert a row into a record table, filling the conventions; returns the id. */
  insert(table: string, values: Record<string, unknown>, createdAt?: string): string;
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): void;
}
