import { describe, expect, it } from 'vitest';
import type { VitaminARules } from '../../../../src-shared/domain/child-services';
import {
  VITAMIN_A_RULES,
  validateVitaminA,
  vitaminAFor,
  vitaminARoundOf,
} from '../../../../src-shared/domain/child-services';
import { inForce } from '../../../../src-shared/domain/reference';

const RULES = VITAMIN_A_RULES[0]!;

describe('Vitamin A rounds', () => {
  it('are February and August', () => {
    expect(vitaminARoundOf('2024-02-01', RULES)).toEqual({ round: '2024-02', period: 'regular' });
    expect(vitaminARoundOf('2024-08-31', RULES)).toEqual({ round: '2024-08', period: 'regular' });
    expect(vitaminARoundOf('2024-01-31', RULES)).toBeUndefined();
    expect(vitaminARoundOf('2024-07-31', RULES)).toBeUndefined();
  });

  it('extend into March and September by sweeping, as an option of the set', () => {
    expect(vitaminARoundOf('2024-03-31', RULES)).toEqual({ round: '2024-02', period: 'sweeping' });
    expect(vitaminARoundOf('2024-09-01', RULES)).toEqual({ round: '2024-08', period: 'sweeping' });
    expect(vitaminARoundOf('2024-04-01', RULES)).toBeUndefined();
    expect(vitaminARoundOf('2024-10-01', RULES)).toBeUndefined();
    const noSweeping: VitaminARules = { ...RULES, sweepingMonths: 0 };
    expect(vitaminARoundOf('2024-03-01', noSweeping)).toBeUndefined();
  });

  it('allow October 2023 for the August 2023 round (data, not code)', () => {
    expect(vitaminARoundOf('2023-10-15', RULES)).toEqual({ round: '2023-08', period: 'extension' });
    expect(vitaminARoundOf('2024-10-15', RULES)).toBeUndefined();
  });

  it('come from the set in force', () => {
    expect(inForce(VITAMIN_A_RULES, '2024-08-01')?.id).toBe('vita.permenkes21-2015');
  });
});

describe('capsule by age (on the day given)', () => {
  it('5 months 29 days: not yet; 6 months: blue 100,000 IU', () => {
    // Born 2024-02-16: 5 m 29 d on 2024-08-14, 5 m 30 d on 2024-08-15, 6 m on 2024-08-16.
    expect(vitaminAFor('2024-02-16', '2024-08-14', RULES)).toEqual({
      eligible: false,
      reason: 'too-young',
    });
    expect(vitaminAFor('2024-02-16', '2024-08-15', RULES)).toMatchObject({ eligible: false });
    expect(vitaminAFor('2024-02-16', '2024-08-16', RULES)).toEqual({
      eligible: true,
      round: '2024-08',
      period: 'regular',
      capsule: 'blue',
      iu: 100_000,
    });
  });

  it('11 months 29 days: still blue; 12 months: red 200,000 IU', () => {
    // Born 2023-08-20: 11 m 29 d on 2024-08-18, 11 m 30 d on 2024-08-19, 12 m on 2024-08-20.
    expect(vitaminAFor('2023-08-20', '2024-08-18', RULES)).toMatchObject({ capsule: 'blue' });
    expect(vitaminAFor('2023-08-20', '2024-08-19', RULES)).toMatchObject({ capsule: 'blue' });
    expect(vitaminAFor('2023-08-20', '2024-08-20', RULES)).toMatchObject({
      eligible: true,
      capsule: 'red',
      iu: 200_000,
    });
  });

  it('59 months: red; 60 months: no longer a target', () => {
    expect(vitaminAFor('2019-09-20', '2024-08-20', RULES)).toMatchObject({ capsule: 'red' });
    // Born 2019-08-25: 59 m 29 d on 2024-08-23, 60 m on 2024-08-25.
    expect(vitaminAFor('2019-08-25', '2024-08-23', RULES)).toMatchObject({ capsule: 'red' });
    expect(vitaminAFor('2019-08-25', '2024-08-25', RULES)).toEqual({
      eligible: false,
      reason: 'too-old',
    });
  });

  it('is not a round capsule outside the round months', () => {
    expect(vitaminAFor('2024-01-01', '2024-07-10', RULES)).toEqual({
      eligible: false,
      reason: 'outside-round',
      capsule: 'blue',
    });
  });
});

describe('recorded capsule validation', () => {
  const codes = (birth: string, date: string, capsule: 'blue' | 'red', history = []) =>
    validateVitaminA(birth, { date, capsule }, history, RULES).map((i) => i.code);

  it('accepts the right colour in a round', () => {
    expect(codes('2024-02-16', '2024-08-16', 'blue')).toEqual([]);
    expect(codes('2023-08-20', '2024-08-20', 'red')).toEqual([]);
  });

  it('flags a capsule of the wrong colour for the age', () => {
    const [issue] = validateVitaminA(
      '2024-02-16',
      { date: '2024-08-16', capsule: 'red' },
      [],
      RULES,
    );
    expect(issue?.code).toBe('WRONG_CAPSULE');
    expect(issue?.field.id).toBe('Warna kapsul');
    expect(issue?.message.id).toBe(
      'Warna kapsul: kapsul merah tidak sesuai umur; seharusnya biru (100.000 IU) untuk umur 6–11 bulan.',
    );
    expect(issue?.message.en).toBe(
      'Capsule colour: a red capsule does not match the age; it should be blue (100,000 IU) for ages 6–11 months.',
    );
    expect(codes('2023-08-20', '2024-08-20', 'blue')).toEqual(['WRONG_CAPSULE']);
  });

  it('flags children too young or too old', () => {
    expect(codes('2024-02-16', '2024-08-14', 'blue')).toEqual(['TOO_YOUNG']);
    expect(codes('2019-08-25', '2024-08-25', 'red')).toEqual(['TOO_OLD']);
  });

  it('flags a date outside the rounds, a second capsule in a round and a second blue', () => {
    expect(codes('2024-01-01', '2024-07-10', 'blue')).toEqual(['OUTSIDE_ROUND']);
    const augustRed = [{ date: '2024-08-10', capsule: 'red' as const }];
    expect(
      validateVitaminA('2022-01-01', { date: '2024-09-05', capsule: 'red' }, augustRed, RULES).map(
        (i) => i.code,
      ),
    ).toEqual(['DUPLICATE_ROUND']);
    const blue = [{ date: '2024-02-28', capsule: 'blue' as const }];
    expect(
      validateVitaminA('2023-08-28', { date: '2024-08-27', capsule: 'blue' }, blue, RULES).map(
        (i) => i.code,
      ),
    ).toEqual(['BLUE_ALREADY_GIVEN']);
  });
});
