import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** npx, by the name the platform's shell knows it. */
export const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Run a command with the terminal's input and output; its exit status (1 if it did not run). */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  return (
    spawnSync(command, args, {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      ...options,
    }).status ?? 1
  );
}

/**
 * better-sqlite3 rebuilt for the installed Electron (`npm start`, `npm run bench:electron`);
 * false when it could not be (it needs Electron's headers, downloaded on first use).
 */
export const rebuildNativeForElectron = (): boolean =>
  run(npx, ['electron-builder', 'install-app-deps']) === 0;
