/**
 * A district of 40 puskesmas: each a real installation (own data folder, wilayah kerja from
 * the Kemendagri list, a few residents, its own signing key) exports September; Dinkes imports
 * the folder of 40 bundles at once, then the completeness matrix and the district recap
 * (numerators and denominators summed, percentages recomputed) are checked against the reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DistrictRecap, MonthlyReport, ReportRow } from '../../../src-shared/contract';
import { addTrustedSigner, keysDir } from '../../../src-main/bundle';
import { fixtureReport } from '../../fixtures/bundle/report';
import { fixedClock } from '../../support/temp';
import { exportBundle, openDinkes, openPuskesmas, type Dinkes, type Puskesmas } from './helpers';

const COUNT = 40;

describe(`a district of ${COUNT} puskesmas`, () => {
  const opened: Puskesmas[] = [];
  let d: Dinkes;
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-kabupaten-'));
  afterAll(async () => {
    for (const p of opened) await p.close();
    await d?.close();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it(`imports ${COUNT} bundles in one go and recaps them`, async () => {
    const started = Date.now();
    // Early October: September's bundles arrive before the 10th (on time).
    const clock = fixedClock('2026-10-05T02:00:00.000Z');
    d = await openDinkes({ clock });
    const districts = (await d.core.services.regions.districts('32.05')).slice(0, COUNT);
    expect(districts).toHaveLength(COUNT);
    const reports: MonthlyReport[] = [];
    for (const [i, district] of districts.entries()) {
      const villages = (await d.core.services.regions.villages(district.code)).slice(0, 3);
      const kode = `P${district.code.replace(/\./g, '')}01`;
      const name = `Puskesmas ${district.name}`;
      const p = await openPuskesmas({
        kode,
        name,
        clock,
        recipients: [d.recipient],
        villageCodes: villages.map((v) => v.code),
        districtCode: district.code,
      });
      opened.push(p);
      const desa = await p.call<{ id: string }[]>('desa.list');
      for (let n = 0; n < 3; n++) {
        await p.call('persons.create', {
          person: {
            name: `Warga ${i + 1}-${n + 1}`,
            sex: n % 2 === 0 ? 'P' : 'L',
            birthDate: `19${70 + n}-0${n + 1}-1${i % 9}`,
            desaId: desa[n % desa.length]!.id,
          },
        });
      }
      const made = await exportBundle(p, '2026-09');
      fs.copyFileSync(made.path, path.join(outbox, made.export.fileName));
      const status = await p.call<{ signing: { publicKey: string } }>('keys.status');
      // Fingerprints compared by phone beforehand (`siklus keys trust-signer`).
      await addTrustedSigner(keysDir(d.dir), status.signing.publicKey, `${kode} ${name}`);
      reports.push(
        fixtureReport(
          { kode, name, desa: villages.map((v) => ({ code: v.code, name: v.name })) },
          '2026-09',
        ),
      );
      await p.close();
    }
    opened.splice(0);
    const exported = Date.now();

    const summary = await d.call<{ results: { outcome: string }[]; pending: unknown[] }>(
      'dinkes.import',
      { folder: outbox },
    );
    const imported = Date.now();
    expect(summary.results).toHaveLength(COUNT);
    expect(summary.results.every((r) => r.outcome === 'applied')).toBe(true);
    expect(summary.pending).toEqual([]);
    const again = await d.call<{ results: { outcome: string }[] }>('dinkes.import', {
      folder: outbox,
    });
    expect(again.results.every((r) => r.outcome === 'duplicate')).toBe(true);

    const registry = await d.call<{ rows: { bundles: number; records: number }[] }>(
      'dinkes.puskesmas',
    );
    expect(registry.rows).toHaveLength(COUNT);
    // facility 1 + desa 3 + persons 3 each.
    expect(registry.rows.every((r) => r.bundles === 1 && r.records === 7)).toBe(true);

    const matrix = await d.call<{
      rows: { cells: { period: string; status: string }[] }[];
    }>('dinkes.completeness', { year: 2026 });
    expect(matrix.rows).toHaveLength(COUNT);
    for (const row of matrix.rows) {
      const byPeriod = Object.fromEntries(row.cells.map((c) => [c.period, c.status]));
      expect(byPeriod['2026-09']).toBe('received');
      expect(byPeriod['2026-08']).toBe('before');
      expect(byPeriod['2026-10']).toBe('open');
    }

    // The recap: counts summed, the percentage recomputed from the sums.
    const recap = await d.call<DistrictRecap>('dinkes.recap', { period: '2026-09' });
    expect(recap.reporting).toHaveLength(COUNT);
    expect(recap.missing).toEqual([]);
    const totals = (code: string) =>
      reports.map((r) => {
        const ind = r.indicators.find((i) => i.code === code);
        return ind?.computable ? ind.rows.find((x) => x.key === 'total')! : null;
      }) as ReportRow[];
    for (const code of ['K1', 'DS', 'SPM8']) {
      const rows = totals(code);
      const num = rows.reduce((a, r) => a + r.ytd.numerator!, 0);
      const den = rows.reduce((a, r) => a + r.ytd.denominator!, 0);
      const ind = recap.indicators.find((i) => i.code === code)!;
      expect(ind.rows).toHaveLength(COUNT);
      expect(ind.total.ytd).toMatchObject({ numerator: num, denominator: den, included: COUNT });
      expect(ind.total.ytd.value).toBeCloseTo((num / den) * 100, 10);
      const meanOfPercents = rows.reduce((a, r) => a + r.ytd.value!, 0) / rows.length;
      expect(Math.abs(ind.total.ytd.value! - meanOfPercents)).toBeGreaterThan(0.01);
    }
    const lansia = recap.indicators.find((i) => i.code === 'LANSIA')!;
    expect(lansia.total.month.value).toBe(
      totals('LANSIA').reduce((a, r) => a + r.month.numerator!, 0),
    );
    expect(recap.indicators.find((i) => i.code === 'KBPP')!.notComputable).toHaveLength(COUNT);

    const byDesa = await d.call<DistrictRecap>('dinkes.recap', { period: '2026-09', view: 'desa' });
    const k1 = byDesa.indicators.find((i) => i.code === 'K1')!;
    expect(k1.rows).toHaveLength(COUNT * 3 + 1); // every desa, then "luar wilayah"
    const luar = k1.rows.at(-1)!;
    expect(luar.key).toBe('luar');
    // Non-residents have no sasaran: their counts are summed, no percentage is made up.
    const luarCounts = reports.map((r) => {
      const ind = r.indicators.find((i) => i.code === 'K1');
      return ind?.computable ? ind.rows.find((x) => x.key === 'luar')!.ytd.numerator! : 0;
    });
    expect(luar.ytd).toMatchObject({
      numerator: luarCounts.reduce((a, b) => a + b, 0),
      denominator: null,
      value: null,
    });
    expect(k1.total).toEqual(recap.indicators.find((i) => i.code === 'K1')!.total);

    const xlsx = await d.call<{ fileName: string; base64: string }>('dinkes.recapXlsx', {
      period: '2026-09',
    });
    expect(xlsx.fileName).toMatch(/^rekap-puskesmas_2026-09_/);
    console.log(
      `${COUNT} puskesmas: set up and exported in ${((exported - started) / 1000).toFixed(1)} s, ` +
        `imported in ${((imported - exported) / 1000).toFixed(1)} s`,
    );
  }, 180_000);
});
