import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's root, found from any module in it (sources or compiled output). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of generator-configcat-amplitude not found');
    dir = parent;
  }
  return dir;
}

/** Template paths (`templates/…`, `platforms/<name>/…`) are relative to this folder. */
export const PACKAGE_ROOT = packageRoot();
export const TEMPLATES_ROOT = join(PACKAGE_ROOT, 'templates');
