/**
 * Bridge fuzzing: every channel of the contract gets random inputs (fast-check, from its own
 * zod schema: garbage and nearly-right values) as a signed-in admin. Every answer is a value:
 * accepted, or refused with `INVALID_INPUT` or a domain error — never `INTERNAL` (an unhandled
 * exception in a handler), never a throw out of the dispatch — and a refused call writes
 * nothing (SQLite's `total_changes` does not move).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, ERROR_CODES } from '@shared/contract';
import { openTestCore, type TestCore } from '../support/core';
import { setupFacility } from '../support/setup';
import { channelInputs } from './arbitraries';
import { COUNTS, report } from './scale';

/** Refusals that are not domain errors: the guard's own, and the unhandled exception. */
const NEVER = new Set(['INTERNAL', 'UNKNOWN_CHANNEL', 'BAD_SENDER']);

/**
 * A failed sign-in or password check is refused *and* recorded (the audit log keeps failed
 * attempts, the account counts them): those channels may write that when they refuse.
 */
const AUDITS_REFUSALS = new Set(['auth.login', 'auth.unlock', 'auth.changePassword']);

describe('bridge fuzzing', () => {
  let t: TestCore;
  let ids: string[] = [];
  let admin: NonNullable<TestCore['core']['session']>;
  const counts = { channels: 0, inputs: 0, accepted: 0, refused: 0 };
  const byCode = new Map<string, number>();

  beforeAll(async () => {
    t = await openTestCore();
    await setupFacility(t);
    const desa = (await t.call('desa.list')) as { ok: true; value: { id: string }[] };
    const made = await t.call('persons.create', {
      person: { name: 'Siti Fuzz', sex: 'P', birthDate: '1995-04-01', desaId: desa.value[0]!.id },
    });
    if (!made.ok) throw new Error(made.error.message);
    const person = (made.value as { person: { id: string } }).person.id;
    ids = [desa.value[0]!.id, person];
    admin = structuredClone(t.core.session!);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    report('fuzz', {
      channels: counts.channels,
      inputsPerChannel: COUNTS.fuzzInputsPerChannel,
      inputs: counts.inputs,
      accepted: counts.accepted,
      refused: counts.refused,
      codes: [...byCode.entries()].map(([c, n]) => `${c}:${n}`).join(','),
    });
  });

  const changes = () =>
    (t.core.database.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const audits = () =>
    (t.core.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n;

  it(`answers ${COUNTS.fuzzInputsPerChannel} random inputs on every channel with values`, async () => {
    const problems: string[] = [];
    for (const [index, channel] of CHANNELS.entries()) {
      counts.channels += 1;
      const inputs = fc.sample(channelInputs(contract[channel].input, ids), {
        numRuns: COUNTS.fuzzInputsPerChannel,
        seed: 1100 + index,
      });
      for (const input of inputs) {
        // Every call as the signed-in admin (a fuzzed logout or lock must not hide the rest).
        t.core.session = { ...structuredClone(admin), lastActivity: t.clock.now().getTime() };
        if (t.core.mode !== 'normal') {
          problems.push(`${channel}: core left normal mode (${t.core.mode})`);
          await t.core.reopen();
        }
        const before = changes();
        const auditBefore = audits();
        let result;
        try {
          result = await t.core.dispatch(channel, input, { trusted: true });
        } catch (error) {
          problems.push(`${channel}: dispatch threw ${String(error)} for ${fc.stringify(input)}`);
          continue;
        }
        counts.inputs += 1;
        if (result.ok) {
          counts.accepted += 1;
          continue;
        }
        counts.refused += 1;
        const { code, message } = result.error;
        byCode.set(code, (byCode.get(code) ?? 0) + 1);
        if (NEVER.has(code) || !(ERROR_CODES as readonly string[]).includes(code)) {
          problems.push(`${channel}: ${code} ${message} for ${fc.stringify(input).slice(0, 300)}`);
        }
        if (!message || message.length < 5) problems.push(`${channel}: ${code} without a message`);
        const written = changes() - before;
        const audited = audits() - auditBefore;
        // A refused sign-in may write its audit row and the account's failed-attempt count.
        if (written > 0 && !(AUDITS_REFUSALS.has(channel) && written <= audited + 1)) {
          problems.push(
            `${channel}: refused (${code}) but wrote ${written} row(s) for ${fc.stringify(input).slice(0, 200)}`,
          );
        }
        if (problems.length > 20) break;
      }
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
    expect(counts.channels).toBe(CHANNELS.length);
    // Not a parser-only run: some inputs got past validation into the handlers.
    expect(counts.accepted + (byCode.get('NOT_FOUND') ?? 0)).toBeGreaterThan(0);
    // The database is whole after everything.
    expect(t.core.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
