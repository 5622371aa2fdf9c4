/**
 * What a clerk does on the bench's puskesmas, shared by the timed sections (`run.ts`) and the
 * memory run (`memory.ts`): the month, the searches typed, the cards opened, the forms saved and
 * "Kirim". Each action goes through the bridge as the app's screens call it.
 */
import crypto from 'node:crypto';
import type { Core } from '../../src-main/core';
import { NOW } from './core';

/** The demo's size: BENCH_PERSONS, 100,000 unless set. */
export const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
/** The demo's today: June 2025 is the month reported and sent. */
export const TODAY = '2025-06-30';
export const PERIOD = TODAY.slice(0, 7);
/** The last whole year's December in the demo. */
export const YEAR_END = `${Number(TODAY.slice(0, 4)) - 1}-12`;
export const KEY_PASS = 'kunci-bench-puskesmas';

export const NAME_FRAGMENTS = ['siti', 'nur', 'ahmad', 'yanti', 'rahma', 'asep', 'dewi', 'sri', 'iwan'];
export const NIK_PREFIXES = ['3205', '320502', '3205024', '32050241', '3205020101', '320502410'];

export type Call = <T = unknown>(channel: string, input?: unknown) => Promise<T>;

/** A bridge call that throws on an error result. */
export function caller(core: Core): Call {
  return async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await core.dispatch(channel, input, { trusted: true });
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    return result.value as T;
  };
}

/** Girls of 15–18 get every cluster tab (Ibu 10–54, Anak < 19, Klaster 3 ≥ 15): 60 of them. */
export function cardPersonIds(core: Core): string[] {
  const rows = core.database.sqlite
    .prepare(
      `SELECT p.id FROM person p WHERE p.sex = 'P' AND p.deleted_at IS NULL
         AND p.birth_date BETWEEN date(@today, '-19 years', '+1 day') AND date(@today, '-15 years')
       ORDER BY p.id LIMIT 60`,
    )
    .all({ today: TODAY }) as { id: string }[];
  return rows.map((r) => r.id);
}

/** A person's card with all its cluster tabs, as the screen loads them together. */
export function openCard(call: Call, personId: string): Promise<unknown> {
  return Promise.all([
    call('persons.card', { id: personId }),
    call('maternal.person', { personId }),
    call('child.card', { personId }),
    call('adult.person.summary', { personId }),
  ]);
}

/** 40 ongoing pregnancies, each given an ANC contact today. */
export function ancContacts(core: Core): { pregnancyId: string; contact: object }[] {
  const open = core.database.sqlite
    .prepare(
      `SELECT id FROM pregnancy WHERE outcome IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 40`,
    )
    .all() as { id: string }[];
  return open.map((p) => ({
    pregnancyId: p.id,
    contact: {
      visitDate: NOW.slice(0, 10),
      place: 'puskesmas',
      weightKg: 58.5,
      lilaCm: 25,
      systolic: 110,
      diastolic: 70,
      hbGdl: 11.8,
      ttdTablets: 30,
      counseling: [],
      complications: [],
    },
  }));
}

export interface PosyanduSession {
  posyanduId: string;
  sessionDate: string;
  rows: object[];
}

/**
 * Up to 12 posyandu sessions of today, each with 40 children weighed before and not yet today:
 * the session screen opened for each posyandu in turn (`opened` gets each opening's
 * milliseconds), skipping those with fewer children.
 */
export async function posyanduSessions(
  core: Core,
  opened: (ms: number) => void = () => undefined,
): Promise<PosyanduSession[]> {
  const call = caller(core);
  // A small demo (BENCH_PERSONS) may have fewer than 40 balita per posyandu.
  const minChildren = Math.min(40, Math.max(1, Math.floor(PERSONS / 2500)));
  const posyandu = core.database.sqlite
    .prepare('SELECT id FROM posyandu WHERE deleted_at IS NULL ORDER BY id')
    .all() as { id: string }[];
  const sessionDate = NOW.slice(0, 10);
  const sessions: PosyanduSession[] = [];
  for (const y of posyandu) {
    const started = performance.now();
    const view = await call<{
      rows: { personId: string; weighings: { weightKg: number }[]; entry: unknown }[];
    }>('posyandu.session.open', { posyanduId: y.id, sessionDate });
    opened(performance.now() - started);
    const weighed = view.rows.filter((r) => r.weighings.length > 0 && r.entry === null);
    if (weighed.length < minChildren) continue;
    sessions.push({
      posyanduId: y.id,
      sessionDate,
      rows: weighed.slice(0, 40).map((r) => ({
        personId: r.personId,
        kiaBook: true,
        weightKg: Math.round((r.weighings.at(-1)!.weightKg + 0.2) * 10) / 10,
        confirmImplausible: true,
      })),
    });
    if (sessions.length >= 12) break;
  }
  if (sessions.length === 0) throw new Error('no posyandu with weighed children');
  return sessions;
}

/** Mark the history as if May's bundle had been acknowledged by Dinkes at the month's start. */
export function acknowledgedBefore(core: Core, until: string): void {
  const admin = core.database.sqlite
    .prepare("SELECT id FROM app_user WHERE username = 'admin'")
    .get() as { id: string };
  core.database.sqlite
    .prepare(
      `INSERT INTO bundle_export (id, period, revision, file_name, sha256, previous_sha256, size,
         lock_mode, recipients, signer_key_id, counts, records, since, until, saved_to,
         acknowledged_at, acknowledged_by, created_at, updated_at, deleted_at, version,
         created_by, updated_by)
       VALUES (@id, '2025-05', 1, 'sebelumnya.siklus', @sha, NULL, 1, 'recipients', '[]', 'X',
         '{}', 0, NULL, @until, NULL, @until, @admin, @until, @until, NULL, 1, @admin, @admin)`,
    )
    .run({
      id: crypto.randomUUID(),
      sha: crypto.createHash('sha256').update('sebelumnya').digest('hex'),
      until,
      admin: admin.id,
    });
}

/** "Kirim": the month's bundle, to a folder. */
export function kirim(call: Call, folder: string) {
  return call<{ path: string; export: { records: number } }>('bundle.export', {
    form: { period: PERIOD, keyPassphrase: KEY_PASS, destination: 'folder', folder },
  });
}

/**
 * A committed write, as a clerk saving a visit between the Kirim screen and "Kirim": it makes
 * the report the pre-flight made stale, so the next "Kirim" makes it again.
 */
export function writeMeanwhile(core: Core): void {
  core.database.sqlite.prepare('UPDATE facility SET updated_at = updated_at').run();
}
