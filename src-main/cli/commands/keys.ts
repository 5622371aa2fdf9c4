import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  BundleError,
  KEY_FILES,
  addRecipient,
  addTrustedSigner,
  initDinkesKeys,
  initPuskesmasKeys,
  keysDir,
  readKeyStore,
} from '../../bundle';
import { CliError, type CliCommand, type CliIo } from '../io';

/**
 * `siklus keys …`: the puskesmas signing key, the Dinkes age key, the Dinkes keys a puskesmas
 * encrypts to, and (for Dinkes) the puskesmas keys it trusts. Everything lives in files under
 * `--data-dir DIR/keys/`. Passphrases come from `SIKLUS_PASSPHRASE` or `--passphrase-file`,
 * never from an argument (arguments end up in shell history and process lists).
 */

/** Parse options strictly; a usage error exits 2. `--passphrase VALUE` is refused. */
export function parseCommandArgs(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, unknown>; positionals: string[] } {
  if (args.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
    throw new CliError(
      'Kata sandi tidak boleh ditulis sebagai argumen (terlihat di riwayat dan daftar proses). ' +
        'Pakai variabel lingkungan SIKLUS_PASSPHRASE atau --passphrase-file BERKAS.',
      2,
    );
  }
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

export function dataDirOf(values: Record<string, unknown>): string {
  const dataDir = values['data-dir'];
  if (typeof dataDir !== 'string' || dataDir === '') {
    throw new CliError('--data-dir FOLDER wajib diisi', 2);
  }
  return dataDir;
}

/**
 * The passphrase: the first line of `--passphrase-file`, else `SIKLUS_PASSPHRASE`. Returns
 * null when neither is given (the caller decides whether it is needed).
 */
export function readPassphrase(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const file = values['passphrase-file'];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`Berkas kata sandi tidak dapat dibaca: ${file}`, 2);
    }
    const passphrase = text.replace(/\r?\n$/, '');
    if (passphrase === '' || /[\r\n]/.test(passphrase)) {
      throw new CliError(`Berkas kata sandi harus berisi satu baris: ${file}`, 2);
    }
    return passphrase;
  }
  const fromEnv = env.SIKLUS_PASSPHRASE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
}

export function requirePassphrase(values: Record<string, unknown>): string {
  const passphrase = readPassphrase(values);
  if (passphrase === null) {
    throw new CliError(
      'Kata sandi diperlukan: isi SIKLUS_PASSPHRASE atau pakai --passphrase-file BERKAS.',
      2,
    );
  }
  return passphrase;
}

/** Run `fn`, turning a BundleError into a CLI error that prints its code and message. */
export async function withBundleErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof BundleError) throw new CliError(`${error.code}: ${error.message}`, 1);
    throw error;
  }
}

const PASSPHRASE_FILE = { 'passphrase-file': { type: 'string' } } as const;
const DATA_DIR = { 'data-dir': { type: 'string' } } as const;

export const keysInit: CliCommand = {
  name: 'keys init',
  usage:
    'siklus keys init --data-dir FOLDER [--mode puskesmas|dinkes] [--label NAMA] [--passphrase-file BERKAS]',
  summary:
    'Buat kunci: tanda tangan puskesmas (minisign) atau kunci Dinkes (age); disimpan terenkripsi dengan kata sandi.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      ...DATA_DIR,
      ...PASSPHRASE_FILE,
      mode: { type: 'string' },
      label: { type: 'string' },
    });
    const dir = keysDir(dataDirOf(values));
    const mode = values.mode ?? 'puskesmas';
    if (mode !== 'puskesmas' && mode !== 'dinkes') {
      throw new CliError('--mode harus puskesmas atau dinkes', 2);
    }
    const passphrase = requirePassphrase(values);
    const label = typeof values.label === 'string' ? values.label : undefined;
    return withBundleErrors(async () => {
      if (mode === 'dinkes') {
        const info = await initDinkesKeys(dir, passphrase, { label: label ?? 'Dinkes' });
        io.out(`Kunci Dinkes dibuat di ${dir}`);
        io.out(`Kunci publik (berikan ke puskesmas): ${info.recipient}`);
        io.out(`Sidik jari: ${info.fingerprint}`);
        io.out(`Berkas untuk puskesmas: ${KEY_FILES.dinkesRecipient}, ${KEY_FILES.dinkesQr} (QR)`);
        io.out(`Kunci rahasia (terenkripsi kata sandi): ${KEY_FILES.dinkesIdentity}`);
      } else {
        const info = await initPuskesmasKeys(dir, passphrase, { label: label ?? 'puskesmas' });
        io.out(`Kunci tanda tangan puskesmas dibuat di ${dir}`);
        io.out(`Nomor kunci: ${info.keyId}`);
        io.out(`Kunci publik minisign: ${info.publicKey}`);
        io.out(`Sidik jari: ${info.fingerprint}`);
        io.out(`Kunci rahasia (terenkripsi kata sandi): ${KEY_FILES.signingSecret}`);
      }
      io.out('Simpan kata sandi di tempat aman: tanpa kata sandi kunci tidak dapat dibuka.');
      return 0;
    });
  },
};

