// Make sure node_modules/better-sqlite3 holds a build for this Node (tests run on the system
// Node). `npm run dev`/packaging rebuild it for Electron; this puts the Node build back.
import { spawnSync } from 'node:child_process';
import { probeSqlite } from './native-probe.mjs';

const first = probeSqlite();
if (first.status === 0) process.exit(0);

const reason = `${first.stderr}`;
if (
  !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|Could not locate the bindings file|Module did not self-register/.test(
    reason,
  )
) {
  console.error('better-sqlite3 tidak dapat dimuat:\n' + reason);
  process.exit(1);
}
console.log(
  `better-sqlite3 dibangun untuk runtime lain; membangun ulang untuk Node ${process.version}…`,
);
const rebuild = spawnSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (rebuild.status !== 0 || probeSqlite().status !== 0) {
  console.error('Gagal membangun ulang better-sqlite3 untuk Node.');
  process.exit(1);
}
console.log('better-sqlite3 siap untuk Node.');
