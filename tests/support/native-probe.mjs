// Whether node_modules/better-sqlite3 loads in a runtime: the system's Node (ensure-native.mjs,
// before `npm test`) or Electron's executable run as Node (`npm run bench:electron`).
import { spawnSync } from 'node:child_process';

/** Open an in-memory database with `executable`; the spawn's result (status, stderr). */
export function probeSqlite(executable = process.execPath, env = process.env) {
  return spawnSync(
    executable,
    ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"],
    { encoding: 'utf8', env },
  );
}
