import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findBiomeOutsideProject, type BiomeFormatterConfiguration } from './biome-not-installed.js';
import { findUp } from './find-up.js';

export type FormatterKind = 'prettier' | 'biome';

/** What a project says about its formatter, read from its files. */
export interface FormatterSignals {
  /**
   * `@biomejs/biome` resolves from the file's folder, a biome.json(c) is found above it, and that
   * configuration does not turn Biome's formatter off.
   */
  readonly biome: boolean;
  /** Command lines the project runs: package.json scripts and lint-staged commands. */
  readonly commands: readonly string[];
  /** Names of dependencies and devDependencies. */
  readonly dependencies: readonly string[];
}

/**
 * Biome formats a project that installs and configures it with its formatter on, unless the
 * project's commands run Prettier (directly, or through eslint-plugin-prettier) and never Biome's
 * formatter (`biome format`, `check` or `ci`): then Biome is there for linting and Prettier has the
 * last word on formatting. When both run, Biome wins: `biome ci` fails on any other formatting.
 */
export function chooseFormatter({ biome, commands, dependencies }: FormatterSignals): FormatterKind {
  if (!biome) return 'prettier';
  const runsPrettier = runsPrettierItself({ commands, dependencies });
  const runsBiomeFormatter = commands.some((command) => /\bbiome\s+(format|check|ci)\b/.test(command));
  return runsPrettier && !runsBiomeFormatter ? 'prettier' : 'biome';
}

/** The project's commands run Prettier, directly or through eslint-plugin-prettier. */
export function runsPrettierItself({ commands, dependencies }: Pick<FormatterSignals, 'commands' | 'dependencies'>): boolean {
  return commands.some((command) => /(^|[\s/'"&|;(])prettier(\s|$)/.test(command)) || dependencies.includes('eslint-plugin-prettier');
}

/**
 * Biome formats code and JSON; Markdown only from the releases that have a Markdown formatter
 * (their configuration schema has a `markdown` section). Anything else goes to Prettier.
 */
export function biomeFormats(path: string, biome: BiomeInstall): boolean {
  if (/\.(?:[cm]?[jt]sx?|jsonc?)$/.test(path)) return true;
  return /\.md$/.test(path) && biomeFormatsMarkdown(biome.packageDir);
}

const markdownSupport = new Map<string, boolean>();

function biomeFormatsMarkdown(packageDir: string): boolean {
  let supported = markdownSupport.get(packageDir);
  if (supported === undefined) {
    try {
      supported = readFileSync(join(packageDir, 'configuration_schema.json'), 'utf8').includes('"MarkdownConfiguration"');
    } catch {
      supported = false;
    }
    markdownSupport.set(packageDir, supported);
  }
  return supported;
}

export interface BiomeInstall {
  /** The folder of the installed `@biomejs/biome` package. */
  readonly packageDir: string;
  readonly version: string;
  /** The nearest biome.json or biome.jsonc above the file. */
  readonly configFile: string;
  /** Not the project's own install: the copy `npx @biomejs/biome` runs, from npm's cache, or a global one. */
  readonly outsideProject?: boolean;
}

/** The nearest Biome configuration above a file. */
export function findBiomeConfig(absolutePath: string): string | undefined {
  return findUp(dirname(absolutePath), ['biome.json', 'biome.jsonc']);
}

/**
 * The project's Biome for a file, if it configures one: its installed `@biomejs/biome`, else the
 * copy that runs its `npx @biomejs/biome` (see biome-not-installed.ts).
 */
export function findBiome(absolutePath: string): BiomeInstall | undefined {
  const configFile = findBiomeConfig(absolutePath);
  if (!configFile) return undefined;
  const installed = resolveFrom(absolutePath, '@biomejs/biome/package.json');
  const packageJsonPath = installed ?? findBiomeOutsideProject(configFile);
  if (!packageJsonPath) return undefined;
  const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string };
  return { packageDir: dirname(packageJsonPath), version, configFile, ...(installed ? {} : { outsideProject: true }) };
}

function resolveFrom(absolutePath: string, request: string): string | undefined {
  try {
    return createRequire(absolutePath).resolve(request);
  } catch {
    return undefined;
  }
}

/** A Biome configuration's sections, read as Biome reads JSONC; empty when it does not parse. */
export function readBiomeConfig(configFile: string): BiomeFormatterConfiguration {
  try {
    return JSON.parse(withoutJsoncExtras(readFileSync(configFile, 'utf8'))) as BiomeFormatterConfiguration;
  } catch {
    return {};
  }
}

/**
 * Whether a Biome configuration leaves its formatter on for JavaScript and TypeScript (the
 * default). Unreadable text counts as on: Biome itself reports what is wrong with it.
 */
export function biomeFormatterEnabled(configText: string): boolean {
  type Section = { formatter?: { enabled?: unknown } };
  let config: Section & { javascript?: Section };
  try {
    config = JSON.parse(withoutJsoncExtras(configText)) as typeof config;
  } catch {
    return true;
  }
  return config.formatter?.enabled !== false && config.javascript?.formatter?.enabled !== false;
}

/** JSONC as Biome reads it (comments, trailing commas) turned into JSON; strings are left alone. */
function withoutJsoncExtras(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (token) => (token.startsWith('"') ? token : ''))
    .replace(/"(?:[^"\\]|\\.)*"|,(\s*[}\]])/g, (token, closing: string | undefined) => closing ?? token);
}

/** What the package.json at `projectRoot` and the Biome configuration, if any, say about formatting. */
export function readFormatterSignals(projectRoot: string, biome: Pick<BiomeInstall, 'configFile'> | undefined): FormatterSignals {
  let packageJson: { scripts?: unknown; dependencies?: unknown; devDependencies?: unknown; 'lint-staged'?: unknown } = {};
  try {
    packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as typeof packageJson;
  } catch {
    // Detection already reported a missing or malformed package.json; formatting needs none.
  }
  return {
    biome: biome !== undefined && biomeFormatterEnabled(readFileSync(biome.configFile, 'utf8')),
    commands: [...strings(packageJson.scripts), ...strings(packageJson['lint-staged'])],
    dependencies: [...keys(packageJson.dependencies), ...keys(packageJson.devDependencies)],
  };
}

/** Every string inside a JSON value (lint-staged maps globs to a command or a list of them). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function keys(value: unknown): string[] {
  return value && typeof value === 'object' ? Object.keys(value) : [];
}
