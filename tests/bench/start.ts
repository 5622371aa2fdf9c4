/**
 * One start of the services in a fresh process, as the app's main process starts: load the
 * bundled code, open the data folder (quick_check, migration check, settings), then close.
 * `run.ts` runs it a few times (`node bench/.cache/build/start.js DIR`); it prints one JSON line.
 * `readyMs` counts from the process's start, so it holds Node's own start and the code's load.
 */
import { openCore } from './core';

const dir = process.argv[2];
if (!dir) throw new Error('start.js DATA_DIR');
const opening = performance.now();
const core = await openCore(dir);
const readyMs = performance.now();
const rssMb = process.memoryUsage().rss / 1024 / 1024;
await core.close();
console.log(JSON.stringify({ readyMs, openMs: readyMs - opening, rssMb }));
