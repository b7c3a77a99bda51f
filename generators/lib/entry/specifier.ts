import { posix } from 'node:path';

export interface SpecifierStyle {
  /**
   * How the project names TypeScript modules: `js` for Node's ES modules under `nodenext` (and
   * projects whose imports already say `.js`), `none` for bundlers and CommonJS, `ts` for
   * `allowImportingTsExtensions` projects (Vite's templates write `./App.tsx`).
   */
  readonly extension: 'js' | 'none' | 'ts';
  /** tsconfig `compilerOptions.paths` aliases the project uses, e.g. `{ '@/*': ['./src/*'] }`, with `baseUrl`. */
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  readonly baseUrl?: string;
}

/**
 * How `fromFile` imports `targetFile` (both relative to the project root, forward slashes), in the
 * project's style: through a `paths` alias when one maps the target, else a relative path.
 */
export function importSpecifier(fromFile: string, targetFile: string, style: SpecifierStyle): string {
  const target = withExtension(targetFile, style.extension);
  const alias = aliasFor(target, style);
  if (alias) return alias;
  const relative = posix.relative(posix.dirname(fromFile), target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function withExtension(file: string, extension: SpecifierStyle['extension']): string {
  const typescript = /\.[cm]?tsx?$/.test(file);
  if (!typescript) return file;
  if (extension === 'ts') return file;
  const bare = file.replace(/\.([cm]?)tsx?$/, '');
  if (extension === 'none') return bare;
  const kind = /\.([cm]?)tsx?$/.exec(file)?.[1] ?? '';
  return `${bare}.${kind}js`;
}

function aliasFor(target: string, style: SpecifierStyle): string | undefined {
  const base = style.baseUrl ?? '.';
  for (const [pattern, replacements] of Object.entries(style.paths ?? {})) {
    if (!pattern.endsWith('/*')) continue;
    for (const replacement of replacements) {
      if (!replacement.endsWith('/*')) continue;
      const folder = posix.normalize(posix.join(base, replacement.slice(0, -2)));
      const prefix = folder === '.' ? '' : `${folder}/`;
      if (target.startsWith(prefix)) return `${pattern.slice(0, -1)}${target.slice(prefix.length)}`;
    }
  }
  return undefined;
}

/**
 * Reads the style off the relative imports the file already has: `./App.tsx` → `ts`, `./greeting.js`
 * → `js`, `./App` → `none`; `undefined` when the file has none to go by. `usesAlias` says whether
 * it imports through one of the `paths` aliases.
 */
export function observedSpecifierStyle(code: string, aliases: readonly string[] = []): { extension?: SpecifierStyle['extension']; usesAlias: boolean } {
  const specifiers = [...code.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  const relative = specifiers.filter((s) => s.startsWith('./') || s.startsWith('../'));
  const codeModules = relative.filter((s) => !/\.(css|scss|sass|less|svg|png|jpe?g|gif|webp|json|vue)$/.test(s));
  const prefixes = aliases.map((alias) => alias.replace(/\*$/, ''));
  const usesAlias = specifiers.some((s) => prefixes.some((prefix) => prefix !== '' && s.startsWith(prefix)));
  const last = codeModules.at(-1);
  if (!last) return { usesAlias };
  if (/\.[cm]?tsx?$/.test(last)) return { extension: 'ts', usesAlias };
  if (/\.[cm]?jsx?$/.test(last)) return { extension: 'js', usesAlias };
  return { extension: 'none', usesAlias };
}
