import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/**
 * Field schemas reused across channels. Custom messages are dictionary keys, translated by
 * `describeIssue` (and by the forms' resolver) into the clerk's language.
 */

/** A UUIDv7 (or any UUID) record id. */
export const recordId = z.uuid({ error: 'validation.invalid' });

/** Optimistic-concurrency version of the row being edited. */
export const version = z.number().int().min(1);

export const isoDate = z.string().refine(isIsoDate, { error: 'validation.format.date' });

/** Free text that may be left empty: trimmed, empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Required text: trimmed, at least one character. */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}

/** An optional code: empty becomes null; otherwise no spaces (domain.md §6.3). */
export const optionalCode = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\S+$/.test(v), { error: 'validation.noSpaces' });

export const sexSchema = z.enum(['L', 'P']);

export const optionalPhone = z
  .string()
  .trim()
  .max(20)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\+?[0-9 ()-]{6,20}$/.test(v), { error: 'validation.phone' });

export const optionalEmail = z
  .string()
  .trim()
  .max(120)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: 'validation.format.email',
  });

/** Paging for long lists (registers are read in windows). */
export const paging = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
};

/**
 * Run a cross-field rule even when other fields already failed, so a form shows every problem
 * at once (and a wizard step can be checked on its own). The rule must read values defensively.
 * Never on a value that is not an object at all (a missing `person`, `null`, a string): the
 * rule would dereference it and throw out of the parser; the type error is reported instead.
 */
export const ALWAYS = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null,
} as const;
