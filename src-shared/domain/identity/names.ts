/**
 * Name normalisation for search and duplicate detection: case- and accent-insensitive, old
 * Indonesian spelling (Ejaan van Ophuijsen / Soewandi) folded to EYD, honorifics dropped, so
 * "Ny. Siti Djoeariah" and "SITI JUARIAH" compare equal.
 */

/** Honorific and register prefixes written in front of names in kohort books. */
const HONORIFICS = new Set([
  'ny', // nyonya
  'tn', // tuan
  'nn', // nona
  'sdr', // saudara
  'sdri',
  'an', // anak
  'by', // bayi ("By. Ny. Siti" for a newborn)
  'bayi',
  'hj', // hajah
  'h', // haji
  'dr',
  'drg',
  'ir',
  'alm', // almarhum
  'almh',
]);

/** Old spelling → EYD, longest first. */
const OLD_SPELLING: [RegExp, string][] = [
  [/tj/g, 'c'],
  [/dj/g, 'j'],
  [/sj/g, 'sy'],
  [/nj/g, 'ny'],
  [/ch/g, 'kh'],
  [/oe/g, 'u'],
];

/** Lower case, no diacritics, letters/digits/spaces only, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Fold old spellings so "Soekarno" = "Sukarno" and "Djoko" = "Joko". */
function modernSpelling(word: string): string {
  return OLD_SPELLING.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

/**
 * The searchable form of a person's name: folded, old spellings modernised, honorifics in
 * front removed. Never shown to the clerk.
 */
export function normalizeName(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean).map(modernSpelling);
  let start = 0;
  while (start < words.length - 1 && HONORIFICS.has(words[start]!)) start += 1;
  return words.slice(start).join(' ');
}

/**
 * Search terms from what the clerk typed: each word normalised like a name (honorifics kept,
 * because a clerk typing "ny" means the letters), order free.
 */
export function searchTerms(query: string): string[] {
  return foldText(query).split(' ').filter(Boolean).map(modernSpelling);
}
