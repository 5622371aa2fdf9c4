import { parseArgs } from 'node:util';
import { openDatabase, readSchemaVersion } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { dataPaths } from '../../paths';
import { APP_VERSION } from '../../version';
import { CliError, type CliCommand } from '../io';

export function requireDataDir(args: string[]): { dataDir: string; rest: string[] } {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: false,
  });
  const dataDir = values['data-dir'];
  if (typeof dataDir !== 'string' || dataDir === '') {
    throw new CliError('--data-dir FOLDER wajib diisi', 2);
  }
  return { dataDir, rest: positionals };
}

export const dbMigrate: CliCommand = {
  name: 'db migrate',
  usage: 'siklus db migrate --data-dir FOLDER',
  summary: 'Buat atau perbarui basis data ke skema terbaru (salinan dibuat sebelum migrasi).',
  async run(args, io) {
    const paths = dataPaths(requireDataDir(args).dataDir);
    const database = await openDatabase({
      file: paths.database,
      backupDir: paths.backups,
      appVersion: APP_VERSION,
    });
    const { from, to, backupFile } = database.migration;
    await database.close();
    io.out(
      from === to
        ? `Skema sudah terbaru: versi ${to} (${paths.database})`
        : `Skema diperbarui dari versi ${from} ke ${to} (${paths.database})`,
    );
    if (backupFile) io.out(`Salinan sebelum migrasi: ${backupFile}`);
    return 0;
  },
};

export const dbCheck: CliCommand = {
  name: 'db check',
  usage: 'siklus db check --data-dir FOLDER',
  summary: 'Tampilkan versi skema basis data tanpa mengubahnya.',
  async run(args, io) {
    const paths = dataPaths(requireDataDir(args).dataDir);
    const version = readSchemaVersion(paths.database);
    io.out(`Basis data: ${paths.database}`);
    io.out(
      `Versi skema: ${version} (aplikasi ${APP_VERSION} mengenal sampai ${LATEST_SCHEMA_VERSION})`,
    );
    if (version > LATEST_SCHEMA_VERSION) {
      io.out('Status: dibuat oleh Siklus yang lebih baru — perbarui aplikasi.');
      return 1;
    }
    if (version === 0) io.out('Status: belum ada basis data (akan dibuat saat pertama dibuka).');
    else if (version < LATEST_SCHEMA_VERSION)
      io.out('Status: perlu migrasi (jalankan `siklus db migrate`).');
    else io.out('Status: terbaru.');
    return 0;
  },
};
