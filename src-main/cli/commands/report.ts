import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/contract';
import { createCore } from '../../core';
import { silentLogger } from '../../log';
import { reportWorkbook } from '../../reports/xlsx';
import { CliError, type CliCommand } from '../io';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `siklus report`: the monthly indicator report of a data folder, as JSON (the bundle's
 * `report/indicators.json` format) or as the XLSX workbook, with the same service as the app.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'siklus report --data-dir FOLDER --period TTTT-BB [--format json|xlsx] [--out BERKAS]',
  summary: 'Hitung laporan bulanan indikator (JSON atau XLSX) dari folder data.',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
      },
    });
    const dataDir = values['data-dir'];
    if (!dataDir) throw new CliError('--data-dir FOLDER wajib diisi', 2);
    const period = values.period;
    if (!period || !PERIOD.test(period)) {
      throw new CliError('--period TTTT-BB wajib diisi (mis. 2026-10)', 2);
    }
    const format = values.format;
    if (format !== 'json' && format !== 'xlsx') {
      throw new CliError('--format harus json atau xlsx', 2);
    }
    if (!fs.existsSync(path.join(path.resolve(dataDir), 'siklus.sqlite3'))) {
      throw new CliError(`Tidak ada basis data Siklus di ${path.resolve(dataDir)}`, 2);
    }
    const core = await createCore({
      dataDir,
      runtime: 'cli',
      log: silentLogger,
      dailyBackup: 'off',
    });
    try {
      if (core.mode !== 'normal') {
        throw new CliError(`Basis data tidak dapat dibuka: ${core.recovery?.error ?? core.mode}`);
      }
      const started = performance.now();
      const report = await core.services.reports.monthly(period, undefined, 'id');
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (format === 'json') {
        const text = `${JSON.stringify(report, null, 2)}\n`;
        if (!values.out) {
          io.out(text.trimEnd());
          return 0;
        }
        fs.writeFileSync(values.out, text);
      } else {
        const file = await reportWorkbook(report, 'id');
        const out = values.out ?? file.fileName;
        values.out = out;
        fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
      }
      io.out(
        `Laporan ${period} (${report.indicators.length} indikator, dihitung dalam ${seconds} detik) disimpan di ${path.resolve(values.out)}`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, 1);
      throw error;
    } finally {
      await core.close();
    }
  },
};
