import { parseArgs } from 'node:util';
import { isIsoDate } from '@shared/domain/dates';
import { generateDemo } from '../../demo';
import { CliError, type CliCommand } from '../io';

export const demo: CliCommand = {
  name: 'demo',
  usage: 'siklus demo --data-dir FOLDER [--persons N] [--seed S] [--today YYYY-MM-DD]',
  summary: 'Isi folder data kosong dengan puskesmas contoh (sama untuk seed yang sama).',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        persons: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '1' },
        today: { type: 'string' },
      },
    });
    const dataDir = values['data-dir'];
    if (!dataDir) throw new CliError('--data-dir FOLDER wajib diisi', 2);
    const persons = Number(values.persons);
    if (!Number.isInteger(persons) || persons < 10 || persons > 1_000_000) {
      throw new CliError('--persons harus bilangan bulat 10–1.000.000', 2);
    }
    if (values.today && !isIsoDate(values.today))
      throw new CliError('--today harus tanggal TTTT-BB-HH', 2);
    let summary;
    try {
      summary = await generateDemo({
        dataDir,
        persons,
        seed: values.seed,
        ...(values.today ? { today: values.today } : {}),
      });
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
    io.out(
      `Data contoh dibuat di ${dataDir} (hari ini = ${summary.today}, ${summary.seconds.toFixed(1)} detik)`,
    );
    for (const [table, count] of Object.entries(summary.counts))
      io.out(`  ${table}: ${count.toLocaleString('id-ID')}`);
    io.out(
      `Waktu per langkah: ${Object.entries(summary.timings)
        .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} dtk`)
        .join(', ')}`,
    );
    io.out(`Masuk sebagai: ${summary.admin.username} / ${summary.admin.password}`);
    return 0;
  },
};
