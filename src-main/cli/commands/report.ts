import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isPeriod } from '@shared/domain/bundle';
import { reportWorkbook } from '../../reports/xlsx';
import { withCore } from '../core';
import { CliError, type CliCommand } from '../io';
import { dataDirOf } from './keys';

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
    const dataDir = dataDirOf(values);
    const period = values.period;
    if (!period || !isPeriod(period)) {
      throw new CliError('--period TTTT-BB wajib diisi (mis. 2026-10)', 2);
    }
    const format = values.format;
    if (format !== 'json' && format !== 'xlsx') {
      throw new CliError('--format harus json atau xlsx', 2);
    }
    return withCore(dataDir, {}, async (core) => {
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
    });
  },
};
