import { describe, expect, it } from 'vitest';
import {
  buildResultCard,
  classifyFamilyHistory,
  classifyIva,
  classifySadanis,
  type ScreeningInput,
} from '../../../../src-shared/domain/adult';

const none = { ht: false, dm: false, jantung: false, stroke: false };

describe('family history of PTM', () => {
  it('no "ya" is no risk; any "ya" is a risk naming the diseases', () => {
    const clear = classifyFamilyHistory(none);
    expect(clear.ok && clear.value).toMatchObject({ code: 'riwayat_keluarga.tidak', risk: false });
    const some = classifyFamilyHistory({ ...none, dm: true, stroke: true });
    expect(some.ok && some.value).toMatchObject({
      code: 'riwayat_keluarga.ada',
      risk: true,
      diseases: ['dm', 'stroke'],
      detail: { id: 'Diabetes melitus, Stroke', en: 'Diabetes mellitus, Stroke' },
    });
  });

  it('refuses a missing answer with the disease named', () => {
    const r = classifyFamilyHistory({ ht: true, dm: false, jantung: false } as never);
    expect(!r.ok && r.refusals.map((x) => [x.path, x.message.id])).toEqual([
      ['riwayatKeluarga.stroke', 'Riwayat keluarga – Stroke: wajib diisi'],
    ]);
  });
});

describe('IVA and SADANIS', () => {
  it('codes each answer and refuses anything else', () => {
    expect(classifyIva('positif')).toEqual({ ok: true, value: 'iva.positif' });
    expect(classifySadanis('kelainan')).toEqual({ ok: true, value: 'sadanis.kelainan' });
    const bad = classifyIva('ragu' as never);
    expect(!bad.ok && bad.refusals[0]?.message.id).toBe(
      'Hasil IVA: pilihan harus salah satu dari: negatif, positif, curiga_kanker',
    );
  });

  const woman = (birthDate: string): ScreeningInput['person'] => ({
    sex: 'P',
    birthDate,
    on: '2026-03-10',
  });

  it('the card takes them for women aged 30 to 50 on the screening date (edges: 29, 30, 50, 51)', () => {
    const at = (birthDate: string) =>
      buildResultCard({ person: woman(birthDate), iva: 'negatif', sadanis: 'normal' });
    // 30th birthday on the screening date: eligible; the day before: 29.
    expect(at('1996-03-10').ok).toBe(true);
    const young = at('1996-03-11');
    expect(!young.ok && young.refusals[0]?.message.id).toBe(
      'Usia: IVA/SADANIS hanya untuk usia 30–50 tahun (usia 29 tahun)',
    );
    // 50 until the day before the 51st birthday.
    expect(at('1975-03-11').ok).toBe(true);
    expect(at('1975-03-10').ok).toBe(false);
  });

  it('refuses IVA for a man, and maps results to follow-ups', () => {
    const man = buildResultCard({
      person: { sex: 'L', birthDate: '1985-01-01', on: '2026-03-10' },
      iva: 'negatif',
    });
    expect(!man.ok && man.refusals[0]?.code).toBe('NOT_ELIGIBLE_SEX');
    const c = buildResultCard({
      person: woman('1985-01-01'),
      riwayatKeluarga: { ...none, ht: true },
      iva: 'positif',
      sadanis: 'normal',
    });
    expect(c.ok && c.value.lines.map((l) => [l.section, l.code, l.followUp, l.risk])).toEqual([
      ['riwayatKeluarga', 'riwayat_keluarga.ada', 'edukasi', true],
      ['iva', 'iva.positif', 'rujuk', undefined],
      ['sadanis', 'sadanis.normal', 'edukasi', undefined],
    ]);
    expect(c.ok && c.value.overall).toBe('rujuk');
  });
});
