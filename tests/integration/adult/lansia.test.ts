import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdultLansiaDetail, AdultLansiaInput, LansiaListRow } from '@shared/contract';
import type { TestCore } from '../../support/core';
import { auditRows, count, openAdultCore, person, sheetRows, value, type Refused } from './helpers';

let t: TestCore;
let desaId: string;
let mbah: string;

beforeEach(async () => {
  ({ t, desaId } = await openAdultCore());
  mbah = await person(t, desaId, { name: 'Mbah Karsih', sex: 'P', birthDate: '1950-04-02' });
});
afterEach(() => t.close());

const skilas: NonNullable<AdultLansiaInput['skilas']> = {
  kognitif: { orientasiWaktuBenar: true, orientasiTempatBenar: true, kataDiingat: 3 },
  mobilisasi: { tidakMampu: false, waktuDetik: 14.0 },
  malnutrisi: { beratTurun: false, nafsuMakanHilang: false, lilaCm: 23 },
  penglihatan: { masalahMata: false, hitungJariBenar: true },
  pendengaran: { tesBisik: 'dengar' },
  depresi: { sedihTertekan: false, kurangMinat: false },
};

/** Barthel 15: everything at its maximum except 5 points off. */
const barthel15 = {
  bab: 2,
  bak: 1,
  membersihkanDiri: 1,
  penggunaanJamban: 1,
  makan: 2,
  berubahSikap: 2,
  berpindah: 2,
  memakaiBaju: 1,
  naikTurunTangga: 2,
  mandi: 1,
};

function create(lansia: Partial<AdultLansiaInput>, personId = mbah) {
  return t.call('adult.lansia.create', {
    personId,
    lansia: { screenedOn: '2026-11-21', place: 'posyandu', posyanduId: null, ...lansia },
  });
}

