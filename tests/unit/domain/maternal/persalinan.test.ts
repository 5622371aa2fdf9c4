import { describe, expect, it } from 'vitest';
import {
  ATTENDANT_CODES,
  BABY_OUTCOME_CODES,
  BABY_OUTCOMES,
  checkBirthWeight,
  checkDeliveryGestationalAge,
  DELIVERY_ATTENDANTS,
  DELIVERY_COMPLICATION_CODES,
  DELIVERY_COMPLICATIONS,
  DELIVERY_DEFAULT,
  DELIVERY_METHOD_CODES,
  DELIVERY_METHODS,
  DELIVERY_PLACE_CODES,
  DELIVERY_PLACE_SATUSEHAT,
  DELIVERY_PLACES,
  isBblr,
  isPersalinanFasyankes,
  isPersalinanNakes,
  MATERNAL_OUTCOME_CODES,
  MATERNAL_OUTCOMES,
  PLAUSIBILITY_DEFAULT,
  type DeliverySet,
} from '../../../../src-shared/domain/maternal';

describe('persalinan di fasyankes oleh nakes (PF) and oleh nakes (PN)', () => {
  it('needs both a fasyankes and a nakes', () => {
    expect(isPersalinanFasyankes('PMB', 'BIDAN', DELIVERY_DEFAULT)).toBe(true);
    expect(isPersalinanFasyankes('RS', 'DOKTER_SPOG', DELIVERY_DEFAULT)).toBe(true);
    expect(isPersalinanFasyankes('PUSKESMAS', 'DOKTER_UMUM', DELIVERY_DEFAULT)).toBe(true);
    expect(isPersalinanFasyankes('KLINIK', 'BIDAN', DELIVERY_DEFAULT)).toBe(true);
    expect(isPersalinanFasyankes('RUMAH', 'BIDAN', DELIVERY_DEFAULT)).toBe(false);
    expect(isPersalinanFasyankes('PERJALANAN', 'BIDAN', DELIVERY_DEFAULT)).toBe(false);
    expect(isPersalinanFasyankes('PUSKESMAS', 'DUKUN', DELIVERY_DEFAULT)).toBe(false);
    expect(isPersalinanFasyankes('POLINDES_POSKESDES', 'BIDAN', DELIVERY_DEFAULT)).toBe(false);
  });

  it('counts a home birth by a bidan as PN but not PF', () => {
    expect(isPersalinanNakes('BIDAN', DELIVERY_DEFAULT)).toBe(true);
    expect(isPersalinanNakes('KELUARGA', DELIVERY_DEFAULT)).toBe(false);
  });

  it('takes membership from the reference set (perawat, polindes are configurable)', () => {
    expect(isPersalinanNakes('PERAWAT', DELIVERY_DEFAULT)).toBe(false);
    const wider: DeliverySet = {
      ...DELIVERY_DEFAULT,
      id: 'test.wider',
      fasyankesPlaces: [...DELIVERY_DEFAULT.fasyankesPlaces, 'POLINDES_POSKESDES'],
      nakesAttendants: [...DELIVERY_DEFAULT.nakesAttendants, 'PERAWAT'],
    };
    expect(isPersalinanFasyankes('POLINDES_POSKESDES', 'PERAWAT', wider)).toBe(true);
  });
});

describe('BBLR (< 2500 g)', () => {
  it('2499 g is BBLR, 2500 g is not', () => {
    expect(isBblr(2499, DELIVERY_DEFAULT)).toBe(true);
    expect(isBblr(2500, DELIVERY_DEFAULT)).toBe(false);
  });

  it('refuses an impossible birth weight', () => {
    expect(checkBirthWeight(300, PLAUSIBILITY_DEFAULT).ok).toBe(true);
    const r = checkBirthWeight(25, PLAUSIBILITY_DEFAULT);
    expect(r.ok ? '' : r.refusals[0]?.message.id).toBe(
      'Berat lahir: harus antara 300 dan 7000 gram',
    );
    expect(checkBirthWeight(7001, PLAUSIBILITY_DEFAULT).ok).toBe(false);
  });

  it('refuses a delivery before 20 weeks (abortus) or after 45 weeks', () => {
    expect(checkDeliveryGestationalAge(140, PLAUSIBILITY_DEFAULT).ok).toBe(true);
    const r = checkDeliveryGestationalAge(139, PLAUSIBILITY_DEFAULT);
    expect(r.ok ? null : r.refusals[0]).toMatchObject({
      path: 'deliveryGestationalAge',
      message: {
        id: 'Usia kehamilan saat bersalin: harus antara 20 minggu 0 hari dan 45 minggu 0 hari',
      },
    });
    expect(checkDeliveryGestationalAge(316, PLAUSIBILITY_DEFAULT).ok).toBe(false);
  });
});

describe('code lists', () => {
  const lists: [readonly string[], Record<string, { id: string; en: string }>][] = [
    [DELIVERY_PLACE_CODES, DELIVERY_PLACES],
    [ATTENDANT_CODES, DELIVERY_ATTENDANTS],
    [DELIVERY_METHOD_CODES, DELIVERY_METHODS],
    [DELIVERY_COMPLICATION_CODES, DELIVERY_COMPLICATIONS],
    [MATERNAL_OUTCOME_CODES, MATERNAL_OUTCOMES],
    [BABY_OUTCOME_CODES, BABY_OUTCOMES],
  ];

  it('label every code in Indonesian and English, and nothing else', () => {
    for (const [codes, labels] of lists) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        expect(labels[code]?.id).toBeTruthy();
        expect(labels[code]?.en).toBeTruthy();
      }
    }
  });

  it('keep the domain register values (domain.md §2.4)', () => {
    expect(DELIVERY_PLACE_CODES).toEqual([
      'RS',
      'PUSKESMAS',
      'KLINIK',
      'PMB',
      'POLINDES_POSKESDES',
      'RUMAH',
      'PERJALANAN',
      'LAINNYA',
    ]);
    expect(DELIVERY_PLACE_SATUSEHAT).toEqual({
      PUSKESMAS: 'LO000001',
      RS: 'LO000002',
      KLINIK: 'LO000003',
      RUMAH: 'LO000004',
    });
  });
});
