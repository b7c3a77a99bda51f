import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'jsonc-parser';

/** Module settings under which TypeScript treats a file of a CommonJS package as CommonJS. */
const COMMONJS_EMITTING_MODULES = new Set(['commonjs', 'node16', 'node18', 'node20', 'nodenext']);

/**
 * Whether a CommonJS package's TypeScript must be written with `import x = require()` and `export =`:
 * with `verbatimModuleSyntax` such a file may not use `import … from` or `export function` (TS1295,
 * TS1287). That is what `npm init -y` plus `tsc --init` give today.
 */
export function needsRequireSyntax(root: string): boolean {
  const options = compilerOptions(resolve(root, 'tsconfig.json'), 0);
  const module = typeof options['module'] === 'string' ? options['module'].toLowerCase() : undefined;
  return options['verbatimModuleSyntax'] === true && module !== undefined && COMMONJS_EMITTING_MODULES.has(module);
}

/** `compilerOptions` of a tsconfig file, over those of the relative files it extends. */
function compilerOptions(path: string, depth: number): Record<string, unknown> {
  if (depth > 5 || !existsSync(path)) return {};
  let config: unknown;
  try {
    config = parse(readFileSync(path, 'utf8'), [], { allowTrailingComma: true });
  } catch {
    return {};
  }
  if (typeof config !== 'object' || config === null) return {};
  const { extends: base, compilerOptions: own } = config as { extends?: unknown; compilerOptions?: Record<string, unknown> };
  const inherited = typeof base === 'string' && base.startsWith('.') ? compilerOptions(resolve(dirname(path), base.endsWith('.json') ? base : `${base}.json`), depth + 1) : {};
  return { ...inherited, ...own };
}

/**
 * Whether the project's TypeScript resolves modules as Node does (`node16`, `nodenext`, or a
 * `module` of that kind): relative imports then need the extension of the emitted file.
 */
export function resolvesLikeNode(root: string): boolean {
  const options = compilerOptions(resolve(root, 'tsconfig.json'), 0);
  const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
  const resolution = lower(options['moduleResolution']) ?? lower(options['module']);
  return resolution === 'node16' || resolution === 'nodenext';
}
