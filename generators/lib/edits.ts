import { createHash } from 'node:crypto';

/** A short fingerprint of generated text, stored in .yo-rc.json to tell later edits apart. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export type WriteDecision =
  /** The file on disk is exactly what this run generates. */
  | 'unchanged'
  /** Nothing on disk yet. */
  | 'write'
  /** The file on disk is what an earlier run generated: replacing it loses nothing. */
  | 'replace'
  /** The user wrote or edited the file: replacing it needs their consent. */
  | 'ask';

export function decideWrite(onDisk: string | undefined, generated: string, earlierFingerprint: string | undefined): WriteDecision {
  if (onDisk === generated) return 'unchanged';
  if (onDisk === undefined) return 'write';
  if (earlierFingerprint !== undefined && fingerprint(onDisk) === earlierFingerprint) return 'replace';
  return 'ask';
}
