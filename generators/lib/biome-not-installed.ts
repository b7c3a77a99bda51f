import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { compareVersions, parseVersion, type Version } from './sdk-majors.js';

/**
 * A project can configure Biome (a biome.json) and run it without installing it: `npx @biomejs/biome
 * check`, or a global install. What it formats with is then the copy in npm's npx cache or the
 * global one. This finds that copy, of the major the configuration's `$schema` names when it names
 * one (a Biome 1 configuration does not load in Biome 2), newest first. Nothing is downloaded.
 */
export function findBiomeOutsideProject(configFile: string, searched: readonly string[] = (locations ??= biomeLocations())): string | undefined {
  const wantedMajor = schemaMajor(readText(configFile));
  let best: { packageJsonPath: string; version: Version } | undefined;
  for (const packageJsonPath of searched) {
    const version = versionOf(packageJsonPath);
    if (!version || (wantedMajor !== undefined && version[0] !== wantedMajor)) continue;
    if (!best || compareVersions(version, best.version) > 0) best = { packageJsonPath, version };
  }
  return best?.packageJsonPath;
}

/** Where the copies are does not change during a run: the cache folder is listed once. */
let locations: string[] | undefined;

/** `package.json` paths of the Biome copies in npm's npx cache and in the global `node_modules`. */
function biomeLocations(): string[] {
  const cache = process.env['npm_config_cache'] ?? (process.platform === 'win32' ? join(process.env['LOCALAPPDATA'] ?? homedir(), 'npm-cache') : join(homedir(), '.npm'));
  const npx = join(cache, '_npx');
  const inCache = existsSync(npx) ? readdirSync(npx).map((entry) => join(npx, entry, 'node_modules/@biomejs/biome/package.json')) : [];
  // npm's global prefix: its `prefix` setting, else the folder Node is installed in.
  const prefix = process.env['npm_config_prefix'] ?? (process.platform === 'win32' ? dirname(process.execPath) : dirname(dirname(process.execPath)));
  const globalRoot = process.platform === 'win32' ? join(prefix, 'node_modules') : join(prefix, 'lib/node_modules');
  return [...inCache, join(globalRoot, '@biomejs/biome/package.json')].filter((path) => existsSync(path));
}

/** `https://biomejs.dev/schemas/2.0.0/schema.json` → 2. */
function schemaMajor(configText: string | undefined): number | undefined {
  const match = /"\$schema"\s*:\s*"[^"]*?schemas\/(\d+)\.\d+\.\d+\/schema\.json"/.exec(configText ?? '');
  return match ? Number(match[1]) : undefined;
}

function versionOf(packageJsonPath: string): Version | undefined {
  const text = readText(packageJsonPath);
  try {
    const { version } = JSON.parse(text ?? '') as { version?: string };
    return version === undefined ? undefined : parseVersion(version);
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

type BiomeFormatterSection = Partial<Record<'indentStyle' | 'indentWidth' | 'lineWidth' | 'lineEnding' | 'bracketSpacing', unknown>>;
type BiomeJavaScriptFormatter = BiomeFormatterSection & Partial<Record<'quoteStyle' | 'jsxQuoteStyle' | 'semicolons' | 'trailingCommas' | 'trailingComma' | 'arrowParentheses' | 'bracketSameLine' | 'quoteProperties', unknown>>;

/** The formatting sections of a Biome configuration (1.x and 2.x alike). */
export interface BiomeFormatterConfiguration {
  readonly formatter?: BiomeFormatterSection;
  readonly javascript?: { readonly formatter?: BiomeJavaScriptFormatter };
}

/**
 * Prettier options that print what Biome's formatter prints under a configuration (Biome's
 * formatter follows Prettier's output by design), Biome's defaults included: tabs, width 80, double
 * quotes, semicolons, trailing commas everywhere. For a Biome that cannot be run.
 */
export function prettierOptionsFromBiome(config: BiomeFormatterConfiguration): Record<string, unknown> {
  const general = config.formatter ?? {};
  const js: BiomeJavaScriptFormatter = { ...general, ...(config.javascript?.formatter ?? {}) };
  const trailing = js.trailingCommas ?? js.trailingComma ?? 'all';
  return {
    useTabs: (js.indentStyle ?? 'tab') === 'tab',
    tabWidth: typeof js.indentWidth === 'number' ? js.indentWidth : 2,
    printWidth: typeof js.lineWidth === 'number' ? js.lineWidth : 80,
    endOfLine: js.lineEnding === 'crlf' ? 'crlf' : js.lineEnding === 'cr' ? 'cr' : 'lf',
    singleQuote: js.quoteStyle === 'single',
    jsxSingleQuote: js.jsxQuoteStyle === 'single',
    semi: js.semicolons !== 'asNeeded',
    trailingComma: trailing === 'none' ? 'none' : trailing === 'es5' ? 'es5' : 'all',
    arrowParens: js.arrowParentheses === 'asNeeded' ? 'avoid' : 'always',
    bracketSpacing: js.bracketSpacing !== false,
    bracketSameLine: js.bracketSameLine === true,
    quoteProps: js.quoteProperties === 'preserve' ? 'preserve' : 'as-needed',
  };
}
