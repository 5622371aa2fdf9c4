import { uuidv7 } from 'uuidv7';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import {
  findStored,
  lockHolder,
  PassphraseError,
  readSetting,
  restoreBackup,
  RestoreRefusedError,
  verifyBackup,
  type StoredBackup,
} from '../../backup';
import { readSchemaVersion } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { DB } from '../../db/schema';
import { silentLogger } from '../../log';
import { dataPaths, type DataPaths } from '../../paths';
import { createBackupService, listAllStored } from '../../services/backup';
import { APP_VERSION } from '../../version';
import { CliError, type CliCommand, type CliIo } from '../io';

const OPTIONS = {
  'data-dir': { type: 'string' },
  'passphrase-file': { type: 'string' },
  second: { type: 'boolean' },
} as const;

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  const dataDir = parsed.values['data-dir'];
  if (typeof dataDir !== 'string' || dataDir === '') {
    throw new CliError('--data-dir FOLDER wajib diisi', 2);
  }
  return { paths: dataPaths(dataDir), values: parsed.values, positionals: parsed.positionals };
}

/** The passphrase from `--passphrase-file` or SIKLUS_BACKUP_PASSPHRASE (never from argv). */
function passphraseFrom(values: { 'passphrase-file'?: string | undefined }): string | undefined {
  const file = values['passphrase-file'];
  if (file) {
    try {
      const first = fs.readFileSync(file, 'utf8').split(/\r?\n/, 1)[0] ?? '';
      return first || undefined;
    } catch {
      throw new CliError(`Berkas frasa sandi tidak dapat dibaca: ${file}`);
    }
  }
  return process.env.SIKLUS_BACKUP_PASSPHRASE || undefined;
}

/** Read one setting from the database without changing it (null when unreadable). */
function settingOf(paths: DataPaths, key: string): unknown {
  if (!fs.existsSync(paths.database)) return undefined;
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(paths.database, { readonly: true, fileMustExist: true });
    return readSetting(probe, key);
  } catch {
    return undefined;
  } finally {
    probe?.close();
  }
}

