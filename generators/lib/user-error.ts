/**
 * A problem with the user's input or project: shown as one line that says what to do, never as a
 * stack trace. `exitCode` is the process's (130 when the user stopped the run with Ctrl-C).
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
