import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from './encoding';
import { BundleError } from './errors';
import { parseBundleFileName } from './naming';
import { DEFAULT_BUNDLE_LIMITS, openBundle, type OpenOptions, type OpenedBundle } from './open';

/**
 * Write `data` to `file` atomically: a temporary file in the same folder, fsync, rename over
 * the target, then fsync the folder (where the platform allows). A crash leaves either the old
 * file or the new one, never a half-written file.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: { mode?: number } = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  try {
    const dirHandle = await fs.open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    // Windows cannot open or fsync a folder; the rename is still atomic there.
  }
}

export interface VerifiedBundleFile {
  path: string;
  fileName: string;
  /** SHA-256 (hex) of the `.siklus` file, as the next bundle's `previousBundleSha256`. */
  sha256: string;
  size: number;
  /** Whether the file name matches `<kode>_<period>_r<revision>.siklus` of the manifest. */
  nameMatches: boolean;
  bundle: OpenedBundle;
}

/**
 * Read and open a `.siklus` file from disk (see {@link openBundle}). The file name is only
 * compared with the manifest (a renamed file is still valid): `nameMatches`.
 */
export async function verifyBundleFile(
  file: string,
  options: OpenOptions,
): Promise<VerifiedBundleFile> {
  const maxBytes = options.limits?.maxBundleBytes ?? DEFAULT_BUNDLE_LIMITS.maxBundleBytes;
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > maxBytes)
      throw new BundleError('BUNDLE_TOO_LARGE', undefined, { size: stat.size });
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('BUNDLE_FILE_UNREADABLE', file, { path: file });
  }
  const bundle = await openBundle(bytes, options);
  const fileName = path.basename(file);
  const parts = parseBundleFileName(fileName);
  const { facility, period, revision } = bundle.manifest;
  const nameMatches =
    parts !== null &&
    parts.kode === facility.kode &&
    parts.period === period &&
    parts.revision === revision;
  return {
    path: file,
    fileName,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    nameMatches,
    bundle,
  };
}
