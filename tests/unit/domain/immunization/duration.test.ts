import { describe, expect, it } from 'vitest';
import { formatAgeLimit, formatDuration } from '../../../../src-shared/domain/immunization';
import { formatAge } from '../../../../src-shared/domain/immunization/duration';

describe('durations and ages in messages', () => {
  it('read in Indonesian and English, with English plurals', () => {
    expect(formatDuration({ months: 6, days: 29 })).toEqual({
      id: '6 bulan 29 hari',
      en: '6 months 29 days',
    });
    expect(formatDuration({ weeks: 1 })).toEqual({ id: '1 minggu', en: '1 week' });
    expect(formatDuration({})).toEqual({ id: '0 hari', en: '0 days' });
  });

  it('name an age limit', () => {
    expect(formatAgeLimit({ through: { months: 6, days: 29 } })).toEqual({
      id: 'umur 6 bulan 29 hari',
      en: 'age 6 months 29 days',
    });
    expect(formatAgeLimit({ before: { months: 12 } })).toEqual({
      id: 'sebelum umur 12 bulan',
      en: 'before age 12 months',
    });
  });

  it('give an age in total months and days, zeros included', () => {
    expect(formatAge('2024-01-15', '2024-01-16')).toEqual({
      id: '0 bulan 1 hari',
      en: '0 months 1 day',
    });
    expect(formatAge('2024-01-15', '2025-03-15')).toEqual({
      id: '14 bulan 0 hari',
      en: '14 months 0 days',
    });
  });
});
