/**
 * fast-check inputs for a channel, from its zod schema: half plain garbage (any JSON-like
 * value), half "nearly right" — the schema's own shape with each field either a plausible
 * value of its type (dates, ids that exist, enum members, numbers at and past the limits) or
 * something else entirely — so fuzzing reaches past the parser into the handlers.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod?: { def?: { check?: string; format?: string } } }[];
  format?: string;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Plain garbage: anything JSON-ish and a few JavaScript oddities. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, withBigInt: false }),
  fc.constantFrom(
    undefined,
    null,
    '',
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    [],
    {},
    '__proto__',
    { __proto__: { admin: true } },
    { constructor: { prototype: { x: 1 } } },
  ),
  fc.string({ maxLength: 3000 }),
);

const isoDate = fc
  .date({ min: new Date('1890-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const oddDate = fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '2026-1-1', '15/10/2026');
const oddText = fc.constantFrom(
  ' ',
  'a'.repeat(5000),
  "'; DROP TABLE person; --",
  '<script>alert(1)</script>',
  '\u0000\u0007',
  'Ñoño Ümlaut 🙂',
  '../../etc/passwd',
  '/tmp',
  '1e309',
);

/** Values of a field's type that are plausible (the parser may still refuse some). */
function plausible(
  schema: z.ZodType,
  ids: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fc.oneof(
        { weight: 4, arbitrary: plausible(def.innerType!, ids, depth) },
        { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
      );
    case 'pipe':
      return plausible(def.in!, ids, depth);
    case 'lazy':
      return garbage;
    case 'object': {
      if (depth > 3) return fc.constant({});
      const shape = def.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape)) {
        fields[key] = fc.oneof(
          { weight: 5, arbitrary: plausible(field, ids, depth + 1) },
          { weight: 1, arbitrary: garbage },
        );
      }
      return fc.record(fields, { requiredKeys: [] });
    }
    case 'array':
      return fc.array(plausible(def.element!, ids, depth + 1), { maxLength: 5 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => plausible(o, ids, depth)));
    case 'enum':
      return fc.oneof(
        fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })),
        fc.string({ maxLength: 8 }),
      );
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1));
    case 'number':
    case 'int':
      return fc.oneof(
        fc.integer({ min: -5, max: 500 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: false }),
        fc.constantFrom(0, 1, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5),
      );
    case 'string': {
      const format = def.format ?? def.checks?.map((c) => c._zod?.def?.format).find(Boolean);
      if (format === 'uuid' || format === 'guid') {
        return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
      }
      return fc.oneof(
        isoDate,
        oddDate,
        oddText,
        fc.stringMatching(/^\d{16}$/),
        fc.stringMatching(/^\d{4}-(0[1-9]|1[0-2])$/),
        fc.string({ maxLength: 40 }),
        ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid(),
      );
    }
    default:
      return garbage;
  }
}

/** Inputs for a channel: garbage and nearly-right values in equal parts. */
export function channelInputs(schema: z.ZodType, ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(garbage, plausible(schema, ids, 0));
}
