import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletenessMatrix, DistrictRecap } from '../../../src-shared/contract';
import type { MonthlyReportSource } from '../../../src-main/services/bundle-service';
import { fixtureReport, fixtureXlsx } from '../../fixtures/bundle/report';
import { signInAs } from '../../support/setup';
import { fixedClock } from '../../support/temp';
import {
  exportBundle,
  importFiles,
  openDinkes,
  openPuskesmas,
  type Dinkes,
  type Puskesmas,
  type Summary,
  wake,
} from './helpers';

async function receive(d: Dinkes, file: string) {
  const summary = await importFiles(d, [file]);
  if (summary.pending.length === 0) return summary;
  return d.call<Summary>('dinkes.confirmSigner', { pendingId: summary.pending[0]!.pendingId });
}

const cell = (m: CompletenessMatrix, kode: string, period: string) =>
  m.rows.find((r) => r.kode === kode)!.cells.find((c) => c.period === period)!;

describe('Dinkes: completeness and district recap', () => {
  const all: (Puskesmas | Dinkes)[] = [];
  afterEach(async () => {
    for (const x of all.splice(0)) await x.close();
  });

  it('marks bundles on time, late, revised and missing; the deadline day is a setting', async () => {
    const clock = fixedClock('2026-10-08T03:00:00.000Z');
    const d = await openDinkes({ clock });
    const a = await openPuskesmas({ clock, recipients: [d.recipient] });
    const b = await openPuskesmas({
      clock,
      kode: 'P3205020102',
      name: 'Puskesmas Tarogong',
      recipients: [d.recipient],
    });
    all.push(d, a, b);

    await receive(d, (await exportBundle(a, '2026-09')).path);
    // B's September arrives on 12 October (late), its revision 2 on 20 October.
    clock.set('2026-10-12T03:00:00.000Z');
    await wake(b);
    await wake(d);
    await receive(d, (await exportBundle(b, '2026-09')).path);
    clock.set('2026-10-20T03:00:00.000Z');
    await wake(b);
    await wake(d);
    await receive(d, (await exportBundle(b, '2026-09')).path);

    let m = await d.call<CompletenessMatrix>('dinkes.completeness', { year: 2026 });
    expect(m).toMatchObject({ lateDay: 10, today: '2026-10-20' });
    expect(m.rows.map((r) => r.kode)).toEqual(['P3205020101', 'P3205020102']);
    expect(cell(m, 'P3205020101', '2026-09')).toMatchObject({
      status: 'received',
      revised: false,
      revision: 1,
    });
    expect(cell(m, 'P3205020102', '2026-09')).toMatchObject({
      status: 'late',
      revised: true,
      revision: 2,
    });
    // Before its first bundle a puskesmas was not using Siklus: not "missing".
    expect(cell(m, 'P3205020101', '2026-08').status).toBe('before');
    expect(cell(m, 'P3205020101', '2026-10').status).toBe('open');
    clock.set('2026-11-05T03:00:00.000Z');
    await wake(d);
    m = await d.call<CompletenessMatrix>('dinkes.completeness', { year: 2026 });
    expect(cell(m, 'P3205020101', '2026-10').status).toBe('notDue');
    clock.set('2026-11-12T03:00:00.000Z');
    await wake(d);
    m = await d.call<CompletenessMatrix>('dinkes.completeness', { year: 2026 });
    expect(cell(m, 'P3205020101', '2026-10').status).toBe('missing');

    // The 12th counts as on time when the deadline is the 15th.
    expect(await d.call('dinkes.setSettings', { lateDay: 15 })).toEqual({ lateDay: 15 });
    m = await d.call<CompletenessMatrix>('dinkes.completeness', { year: 2026 });
    expect(cell(m, 'P3205020102', '2026-09').status).toBe('received');
    expect(cell(m, 'P3205020101', '2026-10').status).toBe('notDue');
    const bad = await d.raw('dinkes.setSettings', { lateDay: 31 });
    expect(bad.ok).toBe(false);
    await signInAs({ call: d.raw } as never, 'petugas');
    const refused = await d.raw('dinkes.setSettings', { lateDay: 10 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect(await d.call('dinkes.settings')).toEqual({ lateDay: 15 });
  });

  it('recaps without counting missing data as zero, and exports one sheet per cluster', async () => {
    const clock = fixedClock('2026-10-08T03:00:00.000Z');
    const d = await openDinkes({ clock });
    const a = await openPuskesmas({ clock, recipients: [d.recipient] });
    // B has no K1 target for one desa: its K1 row is left out of the percentage, not zeroed.
    const partial: MonthlyReportSource = {
      async monthly(period) {
        const report = fixtureReport(
          {
            kode: 'P3205020102',
            name: 'Puskesmas Tarogong',
            desa: [
              { code: '32.05.10.2001', name: 'Sukajaya' },
              { code: '32.05.10.2002', name: 'Sukamulya' },
            ],
          },
          period,
        );
        const k1 = report.indicators.find((i) => i.code === 'K1');
        if (k1?.computable) {
          for (const r of k1.rows) {
            if (r.key === '32.05.10.2001' || r.key === 'total') {
              r.ytd.denominator = null;
              r.ytd.value = null;
              r.month.denominator = null;
              r.month.value = null;
            }
          }
        }
        return { report, xlsx: await fixtureXlsx(report) };
      },
    };
    const b = await openPuskesmas({
      clock,
      kode: 'P3205020102',
      name: 'Puskesmas Tarogong',
      recipients: [d.recipient],
      reportSource: partial,
    });
    const c = await openPuskesmas({
      clock,
      kode: 'P3205020103',
      name: 'Puskesmas Banyuresmi',
      recipients: [d.recipient],
    });
    all.push(d, a, b, c);
    await receive(d, (await exportBundle(a, '2026-09')).path);
    await receive(d, (await exportBundle(b, '2026-09')).path);
    // C is registered (August) but has not sent September.
    await receive(d, (await exportBundle(c, '2026-08')).path);

    const recap = await d.call<DistrictRecap>('dinkes.recap', { period: '2026-09' });
    expect(recap.reporting.map((r) => r.kode)).toEqual(['P3205020101', 'P3205020102']);
    expect(recap.missing).toEqual([{ kode: 'P3205020103', name: 'Puskesmas Banyuresmi' }]);
    expect(recap.clusters).toEqual(['k2', 'k3']);
    const k1 = recap.indicators.find((i) => i.code === 'K1')!;
    const aTotal = k1.rows.find((r) => r.key === 'P3205020101')!;
    expect(k1.total.ytd).toMatchObject({
      numerator: aTotal.ytd.numerator,
      denominator: aTotal.ytd.denominator,
      included: 1,
      excluded: 1,
    });
    const byDesa = await d.call<DistrictRecap>('dinkes.recap', { period: '2026-09', view: 'desa' });
    const lebak = byDesa.indicators
      .find((i) => i.code === 'K1')!
      .rows.find((r) => r.key === '32.05.10.2001')!;
    expect(lebak).toMatchObject({ sublabel: 'Puskesmas Tarogong' });
    expect(lebak.ytd.value).toBeNull();

    const file = await d.call<{ fileName: string; base64: string }>('dinkes.recapXlsx', {
      period: '2026-09',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Klaster 2', 'Klaster 3']);
    const sheet = workbook.getWorksheet('Klaster 2')!;
    expect(sheet.getCell('A1').value).toBe('Dinkes Kabupaten Garut');
    expect(String(sheet.getCell('A2').value)).toMatch(/Rekap indikator 2026-09 — Klaster 2/);
    const header = sheet.getRow(6).values as unknown[];
    expect(header).toContain('Kumulatif: pembilang');
    // The K1 total row: bold, with the summed numerator.
    const totalRow = sheet.getRow(7 + 2);
    expect(totalRow.getCell(3).value).toBe('Total kabupaten');
    expect(totalRow.font?.bold).toBe(true);
    expect(totalRow.getCell(9).value).toBe(k1.total.ytd.numerator);

    const empty = await d.raw('dinkes.recapXlsx', { period: '2026-07' });
    expect(empty.ok).toBe(false);
  });
});
