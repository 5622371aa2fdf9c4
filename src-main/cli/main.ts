import { DatabaseTooNewError, DatabaseUnreadableError, MigrationFailedError } from '../db/errors';
import { APP_VERSION } from '../version';
import { bundleVerify } from './commands/bundle';
import { bundleExport, bundleImport } from './commands/bundle-transfer';
import { BACKUP_COMMANDS } from './commands/backup';
import { dbCheck, dbMigrate } from './commands/db';
import { demo } from './commands/demo';
import { growthZscores } from './commands/growth';
import { keysAddRecipient, keysInit, keysShow, keysTrustSigner } from './commands/keys';
import { reportCommand } from './commands/report';
import { CliError, type CliCommand, type CliIo } from './io';

/** Every command of `siklus`. Later areas add theirs here. */
export const COMMANDS: readonly CliCommand[] = [
  dbMigrate,
  dbCheck,
  demo,
  growthZscores,
  keysInit,
  keysShow,
  keysAddRecipient,
  keysTrustSigner,
  bundleVerify,
  ...BACKUP_COMMANDS,
  bundleExport,
  bundleImport,
  reportCommand,
];

function help(io: CliIo): void {
  io.out(`Siklus ${APP_VERSION} — baris perintah`);
  io.out('');
  io.out('Perintah:');
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  for (const command of COMMANDS) io.out(`  ${command.usage.padEnd(width)}  ${command.summary}`);
  io.out('');
  io.out('  siklus --help          Tampilkan bantuan ini');
  io.out('  siklus --version       Tampilkan versi');
}

/** Pick the command whose words start `argv`, the longest match first. */
function findCommand(argv: string[]): { command: CliCommand; args: string[] } | null {
  const sorted = [...COMMANDS].sort((a, b) => b.name.length - a.name.length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) {
      return { command, args: argv.slice(words.length) };
    }
  }
  return null;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Perintah tidak dikenal: ${argv.join(' ')}`);
    io.err('Lihat `siklus --help`.');
    return 2;
  }
  if (found.args.includes('--help')) {
    io.out(`Pakai: ${found.command.usage}`);
    io.out(found.command.summary);
    return 0;
  }
  try {
    return await found.command.run(found.args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (
      error instanceof DatabaseTooNewError ||
      error instanceof DatabaseUnreadableError ||
      error instanceof MigrationFailedError
    ) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
