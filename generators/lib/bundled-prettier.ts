import type * as Prettier from 'prettier';

/** Loaded on first use: `--help`, `--version` and runs that stop early never pay for it. */
let prettierLoading: Promise<typeof Prettier> | undefined;
export const loadBundledPrettier = (): Promise<typeof Prettier> => (prettierLoading ??= import('prettier'));
