import { describe, expect, it } from 'vitest';
import { serviceInstant } from '../../../src-main/demo';

const NOW = '2025-06-30T03:00:00.000Z';

describe('demo rows are created on their service date', () => {
  it('uses the first date column, at 10:00 WIB', () => {
    expect(serviceInstant({ person_id: 'x', visit_date: '2024-02-11', notes: null }, NOW)).toBe(
      '2024-02-11T03:00:00.000Z',
    );
    expect(serviceInstant({ delivered_at: '2025-01-05T21:40:00+07:00' }, NOW)).toBe(
      '2025-01-05T03:00:00.000Z',
    );
    expect(serviceInstant({ given_on: '2023-12-31' }, NOW)).toBe('2023-12-31T03:00:00.000Z');
  });

  it('never after now, and now when the row has no date', () => {
    expect(serviceInstant({ next_visit_date: '2025-07-14' }, NOW)).toBe(NOW);
    expect(serviceInstant({ visit_date: '2025-06-30' }, NOW)).toBe(NOW);
    expect(serviceInstant({ visit_date: '2025-06-29' }, NOW)).toBe('2025-06-29T03:00:00.000Z');
    expect(serviceInstant({ name: 'Posyandu Melati', schedule_week: 2 }, NOW)).toBe(NOW);
    expect(serviceInstant({ visit_date: null, notes: '2024-01-01' }, NOW)).toBe(NOW);
  });
});
