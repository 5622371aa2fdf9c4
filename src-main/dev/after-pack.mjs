// electron-builder `afterPack` hook (see electron-builder.yml): refuse a package whose native
// modules are missing or were not built for the target platform and architecture, so a
// skipped or failed rebuild fails the build instead of shipping an app that cannot open its
// database. Plain JavaScript: electron-builder loads it without a TypeScript step.
import fs from 'node:fs';
import path from 'node:path';

/** electron-builder's Arch enum (builder-util): ia32, x64, armv7l, arm64, universal. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

const ELF_MACHINES = { 0x03: 'ia32', 0x3e: 'x64', 0x28: 'armv7l', 0xb7: 'arm64' };
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0x01c4: 'armv7l', 0xaa64: 'arm64' };

/** The platform and architecture a native module was built for, from its header. */
export function binaryTarget(file) {
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  let read;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    return { platform: 'linux', arch: ELF_MACHINES[bytes.readUInt16LE(18)] ?? 'unknown' };
  }
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      return { platform: 'win32', arch: PE_MACHINES[bytes.readUInt16LE(pe + 4)] ?? 'unknown' };
    }
  }
  if (bytes.length >= 4 && [0xcffaedfe, 0xcafebabe].includes(bytes.readUInt32BE(0))) {
    return { platform: 'darwin', arch: 'unknown' };
  }
  return { platform: 'unknown', arch: 'unknown' };
}

function nodeFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return nodeFiles(full);
    return entry.name.endsWith('.node') ? [full] : [];
  });
}

/**
 * The problems with the native modules under `dir` for `platform`/`arch` (empty = fine).
 * better-sqlite3's binding must be among them.
 */
export function checkNativeModules(dir, platform, arch) {
  const files = nodeFiles(dir);
  const problems = [];
  if (!files.some((f) => path.basename(f) === 'better_sqlite3.node')) {
    problems.push(`better_sqlite3.node not found under ${dir}`);
  }
  for (const file of files) {
    const target = binaryTarget(file);
    if (platform !== 'darwin' && (target.platform !== platform || target.arch !== arch)) {
      problems.push(
        `${path.relative(dir, file)} is built for ${target.platform}/${target.arch}, not ${platform}/${arch}`,
      );
    }
  }
  return problems;
}

export async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const unpacked =
    platform === 'darwin'
      ? path.join(
          context.appOutDir,
          `${context.packager.appInfo.productFilename}.app`,
          'Contents/Resources/app.asar.unpacked',
        )
      : path.join(context.appOutDir, 'resources', 'app.asar.unpacked');
  const problems = checkNativeModules(unpacked, platform, arch);
  if (problems.length > 0) {
    throw new Error(
      `Native modules are not ready for ${platform}/${arch}:\n  ${problems.join('\n  ')}`,
    );
  }
}

export default afterPack;
