import { describe, expect, it } from 'vitest';
import { timezoneOfProvince } from '../../../../src-shared/domain/identity';

describe('time zone of a province', () => {
  it('follows the three Indonesian zones', () => {
    expect(timezoneOfProvince('11')).toBe('WIB'); // Aceh
    expect(timezoneOfProvince('32')).toBe('WIB'); // Jawa Barat
    expect(timezoneOfProvince('61')).toBe('WIB'); // Kalimantan Barat
    expect(timezoneOfProvince('62')).toBe('WIB'); // Kalimantan Tengah
    expect(timezoneOfProvince('51')).toBe('WITA'); // Bali
    expect(timezoneOfProvince('53')).toBe('WITA'); // NTT
    expect(timezoneOfProvince('63')).toBe('WITA'); // Kalimantan Selatan
    expect(timezoneOfProvince('65')).toBe('WITA'); // Kalimantan Utara
    expect(timezoneOfProvince('73')).toBe('WITA'); // Sulawesi Selatan
    expect(timezoneOfProvince('76')).toBe('WITA'); // Sulawesi Barat
    expect(timezoneOfProvince('81')).toBe('WIT'); // Maluku
    expect(timezoneOfProvince('94')).toBe('WIT'); // Papua Tengah
  });
});
