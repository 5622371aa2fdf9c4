import fs from 'node:fs';
import {
  BundleError,
  decryptWithPassphrase,
  inspectAgeHeader,
  keysDir,
  parseAgeIdentityFile,
  parseMinisignPublicKey,
  encodeMinisignPublicKey,
  readTrustedSigners,
  unlockDinkesIdentity,
  verifyBundleFile,
  type BundleKey,
  type OpenedBundle,
} from '../../bundle';
import { CliError, type CliCommand, type CliIo } from '../io';
import { parseCommandArgs, readPassphrase, withBundleErrors } from './keys';

/**
 * `siklus bundle verify FILE`: decrypt, unzip, check the signature and every file of a
 * `.siklus` bundle, printing each check and a summary of the manifest. Exit 0 when valid,
 * 1 when a check fails (its stable code is printed), 2 for a usage error.
 */

function formatBytes(n: number): string {
  return `${n.toLocaleString('id-ID')} byte`;
}

function printSummary(io: CliIo, bundle: OpenedBundle): void {
  const m = bundle.manifest;
  io.out('');
  io.out('Ringkasan manifest:');
  io.out(`  Fasilitas       : ${m.facility.kode} — ${m.facility.name}`);
  for (const [name, code] of Object.entries(m.facility.codes)) {
    io.out(`    kode ${name.padEnd(10)}: ${code}`);
  }
  io.out(`  Periode         : ${m.period}, revisi ${m.revision}`);
  io.out(`  Dibuat          : ${m.createdAt}`);
  io.out(
    `  Aplikasi        : ${m.app.name} ${m.app.version}, skema basis data ${m.app.schemaVersion}`,
  );
  io.out(`  Paket sebelumnya: ${m.previousBundleSha256 ?? '(tidak ada: paket pertama)'}`);
  io.out(`  Penanda tangan  : ${bundle.signer.keyId} (sidik jari ${bundle.signer.fingerprint})`);
  io.out(`  Komentar tepercaya: ${bundle.signer.trustedComment}`);
  io.out('  Berkas:');
  const width = Math.max(...m.files.map((f) => f.path.length));
  for (const f of m.files) {
    const rows = f.records === undefined ? '' : `${f.records} baris, `;
    io.out(
      `    ${f.path.padEnd(width)}  ${rows}${formatBytes(f.size)}, sha256 ${f.sha256.slice(0, 16)}…`,
    );
  }
}

function readHeader(file: string): Uint8Array {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(16 * 1024);
      const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return new Uint8Array(buffer.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new BundleError('BUNDLE_FILE_UNREADABLE', file, { path: file });
  }
}

/** Which key opens this bundle: a passphrase, an identity file, or the Dinkes key store. */
async function resolveKey(
  file: string,
  values: Record<string, unknown>,
  io: CliIo,
): Promise<BundleKey> {
  let mode: 'recipients' | 'passphrase';
  try {
    // The first 16 KiB hold the whole header; a damaged file is reported by verifyBundleFile.
    mode = inspectAgeHeader(readHeader(file)).mode;
  } catch (error) {
    if (error instanceof BundleError && error.code === 'BUNDLE_FILE_UNREADABLE') throw error;
    return { identity: [] }; // not age, truncated…: verifyBundleFile reports the exact code
  }
  const passphrase = readPassphrase(values);
  if (mode === 'passphrase') {
    if (passphrase === null) {
      throw new CliError(
        'Paket ini dikunci dengan kata sandi: isi SIKLUS_PASSPHRASE atau --passphrase-file.',
        2,
      );
    }
    return { passphrase };
  }
  const identityFile = values['identity-file'];
  if (typeof identityFile === 'string') {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(identityFile));
    } catch {
      throw new CliError(`Berkas kunci tidak dapat dibaca: ${identityFile}`, 2);
    }
    const encrypted =
      Buffer.from(bytes.subarray(0, 22)).toString('latin1') === 'age-encryption.org/v1\n';
    if (encrypted) {
      if (passphrase === null) {
        throw new CliError(
          'Berkas kunci Dinkes terenkripsi: isi SIKLUS_PASSPHRASE atau --passphrase-file.',
          2,
        );
      }
      bytes = await decryptWithPassphrase(bytes, passphrase);
    }
    return { identity: parseAgeIdentityFile(new TextDecoder().decode(bytes)) };
  }
  const dataDir = values['data-dir'];
  if (typeof dataDir === 'string' && dataDir !== '') {
    if (passphrase === null) {
      throw new CliError(
        'Kata sandi kunci Dinkes diperlukan: isi SIKLUS_PASSPHRASE atau --passphrase-file.',
        2,
      );
    }
    io.out(`Membuka kunci Dinkes di ${keysDir(dataDir)}…`);
    return { identity: await unlockDinkesIdentity(keysDir(dataDir), passphrase) };
  }
  throw new CliError(
    'Paket ini untuk kunci Dinkes: pakai --identity-file BERKAS atau --data-dir FOLDER.',
    2,
  );
}

