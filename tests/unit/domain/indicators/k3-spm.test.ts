import { describe, expect, it } from 'vitest';
import {
  BARTHEL_MODIFIED_20,
  ELIGIBILITY_KLASTER3,
  HT_CONTROL_LAST_VISIT,
} from '@shared/domain/adult';
import {
  ADL_CATEGORIES,
  K3_INDICATORS,
  K3_SOURCE_IDS,
  PRODUCTIVE_AGES,
} from '@shared/domain/indicators/k3';
import { NO_SOURCE, SPM_INDICATORS, SPM_K2_SOURCE_IDS } from '@shared/domain/indicators/spm';
import { INDICATOR_CLUSTERS } from '@shared/domain/indicators/types';
import { SASARAN_GROUPS } from '@shared/domain/management/sasaran';
import { K3_SOURCES } from '../../../../src-main/reports/sources/k3';

const byCode = (code: string) =>
  [...K3_INDICATORS, ...SPM_INDICATORS].find((d) => d.code === code)!;

describe('SPM definitions', () => {
  it('are the 12 services SPM1…SPM12, in order, each aiming at 100 %', () => {
    expect(SPM_INDICATORS.map((d) => d.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `SPM${i + 1}`),
    );
    for (const d of SPM_INDICATORS) {
      expect(d).toMatchObject({ cluster: 'spm', goal: 100, unit: 'percent' });
      expect(d.name.id).toMatch(new RegExp(`^SPM ${d.code.slice(3)}: `));
      expect(d.name.en).toMatch(new RegExp(`^SPM ${d.code.slice(3)}: `));
    }
  });

  it('say why 4, 5, 10 and 11 cannot be computed, in both languages', () => {
    const not = SPM_INDICATORS.filter((d) => d.notComputable);
    expect(not.map((d) => d.code)).toEqual(['SPM4', 'SPM5', 'SPM10', 'SPM11']);
    for (const d of not) {
      expect(d.notComputable!.id.length, d.code).toBeGreaterThan(40);
      expect(d.notComputable!.en.length, d.code).toBeGreaterThan(40);
      expect(d.notComputable!.id).not.toEqual(d.notComputable!.en);
      expect(d.numerator.source).toBe(NO_SOURCE);
    }
    expect(byCode('SPM4').notComputable!.id).toContain('SDIDTK');
    expect(byCode('SPM10').notComputable!.id).toContain('ODGJ');
    expect(byCode('SPM11').notComputable!.id).toContain('Klaster 4');
  });

  it('reuse the Klaster 2 sources for 1–3 and 12 with their sasaran, and Klaster 3 for 6–9', () => {
    const wiring = Object.fromEntries(
      SPM_INDICATORS.filter((d) => !d.notComputable).map((d) => [
        d.code,
        [d.numerator.source, d.denominator.kind === 'sasaran' ? d.denominator.group : null],
      ]),
    );
    expect(wiring).toEqual({
      SPM1: [SPM_K2_SOURCE_IDS.k6, 'bumil'],
      SPM2: [SPM_K2_SOURCE_IDS.persalinanFasyankes, 'bulin'],
      SPM3: [SPM_K2_SOURCE_IDS.knLengkap, 'bayi'],
      SPM6: [K3_SOURCE_IDS.ptmSkrining, 'produktif'],
      SPM7: [K3_SOURCE_IDS.lansiaSkilas, 'lansia'],
      SPM8: [K3_SOURCE_IDS.htDilayani, 'ht'],
      SPM9: [K3_SOURCE_IDS.dmDilayani, 'dm'],
      SPM12: [SPM_K2_SOURCE_IDS.hivTested, 'risiko_hiv'],
    });
    expect(SPM_K2_SOURCE_IDS).toEqual({
      k6: 'anc.k6',
      persalinanFasyankes: 'delivery.pf',
      knLengkap: 'kn.lengkap',
      hivTested: 'anc.hiv_tested',
    });
    // SPM 12 is computed from bumil HIV tests only, and says so.
    expect(byCode('SPM12').attribution.id).toContain('Hanya ibu hamil');
    expect(byCode('SPM12').attribution.en).toContain('Only pregnant women');
  });
});

describe('Klaster 3 definitions', () => {
  it('have unique codes, known clusters and sasaran groups, and words in both languages', () => {
    const all = [...K3_INDICATORS, ...SPM_INDICATORS];
    const codes = all.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    for (const d of all) {
      expect(INDICATOR_CLUSTERS).toContain(d.cluster);
      if (d.denominator.kind === 'sasaran') {
        expect(SASARAN_GROUPS as readonly string[], d.code).toContain(d.denominator.group);
      }
      for (const label of [d.name, d.attribution]) {
        expect(label.id.trim(), d.code).not.toBe('');
        expect(label.en.trim(), d.code).not.toBe('');
      }
      expect(d.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.source, d.code).not.toBe('');
    }
    expect(K3_INDICATORS.map((d) => d.code)).toEqual([
      'PTM_SKRINING',
      'HT_DITEMUKAN',
      'HT_DITEMUKAN_PERSEN',
      'DM_DITEMUKAN',
      'DM_DITEMUKAN_PERSEN',
      'SPM8_HT',
      'SPM9_DM',
      'HT_TERKENDALI',
      'LANSIA_SKRINING',
      'LANSIA_ADL_MANDIRI',
      'LANSIA_ADL_RINGAN',
      'LANSIA_ADL_SEDANG',
      'LANSIA_ADL_BERAT',
      'LANSIA_ADL_TOTAL',
    ]);
  });

  it('take ages, the controlled cut-off and the ADL categories from the adult domain', () => {
    expect(PRODUCTIVE_AGES).toBe(
      `${ELIGIBILITY_KLASTER3.ptm.minAge}–${ELIGIBILITY_KLASTER3.skilas.minAge - 1}`,
    );
    expect(byCode('PTM_SKRINING').name.id).toContain(PRODUCTIVE_AGES);
    expect(byCode('HT_TERKENDALI').name.id).toContain(
      `< ${HT_CONTROL_LAST_VISIT.systolicBelow}/${HT_CONTROL_LAST_VISIT.diastolicBelow}`,
    );
    expect([...ADL_CATEGORIES].sort()).toEqual(
      BARTHEL_MODIFIED_20.categories.map((c) => c.code).sort(),
    );
    expect(ADL_CATEGORIES[0]).toBe('barthel.mandiri');
  });

  it('have a source for every computable K3/SPM definition outside Klaster 2, and use every one', () => {
    const k2 = new Set<string>(Object.values(SPM_K2_SOURCE_IDS));
    const used = new Set<string>();
    for (const d of [...K3_INDICATORS, ...SPM_INDICATORS]) {
      if (d.notComputable) continue;
      used.add(d.numerator.source);
      if (k2.has(d.numerator.source)) continue;
      expect(K3_SOURCES[d.numerator.source], `${d.code} → ${d.numerator.source}`).toBeDefined();
      // Counts come as achievements or as status; a status source is a percentage of the
      // observed or a plain count per category.
      if (d.numerator.mode === 'status') {
        expect(['observed', 'none']).toContain(d.denominator.kind);
      }
    }
    expect(Object.keys(K3_SOURCES).filter((id) => !used.has(id))).toEqual([]);
    for (const [id, s] of Object.entries(K3_SOURCES)) expect(s.id).toBe(id);
  });
});
