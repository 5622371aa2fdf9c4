import type { SpawnSyncReturns } from 'node:child_process';

export function probeSqlite(executable?: string, env?: NodeJS.ProcessEnv): SpawnSyncReturns<string>;
