import { FACILITY_KODE_RE, PERIOD_RE } from './manifest';

export const BUNDLE_EXTENSION = '.siklus';

/** `<kode>_<YYYY-MM>_r<revision>.siklus`, e.g. `P3205020101_2026-09_r2.siklus`. */
export function bundleFileName(kode: string, period: string, revision: number): string {
  if (!FACILITY_KODE_RE.test(kode) || !PERIOD_RE.test(period) || !Number.isInteger(revision)) {
    throw new RangeError('invalid bundle name parts');
  }
  return `${kode}_${period}_r${revision}${BUNDLE_EXTENSION}`;
}

export interface BundleNameParts {
  kode: string;
  period: string;
  revision: number;
}

/** Parse a bundle file name (without folder); null when it does not follow the pattern. */
export function parseBundleFileName(name: string): BundleNameParts | null {
  const match = /^(.+)_(\d{4}-\d{2})_r([1-9]\d{0,3})\.siklus$/.exec(name);
  if (!match) return null;
  const [, kode, period, revision] = match as unknown as [string, string, string, string];
  if (!FACILITY_KODE_RE.test(kode) || !PERIOD_RE.test(period)) return null;
  return { kode, period, revision: Number(revision) };
}
