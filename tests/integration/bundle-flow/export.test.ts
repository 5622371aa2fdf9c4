import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload, MonthlyReport } from '../../../src-shared/contract';
import { translate } from '../../../src-shared/i18n';
import {
  addRecipient,
  createAgeIdentity,
  keysDir,
  openBundle,
  type OpenedBundle,
} from '../../../src-main/bundle';
import { EXPORT_TABLES } from '../../../src-main/services/bundle-export';
import type { MonthlyReportSource } from '../../../src-main/services/bundle-service';
import { fixtureReport, fixtureXlsx } from '../../fixtures/bundle/report';
import { DINKES } from '../../fixtures/bundle/sample';
import { signInAs } from '../../support/setup';
import { fixedClock } from '../../support/temp';
import {
  exportBundle,
  openPuskesmas,
  snapshot,
  SIGNING_PASSPHRASE,
  type Puskesmas,
} from './helpers';

type Finding = {
  id: string;
  severity: string;
  title: string;
  link: string | null;
  items: { label: string; link: string | null }[];
  count: number | null;
};
type Preflight = {
  findings: Finding[];
  canExport: boolean;
  revision: number;
  since: string | null;
  records: number;
};
type Row = {
  id: string;
  version: number;
  period: string;
  revision: number;
  fileName: string;
  sha256: string;
  previousSha256: string | null;
  since: string | null;
  until: string;
  records: number;
  counts: Record<string, number>;
  savedTo: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  createdBy: string | null;
};

async function open(p: Puskesmas, file: string): Promise<OpenedBundle> {
  const status = await p.call<{ signing: { publicKey: string } }>('keys.status');
  return openBundle(new Uint8Array(fs.readFileSync(file)), {
    identity: createAgeIdentity(DINKES.identity),
    trustedSigners: [status.signing.publicKey],
  });
}

async function addPerson(p: Puskesmas, person: Record<string, unknown>) {
  const desa = await p.call<{ id: string }[]>('desa.list');
  return p.call<{ person: { id: string; version: number } }>('persons.create', {
    person: { desaId: desa[0]!.id, ...person },
  });
}

/** The tables of a count map that carried at least one record. */
function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

