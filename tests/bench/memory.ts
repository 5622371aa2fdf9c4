/**
 * `npm run bench`, the memory run: a clerk's heavy day in a process of its own, holding the
 * app's bundled services and nothing of the bench (no timings, no raw statements, no Dinkes):
 * searches, person cards, ANC contacts, posyandu sessions, the June and December reports, the
 * Kirim screen, "Kirim", a write, "Kirim" again. `run.ts` runs it
 * (`node bench/.cache/build/memory.js DATA_DIR FOLDER` on a working copy whose keys are made)
 * and reads the one JSON line it prints: the process's peak RSS and its memory after each step.
 */
import fs from 'node:fs';
import { DEMO_ADMIN } from '../../src-main/demo';
import * as clerk from './clerk';
import { openCore } from './core';

const [dir, folder] = process.argv.slice(2);
if (!dir || !folder) throw new Error('memory.js DATA_DIR FOLDER');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/**
 * The process's peak RSS so far (MB): Linux's VmHWM, which starts afresh with the program, where
 * getrusage's maxrss also keeps what the forked process held before it became this program
 * (the bench's own memory).
 */
function peakMb(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return Math.round(Number(hwm ? hwm[1] : process.resourceUsage().maxRSS) / 1024);
}
/** After each step (MB): resident now, the process's peak so far, the main thread's V8 heap. */
const steps: { step: string; rssMb: number; peakMb: number; v8HeapMb: number }[] = [];
const step = (name: string) => {
  const { rss, heapTotal } = process.memoryUsage();
  steps.push({ step: name, rssMb: mb(rss), peakMb: peakMb(), v8HeapMb: mb(heapTotal) });
};

const core = await openCore(dir);
try {
  step('open');
  const call = clerk.caller(core);
  await call('auth.login', DEMO_ADMIN);
  for (let i = 0; i < 200; i++) {
    await call('persons.search', { q: clerk.NAME_FRAGMENTS[i % clerk.NAME_FRAGMENTS.length] });
    await call('persons.search', { q: clerk.NIK_PREFIXES[i % clerk.NIK_PREFIXES.length] });
  }
  step('search');
  for (const id of clerk.cardPersonIds(core)) await clerk.openCard(call, id);
  step('card');
  for (const input of clerk.ancContacts(core)) await call('maternal.saveAnc', input);
  step('anc');
  for (const s of await clerk.posyanduSessions(core)) await call('posyandu.session.save', s);
  step('session');
  for (const period of [clerk.PERIOD, clerk.YEAR_END]) {
    for (let i = 0; i < 3; i++) await core.services.reports.monthly(period, undefined, 'id');
  }
  step('report');
  clerk.acknowledgedBefore(core, `${clerk.PERIOD}-01T00:00:00.000Z`);
  await call('bundle.preflight', { period: clerk.PERIOD });
  step('preflight');
  await clerk.kirim(call, folder);
  step('kirim');
  clerk.writeMeanwhile(core);
  await clerk.kirim(call, folder);
  step('kirim after a write');
} finally {
  await core.close();
}
console.log(JSON.stringify({ peakMb: peakMb(), steps }));
