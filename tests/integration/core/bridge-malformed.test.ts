/**
 * Found by the bridge fuzzer (tests/reliability/fuzz.test.ts): a cross-field rule that runs
 * "always" used to be run on a missing object and throw out of the parser, so the dispatch
 * rejected instead of answering. Malformed input is INVALID_INPUT, never an exception.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { openTestCore, type TestCore } from '../../support/core';
import { setupFacility } from '../../support/setup';

describe('malformed input at the bridge', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(() => t.close());

  it('answers a missing or non-object sub-form with INVALID_INPUT', async () => {
    for (const input of [null, {}, { facility: {} }, { admin: 'x' }, 'setup']) {
      const result = await t.call('setup.complete', input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      // Answered by the parser itself (field issues), not by the guard's safety net.
      const details = (result as { error: { details?: { issues?: unknown[] } } }).error.details;
      expect(details?.issues?.length ?? 0, JSON.stringify(input)).toBeGreaterThan(0);
    }
    await setupFacility(t);
    for (const input of [{}, { person: null }, { person: 'Siti' }, { confirmNotDuplicate: true }]) {
      const result = await t.call('persons.create', input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('still runs the cross-field rule when the object exists and other fields failed', async () => {
    const result = await t.call('setup.complete', {
      facility: {},
      villageCodes: [],
      admin: { username: 'a', fullName: '', password: 'rahasia-admin-1', passwordConfirm: 'lain' },
    });
    expect(result.ok).toBe(false);
    const issues = (result as { error: { details: { issues: { path: string }[] } } }).error.details
      .issues;
    expect(issues.map((i) => i.path)).toContain('admin.passwordConfirm');
  });

  it('answers INVALID_INPUT, not an exception, when a schema throws while parsing', async () => {
    const spec = contract['persons.search'].input;
    const original = spec.safeParse.bind(spec);
    spec.safeParse = (() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    }) as typeof spec.safeParse;
    try {
      await setupFacility(t);
      const result = await t.call('persons.search', { q: 'siti' });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'Isian tidak lengkap atau tidak sah; periksa kembali formulir.',
        },
      });
    } finally {
      spec.safeParse = original;
    }
  });
});
