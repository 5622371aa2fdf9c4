import { describe, expect, it } from 'vitest';
import {
  isKbPascasalin,
  isMkjp,
  KB_DEFAULT,
  KB_DUE_CODES,
  KB_DUE_LABELS,
  KB_METHOD_CODES,
  KB_METHODS,
  KB_STATUS_CODES,
  KB_STATUSES,
  kbDue,
  kbNextVisit,
  kbParticipantStatus,
  type KbSet,
} from '../../../../src-shared/domain/maternal';

describe('methods', () => {
  it('MKJP = IUD, implan, MOW, MOP (domain.md §2.7)', () => {
    expect(KB_METHOD_CODES.filter((m) => isMkjp(m, KB_DEFAULT))).toEqual([
      'IMPLAN',
      'IUD',
      'MOW',
      'MOP',
    ]);
  });

  it('label every method, status and due code in Indonesian and English', () => {
    for (const [codes, labels] of [
      [KB_METHOD_CODES, KB_METHODS],
      [KB_STATUS_CODES, KB_STATUSES],
      [KB_DUE_CODES, KB_DUE_LABELS],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const label = (labels as Record<string, { id: string; en: string }>)[code];
        expect(label?.id).toBeTruthy();
        expect(label?.en).toBeTruthy();
      }
    }
  });
});

describe('KB pascasalin (within 42 days of persalinan)', () => {
  it('day 0 and day 42 are pascasalin, day 43 and before delivery are not', () => {
    const delivery = '2026-03-01T22:00+07:00';
    expect(isKbPascasalin(delivery, '2026-03-01', KB_DEFAULT)).toBe(true);
    expect(isKbPascasalin(delivery, '2026-04-12', KB_DEFAULT)).toBe(true);
    expect(isKbPascasalin(delivery, '2026-04-13', KB_DEFAULT)).toBe(false);
    expect(isKbPascasalin(delivery, '2026-02-28', KB_DEFAULT)).toBe(false);
    expect(isKbPascasalin('2026-03-01', '2026-04-12', KB_DEFAULT)).toBe(true);
  });
});

describe('next visit', () => {
  it('suntik 1 bulan +28 days, suntik 3 bulan +84 days (domain.md §2.7)', () => {
    expect(kbNextVisit({ date: '2026-01-10', method: 'SUNTIK_1_BULAN' }, KB_DEFAULT)).toEqual({
      date: '2026-02-07',
      basis: 'DAYS',
    });
    expect(kbNextVisit({ date: '2026-01-01', method: 'SUNTIK_3_BULAN' }, KB_DEFAULT).date).toBe(
      '2026-03-26',
    );
  });

  it('pil: 28 days per pack handed out', () => {
    expect(kbNextVisit({ date: '2026-01-10', method: 'PIL' }, KB_DEFAULT).date).toBe('2026-02-07');
    expect(kbNextVisit({ date: '2026-01-10', method: 'PIL', packs: 3 }, KB_DEFAULT).date).toBe(
      '2026-04-04',
    );
    expect(() => kbNextVisit({ date: '2026-01-10', method: 'PIL', packs: 0 }, KB_DEFAULT)).toThrow(
      RangeError,
    );
  });

  it('implan and IUD: end of product life in calendar months', () => {
    expect(kbNextVisit({ date: '2026-01-10', method: 'IMPLAN' }, KB_DEFAULT)).toEqual({
      date: '2029-01-10',
      basis: 'PRODUCT_LIFE',
    });
    expect(
      kbNextVisit({ date: '2026-01-31', method: 'IUD', product: 'IUD_CU_T380A' }, KB_DEFAULT).date,
    ).toBe('2036-01-31');
    expect(() =>
      kbNextVisit({ date: '2026-01-31', method: 'IMPLAN', product: 'IUD_CU_T380A' }, KB_DEFAULT),
    ).toThrow(RangeError);
  });

  it('MAL ends 6 months after delivery; kondom, MOW, MOP have no computed visit', () => {
    expect(
      kbNextVisit({ date: '2026-02-05', method: 'MAL', deliveryDate: '2025-08-31' }, KB_DEFAULT)
        .date,
    ).toBe('2026-02-28');
    expect(kbNextVisit({ date: '2026-02-05', method: 'MAL' }, KB_DEFAULT).date).toBeNull();
    for (const method of ['KONDOM', 'MOW', 'MOP'] as const) {
      expect(kbNextVisit({ date: '2026-02-05', method }, KB_DEFAULT)).toEqual({
        date: null,
        basis: 'NONE',
      });
    }
  });
});

