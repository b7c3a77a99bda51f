import { canonicalFingerprint, hash } from './canonical.js';

/**
 * A fingerprint of the exact text, as runs before the canonical form stored them in .yo-rc.json;
 * still recognised, so upgrading the generator does not turn its earlier files into "edited" ones.
 */
export const fingerprint = hash;

/** A text with the fingerprint of its canonical form (see `canonicalFingerprint`). */
export interface FileVersion {
  readonly text: string;
  readonly fingerprint: string;
}

export type WriteAction =
  /** Nothing on disk yet. */
  | 'write'
  /** The file on disk is what this run generates, maybe formatted otherwise: it stays exactly as it is. */
  | 'unchanged'
  /** The file on disk is an earlier run's output (maybe reformatted) and this run's differs: replacing it loses nothing. */
  | 'replace'
  /** The user edited the file, and this run would write what the earlier one did: their version stays, with a note. */
  | 'keep'
  /** The user edited (or wrote) the file and this run must change it: ask, or keep it and fail without --force. */
  | 'ask';

export interface WriteDecision {
  readonly action: WriteAction;
  /**
   * The fingerprint .yo-rc.json holds for the file after this run. `ask` gives the new output's:
   * once the user declines it, a later run that generates the same thing keeps their version quietly.
   */
  readonly fingerprint: string;
}

/**
 * What to do with one generated file. Formatting never counts as an edit: two texts whose
 * canonical forms are the same are the same file, so the user's `prettier --write`,
 * `biome format --write` or `eslint --fix` (formatting rules, and the fixes lint-fix-neutral.ts
 * lists) leaves the file the generator's own.
 */
export function decideWrite(onDisk: FileVersion | undefined, generated: FileVersion, earlier: string | undefined): WriteDecision {
  if (onDisk === undefined) return { action: 'write', fingerprint: generated.fingerprint };
  const earlierIsThisOutput = earlier !== undefined && describes(earlier, generated);
  if (onDisk.text === generated.text || onDisk.fingerprint === generated.fingerprint) {
    // .yo-rc.json changes only when it must: an earlier fingerprint of the same output stays.
    return { action: 'unchanged', fingerprint: earlierIsThisOutput ? earlier : generated.fingerprint };
  }
  if (earlier !== undefined && describes(earlier, onDisk)) return { action: 'replace', fingerprint: generated.fingerprint };
  if (earlierIsThisOutput) return { action: 'keep', fingerprint: earlier };
  return { action: 'ask', fingerprint: generated.fingerprint };
}

/**
 * `decideWrite` for texts, computing the canonical fingerprints it needs. A re-run that finds
 * exactly its own output needs none, so it does not load the bundled Prettier for them.
 */
export async function decideWriteOf(absolutePath: string, onDisk: string | undefined, generated: string, earlier: string | undefined): Promise<WriteDecision> {
  if (onDisk === generated && earlier !== undefined) return { action: 'unchanged', fingerprint: earlier };
  const generatedVersion = { text: generated, fingerprint: await canonicalFingerprint(absolutePath, generated) };
  const onDiskVersion =
    onDisk === undefined ? undefined : { text: onDisk, fingerprint: onDisk === generated ? generatedVersion.fingerprint : await canonicalFingerprint(absolutePath, onDisk) };
  return decideWrite(onDiskVersion, generatedVersion, earlier);
}

/** Whether a file's text is the version a stored fingerprint describes (formatting and lint fixes aside). */
export async function isRecordedVersion(absolutePath: string, text: string, stored: string): Promise<boolean> {
  return stored === hash(text) || stored === (await canonicalFingerprint(absolutePath, text));
}

/** A stored fingerprint is of a version's canonical form, or (from earlier releases) of its exact text. */
function describes(stored: string, version: FileVersion): boolean {
  return stored === version.fingerprint || stored === hash(version.text);
}
