import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './generate.js';

/**
 * Real toolchains from the registry (a Prettier version with its plugins, Biome, typescript-eslint,
 * Next.js, …), each installed once and shared by every test that needs it: the installed tree is
 * kept under node_modules/.cache, keyed by what was asked for, and hard-linked into each project.
 */
export const TOOLCHAINS_ROOT = join(REPO_ROOT, 'node_modules/.cache/configcat-amplitude-toolchains');

export interface ToolchainRequest {
  /** dependencies and devDependencies, as in a package.json. */
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  /** A package-lock.json to install exactly (`npm ci`), e.g. a fixture's own. */
  readonly packageLock?: string;
}

/** How long a test may wait for another test's install of the same toolchain. */
const INSTALL_WAIT_MS = 10 * 60 * 1000;

/**
 * Installs the toolchain (once per machine and request; concurrent test files wait for the first)
 * and returns the folder whose `node_modules` holds it.
 */
export function installToolchain(request: ToolchainRequest): string {
  const key = createHash('sha256')
    .update(JSON.stringify([process.version, request.dependencies ?? {}, request.devDependencies ?? {}, request.packageLock ?? '']))
    .digest('hex')
    .slice(0, 16);
  const dir = join(TOOLCHAINS_ROOT, key);
  const done = join(dir, '.installed');
  if (existsSync(done)) return dir;
  mkdirSync(TOOLCHAINS_ROOT, { recursive: true });
  const lock = `${dir}.lock`;
  if (!acquire(lock)) {
    waitFor(done, lock);
    if (existsSync(done)) return dir;
    return installToolchain(request);
  }
  try {
    const staging = `${dir}.staging`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const packageJson = { name: 'toolchain', private: true, dependencies: request.dependencies ?? {}, devDependencies: request.devDependencies ?? {} };
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
    if (request.packageLock) writeFileSync(join(staging, 'package-lock.json'), request.packageLock);
    const args = request.packageLock ? ['ci'] : ['install'];
    const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: staging,
      encoding: 'utf8',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    if (result.status !== 0) {
      throw new Error(`npm ${args[0]} of a test toolchain failed (${JSON.stringify(packageJson)}):\n${result.stderr}`);
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    writeFileSync(done, new Date().toISOString());
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Gives a project the toolchain as a real `node_modules` folder of hard links (no data copied;
 * bundlers such as Turbopack refuse a `node_modules` symlinked from outside the project).
 */
export function linkToolchain(toolchainDir: string, projectDir: string): void {
  execFileSync('cp', ['-al', join(toolchainDir, 'node_modules'), join(projectDir, 'node_modules')]);
  // npm rewrites its hidden lockfile in place when it installs into the project (as the generator's
  // install does): through a hard link that write would reach the shared toolchain and every project
  // linked from it. The project gets its own copy.
  const hiddenLockfile = join(projectDir, 'node_modules/.package-lock.json');
  if (existsSync(hiddenLockfile)) {
    const text = readFileSync(hiddenLockfile);
    rmSync(hiddenLockfile);
    writeFileSync(hiddenLockfile, text);
  }
}

/** The package.json dependencies of a fixture, as a toolchain request (with its lockfile if it has one). */
export function toolchainOfProject(projectDir: string): ToolchainRequest {
  const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as ToolchainRequest;
  const lockPath = join(projectDir, 'package-lock.json');
  return {
    ...(packageJson.dependencies ? { dependencies: packageJson.dependencies } : {}),
    ...(packageJson.devDependencies ? { devDependencies: packageJson.devDependencies } : {}),
    ...(existsSync(lockPath) ? { packageLock: readFileSync(lockPath, 'utf8') } : {}),
  };
}

function acquire(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A lock left by a run that was killed is taken over after the wait.
    if (Date.now() - statSync(lock).mtimeMs > INSTALL_WAIT_MS) {
      rmSync(lock, { recursive: true, force: true });
      return acquire(lock);
    }
    return false;
  }
}

function waitFor(done: string, lock: string): void {
  const deadline = Date.now() + INSTALL_WAIT_MS;
  while (!existsSync(done) && existsSync(lock) && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}
