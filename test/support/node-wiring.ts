import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject, linkNodeModules, REPO_ROOT, type GeneratedProject } from './generate.js';

/** The compiler the projects would use: this repository's TypeScript (5.9), never a global one. */
export const TSC = join(REPO_ROOT, 'node_modules/.bin/tsc');

export type ModuleSystem = 'esm' | 'cjs';
export type Language = 'ts' | 'js';

/** A Node project to generate the wiring into. */
export interface NodeProjectSpec {
  readonly name: string;
  readonly language: Language;
  readonly moduleSystem: ModuleSystem;
  /** Extra dependencies the project already declares (e.g. `configcat-node`, `@amplitude/analytics-node`). */
  readonly dependencies?: Readonly<Record<string, string>>;
  /** Generator options, camelCased. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The project's tsconfig.json before generation (TypeScript projects; `{}` by default). */
  readonly tsconfig?: object;
}

export interface GeneratedNodeProject extends Omit<GeneratedProject, 'result'> {
  readonly spec: NodeProjectSpec;
  /** Path of the wiring module relative to the project root. */
  readonly wiringPath: string;
  readonly wiring: string;
}

/**
 * Generates the Node wiring into a fresh project, as a user would run the generator there. The
 * project is copied out of yeoman-test's folder, which the next run deletes, so it stays usable.
 */
export async function generateNodeProject(spec: NodeProjectSpec): Promise<GeneratedNodeProject> {
  const files: Record<string, string> = { [`src/index.${spec.language}`]: '' };
  if (spec.language === 'ts') files['tsconfig.json'] = `${JSON.stringify(spec.tsconfig ?? {})}\n`;
  const project = await generateProject({
    packageJson: {
      name: `node-${spec.name}`,
      version: '1.0.0',
      private: true,
      ...(spec.moduleSystem === 'esm' ? { type: 'module' } : {}),
      dependencies: { ...spec.dependencies },
      ...(spec.language === 'ts' ? { devDependencies: { typescript: '~5.9.3', '@types/node': '^20.0.0' } } : {}),
    },
    files,
    options: { platform: 'node', language: spec.language, ...spec.options },
    linkNodeModules: false,
  });
  const dir = mkdtempSync(join(tmpdir(), `configcat-amplitude-${spec.name}-`));
  cpSync(project.dir, dir, { recursive: true });
  linkNodeModules(dir);
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const wiringPath = `src/configcat-amplitude.${spec.language}`;
  return { dir, read, spec, wiringPath, wiring: read(wiringPath) };
}

export interface ProcessResult {
  readonly code: number | null;
  readonly output: string;
}

/** Runs the real `tsc` with a timeout; never rejects, so the caller can print its output. */
export function runTsc(args: readonly string[], cwd: string): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(TSC, [...args], { cwd, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, output: `${stdout}${stderr}${error && code === null ? String(error) : ''}` });
    });
  });
}
