/**
 * `npm start`: build and run the desktop app. Needs a display and the Electron binary, which
 * Electron downloads on first use; better-sqlite3 is rebuilt for Electron first. Where either
 * is missing it says what to run instead (`npm run preview:web`).
 */
import { npx, rebuildNativeForElectron, run } from './commands';

const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (headless) {
  console.error(
    'Tidak ada layar (DISPLAY kosong), jadi aplikasi desktop tidak dapat dibuka di sini.\n' +
      'Jalankan versi peramban dengan data nyata:\n' +
      '  npm run preview:web -- --data-dir ./data-uji\n' +
      'lalu buka alamat yang dicetak di Chromium.',
  );
  process.exit(1);
}

if (!rebuildNativeForElectron()) {
  console.error(
    'better-sqlite3 tidak dapat dibangun untuk Electron (butuh unduhan header Electron).\n' +
      'Tanpa internet, pakai `npm run preview:web -- --data-dir ./data-uji`.',
  );
  process.exit(1);
}

const status = run(npx, ['electron-vite', 'preview']);
if (status !== 0) {
  console.error(
    'Electron tidak dapat dijalankan. Pada pemakaian pertama Electron mengunduh programnya;\n' +
      'tanpa internet, pakai `npm run preview:web -- --data-dir ./data-uji`.',
  );
}
process.exit(status);
