import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/log';
import { defaultReportWorkers } from '../../src-main/reports/pool';

/** The bench's clock: the morning after the demo's today, so June is a closed month. */
export const NOW = '2025-07-01T02:00:00.000Z';

/** The services on a data folder, as the app opens them (report workers, no daily backup). */
export function openCore(dir: string): Promise<Core> {
  return createCore({
    dataDir: dir,
    runtime: 'cli',
    appVersion: '0.0.0-bench',
    now: () => new Date(NOW),
    log: silentLogger,
    dailyBackup: 'off',
    reportWorkers: defaultReportWorkers(),
  });
}
