import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalRowWriter } from '../../../src-main/bundle/encoding';

/**
 * The definition, written plainly: JSON.stringify for every value but objects, whose keys are
 * sorted by code units (a sorted copy given to JSON.stringify would not do: JavaScript puts
 * integer-like keys such as "0" first whatever the insertion order).
 */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same object with its keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .reverse()
        .map(([key, item]) => [key, reversedKeys(item)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('is JSON with every object key sorted by code units, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts by UTF-16 code units and escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ b: 1, a: 'x"\n', B: [true, null], é: -0.5, '': 0 })).toBe(
      '{"":0,"B":[true,null],"a":"x\\"\\n","b":1,"é":-0.5}',
    );
  });

  it('writes flat rows (the fast path) exactly as nested values are written', () => {
    const row = JSON.parse(
      '{"z":-0,"b":1e21,"__proto__":"x","a":null,"é":"\\u2028\\"\\\\","c":true,"d":0.1}',
    ) as object;
    const expected =
      '{"__proto__":"x","a":null,"b":1e+21,"c":true,"d":0.1,"z":0,"é":"\u2028\\"\\\\"}';
    expect(canonicalJson(row)).toBe(expected);
    expect(canonicalJson([row])).toBe(`[${expected}]`);
    // one nested value takes the whole object off the fast path, with the same bytes
    expect(canonicalJson({ ...row, n: { y: 1, x: 2 } })).toBe(
      '{"__proto__":"x","a":null,"b":1e+21,"c":true,"d":0.1,"n":{"x":2,"y":1},"z":0,"é":"\u2028\\"\\\\"}',
    );
  });

  it('gives rows with the same keys in another order, or other keys of the same count, their own order', () => {
    // Rows of one table share their keys; the sorted keys are reused only while they match.
    expect(canonicalJson({ id: 'a', name: 'x' })).toBe('{"id":"a","name":"x"}');
    expect(canonicalJson({ name: 'y', id: 'b' })).toBe('{"id":"b","name":"y"}');
    expect(canonicalJson({ zz: 1, aa: 2 })).toBe('{"aa":2,"zz":1}');
    expect(canonicalJson({ id: 'c', name: 'z' })).toBe('{"id":"c","name":"z"}');
    expect(
      canonicalJson([
        { b: 1, a: { d: 1, c: 2 } },
        { b: 2, a: { c: 3, d: 4 } },
      ]),
    ).toBe('[{"a":{"c":2,"d":1},"b":1},{"a":{"c":3,"d":4},"b":2}]');
  });

  it('refuses what JSON.stringify would silently change, naming the path', () => {
    const refusal = (value: unknown) => {
      try {
        canonicalJson(value);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ a: 1, b: { c: [0, Number.NaN] } })).toBe('$.b.c[1]: angka tidak terhingga');
    expect(refusal({ z: undefined, a: 1 })).toBe(
      '$.z: nilai undefined tidak dapat disimpan sebagai JSON',
    );
    expect(refusal([new Date(0)])).toBe('$[0]: bukan objek JSON biasa');
    expect(refusal({ x: new Uint8Array(1) })).toBe('$.x: bukan objek JSON biasa');
    expect(refusal({ n: 10n })).toBe('$.n: nilai bigint tidak dapat disimpan sebagai JSON');
    expect(refusal({ f: () => 1 })).toBe('$.f: nilai function tidak dapat disimpan sebagai JSON');
    // the first offending value in key order
    expect(refusal({ b: Infinity, a: Infinity })).toBe('$.a: angka tidak terhingga');
    // eslint-disable-next-line no-sparse-arrays
    expect(refusal([1, , 2])).toBe('$[1]: nilai undefined tidak dapat disimpan sebagai JSON');
    expect(refusal(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('accepted');
  });
});

describe('canonicalRowWriter', () => {
  it('writes a row given as columns and values exactly as canonicalJson writes the object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (row) => {
        const columns = Object.keys(row);
        const values = Object.values(row);
        expect(canonicalRowWriter(columns)(values)).toBe(canonicalJson(row));
        // the columns in another order, the values with them
        expect(canonicalRowWriter([...columns].reverse())([...values].reverse())).toBe(
          canonicalJson(row),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a value JSON cannot carry, naming its column', () => {
    const write = canonicalRowWriter(['id', 'foto', 'n']);
    expect(() => write(['a', new Uint8Array(2), 1])).toThrow('$.foto: bukan objek JSON biasa');
    expect(() => write(['a', null, 10n])).toThrow('$.n: nilai bigint');
    expect(() => write(['a', null, Infinity])).toThrow('$.n: angka tidak terhingga');
  });
});
