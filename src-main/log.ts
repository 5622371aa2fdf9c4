import fs from 'node:fs';
import path from 'node:path';

/**
 * The logger services receive. Log lines carry events and identifiers only, never names, NIK or
 * clinical values.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields ? ` ${JSON.stringify(fields)}` : '';
  return `${new Date().toISOString()} ${level} ${message}${extra}`;
}

export const consoleLogger: Logger = {
  info: (m, f) => console.error(line('INFO', m, f)),
  warn: (m, f) => console.error(line('WARN', m, f)),
  error: (m, f) => console.error(line('ERROR', m, f)),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Field names whose values are never written to a log file, whatever a caller passes. */
const PERSONAL_KEYS = new Set(
  [
    'name',
    'fullname',
    'nama',
    'nik',
    'nikibu',
    'nokk',
    'kk',
    'bpjsno',
    'bpjs',
    'phone',
    'email',
    'address',
    'alamat',
    'outsideaddress',
    'birthdate',
    'birthplace',
    'password',
    'passwordconfirm',
    'currentpassword',
    'newpassword',
    'passphrase',
    'notes',
    'input',
  ].map((k) => k.toLowerCase()),
);

export const REDACTED = '[disaring]';

/** A copy of `fields` with personal keys replaced and long strings cut (defence in depth). */
export function scrubFields(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[…]';
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 300)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrubFields(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = PERSONAL_KEYS.has(key.toLowerCase()) ? REDACTED : scrubFields(v, depth + 1);
    }
    return out;
  }
  return value;
}

export interface FileLoggerOptions {
  /** The `log/` folder of the data folder. */
  dir: string;
  /** Rotate when the current file would grow past this many bytes. */
  maxBytes?: number;
  /** How many files to keep in all (`siklus.log`, `siklus.1.log`, …). */
  keep?: number;
  /** Also pass every line to this logger (the console in development). */
  echo?: Logger;
  now?: () => Date;
}

export const LOG_FILE = 'siklus.log';
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

export interface FileLogger extends Logger {
  readonly dir: string;
  readonly file: string;
  /** The newest lines (up to `count`) at or above `minLevel`, newest last. */
  tail(count: number, minLevel?: 'info' | 'warn' | 'error'): string[];
}

const LEVELS = { info: 0, warn: 1, error: 2 } as const;

/**
 * JSON-lines log files in `dir`, rotated by size: `siklus.log` is the current file, older ones
 * are `siklus.1.log` … `siklus.{keep-1}.log` (the oldest is dropped). Writes are synchronous
 * appends, so a line logged before a crash or a power cut is on disk. A failing disk never
 * throws into the caller: logging is best effort.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const dir = options.dir;
  const file = path.join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_LOG_KEEP);
  const now = options.now ?? (() => new Date());
  let size = -1;
  let broken = false;

  const rotated = (n: number) => path.join(dir, `siklus.${n}.log`);

  function rotate(): void {
    fs.rmSync(rotated(keep - 1), { force: true });
    for (let n = keep - 2; n >= 1; n--) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    if (keep > 1) fs.renameSync(file, rotated(1));
    else fs.rmSync(file, { force: true });
    size = 0;
  }

  function write(level: keyof typeof LEVELS, message: string, fields?: Record<string, unknown>) {
    options.echo?.[level](message, fields);
    if (broken) return;
    const record = fields
      ? { t: now().toISOString(), level, msg: message, ...(scrubFields(fields) as object) }
      : { t: now().toISOString(), level, msg: message };
    const text = `${JSON.stringify(record)}\n`;
    try {
      if (size < 0) {
        fs.mkdirSync(dir, { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file, text);
      size += bytes;
    } catch (error) {
      broken = true;
      options.echo?.warn('log file not writable; logging to the console only', {
        error: String(error),
      });
    }
  }

  return {
    dir,
    file,
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    tail(count, minLevel = 'info') {
      const lines: string[] = [];
      for (const candidate of [
        file,
        ...Array.from({ length: keep - 1 }, (_, i) => rotated(i + 1)),
      ]) {
        if (lines.length >= count) break;
        let text: string;
        try {
          text = fs.readFileSync(candidate, 'utf8');
        } catch {
          continue;
        }
        const picked = text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .filter((l) => {
            try {
              const level = (JSON.parse(l) as { level?: keyof typeof LEVELS }).level ?? 'info';
              return (LEVELS[level] ?? 0) >= LEVELS[minLevel];
            } catch {
              return false;
            }
          });
        lines.unshift(...picked.slice(-(count - lines.length)));
      }
      return lines.slice(-count);
    },
  };
}
