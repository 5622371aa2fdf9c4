import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/log';
import { fixedClock, tempDir } from './temp';

export interface TestCore {
  core: Core;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  /** Dispatch as the trusted page would. */
  call(channel: string, input?: unknown): ReturnType<Core['dispatch']>;
  close(): Promise<void>;
}

/** A core over a fresh SQLite file in a temp folder, with a fixed clock. */
export async function openTestCore(start?: string): Promise<TestCore> {
  const { dir, cleanup } = tempDir();
  const clock = fixedClock(start);
  const core = await createCore({
    dataDir: dir,
    runtime: 'harness',
    appVersion: '0.0.0-test',
    now: clock.now,
    log: silentLogger,
  });
  return {
    core,
    dir,
    clock,
    call: (channel, input = {}) => core.dispatch(channel, input, { trusted: true }),
    async close() {
      await core.close();
      cleanup();
    },
  };
}
