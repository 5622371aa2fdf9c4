import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron executable if it is installed, without triggering Electron's download-on-first-use
 * (which fails on machines without internet). Null means the Electron tests must skip.
 */
export function installedElectron(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : null;
}

export const SKIP_REASON =
  'Electron binary not installed (node_modules/electron/dist is missing and this machine cannot ' +
  'download it). These tests run where `npm start` has fetched Electron; everything else is ' +
  'covered through the browser harness.';
