import fs from 'node:fs';
import path from 'node:path';
import { isPeriod } from '@shared/domain/bundle';
import type { ImportSummary } from '@shared/contract';
import { createAgeIdentity, keysDir, unlockDinkesIdentity } from '../../bundle';
import type { Core } from '../../core';
import { SYSTEM_ACTOR } from '../../services/context';
import { bundleFilesIn, importOrder, type ImportFile } from '../../services/bundle-import';
import { withCore, type CommandCoreOptions } from '../core';
import { CliError, type CliCommand, type CliIo } from '../io';
import { dataDirOf, parseCommandArgs, requirePassphrase, withBundleErrors } from './keys';

/**
 * `siklus bundle export` and `siklus bundle import`: the same services as the app, on a data
 * folder, without Electron. Passphrases come from `SIKLUS_PASSPHRASE` or `--passphrase-file`
 * (never from an argument); a bundle locked with a passphrase needs
 * `SIKLUS_BUNDLE_PASSPHRASE` or `--bundle-passphrase-file`.
 */

function bundlePassphrase(values: Record<string, unknown>): string | undefined {
  const file = values['bundle-passphrase-file'];
  if (typeof file === 'string') {
    try {
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '') || undefined;
    } catch {
      throw new CliError(`Berkas kata sandi paket tidak dapat dibaca: ${file}`, 2);
    }
  }
  return process.env.SIKLUS_BUNDLE_PASSPHRASE || undefined;
}

function printProgress(core: Core, io: CliIo): () => void {
  let last = '';
  return core.subscribe((event, payload) => {
    if (event !== 'task.progress') return;
    const line = `  ${String(payload.done).padStart(3)}%  ${payload.label}`;
    if (line !== last) io.out(line);
    last = line;
  });
}

