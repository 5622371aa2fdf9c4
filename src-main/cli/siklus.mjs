#!/usr/bin/env node
// The `siklus` command: runs the built CLI (out/main/cli.js). `npm run cli -- …` runs the sources.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error(
    'Siklus belum dibangun: jalankan `npm run build` dahulu, atau pakai `npm run cli -- …`.',
  );
  process.exit(1);
}
await import(pathToFileURL(built).href);
