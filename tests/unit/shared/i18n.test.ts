import { describe, expect, it } from 'vitest';
import { en } from '../../../src-shared/i18n/en';
import { id } from '../../../src-shared/i18n/id';
import { fieldLabel, translate } from '../../../src-shared/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('id', 'validation.min.number', { min: 30 })).toBe('paling kecil 30');
    expect(translate('en', 'validation.min.number', { min: 30 })).toBe('must be at least 30');
    expect(translate('id', 'validation.min.number')).toBe('paling kecil {min}');
  });

  it('label fields, falling back to the field name', () => {
    expect(fieldLabel('id', 'locale')).toBe('Bahasa');
    expect(fieldLabel('en', 'locale')).toBe('Language');
    expect(fieldLabel('id', 'somethingNew')).toBe('somethingNew');
  });
});

describe('dictionary areas', () => {
  it('define each key in one area only (a later area would silently win)', () => {
    const areas = import.meta.glob<Record<string, { id: Record<string, string> }>>(
      '../../../src-shared/i18n/areas/*.ts',
      { eager: true },
    );
    const owners = new Map<string, string[]>();
    for (const [file, mod] of Object.entries(areas)) {
      for (const area of Object.values(mod)) {
        for (const key of Object.keys(area.id)) owners.set(key, [...(owners.get(key) ?? []), file]);
      }
    }
    const twice = [...owners].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });
});
