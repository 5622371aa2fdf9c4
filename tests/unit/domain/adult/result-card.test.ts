import { describe, expect, it } from 'vitest';
import {
  BP_JNC7,
  DEFAULT_ADULT_SETS,
  FOLLOW_UP_KLASTER3_DEFAULT,
  IMT_PGS_2014,
  RESULT_CODES,
  RESULT_LABELS,
  buildResultCard,
  type ResultCard,
  type ScreeningInput,
} from '../../../../src-shared/domain/adult';

const man45 = { sex: 'L', birthDate: '1981-03-10', on: '2026-03-10' } as const;
const woman70 = { sex: 'P', birthDate: '1956-01-01', on: '2026-03-10' } as const;

function card(input: ScreeningInput, sets = DEFAULT_ADULT_SETS): ResultCard {
  const r = buildResultCard(input, sets);
  if (!r.ok) throw new Error(r.refusals.map((x) => x.message.id).join('; '));
  return r.value;
}

function srq(yes: number): boolean[] {
  return Array.from({ length: 20 }, (_, i) => i < yes);
}

describe('result card', () => {
  it('classifies every section present and suggests a follow-up per class', () => {
    const c = card({
      person: man45,
      tekananDarah: { readings: [{ systolic: 150, diastolic: 95 }] },
      gulaDarah: [{ test: 'gdp', value: 110 }],
      antropometri: { beratKg: 70, tinggiCm: 165 },
      lingkarPerutCm: 95,
      kolesterolTotal: 210,
      merokok: { status: 'aktif' },
      aktivitasMenitPerMinggu: 60,
      porsiSayurBuahPerHari: 2,
      alkohol: 'tidak',
      srq20: srq(3),
      puma: { packYears: 25, sesakNapas: true, dahak: true, batuk: true, pernahSpirometri: true },
    });
    expect(c.ageYears).toBe(45);
    expect(c.lines.map((l) => [l.section, l.code, l.followUp])).toEqual([
      ['tekananDarah', 'bp.ht1', 'rujuk'],
      ['gulaDarah', 'gula.gdpt', 'kontrol'],
      ['imt', 'imt.ap.obesitas1', 'kontrol'],
      ['lingkarPerut', 'lingkar_perut.obesitas_sentral', 'kontrol'],
      ['kolesterol', 'kolesterol.borderline', 'kontrol'],
      ['merokok', 'rokok.aktif', 'edukasi'],
      ['aktivitas', 'aktivitas.kurang', 'edukasi'],
      ['sayurBuah', 'sayur_buah.kurang', 'edukasi'],
      ['alkohol', 'alkohol.tidak', 'edukasi'],
      ['srq20', 'srq20.negatif', 'edukasi'],
      // PUMA: L 1 + age 45 → 0 + 25 pack-years → 1 + four "ya" 4 = 6 → positive at ≥ 6.
      ['puma', 'puma.positif', 'rujuk'],
    ]);
    expect(c.overall).toBe('rujuk');
    expect(c.lines[0]).toMatchObject({
      label: { id: 'Hipertensi derajat 1', en: 'Grade 1 hypertension' },
      followUpLabel: { id: 'Rujuk', en: 'Refer' },
      detail: { id: '150/95 mmHg' },
      referenceSetId: 'bp.perhi-esh-2023',
    });
    expect(c.lines[2]?.detail?.id).toBe('IMT 25,7');
    expect(c.lines[3]).toMatchObject({ risk: true, detail: { id: '95 cm' } });
    expect(c.results.puma?.score).toBe(6);
    expect(c.referenceSetIds).toEqual([
      'bp.perhi-esh-2023',
      'glucose.kemenkes-perkeni',
      'imt.asia-pacific',
      'waist.kemenkes-p2ptm',
      'cholesterol.ncep-atp3',
      'lifestyle.germas',
      'srq20.riskesdas-6',
      'puma.cutoff-6',
      'followup.klaster3-default',
    ]);
  });

  it('overall is the most urgent follow-up; none when the card is empty', () => {
    const calm = card({
      person: man45,
      tekananDarah: { readings: [{ systolic: 118, diastolic: 76 }] },
      alkohol: 'tidak',
    });
    expect(calm.overall).toBe('edukasi');
    const watch = card({ person: man45, kolesterolTotal: 220, alkohol: 'tidak' });
    expect(watch.overall).toBe('kontrol');
    const empty = card({ person: man45 });
    expect(empty).toMatchObject({ lines: [], referenceSetIds: [] });
    expect(empty.overall).toBeUndefined();
  });

  it('uses the selected sets (JNC7, PGS 2014)', () => {
    const c = card(
      {
        person: man45,
        tekananDarah: { readings: [{ systolic: 140, diastolic: 89 }] },
        antropometri: { beratKg: 70, tinggiCm: 165 },
      },
      { ...DEFAULT_ADULT_SETS, bp: BP_JNC7, imt: IMT_PGS_2014 },
    );
    expect(c.lines.map((l) => [l.code, l.referenceSetId])).toEqual([
      ['bp.ht1', 'bp.jnc7'],
      ['imt.pgs.gemuk_ringan', 'imt.pgs-2014'],
    ]);
  });

  it('shows the grade of isolated systolic hypertension, and "curiga DM" for GDS ≥ 200', () => {
    const c = card({
      person: man45,
      tekananDarah: { readings: [{ systolic: 165, diastolic: 80 }] },
      gulaDarah: [{ test: 'gds', value: 230 }],
    });
    expect(c.lines[0]).toMatchObject({
      code: 'bp.hst',
      followUp: 'rujuk',
      detail: { id: '165/80 mmHg, derajat 2' },
    });
    expect(c.lines[1]).toMatchObject({
      code: 'gula.curiga_dm',
      label: { id: 'Curiga DM, rujuk/konfirmasi' },
      followUp: 'rujuk',
      detail: { id: 'GDS 230 mg/dL' },
    });
  });

  it('adds a separate rujuk line when SRQ-20 item 17 is "ya"', () => {
    const answers = srq(0);
    answers[16] = true;
    const c = card({ person: man45, srq20: answers });
    expect(c.lines.map((l) => [l.code, l.followUp])).toEqual([
      ['srq20.negatif', 'edukasi'],
      ['srq20.ide_bunuh_diri', 'rujuk'],
    ]);
    expect(c.overall).toBe('rujuk');
  });

  it('elderly: SKILAS names the positive domains; Barthel category with its follow-up', () => {
    const c = card({
      person: woman70,
      skilas: {
        kognitif: { orientasiWaktuBenar: true, orientasiTempatBenar: true, kataDiingat: 3 },
        mobilisasi: { tidakMampu: false, waktuDetik: 14.1 },
        malnutrisi: { beratTurun: false, nafsuMakanHilang: false, lilaCm: 23 },
        penglihatan: { masalahMata: false, hitungJariBenar: true },
        pendengaran: { tesBisik: 'tidak_dapat_dilakukan' },
        depresi: { sedihTertekan: false, kurangMinat: false },
      },
      barthel: {
        bab: 2,
        bak: 1,
        membersihkanDiri: 1,
        penggunaanJamban: 2,
        makan: 2,
        berubahSikap: 2,
        berpindah: 2,
        memakaiBaju: 1,
        naikTurunTangga: 1,
        mandi: 1,
      },
    });
    expect(c.lines.map((l) => [l.code, l.followUp])).toEqual([
      ['skilas.positif', 'rujuk'],
      ['barthel.ringan', 'kontrol'],
    ]);
    expect(c.lines[0]?.detail?.id).toBe(
      'Rujuk ke Puskesmas: Keterbatasan mobilisasi (SPPB), Gangguan pendengaran (pemeriksaan telinga)',
    );
    expect(c.lines[1]?.detail?.id).toBe('skor 15/20');
    expect(c.results.skilas?.instrumentVersion).toBe('skilas.kemenkes-2023');
    expect(c.results.barthel?.instrumentVersion).toBe('barthel.modified-20');
  });
});

