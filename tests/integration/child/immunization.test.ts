import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChildCard, FileDownload, ImmunizationRow, SasaranView } from '@shared/contract';
import { count, openChildWorld, type ChildWorld } from './helpers';

let w: ChildWorld;
beforeEach(async () => {
  w = await openChildWorld();
});
afterEach(() => w.t.close());

function dose(personId: string, doseCode: string, givenDate: string, extra = {}) {
  return {
    personId,
    doseCode,
    givenDate,
    givenHere: true,
    place: 'posyandu',
    posyanduId: w.posyanduId,
    batch: 'B-1234',
    ...extra,
  };
}

describe('immunisation doses', () => {
  it('saves an on-schedule dose without a reason; a copied one may have no place', async () => {
    const id = await w.child('Ayu', '2026-05-20');
    const hb0 = await w.ok<ImmunizationRow>('immunization.create', {
      dose: dose(id, 'HB0', '2026-05-20', { place: 'puskesmas', posyanduId: null }),
    });
    expect(hb0).toMatchObject({ ruleBreaks: [], breakReason: null, issues: [] });
    const bcg = await w.ok<ImmunizationRow>('immunization.create', {
      dose: { personId: id, doseCode: 'BCG', givenDate: '2026-06-20', givenHere: false },
    });
    expect(bcg).toMatchObject({ givenHere: false, place: null });
    expect(
      await w.t.call('immunization.create', {
        dose: { personId: id, doseCode: 'OPV1', givenDate: '2026-06-20', givenHere: true },
      }),
    ).toMatchObject({ error: { message: 'Tempat layanan: wajib diisi' } });
  });

  it('a dose before its minimum age needs a reason (boundary: 6 weeks is the 42nd day)', async () => {
    const id = await w.child('Bima', '2026-05-20');
    const early = await w.t.call('immunization.create', {
      dose: dose(id, 'DPT_HB_HIB1', '2026-06-30'),
    });
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        details: {
          needsReason: true,
          breaks: ['BEFORE_MIN_AGE'],
          issues: [{ path: 'dose.givenDate' }],
        },
      },
    });
    expect((early as { error: { message: string } }).error.message).toMatch(
      /^Tanggal imunisasi: DPT-HB-Hib 1 diberikan pada umur 1 bulan 10 hari, sebelum umur minimal 6 minggu/,
    );
    expect(count(w, 'immunization')).toBe(0);
    const withReason = await w.ok<ImmunizationRow>('immunization.create', {
      dose: dose(id, 'DPT_HB_HIB1', '2026-06-30'),
      breakReason: 'Disalin dari Buku KIA, tanggal sesuai buku',
    });
    expect(withReason).toMatchObject({
      ruleBreaks: ['BEFORE_MIN_AGE'],
      breakReason: 'Disalin dari Buku KIA, tanggal sesuai buku',
      issues: [{ code: 'BEFORE_MIN_AGE', severity: 'break' }],
    });
    const other = await w.child('Bima Dua', '2026-05-20');
    expect(
      await w.ok<ImmunizationRow>('immunization.create', {
        dose: dose(other, 'DPT_HB_HIB1', '2026-07-01'),
      }),
    ).toMatchObject({ ruleBreaks: [] });
  });

  it('rotavirus: the last dose on 6 months 29 days is allowed, the day after needs a reason', async () => {
    const id = await w.child('Citra', '2026-04-10');
    await w.ok('immunization.create', { dose: dose(id, 'RV1', '2026-06-10') });
    await w.ok('immunization.create', { dose: dose(id, 'RV2', '2026-07-10') });
    const late = await w.t.call('immunization.create', { dose: dose(id, 'RV3', '2026-11-09') });
    expect(late).toMatchObject({
      error: { code: 'RULE_VIOLATION', details: { breaks: ['AFTER_MAX_AGE'] } },
    });
    expect(
      await w.ok<ImmunizationRow>('immunization.create', { dose: dose(id, 'RV3', '2026-11-08') }),
    ).toMatchObject({ ruleBreaks: [] });
  });

  it('refuses a dose before birth even with a reason (impossible, not a rule break)', async () => {
    const id = await w.child('Dedi', '2026-05-20');
    expect(
      await w.t.call('immunization.create', {
        dose: dose(id, 'HB0', '2026-05-19'),
        breakReason: 'coba',
      }),
    ).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'dose.givenDate' }] } },
    });
    expect(count(w, 'immunization')).toBe(0);
  });

  it('shows the next due and overdue doses and IDL status on the card', async () => {
    const id = await w.child('Eka', '2026-05-20');
    for (const [code, date] of [
      ['HB0', '2026-05-20'],
      ['BCG', '2026-06-20'],
      ['OPV1', '2026-06-20'],
    ] as const) {
      await w.ok('immunization.create', { dose: dose(id, code, date) });
    }
    const card = await w.ok<ChildCard>('child.card', { personId: id });
    const overdue = card.due.overdue.map((d) => d.code);
    expect(overdue).toEqual(expect.arrayContaining(['OPV2', 'DPT_HB_HIB1', 'PCV1', 'RV1']));
    expect(card.due.overdue.find((d) => d.code === 'DPT_HB_HIB1')).toMatchObject({
      dueDate: '2026-07-20',
    });
    expect(card.completeness.find((c) => c.kind === 'IDL')).toMatchObject({
      complete: false,
      canStillComplete: true,
      missing: expect.arrayContaining(['MR1', 'IPV1']),
    });
    // A dose recorded moves the series on: OPV2 leaves, OPV3 is not yet due (4 weeks later).
    await w.ok('immunization.create', { dose: dose(id, 'OPV2', '2026-11-20') });
    const after = await w.ok<ChildCard>('child.card', { personId: id });
    expect([...after.due.overdue, ...after.due.due].map((d) => d.code)).not.toContain('OPV2');
    expect(after.due.upcoming.find((d) => d.code === 'OPV3')).toMatchObject({
      earliestDate: '2026-12-18',
    });
  });

  it('lists the sasaran imunisasi of a posyandu session, and exports it', async () => {
    const due = await w.child('Fajar', '2026-05-20');
    await w.ok('immunization.create', { dose: dose(due, 'HB0', '2026-05-20') });
    await w.child('Gita Besar', '2022-01-01'); // 58 months: nothing routine due in the list
    await w.child('Lain Posyandu', '2026-05-20', { posyanduId: null });
    const view = await w.ok<SasaranView>('immunization.sasaran', {
      posyanduId: w.posyanduId,
      sessionDate: '2026-12-08',
    });
    expect(view.rows.map((r) => r.name)).toContain('Fajar');
    expect(view.rows.map((r) => r.name)).not.toContain('Lain Posyandu');
    const fajar = view.rows.find((r) => r.name === 'Fajar')!;
    expect(fajar.doses.map((d) => d.code)).toEqual(
      expect.arrayContaining(['BCG', 'OPV1', 'DPT_HB_HIB1']),
    );
    expect(view.totals.find((x) => x.code === 'BCG')?.count).toBeGreaterThanOrEqual(1);
    const file = await w.ok<FileDownload>('immunization.sasaranXlsx', {
      posyanduId: w.posyanduId,
      sessionDate: '2026-12-08',
    });
    expect(file.fileName).toBe('sasaran-imunisasi_posyandu-melati_2026-12-08.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    const sheet = book.getWorksheet('Sasaran imunisasi')!;
    expect(String(sheet.getCell('A2').value)).toMatch(/Posyandu Melati .* 8 Desember 2026/);
    const names: string[] = [];
    sheet.eachRow((row) => names.push(String(row.getCell(2).value)));
    expect(names).toContain('Fajar');
  });
});