describe('lansia: SKILAS and Barthel', () => {
  it('stores item answers and instrument versions; one positive domain → rujuk naming it', async () => {
    const posyandu = await value<{ id: string }>(
      t.call('posyandu.create', { name: 'Posyandu Mawar', desaId }),
    );
    const saved = await value<AdultLansiaDetail>(
      create({
        posyanduId: posyandu.id,
        skilas: { ...skilas, mobilisasi: { tidakMampu: false, waktuDetik: 14.1 } },
        barthel: barthel15,
      }),
    );
    expect(saved).toMatchObject({
      ageYears: 76,
      skilasVersion: 'skilas.kemenkes-2023',
      skilasPositive: ['mobilisasi'],
      skilasRujuk: true,
      barthelVersion: 'barthel.modified-20',
      barthelTotal: 15,
      barthelCode: 'barthel.ringan',
      posyanduName: 'Posyandu Mawar',
    });
    expect(saved.lines.map((l) => [l.code, l.followUp, l.detail?.id])).toEqual([
      ['skilas.positif', 'rujuk', 'Rujuk ke Puskesmas: Keterbatasan mobilisasi (SPPB)'],
      ['barthel.ringan', 'kontrol', 'skor 15/20'],
    ]);
    const stored = t.core.database.sqlite
      .prepare('SELECT skilas_answers, barthel_scores FROM adult_lansia')
      .get() as { skilas_answers: string; barthel_scores: string };
    expect(JSON.parse(stored.skilas_answers).mobilisasi).toEqual({
      tidakMampu: false,
      waktuDetik: 14.1,
    });
    expect(JSON.parse(stored.barthel_scores)).toEqual(barthel15);
    expect(auditRows(t, saved.id)).toEqual([{ action: 'create', table_name: 'adult_lansia' }]);
  });

  it('chair stand 14.0 s passes; Barthel 20 is mandiri, 19 ketergantungan ringan', async () => {
    const ok = await value<AdultLansiaDetail>(
      create({
        place: 'puskesmas',
        skilas,
        barthel: {
          ...barthel15,
          bak: 2,
          penggunaanJamban: 2,
          memakaiBaju: 2,
          berubahSikap: 3,
          berpindah: 3,
        },
      }),
    );
    expect(ok).toMatchObject({
      skilasRujuk: false,
      skilasPositive: [],
      barthelTotal: 20,
      barthelCode: 'barthel.mandiri',
    });
    const nineteen = await value<AdultLansiaDetail>(
      create({
        place: 'puskesmas',
        barthel: { ...barthel15, bak: 2, penggunaanJamban: 2, memakaiBaju: 2, berubahSikap: 3 },
      }),
    );
    expect(nineteen).toMatchObject({
      barthelTotal: 19,
      barthelCode: 'barthel.ringan',
      skilasVersion: null,
    });
  });

  it('refuses SKILAS for a 30-year-old and an impossible Barthel score; nothing saved', async () => {
    const young = await person(t, desaId, { name: 'Rina', sex: 'P', birthDate: '1996-05-05' });
    const r = (await create({ place: 'puskesmas', skilas }, young)) as Refused;
    expect(r.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Usia: SKILAS hanya untuk usia ≥ 60 tahun (usia 30 tahun)',
    });
    expect(await create({ place: 'puskesmas', barthel: { ...barthel15, mandi: 2 } })).toMatchObject(
      {
        error: {
          message: 'Indeks Barthel – Mandi: nilai harus 0/1',
          details: { issues: [{ path: 'lansia.barthel.mandi' }] },
        },
      },
    );
    expect(await create({ place: 'puskesmas' })).toMatchObject({
      error: { message: 'SKILAS: isi SKILAS, Indeks Barthel, atau keduanya' },
    });
    expect(count(t, 'adult_lansia')).toBe(0);
  });

  it('lists everyone ≥ 60 with the last SKILAS/ADL and who is due this year; exports', async () => {
    const darmo = await person(t, desaId, { name: 'Darmo', sex: 'L', birthDate: '1966-11-22' });
    await person(t, desaId, { name: 'Muda', sex: 'L', birthDate: '1966-11-23' }); // 59
    await value(create({ place: 'puskesmas', screenedOn: '2025-12-31', skilas }));
    // Darmo turns 60 today: SKILAS is his from this day on.
    await value(
      create(
        {
          place: 'puskesmas',
          screenedOn: '2026-11-22',
          skilas: { ...skilas, depresi: { sedihTertekan: true, kurangMinat: false } },
          barthel: barthel15,
        },
        darmo,
      ),
    );
    const all = await value<{
      rows: LansiaListRow[];
      counts: Record<string, number>;
      year: string;
    }>(t.call('adult.lansia.list', {}));
    expect(all.year).toBe('2026');
    expect(all.rows.map((r) => [r.name, r.ageYears, r.dueThisYear])).toEqual([
      ['Darmo', 60, false],
      ['Mbah Karsih', 76, true],
    ]);
    expect(all.counts).toEqual({ semua: 2, belumSkrining: 1, rujuk: 1, ketergantungan: 1 });
    expect(all.rows[0]).toMatchObject({ skilasPositive: ['depresi'], barthelTotal: 15 });
    const due = await value<{ rows: LansiaListRow[]; total: number }>(
      t.call('adult.lansia.list', { list: 'belumSkrining' }),
    );
    expect(due.rows.map((r) => r.name)).toEqual(['Mbah Karsih']);
    // The search: name words in any order, or a NIK prefix (these residents have no NIK).
    const byName = await value<{ rows: LansiaListRow[]; counts: Record<string, number> }>(
      t.call('adult.lansia.list', { q: 'karsih mbah' }),
    );
    expect(byName.rows.map((r) => r.name)).toEqual(['Mbah Karsih']);
    expect(byName.counts).toEqual({ semua: 1, belumSkrining: 1, rujuk: 0, ketergantungan: 0 });
    expect((await value<{ total: number }>(t.call('adult.lansia.list', { q: '3201' }))).total).toBe(
      0,
    );
    const file = await value<{ fileName: string; base64: string; mimeType: string }>(
      t.call('adult.lansia.export', { list: 'rujuk' }),
    );
    const rows = await sheetRows(file);
    expect(rows[1]?.[0]).toBe('Lansia');
    expect(rows[5]).toContain('Perlu SKILAS 2026');
    expect(rows[6]).toEqual(
      expect.arrayContaining(['Darmo', 'Rujuk: Gejala depresi', 'Ketergantungan ringan', 'Tidak']),
    );
  });
});