describe('result card refusals', () => {
  it('refuses SKILAS under 60', () => {
    const r = buildResultCard({
      person: { sex: 'P', birthDate: '1966-03-11', on: '2026-03-10' },
      skilas: {
        kognitif: { orientasiWaktuBenar: true, orientasiTempatBenar: true, kataDiingat: 3 },
        mobilisasi: { tidakMampu: true },
        malnutrisi: { beratTurun: false, nafsuMakanHilang: false, lilaCm: 23 },
        penglihatan: { masalahMata: true },
        pendengaran: { tesBisik: 'dengar' },
        depresi: { sedihTertekan: false, kurangMinat: false },
      },
    });
    expect(!r.ok && r.refusals.map((x) => x.message.id)).toEqual([
      'Usia: SKILAS hanya untuk usia ≥ 60 tahun (usia 59 tahun)',
    ]);
  });

  it('PUMA needs the smoking section and an eligible person', () => {
    const puma = {
      packYears: 0,
      sesakNapas: false,
      dahak: false,
      batuk: false,
      pernahSpirometri: false,
    };
    const noSmoking = buildResultCard({ person: man45, puma });
    expect(!noSmoking.ok && noSmoking.refusals[0]?.message.id).toBe(
      'Merokok: wajib diisi untuk skrining PUMA',
    );
    const never = buildResultCard({ person: man45, merokok: { status: 'tidak' }, puma });
    expect(!never.ok && never.refusals.map((x) => x.code)).toEqual(['NOT_ELIGIBLE_SMOKING']);
    const young = buildResultCard({
      person: { sex: 'L', birthDate: '1990-01-01', on: '2026-03-10' },
      merokok: { status: 'aktif' },
      puma: { ...puma, packYears: 10 },
    });
    expect(!young.ok && young.refusals[0]?.code).toBe('NOT_ELIGIBLE_AGE');
  });

  it('uses the adult IMT table only from 18', () => {
    const r = buildResultCard({
      person: { sex: 'P', birthDate: '2009-03-11', on: '2026-03-10' },
      antropometri: { beratKg: 50, tinggiCm: 155 },
    });
    expect(!r.ok && r.refusals[0]?.code).toBe('IMT_ADULT_ONLY');
  });

  it('collects refusals from every section and returns no partial card', () => {
    const r = buildResultCard({
      person: man45,
      tekananDarah: { readings: [{ systolic: 40, diastolic: 120 }] },
      kolesterolTotal: 5000,
      alkohol: 'tidak',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusals.map((x) => x.path)).toEqual([
      'tekananDarah.readings.0.systolic',
      'tekananDarah.readings.0.diastolic',
      'kolesterolTotal',
    ]);
  });

  it('refuses a bad person before anything else', () => {
    const r = buildResultCard({
      person: { sex: 'W' as 'P', birthDate: '1980-01-01', on: '2026-02-30' },
      alkohol: 'tidak',
    });
    expect(!r.ok && r.refusals.map((x) => x.path)).toEqual(['person.sex', 'person.on']);
  });
});

describe('codes and mapping', () => {
  it('every result code has labels in both languages and a follow-up', () => {
    for (const code of RESULT_CODES) {
      expect(RESULT_LABELS[code].id.length).toBeGreaterThan(0);
      expect(RESULT_LABELS[code].en.length).toBeGreaterThan(0);
      expect(['rujuk', 'kontrol', 'edukasi']).toContain(FOLLOW_UP_KLASTER3_DEFAULT.actions[code]);
    }
    expect(Object.keys(FOLLOW_UP_KLASTER3_DEFAULT.actions).sort()).toEqual(
      [...RESULT_CODES].sort(),
    );
  });
});