describe('KB jatuh tempo', () => {
  const last = { date: '2026-01-01', method: 'SUNTIK_3_BULAN' } as const;

  it('suntik 3 bulan: due from day 84 up to 17 weeks, late after', () => {
    expect(kbDue(last, '2026-03-25', KB_DEFAULT)).toEqual({
      status: 'BELUM_JATUH_TEMPO',
      nextVisit: '2026-03-26',
      latestOnTime: '2026-04-30',
      daysUntilNextVisit: 1,
    });
    expect(kbDue(last, '2026-03-26', KB_DEFAULT).status).toBe('JATUH_TEMPO');
    expect(kbDue(last, '2026-04-30', KB_DEFAULT).status).toBe('JATUH_TEMPO');
    expect(kbDue(last, '2026-05-01', KB_DEFAULT)).toMatchObject({
      status: 'TERLAMBAT',
      daysUntilNextVisit: -36,
    });
  });

  it('suntik 1 bulan: 7 days of grace', () => {
    const monthly = { date: '2026-01-10', method: 'SUNTIK_1_BULAN' } as const;
    expect(kbDue(monthly, '2026-02-14', KB_DEFAULT).status).toBe('JATUH_TEMPO');
    expect(kbDue(monthly, '2026-02-15', KB_DEFAULT).status).toBe('TERLAMBAT');
  });

  it('methods without a schedule are never due', () => {
    expect(kbDue({ date: '2020-01-01', method: 'MOW' }, '2026-01-01', KB_DEFAULT).status).toBe(
      'TIDAK_TERJADWAL',
    );
  });
});

describe('participant status', () => {
  const prev = { date: '2026-01-01', method: 'SUNTIK_3_BULAN' } as const;

  it('BARU without a previous service; LAMA same method; GANTI_CARA another method', () => {
    expect(kbParticipantStatus(prev, undefined, KB_DEFAULT)).toBe('BARU');
    expect(
      kbParticipantStatus({ date: '2026-03-26', method: 'SUNTIK_3_BULAN' }, prev, KB_DEFAULT),
    ).toBe('LAMA');
    expect(kbParticipantStatus({ date: '2026-03-26', method: 'IMPLAN' }, prev, KB_DEFAULT)).toBe(
      'GANTI_CARA',
    );
  });

  it('BARU again after a pregnancy ended between the two services', () => {
    const before = { date: '2024-05-01', method: 'PIL' } as const;
    const after = { date: '2026-02-01', method: 'PIL' } as const;
    expect(kbParticipantStatus(after, before, KB_DEFAULT, '2026-01-02T04:00+07:00')).toBe('BARU');
  });

  it('a pregnancy that ended before the previous service does not reset the status', () => {
    const implant = { date: '2024-05-01', method: 'IMPLAN' } as const;
    const control = { date: '2026-02-01', method: 'IMPLAN' } as const;
    expect(kbParticipantStatus(control, implant, KB_DEFAULT, '2024-04-01')).toBe('LAMA');
    expect(kbParticipantStatus(control, implant, KB_DEFAULT, '2025-06-01')).toBe('BARU');
  });

  it('after a drop-out: BARU by default, configurable', () => {
    const back = { date: '2026-05-01', method: 'SUNTIK_3_BULAN' } as const;
    expect(kbParticipantStatus(back, prev, KB_DEFAULT)).toBe('BARU');
    expect(kbParticipantStatus({ ...back, date: '2026-04-30' }, prev, KB_DEFAULT)).toBe('LAMA');
    const lama: KbSet = { ...KB_DEFAULT, id: 'test.lama', restartAfterDropOut: 'LAMA' };
    expect(kbParticipantStatus(back, prev, lama)).toBe('LAMA');
  });
});
