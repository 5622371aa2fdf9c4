/**
 * Child process of the crash trials: opens the data folder through the real core, signs in and
 * writes persons (creates and edits) through the bridge as fast as it can. After each write
 * that the bridge acknowledged it prints one line — `ACK create ID NAME` or
 * `ACK update ID VERSION NAME` — so the parent knows what must survive a SIGKILL.
 * `tsx tests/reliability/crash-writer.ts DATA_DIR TRIAL`
 */
import { createCore } from '../../src-main/core';
import { silentLogger } from '../../src-main/log';
import { ADMIN } from '../support/setup';

async function main(): Promise<void> {
  const [dataDir, trial] = process.argv.slice(2);
  if (!dataDir || !trial) throw new Error('usage: crash-writer DATA_DIR TRIAL');
  const core = await createCore({
    dataDir,
    runtime: 'cli',
    appVersion: '0.0.0-crash',
    log: silentLogger,
    dailyBackup: 'off',
  });
  if (core.mode !== 'normal') throw new Error(`core opened in ${core.mode} mode`);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input, { trusted: true });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  await call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const desa = await call<{ id: string }[]>('desa.list', {});
  process.stdout.write('READY\n');
  const mine: { id: string; version: number; input: Record<string, unknown> }[] = [];
  for (let n = 0; ; n++) {
    if (n % 3 === 2 && mine.length > 0) {
      const target = mine[n % mine.length]!;
      const name = `Uji Ubah ${trial} ${n}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
      const saved = await call<{ saved: boolean; person?: { id: string; version: number } }>(
        'persons.update',
        { id: target.id, version: target.version, person: { ...target.input, name } },
      );
      if (!saved.saved || !saved.person) throw new Error('update not saved');
      target.version = saved.person.version;
      target.input = { ...target.input, name };
      process.stdout.write(`ACK update ${target.id} ${target.version} ${name}\n`);
    } else {
      // Letters only (digits spelled as letters): every name is new, no duplicate prompt.
      const name = `Uji ${trial} ${n}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
      const input = {
        name,
        sex: n % 2 ? 'L' : 'P',
        birthDate: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
        desaId: desa[n % desa.length]!.id,
        address: 'Kp. Uji Kilat',
      };
      const saved = await call<{ saved: boolean; person?: { id: string; version: number } }>(
        'persons.create',
        { person: input },
      );
      if (!saved.saved || !saved.person) throw new Error('create not saved');
      mine.push({ id: saved.person.id, version: saved.person.version, input });
      process.stdout.write(`ACK create ${saved.person.id} ${name}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