describe('Kirim ke Dinkes: export', () => {
  let p: Puskesmas;
  afterEach(() => p?.close());

  it('counts with the indicator engine when no other report source is wired', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient], reportSource: null });
    const check = await p.call<Preflight>('bundle.preflight', { period: '2026-09' });
    const report = check.findings.find((f) => f.id === 'report');
    expect(report).toBeDefined();
    expect(report!.severity).not.toBe('blocker');
    expect(report!.title).not.toMatch(/Mesin laporan belum tersedia/);
    expect(report!.title).not.toMatch(/gagal/i);
  });

  it('lists its pre-flight checks with links: keys, month, NIK warnings, missing sasaran', async () => {
    const source: MonthlyReportSource = {
      async monthly(period) {
        const report = fixtureReport(
          {
            kode: 'P3205020101',
            name: 'Puskesmas Karangpawitan',
            desa: [{ code: '32.05.02.1001', name: 'Situgede' }],
          },
          period,
        );
        // K1 without a target for Situgede: its sasaran for the year is missing.
        const k1 = report.indicators.find((i) => i.code === 'K1');
        if (k1?.computable) {
          k1.rows[0]!.target = null;
          k1.rows[0]!.ytd.denominator = null;
        }
        return { report, xlsx: await fixtureXlsx(report) };
      },
    };
    p = await openPuskesmas({ signingKey: false, reportSource: source });
    // A woman whose NIK says male (day of birth not + 40): a warning, saved anyway.
    const { person } = await addPerson(p, {
      name: 'Euis Komalasari',
      sex: 'P',
      birthDate: '1990-03-05',
      nik: '3205020503900002',
    });
    const check = await p.call<Preflight>('bundle.preflight', { period: '2026-09' });
    const by = (id: string) => check.findings.find((f) => f.id === id)!;
    expect(by('facilityCode')).toMatchObject({
      severity: 'ok',
      title: 'Kode puskesmas: P3205020101',
    });
    expect(by('signingKey')).toMatchObject({ severity: 'blocker', link: '/kirim/kunci' });
    expect(by('recipients')).toMatchObject({ severity: 'warning', link: '/kirim/kunci' });
    expect(by('period').severity).toBe('ok');
    expect(by('nik')).toMatchObject({ severity: 'warning', count: 1, link: '/penduduk' });
    expect(by('nik').items[0]).toMatchObject({
      label: expect.stringContaining('Euis Komalasari'),
      link: `/penduduk/${person.id}`,
    });
    expect(by('sasaran')).toMatchObject({ severity: 'warning', count: 1, link: '/klaster-1' });
    expect(by('sasaran').items[0]!.label).toBe('Situgede — Cakupan K1 ibu hamil');
    expect(check.canExport).toBe(false);
    expect(check.revision).toBe(1);

    expect(
      (await p.call<Preflight>('bundle.preflight', { period: '2026-10' })).findings.find(
        (f) => f.id === 'period',
      )?.severity,
    ).toBe('warning');
    expect(
      (await p.call<Preflight>('bundle.preflight', { period: '2026-11' })).findings.find(
        (f) => f.id === 'period',
      )?.severity,
    ).toBe('blocker');
  });

  it('saves the bundle atomically, writes only its history row, and chains revisions', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient] });
    await addPerson(p, {
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
      nik: '3205024503900001',
    });
    const progress: number[] = [];
    const stop = p.core.subscribe((event, payload) => {
      if (event === 'task.progress' && payload.taskId === 'kirim-uji') progress.push(payload.done);
    });
    const before = snapshot(p.core, ['bundle_export', 'audit_log']);
    const audits = snapshot(p.core).audit_log!.length;

    const first = await p.call<{ export: Row; path: string; download: null }>('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
      taskId: 'kirim-uji',
    });
    stop();
    expect(first.download).toBeNull();
    expect(first.path).toBe(path.join(p.outbox, 'P3205020101_2026-09_r1.siklus'));
    expect(fs.readdirSync(p.outbox)).toEqual(['P3205020101_2026-09_r1.siklus']);
    expect(first.export).toMatchObject({
      revision: 1,
      previousSha256: null,
      since: null,
      savedTo: p.outbox,
      acknowledgedAt: null,
      createdBy: 'Admin Puskesmas',
    });
    expect(progress.at(-1)).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    // Nothing else in the database changed: one history row and its audit entry.
    expect(snapshot(p.core, ['bundle_export', 'audit_log'])).toEqual(before);
    expect(snapshot(p.core).audit_log!.length).toBe(audits + 1);
    expect(snapshot(p.core).bundle_export).toHaveLength(1);

    const opened = await open(p, first.path);
    expect(opened.manifest).toMatchObject({
      period: '2026-09',
      revision: 1,
      previousBundleSha256: null,
    });
    expect(Object.keys(opened.tables).sort()).toEqual([...EXPORT_TABLES].sort());
    expect(opened.tables.person!.map((r) => r.name)).toEqual(['Siti Aminah']);
    expect(opened.tables.app_user).toBeUndefined();
    expect(Object.keys(first.export.counts).sort()).toEqual([...EXPORT_TABLES].sort());
    expect(nonZero(first.export.counts)).toEqual({ desa: 4, facility: 1, person: 1 });
    const report = opened.report.json as MonthlyReport;
    expect(report.period).toBe('2026-09');
    expect(opened.report.xlsx.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

    // The same month again: revision 2, chained to the first.
    p.clock.advance(60_000);
    const second = await p.call<{ export: Row; path: string }>('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
    });
    expect(second.export).toMatchObject({ revision: 2, previousSha256: first.export.sha256 });
    expect((await open(p, second.path)).manifest.previousBundleSha256).toBe(first.export.sha256);
    const history = await p.call<{ rows: Row[]; lastFolder: string }>('bundle.history');
    expect(history.rows.map((r) => r.revision)).toEqual([2, 1]);
    expect(history.lastFolder).toBe(p.outbox);
  });

  it('after "Dinkes sudah menerima", the next bundle carries only what changed since', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient] });
    const { person } = await addPerson(p, {
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
      nik: '3205024503900001',
    });
    await addPerson(p, { name: 'Budi Santoso', sex: 'L', birthDate: '1985-07-01' });
    // Rows written in the same millisecond as the cut-off go again (replays are harmless);
    // a minute later they do not.
    p.clock.advance(60_000);
    const sept = await exportBundle(p, '2026-09');
    expect(sept.export.counts.person).toBe(2);

    // Not acknowledged yet: October carries everything again.
    p.clock.advance(60_000);
    const again = await p.call<Preflight>('bundle.preflight', { period: '2026-10' });
    expect(again.since).toBeNull();
    // The Kirim screen counts what the bundle will carry: nothing changed since September's.
    expect(again.records).toBe(sept.export.records);

    const petugasRefused = await (async () => {
      await signInAs({ call: p.raw } as never, 'petugas');
      return p.raw('bundle.acknowledge', { id: sept.export.id, version: sept.export.version });
    })();
    expect(petugasRefused.ok).toBe(false);
    await p.call('auth.logout');
    await p.call('auth.login', { username: 'admin', password: 'rahasia-admin-1' });

    const acked = await p.call<Row>('bundle.acknowledge', {
      id: sept.export.id,
      version: sept.export.version,
    });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(acked.acknowledgedBy).toBe('Admin Puskesmas');
    const twice = await p.raw('bundle.acknowledge', { id: acked.id, version: acked.version });
    expect(twice.ok).toBe(false);

    p.clock.advance(60_000);
    await p.call('persons.update', {
      id: person.id,
      version: person.version,
      person: {
        name: 'Siti Aminah',
        sex: 'P',
        birthDate: '1990-03-05',
        nik: '3205024503900001',
        desaId: (await p.call<{ id: string }[]>('desa.list'))[0]!.id,
        phone: '0812 3456 7890',
      },
    });
    const oct = await exportBundle(p, '2026-10');
    expect(nonZero(oct.export.counts)).toEqual({ person: 1 });
    expect(oct.export.records).toBe(1);
    const opened = await open(p, oct.path);
    expect(opened.tables.person![0]).toMatchObject({ name: 'Siti Aminah', version: 2 });

    // A tombstone travels too.
    p.clock.advance(60_000);
    const current = await p.call<{ version: number }>('persons.get', { id: person.id });
    await p.call('persons.delete', {
      id: person.id,
      version: current.version,
      reason: 'Data ganda',
    });
    const ack = await p.call<Row>('bundle.acknowledge', {
      id: oct.export.id,
      version: oct.export.version,
    });
    expect(ack.acknowledgedAt).not.toBeNull();
    p.clock.advance(60_000);
    const nov = await exportBundle(p, '2026-10');
    const tomb = (await open(p, nov.path)).tables.person!;
    expect(tomb).toHaveLength(1);
    expect(tomb[0]!.deleted_at).not.toBeNull();
  });

  it('packs the rows as they were when it began: a write meanwhile goes through, and in the next bundle', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient] });
    const { person } = await addPerson(p, {
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1990-03-05',
    });
    p.clock.advance(60_000);
    const sqlite = p.core.database.sqlite;
    const changedAt = new Date(p.clock.now().getTime() + 1000).toISOString();
    let written = false;
    // The clerk saves a change on the app's connection while the rows are being packed (at the
    // packing's first progress event: the snapshot is taken, no row is read yet).
    const packing = translate('id', 'bundle.progress.serialize');
    const stop = p.core.subscribe((event, payload) => {
      if (event !== 'task.progress' || written) return;
      if ((payload as EventPayload<'task.progress'>).label !== packing) return;
      const moved = sqlite
        .prepare(
          `UPDATE person SET name = 'Siti Aminah Diubah', version = version + 1, updated_at = ?
           WHERE id = ?`,
        )
        .run(changedAt, person.id);
      written = moved.changes === 1;
    });
    const sept = await exportBundle(p, '2026-09').finally(stop);
    expect(written).toBe(true);
    const packed = (await open(p, sept.path)).tables.person!;
    expect(packed).toHaveLength(1);
    expect(packed[0]).toMatchObject({ name: 'Siti Aminah', version: 1 });
    expect(sept.export.until < changedAt).toBe(true);

    // Acknowledged: the change made during the packing goes in the next bundle.
    await p.call('bundle.acknowledge', { id: sept.export.id, version: sept.export.version });
    p.clock.advance(60_000);
    const oct = await exportBundle(p, '2026-10');
    expect(nonZero(oct.export.counts)).toEqual({ person: 1 });
    expect((await open(p, oct.path)).tables.person![0]).toMatchObject({
      name: 'Siti Aminah Diubah',
      version: 2,
    });
  });

  it('a wrong key passphrase, a bad folder or a cancel leave no file and no row', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient] });
    const before = snapshot(p.core);
    const wrong = await p.raw('bundle.export', {
      form: { period: '2026-09', keyPassphrase: 'bukan-kata-sandi', folder: p.outbox },
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.details?.issues?.[0]?.path).toBe('form.keyPassphrase');
      expect(wrong.error.message).toBe('Kata sandi kunci: Kata sandi kunci salah.');
    }
    for (const folder of ['relatif/folder', path.join(p.outbox, 'tidak-ada'), p.dir]) {
      const bad = await p.raw('bundle.export', {
        form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder },
      });
      expect(bad.ok, folder).toBe(false);
      if (!bad.ok) expect(bad.error.details?.issues?.[0]?.path).toBe('form.folder');
    }
    const missing = await p.raw('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE },
    });
    expect(missing.ok).toBe(false);
    // A blocker of the pre-flight stops the packing it runs beside (here the month's report
    // cannot be made: the month has not begun).
    const blocked = await p.raw('bundle.export', {
      form: { period: '2099-01', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
    });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error.code).toBe('RULE_VIOLATION');
      expect(blocked.error.details?.preflight).toBe('period');
    }
    expect(snapshot(p.core)).toEqual(before);
    expect(fs.readdirSync(p.outbox)).toEqual([]);
  });

  it('can be cancelled while it runs', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: MonthlyReportSource = {
      async monthly(period) {
        await gate;
        const report = fixtureReport(
          { kode: 'P3205020101', name: 'Puskesmas Karangpawitan', desa: [] },
          period,
        );
        return { report, xlsx: await fixtureXlsx(report) };
      },
    };
    p = await openPuskesmas({ recipients: [DINKES.recipient], reportSource: slow });
    const before = snapshot(p.core);
    const started = p.raw('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
      taskId: 'batal-uji',
    });
    // Wait until it has started (the report engine is still working), then cancel.
    await new Promise<void>((resolve) => {
      const stop = p.core.subscribe((event, payload) => {
        if (event === 'task.progress' && payload.taskId === 'batal-uji') {
          stop();
          resolve();
        }
      });
    });
    expect(await p.call('bundle.cancel', { taskId: 'batal-uji' })).toEqual({ cancelled: true });
    release();
    const result = await started;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/dibatalkan/);
    expect(snapshot(p.core)).toEqual(before);
    expect(fs.readdirSync(p.outbox)).toEqual([]);
    expect(await p.call('bundle.cancel', { taskId: 'batal-uji' })).toEqual({ cancelled: false });
  });

  it('downloads instead of saving, or locks with a passphrase when there is no Dinkes key', async () => {
    p = await openPuskesmas();
    const noKey = await p.raw('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
    });
    expect(noKey.ok).toBe(false);
    if (!noKey.ok) expect(noKey.error.details?.issues?.[0]?.path).toBe('form.lock');

    const short = await p.raw('bundle.export', {
      form: {
        period: '2026-09',
        keyPassphrase: SIGNING_PASSPHRASE,
        lock: 'passphrase',
        bundlePassphrase: 'pendek',
        bundlePassphraseConfirm: 'pendek',
        destination: 'download',
      },
    });
    expect(short.ok).toBe(false);

    const made = await p.call<{
      export: Row;
      path: null;
      download: { fileName: string; base64: string };
    }>('bundle.export', {
      form: {
        period: '2026-09',
        keyPassphrase: SIGNING_PASSPHRASE,
        lock: 'passphrase',
        bundlePassphrase: 'sandi-paket-september',
        bundlePassphraseConfirm: 'sandi-paket-september',
        destination: 'download',
      },
    });
    expect(made.path).toBeNull();
    expect(made.export.savedTo).toBeNull();
    expect(made.download.fileName).toBe('P3205020101_2026-09_r1.siklus');
    const status = await p.call<{ signing: { publicKey: string } }>('keys.status');
    const opened = await openBundle(new Uint8Array(Buffer.from(made.download.base64, 'base64')), {
      passphrase: 'sandi-paket-september',
      trustedSigners: [status.signing.publicKey],
    });
    expect(opened.manifest.revision).toBe(1);
    expect(fs.readdirSync(p.outbox)).toEqual([]);
  }, 60_000);

  it('reuses the report the pre-flight just made, until something is written', async () => {
    const periods: string[] = [];
    const counting: MonthlyReportSource = {
      async monthly(period) {
        periods.push(period);
        const report = fixtureReport(
          { kode: 'P3205020101', name: 'Puskesmas Karangpawitan', desa: [] },
          period,
        );
        return { report, xlsx: await fixtureXlsx(report) };
      },
    };
    p = await openPuskesmas({ recipients: [DINKES.recipient], reportSource: counting });
    await p.call('bundle.preflight', { period: '2026-09' });
    await p.call('bundle.preflight', { period: '2026-09' });
    expect(periods).toEqual(['2026-09']);
    // "Kirim" right after: the same report goes into the bundle
    const first = await exportBundle(p, '2026-09');
    expect(periods).toEqual(['2026-09']);
    const opened = await open(p, first.path);
    expect((opened.report.json as MonthlyReport).period).toBe('2026-09');
    // the export wrote its history row: the next pre-flight makes the report again, and so
    // does one after a person is added, or for another month
    await p.call('bundle.preflight', { period: '2026-09' });
    expect(periods).toEqual(['2026-09', '2026-09']);
    await addPerson(p, { name: 'Euis Komalasari', sex: 'P', birthDate: '1990-03-05' });
    await exportBundle(p, '2026-09');
    await p.call('bundle.preflight', { period: '2026-08' });
    expect(periods).toEqual(['2026-09', '2026-09', '2026-09', '2026-08']);
  });

  it('reuses the pre-flight findings until something is written, the keys change or the day turns', async () => {
    // 17:00 WIB on the last day of October
    p = await openPuskesmas({ clock: fixedClock('2026-10-31T10:00:00.000Z') });
    const exporter = p.core.services.bundle.exporter;
    const severityOf = (r: Preflight, id: string) => r.findings.find((f) => f.id === id)?.severity;
    const a = await exporter.preflight('2026-10', 'id');
    expect(severityOf(a, 'period')).toBe('warning'); // the month is still running
    expect(severityOf(a, 'recipients')).toBe('warning'); // no Dinkes key yet
    p.clock.advance(60_000);
    // nothing changed: the same findings, not checked again ("Kirim" right after the screen)
    const same = await exporter.preflight('2026-10', 'id');
    expect(same.findings).toBe(a.findings);
    // a Dinkes key added (files, not rows): checked again
    await addRecipient(keysDir(p.dir), DINKES.recipient);
    const keyed = await exporter.preflight('2026-10', 'id');
    expect(keyed.findings).not.toBe(a.findings);
    expect(severityOf(keyed, 'recipients')).toBe('ok');
    // a row written: checked again, then reused
    await addPerson(p, { name: 'Euis Komalasari', sex: 'P', birthDate: '1990-03-05' });
    const written = await exporter.preflight('2026-10', 'id');
    expect(written.findings).not.toBe(keyed.findings);
    expect((await exporter.preflight('2026-10', 'id')).findings).toBe(written.findings);
    // another language: checked again
    const english = await exporter.preflight('2026-10', 'en');
    expect(english.findings).not.toBe(written.findings);
    // the day turns: October is closed now
    p.clock.advance(24 * 60 * 60_000);
    const closed = await exporter.preflight('2026-10', 'en');
    expect(severityOf(closed, 'period')).toBe('ok');
  });

  it('is for admins; a reader sees the history', async () => {
    p = await openPuskesmas({ recipients: [DINKES.recipient] });
    await exportBundle(p, '2026-09');
    await signInAs({ call: p.raw } as never, 'petugas');
    const refused = await p.raw('bundle.export', {
      form: { period: '2026-09', keyPassphrase: SIGNING_PASSPHRASE, folder: p.outbox },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect((await p.call<{ rows: Row[] }>('bundle.history')).rows).toHaveLength(1);
  });
});
