import os from 'node:os';

/**
 * How many test files Vitest runs at a time: its own default (the cores less one), but never
 * fewer than two. On a two-core machine its default is one, and the integration and reliability
 * files wait on the disk, scrypt and child processes much of the time: two at a time took
 * integration 386 → 230 s and the reliability CI variant 131 → 78 s on the two-core VM.
 */
export const testFileWorkers = (): number => Math.max(2, os.availableParallelism() - 1);
