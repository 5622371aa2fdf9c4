import { describe, expect, it } from 'vitest';
import { decideRevision, supersedes } from '../../../../src-shared/domain/bundle';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const c = 'c'.repeat(64);

describe('revision rules', () => {
  it('applies the first bundle of a period', () => {
    expect(decideRevision({ revision: 1, sha256: a }, [], false)).toBe('apply');
    // A later first revision (r1 lost in the post) is still the first received.
    expect(decideRevision({ revision: 3, sha256: a }, [], false)).toBe('apply');
  });

  it('the same file twice changes nothing', () => {
    expect(decideRevision({ revision: 1, sha256: a }, [{ revision: 1, sha256: a }], false)).toBe(
      'duplicate',
    );
    expect(decideRevision({ revision: 1, sha256: a }, [], true)).toBe('duplicate');
  });

  it('compares with the latest revision received, at its boundary', () => {
    const held = [
      { revision: 1, sha256: a },
      { revision: 2, sha256: b },
    ];
    expect(decideRevision({ revision: 3, sha256: c }, held, false)).toBe('replace');
    expect(decideRevision({ revision: 2, sha256: c }, held, false)).toBe('conflict');
    expect(decideRevision({ revision: 1, sha256: c }, held, false)).toBe('older');
  });
});

describe('record copies', () => {
  it('keeps the higher version, then the later update', () => {
    const current = { version: 2, updated_at: '2026-10-01T00:00:00.000Z' };
    expect(supersedes({ version: 3, updated_at: '2026-09-01T00:00:00.000Z' }, current)).toBe(true);
    expect(supersedes({ version: 1, updated_at: '2026-12-01T00:00:00.000Z' }, current)).toBe(false);
    expect(supersedes({ version: 2, updated_at: '2026-10-01T00:00:00.001Z' }, current)).toBe(true);
    expect(supersedes({ ...current }, current)).toBe(false);
  });
});
