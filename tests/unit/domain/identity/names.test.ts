import { describe, expect, it } from 'vitest';
import { foldText, normalizeName, searchTerms } from '../../../../src-shared/domain/identity';

describe('name normalisation', () => {
  it('ignores case, accents, punctuation and extra spaces', () => {
    expect(normalizeName('  SITI   Nur’aini ')).toBe('siti nuraini');
    expect(normalizeName('Chantal Périer-Dewi')).toBe('khantal perier dewi');
    expect(foldText('Ÿùsuf  Ärifin')).toBe('yusuf arifin');
  });

  it('folds old spelling into EYD', () => {
    expect(normalizeName('Soekarno')).toBe(normalizeName('Sukarno'));
    expect(normalizeName('Djoko Tjahjono')).toBe('joko cahjono');
    expect(normalizeName('Soetjipto')).toBe('sucipto');
    expect(normalizeName('Njai Sjarifah')).toBe('nyai syarifah');
  });

  it('drops honorifics written in front, but never the whole name', () => {
    expect(normalizeName('Ny. Siti Aminah')).toBe('siti aminah');
    expect(normalizeName('By. Ny. Siti')).toBe('siti');
    expect(normalizeName('Hj. Dr. Ratna')).toBe('ratna');
    expect(normalizeName('An')).toBe('an');
    expect(normalizeName('Ani Hj')).toBe('ani hj');
  });

  it('turns a query into order-free terms', () => {
    expect(searchTerms('  aminah SITI ')).toEqual(['aminah', 'siti']);
    expect(searchTerms('Soe')).toEqual(['su']);
    expect(searchTerms('')).toEqual([]);
  });
});
