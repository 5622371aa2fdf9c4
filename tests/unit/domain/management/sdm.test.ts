import { describe, expect, it } from 'vitest';
import { checkNip, licenceState, pustuStaffGaps } from '@shared/domain/management';

describe('checkNip', () => {
  const nip = '198804122010012003'; // born 12-04-1988, TMT 01-2010, perempuan, 003

  it('reads birth date, TMT, sex and serial from a valid NIP', () => {
    expect(checkNip(nip)).toEqual({
      parts: { birthDate: '1988-04-12', tmt: '2010-01', sex: 'P', serial: '003' },
      refusals: [],
    });
    expect(checkNip('1988 0412 2010 01 2 003').refusals).toEqual([]);
  });

  it('refuses a NIP that is not 18 digits', () => {
    expect(checkNip('19880412201001200').refusals[0]).toMatchObject({
      code: 'NIP_FORMAT',
      message: { id: 'NIP/NIPPPK: harus 18 digit angka' },
    });
    expect(checkNip('19880412201001200a').refusals[0]?.code).toBe('NIP_FORMAT');
  });

  it('refuses an impossible birth date, TMT month or sex digit', () => {
    expect(checkNip('198802302010012003').refusals[0]?.code).toBe('NIP_BIRTH_DATE');
    expect(checkNip('192912312010012003').refusals[0]?.code).toBe('NIP_BIRTH_DATE');
    expect(checkNip('198804122010132003').refusals[0]?.code).toBe('NIP_TMT');
    expect(checkNip('198804122010003003').refusals[0]?.code).toBe('NIP_TMT');
    expect(checkNip('198804122010013003').refusals[0]).toMatchObject({
      code: 'NIP_SEX',
      message: { id: 'NIP/NIPPPK: digit ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan 3' },
    });
  });

  it('accepts a TMT from the month of the 18th birthday, not the month before', () => {
    expect(checkNip('198804122006041003').refusals).toEqual([]);
    expect(checkNip('198804122006031003').refusals[0]?.code).toBe('NIP_TMT');
  });

  it('refuses a NIP that disagrees with the birth date or sex entered', () => {
    expect(checkNip(nip, { birthDate: '1988-04-12', sex: 'P' }).refusals).toEqual([]);
    expect(checkNip(nip, { birthDate: '1988-04-13' }).refusals[0]).toMatchObject({
      code: 'NIP_BIRTH_MISMATCH',
      path: 'nip',
    });
    expect(checkNip(nip, { sex: 'L' }).refusals[0]?.code).toBe('NIP_SEX_MISMATCH');
  });
});

describe('licenceState', () => {
  const today = '2026-11-22';
  const str = (expiry: string) => ({ number: 'STR-1', expiry });

  it('is valid through its expiry date, expiring from 90 days before, expired the day after', () => {
    expect(licenceState(str('2027-02-21'), today)).toEqual({ state: 'valid', daysLeft: 91 });
    expect(licenceState(str('2027-02-20'), today)).toEqual({ state: 'expiring', daysLeft: 90 });
    expect(licenceState(str('2026-11-22'), today)).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(licenceState(str('2026-11-21'), today)).toEqual({ state: 'expired', daysLeft: -1 });
    expect(licenceState(str('2026-12-22'), today, 30)).toEqual({ state: 'expiring', daysLeft: 30 });
    expect(licenceState(str('2026-12-23'), today, 30)).toEqual({ state: 'valid', daysLeft: 31 });
  });

  it('knows an STR for life, a missing number and a number without a date', () => {
    expect(licenceState({ number: 'STR-1', expiry: null, lifetime: true }, today).state).toBe(
      'lifetime',
    );
    expect(licenceState({ number: null, expiry: '2026-11-25' }, today).state).toBe('none');
    expect(licenceState({ number: 'STR-1', expiry: null }, today).state).toBe('unknown');
  });
});

describe('pustuStaffGaps', () => {
  it('wants at least one bidan and one perawat', () => {
    expect(pustuStaffGaps([])).toEqual(['bidan', 'perawat']);
    expect(pustuStaffGaps(['bidan', 'dokter'])).toEqual(['perawat']);
    expect(pustuStaffGaps(['perawat', 'bidan', 'bidan'])).toEqual([]);
  });
});
