import { basename } from 'node:path';
import type * as Prettier from 'prettier';
import { UserError } from './user-error.js';

/** Loaded on the first format: `--help`, `--version` and runs that stop early never pay for it. */
let prettierLoading: Promise<typeof Prettier> | undefined;
const loadPrettier = (): Promise<typeof Prettier> => (prettierLoading ??= import('prettier'));

/**
 * Formats generated text as the project formats its own: its Prettier configuration (and
 * .editorconfig) for that path, Prettier's defaults when it has none.
 */
export async function formatLikeProject(absolutePath: string, text: string): Promise<string> {
  const prettier = await loadPrettier();
  let config: Prettier.Options;
  try {
    config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  } catch (error) {
    throw new UserError(`Your Prettier configuration could not be read (${firstLine(error)}): fix it, then run again.`);
  }
  try {
    return await prettier.format(text, { ...fasterParser(absolutePath), ...config, filepath: absolutePath });
  } catch (error) {
    // The generated text is valid, so a failure here comes from the configuration (e.g. a plugin that is not installed).
    throw new UserError(`Your Prettier configuration could not format ${basename(absolutePath)} (${firstLine(error)}): fix it, then run again.`);
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/**
 * Babel's parsers print what Prettier's TypeScript parser prints for this code, and load in a
 * fraction of its time (the TypeScript one is most of what formatting a module costs). A parser
 * the project's own configuration names still wins.
 */
function fasterParser(path: string): { parser?: string } {
  if (/\.[cm]?tsx?$/.test(path)) return { parser: 'babel-ts' };
  if (/\.[cm]?jsx?$/.test(path)) return { parser: 'babel' };
  return {};
}
