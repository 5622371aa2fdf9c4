/** How much each reliability test does: `full` (local, the counts) or `ci` (shorter). */
export type Scale = 'full' | 'ci';

export const SCALE: Scale = process.env.RELIABILITY_SCALE === 'ci' ? 'ci' : 'full';

export const COUNTS = {
  full: {
    crashTrials: 24,
    /** Byte positions of the bundle flipped: every one (1 = all, n = every n-th). */
    flipStride: 1,
    junkAppends: 200,
    fuzzInputsPerChannel: 1000,
    badFiles: 400,
  },
  ci: {
    crashTrials: 6,
    flipStride: 7,
    junkAppends: 40,
    fuzzInputsPerChannel: 150,
    badFiles: 40,
  },
}[SCALE];

/** Print one line of counts so a run shows what it tried. */
export function report(area: string, counts: Record<string, number | string>): void {
  const text = Object.entries(counts)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
    .join(' ');
  console.log(`[reliability:${SCALE}] ${area}: ${text}`);
}
