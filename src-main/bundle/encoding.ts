import { createHash } from 'node:crypto';

/** Hex SHA-256 of `data` (lower case). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode UTF-8, or return null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Standard padded base64 (RFC 4648 §4), as minisign writes it. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Strict padded base64: only the canonical encoding of some bytes is accepted (Node's own
 * decoder silently skips junk characters, which would make signatures malleable).
 */
export function fromBase64Strict(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  return toBase64(bytes) === text ? bytes : null;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * JSON with object keys sorted (recursively), so the same content always gives the same bytes
 * whatever order the keys were built in. Only plain JSON values are accepted: `undefined`,
 * functions, bigints, non-finite numbers, Dates and typed arrays would be silently changed by
 * `JSON.stringify`, so they are refused with the path of the offending value.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error !== NOT_JSON) throw error;
    throw new TypeError(invalidAt(value, '$') ?? '$: bukan JSON');
  }
}

/**
 * {@link canonicalJson} of rows that share their `columns` (in any order), written from arrays of
 * their values: the same text as for the row as an object, without building the object (the
 * export's rows come from SQLite as arrays).
 */
export function canonicalRowWriter(
  columns: readonly string[],
): (values: readonly unknown[]) => string {
  const order = columns
    .map((name, i) => ({ name, i }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const keys = order.map(({ name }, k) => `${k === 0 ? '' : ','}${JSON.stringify(name)}:`);
  return (values) => {
    try {
      let out = '{';
      for (let k = 0; k < order.length; k++) out += keys[k]! + write(values[order[k]!.i]);
      return `${out}}`;
    } catch (error) {
      if (error !== NOT_JSON) throw error;
      const row = Object.fromEntries(columns.map((name, i) => [name, values[i]]));
      throw new TypeError(invalidAt(row, '$') ?? '$: bukan JSON');
    }
  };
}

/** Thrown by `write` on a value that is not plain JSON; `invalidAt` then names it. */
const NOT_JSON = new Error('not plain JSON');

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The keys of `record` sorted and JSON-quoted. Rows of one table share their keys in one order,
 * so the last answer is kept and reused while the keys stay the same.
 */
let lastKeys: string[] = [];
let lastSorted: string[] = [];
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length === lastKeys.length && keys.every((key, i) => key === lastKeys[i])) {
    return lastSorted;
  }
  lastKeys = keys;
  lastSorted = [...keys].sort();
  return lastSorted;
}

/** A value JSON.stringify writes as itself: text, a finite number, true/false or null. */
function isScalar(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    default:
      return value === null;
  }
}

/** The writer: no path is built on the way down (a bundle has millions of values). */
function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw NOT_JSON;
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + write(value[i]);
        return `${out}]`;
      }
      if (!isPlainObject(value)) throw NOT_JSON;
      const record = value as Record<string, unknown>;
      const keys = sortedKeys(record);
      // A flat object (a table row): JSON.stringify writes the keys in the order of the list it
      // is given, natively, and writes every scalar exactly as `write` would.
      if (keys.every((key) => isScalar(record[key]))) return JSON.stringify(record, keys);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        out += `${i > 0 ? ',' : ''}${JSON.stringify(key)}:${write(record[key])}`;
      }
      return `${out}}`;
    }
    default:
      throw NOT_JSON;
  }
}

/** Why `value` is not plain JSON, naming the path of the first offending value (null: it is). */
function invalidAt(value: unknown, path: string): string | null {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path}: angka tidak terhingga`;
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = invalidAt(value[i], `${path}[${i}]`);
          if (found) return found;
        }
        return null;
      }
      if (!isPlainObject(value)) return `${path}: bukan objek JSON biasa`;
      for (const key of Object.keys(value).sort()) {
        const found = invalidAt((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (found) return found;
      }
      return null;
    }
    default:
      return `${path}: nilai ${typeof value} tidak dapat disimpan sebagai JSON`;
  }
}

/** True when `text` contains a C0 control character or DEL. */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
