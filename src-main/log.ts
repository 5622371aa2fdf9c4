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
