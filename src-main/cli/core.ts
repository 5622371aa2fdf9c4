import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/contract';
import { createCore, type Core } from '../core';
import { silentLogger } from '../log';
import type { MonthlyReportSource } from '../services/bundle-service';
import { CliError } from './io';
import { defaultReportWorkers } from '../reports/pool';

/** What a command may change in the core it opens. */
export interface CommandCoreOptions {
  /** Tests only: the indicator report source (the app's wired one otherwise). */
  reportSource?: MonthlyReportSource;
}

/**
 * Open the Siklus database of an existing data folder for one command, run `work`, close it.
 * A missing database, a folder that cannot open normally (recovery) and an AppError become
 * CliErrors with Indonesian messages.
 */
export async function withCore<T>(
  dataDir: string,
  options: CommandCoreOptions,
  work: (core: Core) => Promise<T>,
): Promise<T> {
  if (!fs.existsSync(path.join(path.resolve(dataDir), 'siklus.sqlite3'))) {
    throw new CliError(`Tidak ada basis data Siklus di ${path.resolve(dataDir)}`, 2);
  }
  const core = await createCore({
    dataDir,
    runtime: 'cli',
    log: silentLogger,
    dailyBackup: 'off',
    reportWorkers: defaultReportWorkers(),
    ...(options.reportSource ? { reportSource: options.reportSource } : {}),
  });
  try {
    if (core.mode !== 'normal') {
      throw new CliError(`Basis data tidak dapat dibuka: ${core.recovery?.error ?? core.mode}`);
    }
    return await work(core);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, 1);
    throw error;
  } finally {
    await core.close();
  }
}
