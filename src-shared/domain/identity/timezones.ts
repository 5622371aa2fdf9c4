/**
 * The Indonesian time zone of a province (Kemendagri code), to preselect in the setup wizard.
 * WIB: Sumatra, Java, West and Central Kalimantan; WITA: Bali, Nusa Tenggara, South/East/North
 * Kalimantan, Sulawesi; WIT: Maluku and Papua (Keppres 41/1987).
 */
export function timezoneOfProvince(provinceCode: string): 'WIB' | 'WITA' | 'WIT' {
  const code = Number(provinceCode);
  if (code >= 81) return 'WIT';
  if ((code >= 51 && code <= 53) || (code >= 63 && code <= 65) || (code >= 71 && code <= 76)) {
    return 'WITA';
  }
  return 'WIB';
}
