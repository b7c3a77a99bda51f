import * as prettier from 'prettier';

/**
 * Formats generated text as the project formats its own: its Prettier configuration (and
 * .editorconfig) for that path, Prettier's defaults when it has none.
 */
export async function formatLikeProject(absolutePath: string, text: string): Promise<string> {
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  return prettier.format(text, { ...config, filepath: absolutePath });
}