async function trustedSigners(values: Record<string, unknown>): Promise<string[]> {
  const keys: string[] = [];
  const signers = values.signer;
  for (const s of Array.isArray(signers) ? signers : []) {
    const text = String(s);
    let source = text;
    if (!text.startsWith('RW')) {
      try {
        source = fs.readFileSync(text, 'utf8');
      } catch {
        throw new CliError(`Berkas kunci puskesmas tidak dapat dibaca: ${text}`, 2);
      }
    }
    keys.push(encodeMinisignPublicKey(parseMinisignPublicKey(source)));
  }
  const dataDir = values['data-dir'];
  if (typeof dataDir === 'string' && dataDir !== '') {
    for (const entry of await readTrustedSigners(keysDir(dataDir))) keys.push(entry.publicKey);
  }
  return keys;
}

export const bundleVerify: CliCommand = {
  name: 'bundle verify',
  usage:
    'siklus bundle verify BERKAS.siklus [--identity-file BERKAS | --data-dir FOLDER] [--signer RW…|BERKAS.pub] [--passphrase-file BERKAS]',
  summary: 'Periksa paket bulanan: dekripsi, tanda tangan, setiap berkas; tampilkan ringkasannya.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      'identity-file': { type: 'string' },
      'passphrase-file': { type: 'string' },
      signer: { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new CliError('Tulis satu berkas .siklus', 2);
    const file = positionals[0]!;
    return withBundleErrors(async () => {
      const key = await resolveKey(file, values, io);
      const trusted = await trustedSigners(values);
      io.out(`Berkas: ${file}`);
      try {
        const result = await verifyBundleFile(file, {
          ...key,
          trustedSigners: trusted,
          onCheck: (check) => io.out(`  [OK] ${check.label}`),
        } as Parameters<typeof verifyBundleFile>[1]);
        io.out(`  [OK] Ukuran ${formatBytes(result.size)}, SHA-256 ${result.sha256}`);
        if (result.nameMatches) io.out('  [OK] Nama berkas sesuai manifest');
        else {
          io.out(
            `  [PERHATIAN] Nama berkas tidak sesuai manifest (seharusnya ` +
              `${result.bundle.manifest.facility.kode}_${result.bundle.manifest.period}_r${result.bundle.manifest.revision}.siklus); isi tetap sah.`,
          );
        }
        printSummary(io, result.bundle);
        io.out('');
        io.out('Hasil: paket SAH.');
        return 0;
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
        io.out(`  [GAGAL] ${error.code}: ${error.message}`);
        if (error.code === 'BUNDLE_UNKNOWN_SIGNER') {
          const d = error.details as {
            keyId: string;
            publicKey: string;
            fingerprint: string;
            facility: { kode: string; name: string };
          };
          io.out('');
          io.out(`  Puskesmas (menurut paket): ${d.facility.kode} — ${d.facility.name}`);
          io.out(`  Nomor kunci : ${d.keyId}`);
          io.out(`  Kunci publik: ${d.publicKey}`);
          io.out(`  Sidik jari  : ${d.fingerprint}`);
          io.out('  Cocokkan sidik jari dengan puskesmas, lalu:');
          io.out(
            `  siklus keys trust-signer ${d.publicKey} --data-dir FOLDER --label "${d.facility.kode} ${d.facility.name}"`,
          );
        }
        io.err(`${error.code}: ${error.message}`);
        io.out('');
        io.out('Hasil: paket TIDAK SAH.');
        return 1;
      }
    });
  },
};
