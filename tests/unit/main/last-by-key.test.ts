import { describe, expect, it } from 'vitest';
import { lastByKey } from '../../../src-main/services/last-by-key';

describe('lastByKey', () => {
  it('gives the same value for the same key, and makes it again for another key', async () => {
    let made = 0;
    const last = lastByKey<number>();
    const make = () => Promise.resolve(++made);
    const a = last('a', make);
    expect(last('a', make)).toBe(a);
    expect(await a).toBe(1);
    expect(await last('b', make)).toBe(2);
    // only the last key is kept
    expect(await last('a', make)).toBe(3);
  });

  it('makes again after a failure, or a value that keep refuses', async () => {
    const failing = lastByKey<number>();
    await expect(failing('a', () => Promise.reject(new Error('gagal')))).rejects.toThrow('gagal');
    expect(await failing('a', () => Promise.resolve(1))).toBe(1);

    let made = 0;
    const complete = lastByKey<{ n: number; complete: boolean }>((v) => v.complete);
    const make = () => Promise.resolve({ n: ++made, complete: made > 1 });
    expect((await complete('a', make)).n).toBe(1); // incomplete: not kept
    expect((await complete('a', make)).n).toBe(2);
    expect((await complete('a', make)).n).toBe(2); // complete: kept
  });
});
