/**
 * A problem with the user's input or project: shown as one line that says what to do, never as a
 * stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