function printShow(io: CliIo, summary: Awaited<ReturnType<typeof readKeyStore>>): void {
  io.out(`Folder kunci: ${summary.dir}`);
  if (summary.signing) {
    const s = summary.signing;
    io.out('');
    io.out('Kunci tanda tangan puskesmas (minisign):');
    io.out(`  Nomor kunci : ${s.keyId}`);
    io.out(`  Sidik jari  : ${s.fingerprint}`);
    io.out(`  Kunci publik: ${s.publicKey}`);
    io.out(`  Periksa     : minisign -Vm manifest.json -P ${s.publicKey}`);
  }
  if (summary.signing || summary.recipients.length > 0) {
    io.out('');
    io.out('Kunci Dinkes tujuan paket (age):');
    if (summary.recipients.length === 0) {
      io.out('  (belum ada; tambahkan dengan `siklus keys add-recipient age1…`)');
    }
    for (const r of summary.recipients) {
      io.out(`  - ${r.label || '-'}: ${r.recipient}`);
      io.out(`    Sidik jari: ${r.fingerprint}`);
    }
  }
  if (summary.dinkes) {
    io.out('');
    io.out('Kunci Dinkes (age):');
    io.out(`  Kunci publik: ${summary.dinkes.recipient}`);
    io.out(`  Sidik jari  : ${summary.dinkes.fingerprint}`);
    io.out(`  Berkas      : ${KEY_FILES.dinkesRecipient}, ${KEY_FILES.dinkesQr} (QR)`);
  }
  if (summary.dinkes || summary.trustedSigners.length > 0) {
    io.out('');
    io.out('Kunci puskesmas yang dipercaya (minisign):');
    if (summary.trustedSigners.length === 0) io.out('  (belum ada)');
    for (const s of summary.trustedSigners) {
      io.out(`  - ${s.label || '-'}: ${s.keyId} ${s.publicKey}`);
      io.out(`    Sidik jari: ${s.fingerprint}`);
    }
  }
  if (!summary.signing && !summary.dinkes && summary.recipients.length === 0) {
    io.out('Belum ada kunci. Buat dengan `siklus keys init`.');
  }
}

export const keysShow: CliCommand = {
  name: 'keys show',
  usage: 'siklus keys show --data-dir FOLDER',
  summary: 'Tampilkan kunci publik dan sidik jarinya (untuk dicocokkan lewat telepon).',
  async run(args, io) {
    const { values } = parseCommandArgs(args, DATA_DIR);
    const dir = keysDir(dataDirOf(values));
    return withBundleErrors(async () => {
      printShow(io, await readKeyStore(dir));
      return 0;
    });
  },
};

export const keysAddRecipient: CliCommand = {
  name: 'keys add-recipient',
  usage: 'siklus keys add-recipient age1… --data-dir FOLDER [--label NAMA]',
  summary: 'Puskesmas: tambahkan kunci publik Dinkes (utama atau cadangan) sebagai tujuan paket.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...DATA_DIR,
      label: { type: 'string' },
    });
    const dir = keysDir(dataDirOf(values));
    if (positionals.length !== 1) throw new CliError('Tulis satu kunci publik age1…', 2);
    const label = typeof values.label === 'string' ? values.label : 'Dinkes';
    return withBundleErrors(async () => {
      const list = await addRecipient(dir, positionals[0]!, label);
      io.out(`Kunci Dinkes tujuan paket (${list.length}):`);
      for (const r of list)
        io.out(`  - ${r.label || '-'}: ${r.recipient} (sidik jari ${r.fingerprint})`);
      io.out('Cocokkan sidik jari dengan Dinkes sebelum mengirim paket.');
      return 0;
    });
  },
};

export const keysTrustSigner: CliCommand = {
  name: 'keys trust-signer',
  usage: 'siklus keys trust-signer RW…|BERKAS.pub --data-dir FOLDER --label NAMA',
  summary: 'Dinkes: percayai kunci tanda tangan puskesmas setelah sidik jarinya dicocokkan.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...DATA_DIR,
      label: { type: 'string' },
    });
    const dir = keysDir(dataDirOf(values));
    if (positionals.length !== 1)
      throw new CliError('Tulis satu kunci publik RW… atau berkas .pub', 2);
    if (typeof values.label !== 'string' || values.label.trim() === '') {
      throw new CliError('--label NAMA wajib (mis. nama dan kode puskesmas)', 2);
    }
    const arg = positionals[0]!;
    const text = arg.startsWith('RW') ? arg : readKeyArgument(arg);
    return withBundleErrors(async () => {
      const list = await addTrustedSigner(dir, text, values.label as string);
      const added = list.at(-1)!;
      io.out(`Dipercaya: ${added.label} — ${added.keyId} (sidik jari ${added.fingerprint})`);
      io.out(`Jumlah kunci puskesmas yang dipercaya: ${list.length}`);
      return 0;
    });
  },
};

function readKeyArgument(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Berkas kunci tidak dapat dibaca: ${file}`, 2);
  }
}
