/**
 * `npm run bench:electron`: the bench in Electron's own executable, run as Node
 * (ELECTRON_RUN_AS_NODE), so that the services allocate memory as the app's main process does:
 * through Chromium's allocator, not glibc's, which plain Node cannot show (docs/measurements.md,
 * sessions 31–32: the budget is held on glibc as it is). Needs Electron installed
 * (`npm start` fetches it) and better-sqlite3 built for it: when it is not, it is rebuilt here as
 * `npm start` does, and rebuilt for Node again afterwards so that `npm test` still runs. The UI
 * part is left out (it measures Chromium, the same either way). Writes
 * `bench/results-electron.json`; exits as the bench does.
 */
import path from 'node:path';
import { npx, rebuildNativeForElectron, run } from '../../src-main/dev/commands';
import { installedElectron } from '../electron/electron-binary';
import { probeSqlite } from '../support/native-probe.mjs';
import { BUILD_DIR, ROOT } from './dataset';

const electron = installedElectron();
if (electron === null) {
  console.error(
    'Electron belum terpasang (node_modules/electron/dist tidak ada). Jalankan `npm start` sekali ' +
      'di mesin yang terhubung ke internet (mengunduh Electron), lalu ulangi.',
  );
  process.exit(1);
}

const asNode = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
const sqliteLoads = () => probeSqlite(electron, asNode).status === 0;

let rebuilt = false;
let status = 1;
try {
  if (!sqliteLoads()) {
    rebuilt = true;
    console.log('[bench] better-sqlite3 dibangun ulang untuk Electron…');
    if (!rebuildNativeForElectron() || !sqliteLoads()) {
      throw new Error(
        'better-sqlite3 tidak dapat dibangun untuk Electron (butuh unduhan header Electron).',
      );
    }
  }
  if (run(npx, ['tsx', path.join(ROOT, 'tests/bench/bundle.ts')]) !== 0) throw new Error('bundle gagal');
  status = run(electron, [path.join(BUILD_DIR, 'run.js')], { env: { ...asNode, BENCH_SKIP_UI: '1' } });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  // `npm test` runs on the system's Node: put its build of better-sqlite3 back.
  const ensureNative = path.join(ROOT, 'tests/support/ensure-native.mjs');
  if (rebuilt && run(process.execPath, [ensureNative]) !== 0) status ||= 1;
}
process.exit(status);