export function bundleExportCommand(options: CommandCoreOptions = {}): CliCommand {
  return {
    name: 'bundle export',
    usage:
      'siklus bundle export --data-dir FOLDER --period TTTT-BB --out FOLDER [--passphrase-file BERKAS] [--lock-passphrase-file BERKAS]',
    summary:
      'Puskesmas: buat paket bulanan untuk Dinkes (terenkripsi, bertanda tangan) di folder tujuan.',
    async run(args, io) {
      const { values } = parseCommandArgs(args, {
        'data-dir': { type: 'string' },
        'passphrase-file': { type: 'string' },
        'lock-passphrase-file': { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
      });
      const dataDir = dataDirOf(values);
      const period = values.period;
      if (typeof period !== 'string' || !isPeriod(period)) {
        throw new CliError('--period TTTT-BB wajib diisi (mis. 2026-10)', 2);
      }
      if (typeof values.out !== 'string' || values.out === '') {
        throw new CliError('--out FOLDER wajib diisi', 2);
      }
      const out = path.resolve(values.out);
      const keyPassphrase = requirePassphrase(values);
      let lockPassphrase: string | undefined;
      if (typeof values['lock-passphrase-file'] === 'string') {
        lockPassphrase = fs
          .readFileSync(values['lock-passphrase-file'], 'utf8')
          .replace(/\r?\n$/, '');
      }
      return withBundleErrors(() =>
        withCore(dataDir, options, async (core) => {
          const bundle = core.services.bundle.exporter;
          const check = await bundle.preflight(period, 'id');
          io.out(`Pemeriksaan awal ${period} (revisi ke-${check.revision}):`);
          for (const f of check.findings) {
            const mark = { blocker: 'GAGAL', warning: 'PERHATIAN', info: 'INFO', ok: 'OK' }[
              f.severity
            ];
            io.out(`  [${mark}] ${f.title}${f.count !== null ? ` (${f.count})` : ''}`);
          }
          if (!check.canExport) {
            io.err('Paket tidak dibuat: perbaiki dahulu yang bertanda GAGAL.');
            return 1;
          }
          const stop = printProgress(core, io);
          try {
            const made = await bundle.export(SYSTEM_ACTOR, {
              period,
              keyPassphrase,
              lock: lockPassphrase ? 'passphrase' : 'recipients',
              bundlePassphrase: lockPassphrase,
              bundlePassphraseConfirm: lockPassphrase,
              destination: 'folder',
              folder: out,
            });
            io.out(`Paket dibuat: ${made.path}`);
            io.out(`  Revisi ${made.export.revision}, ${made.export.records} data`);
            io.out(`  SHA-256 ${made.export.sha256}`);
            return 0;
          } finally {
            stop();
          }
        }),
      );
    },
  };
}

function printSummary(io: CliIo, summary: ImportSummary): boolean {
  let ok = true;
  for (const r of summary.results) {
    const good = r.outcome === 'applied' || r.outcome === 'replaced' || r.outcome === 'duplicate';
    if (!good) ok = false;
    const mark = good ? 'OK' : r.outcome === 'unknownSigner' ? 'MENUNGGU' : 'DITOLAK';
    io.out(`[${mark}] ${r.fileName}: ${r.message}${r.code && !good ? ` (${r.code})` : ''}`);
    for (const w of r.warnings) io.out(`    perhatian: ${w}`);
  }
  for (const p of summary.pending) {
    io.out('');
    io.out(`Kunci puskesmas belum dipercaya: ${p.kode} ${p.name}`);
    io.out(`  Nomor kunci : ${p.keyId}`);
    io.out(`  Sidik jari  : ${p.fingerprint}`);
    if (p.previous) io.out(`  (kunci terdaftar sebelumnya: ${p.previous.fingerprint})`);
    io.out('  Cocokkan sidik jari dengan puskesmas (telepon), lalu jalankan salah satu:');
    io.out(
      `  siklus keys trust-signer ${p.publicKey} --data-dir FOLDER --label "${p.kode} ${p.name}"`,
    );
    io.out('  siklus bundle import … --trust-new-signers');
  }
  return ok;
}

export function bundleImportCommand(): CliCommand {
  return {
    name: 'bundle import',
    usage:
      'siklus bundle import BERKAS.siklus|FOLDER… --data-dir FOLDER_DINKES [--passphrase-file BERKAS] [--bundle-passphrase-file BERKAS] [--trust-new-signers]',
    summary:
      'Dinkes: terima paket puskesmas (periksa tanda tangan dan setiap berkas, terapkan sekali saja).',
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, {
        'data-dir': { type: 'string' },
        'passphrase-file': { type: 'string' },
        'bundle-passphrase-file': { type: 'string' },
        'trust-new-signers': { type: 'boolean' },
      });
      const dataDir = dataDirOf(values);
      if (positionals.length === 0)
        throw new CliError('Tulis paling sedikit satu berkas .siklus', 2);
      const files: ImportFile[] = [];
      for (const arg of positionals) {
        let stat: fs.Stats;
        try {
          stat = fs.statSync(arg);
        } catch {
          throw new CliError(`Berkas tidak ditemukan: ${arg}`, 2);
        }
        if (stat.isDirectory()) files.push(...(await bundleFilesIn(path.resolve(arg))));
        else files.push({ name: path.basename(arg), bytes: new Uint8Array(fs.readFileSync(arg)) });
      }
      if (files.length === 0) throw new CliError('Tidak ada berkas .siklus', 2);
      const passphrase = requirePassphrase(values);
      return withBundleErrors(() =>
        withCore(dataDir, {}, async (core) => {
          const identity = createAgeIdentity(
            await unlockDinkesIdentity(keysDir(dataDir), passphrase),
          );
          const summary = await core.services.bundle.importer.importFiles(
            SYSTEM_ACTOR,
            files.sort(importOrder),
            {
              identity,
              bundlePassphrase: bundlePassphrase(values),
              trustNewSigners: values['trust-new-signers'] === true,
            },
          );
          return printSummary(io, summary) ? 0 : 1;
        }),
      );
    },
  };
}

export const bundleExport = bundleExportCommand();
export const bundleImport = bundleImportCommand();