function secondDirOf(paths: DataPaths): string | null {
  const value = settingOf(paths, 'backup.secondDir');
  return typeof value === 'string' && value ? value : null;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function printBackup(io: CliIo, b: StoredBackup): void {
  const m = b.manifest;
  const total = Object.values(m.counts).reduce((a, c) => a + c, 0);
  io.out(
    `${m.id}  ${m.createdAt}  ${m.kind}  ${b.location}  ${b.status}  skema v${m.schemaVersion}  ` +
      `${total} baris  ${mib(m.size)}${m.encrypted ? '  terenkripsi' : ''}` +
      (m.facility
        ? `  ${m.facility.name}${m.facility.kodePuskesmas ? ` (${m.facility.kodePuskesmas})` : ''}`
        : ''),
  );
}

function find(paths: DataPaths, id: string | undefined, second: boolean | undefined): StoredBackup {
  if (!id) throw new CliError('ID cadangan wajib diisi (lihat `siklus backup list`)', 2);
  const dir = second ? secondDirOf(paths) : paths.backups;
  if (!dir) throw new CliError('Folder kedua belum diatur di aplikasi.');
  const found = findStored(dir, second ? 'kedua' : 'utama', id);
  if (!found) throw new CliError(`Cadangan ${id} tidak ditemukan di ${dir}`);
  return found;
}

export const backupCreate: CliCommand = {
  name: 'backup create',
  usage: 'siklus backup create --data-dir FOLDER',
  summary:
    'Buat cadangan terperiksa sekarang (memakai pengaturan enkripsi, folder kedua dan retensi dari aplikasi).',
  async run(args, io) {
    const { paths } = parse(args);
    if (!fs.existsSync(paths.database))
      throw new CliError(`Belum ada basis data: ${paths.database}`);
    // A read-only connection: the CLI never migrates or changes the database to back it up.
    // SQLite's online backup is safe while the app has the same file open.
    const sqlite = new BetterSqlite3(paths.database, { readonly: true, fileMustExist: true });
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const service = createBackupService(
        { db, now: () => new Date(), log: silentLogger, newId: uuidv7 },
        {
          appVersion: APP_VERSION,
          schemaVersion: readSchemaVersion(paths.database),
          dataDir: paths.dir,
          dbFile: paths.database,
          runtime: 'cli',
        },
      );
      let lastLabel = '';
      service.attach({
        sqlite,
        emit: (_event, p) => {
          if (p.label !== lastLabel && p.done < p.total) io.out(`  ${p.label}…`);
          lastLabel = p.label;
        },
        restore: () => Promise.reject(new Error('not available')),
        logTail: () => [],
        logDir: paths.logs,
      });
      let created;
      try {
        created = await service.create('id');
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      io.out(`Cadangan dibuat: ${created.backup.id}`);
      io.out(`  berkas: ${paths.backups}`);
      io.out(
        `  skema v${created.backup.schemaVersion}, ${created.backup.totalRecords} baris, ${mib(created.backup.size)}` +
          (created.backup.encrypted ? ', terenkripsi' : ''),
      );
      if (created.secondCopy) {
        io.out(
          created.secondCopy.ok
            ? `  salinan kedua: ${created.secondCopy.dir}`
            : `  salinan kedua GAGAL: ${created.secondCopy.message}`,
        );
      }
      if (created.pruned.length > 0)
        io.out(`  dihapus oleh aturan retensi: ${created.pruned.join(', ')}`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

export const backupList: CliCommand = {
  name: 'backup list',
  usage: 'siklus backup list --data-dir FOLDER',
  summary: 'Daftar cadangan (folder data dan folder kedua), terbaru dahulu.',
  async run(args, io) {
    const { paths } = parse(args);
    const all = listAllStored(paths, secondDirOf(paths));
    if (all.length === 0) {
      io.out(`Belum ada cadangan di ${paths.backups}`);
      return 0;
    }
    for (const b of all) printBackup(io, b);
    return 0;
  },
};

export const backupVerify: CliCommand = {
  name: 'backup verify',
  usage: 'siklus backup verify ID --data-dir FOLDER [--second] [--passphrase-file FILE]',
  summary:
    'Periksa satu cadangan: sha256 dan integrity_check (yang terenkripsi butuh frasa sandi).',
  async run(args, io) {
    const { paths, values, positionals } = parse(args);
    const found = find(paths, positionals[0], values.second);
    const stored = settingOf(paths, 'backup.passphrase');
    const passphrase = passphraseFrom(values) ?? (typeof stored === 'string' ? stored : undefined);
    const result = await verifyBackup(found, passphrase);
    printBackup(io, found);
    if (result.ok) {
      io.out(
        result.contentChecked
          ? 'Baik: sidik sha256 cocok dan integrity_check ok.'
          : 'Sidik sha256 cocok; isi terenkripsi tidak diperiksa (beri --passphrase-file).',
      );
      return 0;
    }
    io.out('RUSAK:');
    for (const problem of result.problems) io.out(`  ${problem}`);
    return 1;
  },
};

export const backupRestore: CliCommand = {
  name: 'backup restore',
  usage: 'siklus backup restore ID --data-dir FOLDER [--second] [--passphrase-file FILE]',
  summary:
    'Pulihkan cadangan ke folder data. Basis data yang ada disisihkan (tidak dihapus). Ditolak selama aplikasi membuka folder data ini.',
  async run(args, io) {
    const { paths, values, positionals } = parse(args);
    const holder = lockHolder(paths.dir);
    if (holder) {
      throw new CliError(
        `Basis data sedang dipakai oleh Siklus (${holder.runtime}, proses ${holder.pid}, sejak ${holder.since}). ` +
          'Tutup aplikasi dahulu, atau pulihkan dari menu Cadangan di aplikasi.',
      );
    }
    const found = find(paths, positionals[0], values.second);
    let aside: string | null;
    try {
      aside = await restoreBackup(paths, found, {
        passphrase: passphraseFrom(values),
        supportedSchema: LATEST_SCHEMA_VERSION,
        now: new Date(),
        reason: 'sebelum-pemulihan',
      });
    } catch (error) {
      if (error instanceof PassphraseError || error instanceof RestoreRefusedError) {
        throw new CliError(error.message);
      }
      throw error;
    }
    printBackup(io, found);
    io.out(`Dipulihkan ke ${paths.database}`);
    io.out(
      aside ? `Basis data sebelumnya disisihkan ke ${aside}` : 'Belum ada basis data sebelumnya.',
    );
    io.out('Buka aplikasi Siklus; semua pengguna masuk lagi.');
    return 0;
  },
};

export const BACKUP_COMMANDS: readonly CliCommand[] = [
  backupCreate,
  backupList,
  backupVerify,
  backupRestore,
];
