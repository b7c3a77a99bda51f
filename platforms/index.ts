import { browser } from './browser/index.js';
import { next } from './next/index.js';
import { node } from './node/index.js';
import { react } from './react/index.js';
import { reactRouter } from './react-router/index.js';
import { vue } from './vue/index.js';

/**
 * The platforms the generator targets, in the order the question offers them.
 *
 * Adding a platform:
 * 1. Create platforms/<name>/ with index.ts exporting a `PlatformDescriptor`
 *    (generators/lib/platform.ts): its id and title, how it is detected, its SDK packages, its
 *    environment-variable convention, and `plan`, which names its files (each a template in the
 *    folder with a typed context), what the entry file imports, and its guide fragments (one file
 *    per slot of GUIDE_SLOTS, or another platform's).
 * 2. Put its templates beside it (a `.ts.hbs` and a `.js.hbs` for each code file: the parity test
 *    holds them to the same code) and its guide fragments in guide/.
 * 3. Add it to this list.
 * The golden test (test/golden.test.ts) then asks for its cases' output to be recorded.
 */
export const PLATFORMS = [browser, react, next, reactRouter, vue, node] as const;
