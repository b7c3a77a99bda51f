/** What an edit of the user's code returns. */
export type EditResult = Edited | Already | Unrecognised;

export interface Edited {
  readonly kind: 'edited';
  /** The whole file after the edit. */
  readonly code: string;
  /** One line for the run's summary, e.g. "wrapped <App /> in <ConfigCatAmplitudeProvider>". */
  readonly summary: string;
  /** Parts of a composed edit that were not made, each with its snippet (see `composeEdits`). */
  readonly remaining?: readonly Unrecognised[];
}

/** Our code is there already: a re-run changes nothing. */
export interface Already {
  readonly kind: 'already';
}

/** The code has a shape this edit does not handle safely: the user pastes `snippet` instead. */
export interface Unrecognised {
  readonly kind: 'unrecognised';
  readonly reason: string;
  readonly snippet: Snippet;
  /** The other parts of a composed edit, none of which was made either: each has its own snippet. */
  readonly remaining?: readonly Unrecognised[];
}

export interface Snippet {
  /** The file to edit, as the edit was given it. */
  readonly file: string;
  /** Where in the file, in words: "after the imports", "around <App />". */
  readonly place: string;
  /** The exact text to paste. */
  readonly code: string;
}

export const ALREADY: Already = { kind: 'already' };

export function edited(code: string, summary: string): Edited {
  return { kind: 'edited', code, summary };
}

export function unrecognised(reason: string, file: string, place: string, code: string): Unrecognised {
  return { kind: 'unrecognised', reason, snippet: { file, place, code } };
}

/**
 * Runs edits one after the other, each on the code the previous one left. Already-made steps are
 * skipped; steps that were not recognised are kept in `remaining`, so that the caller prints every
 * snippet (and still writes the file when another step edited it).
 */
export function composeEdits(code: string, steps: readonly ((code: string) => EditResult)[]): EditResult {
  let current = code;
  const summaries: string[] = [];
  const remaining: Unrecognised[] = [];
  for (const step of steps) {
    const result = step(current);
    if (result.kind === 'edited') {
      current = result.code;
      summaries.push(result.summary);
      remaining.push(...(result.remaining ?? []));
    } else if (result.kind === 'unrecognised') {
      remaining.push(result);
    }
  }
  if (summaries.length === 0) {
    const [first, ...others] = remaining;
    if (!first) return ALREADY;
    return others.length > 0 ? { ...first, remaining: others } : first;
  }
  return { kind: 'edited', code: current, summary: summaries.join('; '), ...(remaining.length > 0 ? { remaining } : {}) };
}
