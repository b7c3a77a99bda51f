import type * as Prettier from 'prettier';

/** Loaded on the first format: `--help`, `--version` and runs that stop early never pay for it. */
let prettierLoading: Promise<typeof Prettier> | undefined;
const loadPrettier = (): Promise<typeof Prettier> => (prettierLoading ??= import('prettier'));

/**
 * Formats generated text as the project formats its own: its Prettier configuration (and
 * .editorconfig) for that path, Prettier's defaults when it has none.
 */
export async function formatLikeProject(absolutePath: string, text: string): Promise<string> {
  const prettier = await loadPrettier();
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  return prettier.format(text, { ...config, filepath: absolutePath });
}
