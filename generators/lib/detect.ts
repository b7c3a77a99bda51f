import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { detect as detectPackageManager } from 'package-manager-detector/detect';
import { PACKAGE_MANAGERS, type PackageManagerName } from './answers.js';
import { detectPlatform, SDK_PACKAGES, type PlatformId } from './platforms.js';
import { installedVersion } from './sdk-majors.js';
import { resolvesLikeNode } from './tsconfig-module-syntax.js';
import { UserError } from './user-error.js';

/** Front-end toolchains, each with the prefix its bundler exposes environment variables under. */
export type Framework = 'next' | 'cra' | 'vite' | 'bundler' | 'none';

export interface PackageManager {
  readonly name: PackageManagerName;
  /** package-manager-detector's agent, e.g. `yarn@berry` for Yarn 2 and later. */
  readonly agent: string;
}

export interface ProjectFacts {
  readonly root: string;
  /** package.json as text, so it can be rewritten keeping its own formatting. */
  readonly packageJsonText: string;
  readonly packageJson: PackageJson;
  /** The ranges package.json's pnpm `catalog:` specifiers stand for, by package, where it has any. */
  readonly catalogRanges?: Readonly<Record<string, string>>;
  readonly typescript: boolean;
  readonly moduleSystem: 'esm' | 'cjs';
  readonly framework: Framework;
  readonly defaultPlatform: PlatformId;
  /** `src` when the project has one, `app` for a route-based app (`app/root`), else the project root (`.`). */
  readonly sourceDir: string;
  /** The ConfigCat packages already in package.json. */
  readonly configcatPackages: readonly string[];
  /** The Amplitude packages already in package.json. */
  readonly amplitudePackages: readonly string[];
  /** tsconfig resolves modules as Node does (node16/nodenext): relative imports name the emitted `.js`. */
  readonly resolvesLikeNode: boolean;
  /** The installed version of each of those SDK packages that is installed (it beats the declared range). */
  readonly installedVersions: Readonly<Record<string, string>>;
  /** The project's installed TypeScript, when it has one: the generated TypeScript needs 4.5 or later. */
  readonly typescriptVersion?: string;
  /**
   * The project's toolchain parses type modifiers on import names (`import { type A, b }`): its
   * Prettier, when installed, is 2.5 or later, and its Create React App (Babel) 5 or later.
   */
  readonly parsesInlineTypeImports: boolean;
  readonly packageManager: PackageManager;
}

