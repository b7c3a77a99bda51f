import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What this generator uses of Prettier 2 and 3 alike (2's `format` returns a string, 3's a promise). */
export interface PrettierApi {
  format(text: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(filePath: string, options: { editorconfig: boolean }): Promise<Record<string, unknown> | null>;
  resolveConfigFile(filePath?: string): Promise<string | null>;
}

export interface ProjectPrettier {
  readonly version: string;
  readonly major: number;
  /** The folder of the installed package. */
  readonly packageDir: string;
  readonly api: PrettierApi;
}

/** Loaded once per installed copy: a run formats several files with the same one. */
const loaded = new Map<string, Promise<ProjectPrettier>>();

/**
 * The Prettier the project has installed for this file, found as Node resolves `prettier` from
 * the file's folder (so a workspace root's copy counts), or undefined when it has none.
 */
export function loadProjectPrettier(absolutePath: string): Promise<ProjectPrettier> | undefined {
  let packageJsonPath: string;
  let version: string;
  try {
    packageJsonPath = createRequire(absolutePath).resolve('prettier/package.json');
    ({ version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string });
  } catch {
    return undefined;
  }
  // Prettier 1 (long unsupported, sometimes hoisted in by an old tool) has another API: the bundled one formats instead.
  if (!(Number.parseInt(version, 10) >= 2)) return undefined;
  let loading = loaded.get(packageJsonPath);
  if (!loading) {
    loading = load(packageJsonPath, version);
    loaded.set(packageJsonPath, loading);
  }
  return loading;
}

async function load(packageJsonPath: string, version: string): Promise<ProjectPrettier> {
  const packageDir = dirname(packageJsonPath);
  const major = Number.parseInt(version, 10);
  const requireFromPrettier = createRequire(packageJsonPath);
  // Prettier 3 ships an ES module entry beside its CommonJS one; Prettier 2 is CommonJS only.
  const esmEntry = join(packageDir, 'index.mjs');
  const module = (major >= 3 && existsSync(esmEntry)
    ? await import(pathToFileURL(esmEntry).href)
    : requireFromPrettier(packageDir)) as PrettierApi & { default?: PrettierApi };
  const api = typeof module.format === 'function' ? module : module.default!;
  return { version, major, packageDir, api };
}

/**
 * Plugins named in a configuration, resolved from the configuration file's folder as the
 * project's Prettier CLI and editor integrations find them (Prettier's API resolves bare names
 * from the working directory instead). A name that does not resolve is left for Prettier to report.
 */
export function resolvePluginsFrom(configFile: string | null, plugins: unknown): unknown {
  if (!configFile || !Array.isArray(plugins)) return plugins;
  const requireFromConfig = createRequire(configFile);
  return plugins.map((plugin) => {
    if (typeof plugin !== 'string' || isAbsolute(plugin)) return plugin;
    try {
      return requireFromConfig.resolve(plugin);
    } catch {
      return plugin;
    }
  });
}
