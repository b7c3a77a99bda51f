/**
 * Ctrl-C, at a question or between them: the run stops with one line that says what is on disk,
 * and exits 130 as a shell expects of a process stopped by SIGINT.
 *
 * The generator knows what it wrote; the bin owns the process. They meet here: the generator
 * registers how to describe its files, the bin prints that description when the run is stopped.
 */
export const INTERRUPTED_EXIT_CODE = 130;

/** Says what the run has written so far, as one line. */
export type InterruptReport = () => string;

let report: InterruptReport = () => 'Stopped: nothing was written.';
let childrenHandlingInterrupts = 0;

export function reportInterruptsWith(describe: InterruptReport): void {
  report = describe;
}

export function interruptReport(): string {
  return report();
}

/**
 * Inquirer rejects a question closed with Ctrl-C (`ExitPromptError`) or aborted (`AbortPromptError`);
 * Yeoman's overwrite question throws "Process aborted by user" for its `x` (abort) answer.
 */
export function isInterruption(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.message === 'Process aborted by user';
}

/**
 * While a child process runs in the foreground (the install), Ctrl-C reaches it too and ends it;
 * the run then reports how it ended, so the bin must not stop the run itself.
 */
export async function whileChildHandlesInterrupts<T>(task: () => Promise<T>): Promise<T> {
  childrenHandlingInterrupts += 1;
  try {
    return await task();
  } finally {
    childrenHandlingInterrupts -= 1;
  }
}

export function childHandlesInterrupts(): boolean {
  return childrenHandlingInterrupts > 0;
}
