import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helpers, { type RunResult } from 'yeoman-test';
import type AppGenerator from '../../generators/app/index.js';
import type GuideGenerator from '../../generators/guide/index.js';
import type RemoveGenerator from '../../generators/remove/index.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The compiled generators, as yo and the bin load them (`npm test` builds first). */
export const APP_GENERATOR = join(REPO_ROOT, 'dist/generators/app/index.js');
export const GUIDE_GENERATOR = join(REPO_ROOT, 'dist/generators/guide/index.js');
export const REMOVE_GENERATOR = join(REPO_ROOT, 'dist/generators/remove/index.js');

/** Files of a test project by path: text as is, objects as JSON. */
export type ProjectFiles = Record<string, string | Record<string, unknown>>;

type RunSettings = Parameters<typeof helpers.run>[1];
type EnvironmentOptions = Parameters<typeof helpers.run>[2];

/** yeoman-test's runner typed with the generator's own options (every command-line option). */
export const runApp = (settings?: RunSettings, environmentOptions?: EnvironmentOptions) =>
  helpers.run<AppGenerator>(APP_GENERATOR, settings, environmentOptions);
export const runGuide = (settings?: RunSettings, environmentOptions?: EnvironmentOptions) =>
  helpers.run<GuideGenerator>(GUIDE_GENERATOR, settings, environmentOptions);

export const runRemove = (settings?: RunSettings, environmentOptions?: EnvironmentOptions) =>
  helpers.run<RemoveGenerator>(REMOVE_GENERATOR, settings, environmentOptions);

export interface ProjectSpec {
  /** package.json content; written with 2-space indentation. */
  readonly packageJson: object;
  /** Other files of the project, by path. */
  readonly files?: ProjectFiles;
  /** Generator options, as on the command line but camelCased (e.g. `trackDefaultValues`). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Link this repository's node_modules into the project so it builds with the real SDKs. */
  readonly linkNodeModules?: boolean;
}

export interface GeneratedProject {
  readonly dir: string;
  readonly result: RunResult;
  read(path: string): string;
}

/**
 * Runs the real (compiled) generator non-interactively in a new temporary project, as a user
 * would, without installing: the SDKs come from this repository's devDependencies.
 */
export async function generateProject(spec: ProjectSpec): Promise<GeneratedProject> {
  const files: ProjectFiles = { 'package.json': `${JSON.stringify(spec.packageJson, null, 2)}\n`, ...spec.files };
  const result = await runApp()
    .withFiles(files)
    .commitFiles()
    .withOptions({ yes: true, skipInstall: true, ...spec.options });
  const dir = result.cwd;
  if (spec.linkNodeModules ?? true) linkNodeModules(dir);
  return { dir, result, read: (path) => readFileSync(join(dir, path), 'utf8') };
}

export function linkNodeModules(projectDir: string): void {
  mkdirSync(dirname(join(projectDir, 'node_modules')), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(projectDir, 'node_modules'), 'dir');
}
