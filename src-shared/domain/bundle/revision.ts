/**
 * What Dinkes does with an authentic bundle, given what it already holds for the same
 * puskesmas and period (domain §5.8.6, §8.3): bundles are replayable and revisions supersede.
 *
 * - the very same file (same SHA-256) again: `duplicate`, nothing changes;
 * - nothing yet for that period: `apply`;
 * - a higher revision than the latest received: `replace` (it supersedes the older one);
 * - the same revision with other content: `conflict` (two different files claim one revision);
 * - a lower revision: `older`, refused (a newer one is already in force).
 */
export type RevisionDecision = 'duplicate' | 'apply' | 'replace' | 'conflict' | 'older';

export interface ReceivedRevision {
  revision: number;
  sha256: string;
}

export function decideRevision(
  incoming: ReceivedRevision,
  /** Everything already received for this puskesmas and period. */
  received: readonly ReceivedRevision[],
  /** Whether this exact file was received before (for any period). */
  alreadyReceived: boolean,
): RevisionDecision {
  if (alreadyReceived || received.some((r) => r.sha256 === incoming.sha256)) return 'duplicate';
  if (received.length === 0) return 'apply';
  const latest = Math.max(...received.map((r) => r.revision));
  if (incoming.revision > latest) return 'replace';
  if (incoming.revision === latest) return 'conflict';
  return 'older';
}

/**
 * Which of two copies of one record to keep: the higher `version`, then the later
 * `updated_at`. Returns true when `incoming` should replace `current`.
 */
export function supersedes(
  incoming: { version: number; updated_at: string },
  current: { version: number; updated_at: string },
): boolean {
  if (incoming.version !== current.version) return incoming.version > current.version;
  return incoming.updated_at > current.updated_at;
}