export interface PackageJson {
  readonly name?: string;
  readonly type?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/** Bundlers with no environment-variable prefix of their own: their presence still means a browser app. */
const BROWSER_BUNDLERS = ['webpack', 'parcel', 'rollup', 'rspack', '@rspack/core', 'esbuild', 'snowpack', 'astro', 'svelte', 'vue'];

/** Reads what the generator needs to know about the project in `root`; touches nothing. */
export async function detectProject(root: string): Promise<ProjectFacts> {
  const packageJsonText = readPackageJsonText(root);
  const packageJson = parsePackageJson(packageJsonText);
  const dependencies = allDependencies(packageJson);
  const framework = detectFramework(dependencies);
  const hasFile = (path: string) => existsSync(join(root, path));
  const catalogRanges = await catalogRangesOf(root, packageJson);
  return {
    root,
    packageJsonText,
    packageJson,
    typescript: existsSync(join(root, 'tsconfig.json')) || dependencies.has('typescript'),
    moduleSystem: packageJson.type === 'module' ? 'esm' : 'cjs',
    framework,
    defaultPlatform: detectPlatform({ dependencies, framework, hasFile }),
    sourceDir: detectSourceDir(hasFile),
    configcatPackages: SDK_PACKAGES.configcat.filter((name) => dependencies.has(name)),
    amplitudePackages: SDK_PACKAGES.amplitude.filter((name) => dependencies.has(name)),
    resolvesLikeNode: resolvesLikeNode(root),
    installedVersions: installedVersionsOf(root, [...SDK_PACKAGES.configcat, ...SDK_PACKAGES.amplitude].filter((name) => dependencies.has(name))),
    packageManager: await detectProjectPackageManager(root),
    ...optional('typescriptVersion', installedVersion(root, 'typescript')),
    parsesInlineTypeImports: atLeast(installedVersion(root, 'prettier'), 2, 5) && atLeast(installedVersion(root, 'react-scripts'), 5, 0),
    ...(catalogRanges ? { catalogRanges } : {}),
  };
}

/** What the `catalog:` specifiers of package.json stand for; the workspace file is read only when there is one. */
async function catalogRangesOf(root: string, packageJson: PackageJson): Promise<Record<string, string> | undefined> {
  const declared = { ...packageJson.peerDependencies, ...packageJson.devDependencies, ...packageJson.dependencies };
  if (!Object.values(declared).some((spec) => typeof spec === 'string' && spec.startsWith('catalog:'))) return undefined;
  const { resolveCatalogRanges } = await import('./pnpm-catalog.js');
  return resolveCatalogRanges(root, declared);
}

/** An installed version is `major.minor` or later; no version (not installed) counts as later. */
function atLeast(version: string | undefined, major: number, minor: number): boolean {
  if (version === undefined) return true;
  const [installedMajor = 0, installedMinor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return installedMajor > major || (installedMajor === major && installedMinor >= minor);
}

/**
 * `src` when the project has one; else `app` for a route-based app (React Router's framework mode
 * and Remix keep their code in `app/`, beside `app/root`); else the project root (`.`).
 */
function detectSourceDir(hasFile: (path: string) => boolean): string {
  if (hasFile('src')) return 'src';
  if (['tsx', 'jsx', 'ts', 'js'].some((extension) => hasFile(`app/root.${extension}`))) return 'app';
  return '.';
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}

function installedVersionsOf(root: string, packages: readonly string[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of packages) {
    const version = installedVersion(root, name);
    if (version) versions[name] = version;
  }
  return versions;
}

function readPackageJsonText(root: string): string {
  const path = join(root, 'package.json');
  if (!existsSync(path)) {
    throw new UserError(`No package.json in ${root}: run this inside your project's folder (or run \`npm init -y\` first).`);
  }
  return readFileSync(path, 'utf8');
}

export function parsePackageJson(text: string): PackageJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`package.json is not valid JSON (${(error as Error).message}): fix it, then run again.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError('package.json must hold a JSON object: fix it, then run again.');
  }
  return parsed as PackageJson;
}

function allDependencies(packageJson: PackageJson): Set<string> {
  return new Set([
    ...Object.keys(packageJson.dependencies ?? {}),
    ...Object.keys(packageJson.devDependencies ?? {}),
    ...Object.keys(packageJson.peerDependencies ?? {}),
  ]);
}

export function detectFramework(dependencies: ReadonlySet<string>): Framework {
  if (dependencies.has('next')) return 'next';
  if (dependencies.has('react-scripts')) return 'cra';
  if (dependencies.has('vite')) return 'vite';
  if (BROWSER_BUNDLERS.some((name) => dependencies.has(name))) return 'bundler';
  return 'none';
}

export async function detectProjectPackageManager(root: string): Promise<PackageManager> {
  // Lockfiles are looked for from the project up to the workspace root, as each manager does.
  const detected = await detectPackageManager({
    cwd: root,
    strategies: ['lockfile', 'packageManager-field', 'devEngines-field'],
    onUnknown: () => null,
  });
  if (!detected || !isSupported(detected.name)) return { name: 'npm', agent: 'npm' };
  if (detected.agent === 'yarn' && isBerryLockfile(root)) return { name: 'yarn', agent: 'yarn@berry' };
  return { name: detected.name, agent: detected.agent };
}

/**
 * A yarn.lock alone does not tell Yarn 1 from Yarn 2+; its format does (a `__metadata` block).
 * Looked for from the project up, as the lockfile itself was found.
 */
function isBerryLockfile(root: string): boolean {
  for (let dir = root; ; dir = dirname(dir)) {
    const lockfile = join(dir, 'yarn.lock');
    if (existsSync(lockfile)) return /^__metadata:/m.test(readFileSync(lockfile, 'utf8'));
    if (dirname(dir) === dir) return false;
  }
}

function isSupported(name: string): name is PackageManagerName {
  return PACKAGE_MANAGERS.some((manager) => manager.value === name);
}
