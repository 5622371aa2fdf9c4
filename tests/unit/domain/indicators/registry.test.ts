import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_SET_VERSION, indicatorByCode } from '@shared/domain/indicators';
import { INDICATOR_CLUSTERS } from '@shared/domain/indicators/types';
import { SASARAN_GROUPS } from '@shared/domain/management/sasaran';
import { POPULATIONS, SOURCES } from '../../../../src-main/reports/sources';
import { codesAbove, codesBelow } from '../../../../src-main/reports/sql';
import { STATUS_GIZI_PMK_2_2020 } from '@shared/domain/growth/status';

describe('indicator registry', () => {
  it('has unique codes and a version', () => {
    const codes = INDICATORS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(INDICATOR_SET_VERSION).toMatch(/^\d{4}\.\d+$/);
    expect(indicatorByCode('K6')?.numerator.source).toBe('anc.k6');
    expect(indicatorByCode('NOPE')).toBeUndefined();
  });

  it('names an existing source for every definition, and every source is used', () => {
    const used = new Set<string>();
    for (const d of INDICATORS) {
      if (d.notComputable) continue;
      expect(SOURCES[d.numerator.source], `${d.code} → ${d.numerator.source}`).toBeDefined();
      used.add(d.numerator.source);
      if (d.denominator.kind === 'dropout') {
        expect(SOURCES[d.denominator.later], d.code).toBeDefined();
        used.add(d.denominator.later);
      }
      if (d.denominator.kind === 'population') {
        expect(POPULATIONS[d.denominator.population], d.code).toBeDefined();
      }
      if (d.denominator.kind === 'sasaran') {
        expect(SASARAN_GROUPS as readonly string[], d.code).toContain(d.denominator.group);
      }
      expect(INDICATOR_CLUSTERS).toContain(d.cluster);
      expect(d.name.id && d.name.en && d.attribution.id && d.attribution.en).toBeTruthy();
    }
    // The SPM definitions reuse these Klaster 2 sources by id.
    for (const id of ['anc.k6', 'delivery.pf', 'kn.lengkap', 'kf.lengkap', 'anc.hiv_tested']) {
      expect(SOURCES[id], id).toBeDefined();
      used.add(id);
    }
    expect(Object.keys(SOURCES).filter((id) => !used.has(id))).toEqual([]);
    for (const [id, s] of Object.entries(SOURCES)) expect(s.id).toBe(id);
  });

  it('takes the status gizi categories from the standard’s bands at their exact cut-offs', () => {
    const std = STATUS_GIZI_PMK_2_2020;
    expect(codesBelow(std.pbU, -2)).toEqual(['pbu_sangat_pendek', 'pbu_pendek']);
    expect(codesBelow(std.bbU, -3)).toEqual(['bbu_sangat_kurang']);
    expect(codesBelow(std.bbU, -2)).toEqual(['bbu_sangat_kurang', 'bbu_kurang']);
    expect(codesBelow(std.bbPb, -2)).toEqual(['bbpb_gizi_buruk', 'bbpb_gizi_kurang']);
    expect(codesAbove(std.bbPb, 2)).toEqual(['bbpb_gizi_lebih', 'bbpb_obesitas']);
    // A band that includes the cut-off itself is not "above" it: +1 < z ≤ +2 stays out of > +2.
    expect(codesAbove(std.bbPb, 1)).toEqual([
      'bbpb_berisiko_gizi_lebih',
      'bbpb_gizi_lebih',
      'bbpb_obesitas',
    ]);
  });
});
