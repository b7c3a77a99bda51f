import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The first of `names` in `dir` or the nearest folder above it that has one, as a path. */
export function findUp(dir: string, names: readonly string[]): string | undefined {
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
