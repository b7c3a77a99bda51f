import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCommandFor, missingPackages, runInstall, type Command } from '../generators/lib/install.js';
import { addDependencies } from '../generators/lib/package-json.js';
import { catalogDependencies } from '../generators/lib/pnpm-catalog.js';
import { makeTempProject } from './support/temp-project.js';
import { installToolchain } from './support/toolchain.js';

/**
 * Each package manager, as installed from the npm registry (npm is the one that runs these tests),
 * installing a dependency the generator added to package.json, under `CI=true` as in a CI job.
 */
const BUN_PACKAGE = `@oven/bun-${process.platform}-${process.arch}`;
const MANAGERS = {
  npm: { agent: 'npm', bin: undefined, lockfile: 'package-lock.json', locks: /"node_modules\/is-number": \{\s+"version": "7\./ },
  pnpm: { agent: 'pnpm', bin: 'pnpm/pnpm', lockfile: 'pnpm-lock.yaml', locks: /^ {2}is-number@7\.0\.0:/m },
  'yarn 1': { agent: 'yarn', bin: 'yarn/bin/yarn.js', lockfile: 'yarn.lock', locks: /^is-number@\^7\.0\.0:\n {2}version "7\./m },
  'yarn berry': { agent: 'yarn@berry', bin: '@yarnpkg/cli-dist/bin/yarn.js', lockfile: 'yarn.lock', locks: /^"is-number@npm:\^7\.0\.0":\n {2}version: 7\./m },
  bun: { agent: 'bun', bin: `${BUN_PACKAGE}/bin/bun`, lockfile: 'bun.lock', locks: /"is-number": \["is-number@7\./ },
} as const;
type ManagerName = keyof typeof MANAGERS;

/**
 * package.json as its owner wrote it: tabs, a one-line array. Yarn 2+ rewrites package.json on
 * every install (even `--immutable`) through JSON.stringify, so a Yarn 2+ project's file is
 * already in that form: its fixture has no one-line array.
 */
function ownPackageJson(manager: ManagerName, extra: Record<string, unknown> = {}): string {
  const oneLine = manager === 'yarn berry' ? '[\n\t\t\t"src/index.ts"\n\t\t]' : '["src/index.ts"]';
  const fields = Object.entries({ name: 'app', version: '1.0.0', private: true, ...extra })
    .map(([key, value]) => `\t${JSON.stringify(key)}: ${JSON.stringify(value)},\n`)
    .join('');
  return `{\n${fields}\t"tsup": {\n\t\t"entry": ${oneLine}\n\t},\n\t"dependencies": {\n\t\t"isarray": "2.0.5"\n\t}\n}\n`;
}

let binDirs: Record<ManagerName, string | undefined>;

beforeAll(() => {
  const toolchain = installToolchain({
    dependencies: { pnpm: '12.4.2', yarn: '1.22.22', '@yarnpkg/cli-dist': '4.18.1', [BUN_PACKAGE]: '1.4.5' },
  });
  // One folder per manager on PATH: both Yarns call their binary `yarn`.
  const root = makeTempProject({}, 'cca-managers-');
  binDirs = Object.fromEntries(
    Object.entries(MANAGERS).map(([name, { bin }]) => {
      if (!bin) return [name, undefined];
      const dir = join(root, name.replace(' ', '-'));
      mkdirSync(dir);
      symlinkSync(join(toolchain, 'node_modules', bin), join(dir, bin.endsWith('bun') ? 'bun' : bin.startsWith('pnpm') ? 'pnpm' : 'yarn'));
      return [name, dir];
    }),
  ) as typeof binDirs;
});

function environment(manager: ManagerName, ci: boolean): NodeJS.ProcessEnv {
  const binDir = binDirs[manager];
  const { CI: _ci, ...env } = process.env;
  return { ...env, ...(ci ? { CI: 'true' } : {}), PATH: binDir ? `${binDir}:${process.env.PATH}` : process.env.PATH, NO_UPDATE_NOTIFIER: '1' };
}

/** The state a user's project is in: dependencies installed, the lockfile committed. */
function installAsOwner(manager: ManagerName, dir: string): void {
  const { command, args } = installCommandFor(MANAGERS[manager].agent);
  const result = spawnSync(command, args, { cwd: dir, env: environment(manager, false), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} install in the fixture failed:\n${result.stdout}\n${result.stderr}`);
}

function addIsNumber(dir: string): string {
  const edited = addDependencies(readFileSync(join(dir, 'package.json'), 'utf8'), { 'is-number': '^7.0.0' });
  writeFileSync(join(dir, 'package.json'), edited);
  return edited;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe.each(Object.keys(MANAGERS) as ManagerName[])('%s', (manager) => {
  const { agent, lockfile, locks } = MANAGERS[manager];
  const command = installCommandFor(agent);

  it('installs an added dependency under CI=true, package.json as the generator edited it', async () => {
    const dir = makeTempProject({ 'package.json': ownPackageJson(manager), ...(manager.startsWith('yarn') ? { 'yarn.lock': '' } : {}) });
    installAsOwner(manager, dir);
    const edited = addIsNumber(dir);
    expect(missingPackages(dir, ['is-number', 'isarray'])).toEqual(['is-number']);

    const result = await runInstall(command, { cwd: dir, env: environment(manager, true), stdio: 'pipe' });

    expect(result).toEqual({ status: 'installed', command: [command.command, ...command.args].join(' ') });
    expect(read(dir, 'package.json')).toBe(edited);
    expect(read(dir, lockfile)).toMatch(locks);
    expect(missingPackages(dir, ['is-number', 'isarray'])).toEqual([]);
  });

  it('installs in a workspace package, the lockfile at the root', async () => {
    const workspaces = manager === 'pnpm' ? {} : { workspaces: ['packages/*'] };
    const dir = makeTempProject({
      'package.json': { name: 'monorepo', private: true, ...workspaces },
      'packages/web/package.json': ownPackageJson(manager, { name: 'web' }),
      ...(manager === 'pnpm' ? { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n' } : {}),
      ...(manager.startsWith('yarn') ? { 'yarn.lock': '' } : {}),
    });
    const web = join(dir, 'packages/web');
    installAsOwner(manager, dir);
    const edited = addIsNumber(web);

    const result = await runInstall(command, { cwd: web, env: environment(manager, true), stdio: 'pipe' });

    expect(result.status).toBe('installed');
    expect(read(web, 'package.json')).toBe(edited);
    expect(read(dir, lockfile)).toMatch(locks);
    expect(missingPackages(web, ['is-number', 'isarray'])).toEqual([]);
  });
});

describe('failures', () => {
  it("pnpm's plain install under CI=true refuses the edited package.json: the failure names the command", async () => {
    const dir = makeTempProject({ 'package.json': ownPackageJson('pnpm') });
    installAsOwner('pnpm', dir);
    addIsNumber(dir);
    const plain: Command = { command: 'pnpm', args: ['install'] };

    const result = await runInstall(plain, { cwd: dir, env: environment('pnpm', true), stdio: 'pipe' });

    expect(result).toMatchObject({ status: 'failed', command: 'pnpm install', reason: expect.stringContaining('ERR_PNPM_OUTDATED_LOCKFILE') });
    expect(missingPackages(dir, ['is-number'])).toEqual(['is-number']);
  });

  it('a version that does not exist fails with the command to run again', async () => {
    const dir = makeTempProject({ 'package.json': ownPackageJson('npm') });
    writeFileSync(join(dir, 'package.json'), addDependencies(read(dir, 'package.json'), { 'is-number': '^999.0.0' }));

    const result = await runInstall(installCommandFor('npm'), { cwd: dir, env: environment('npm', true), stdio: 'pipe' });

    expect(result).toMatchObject({ status: 'failed', command: 'npm install', reason: expect.stringMatching(/^npm exited with code 1: .*(ETARGET|No matching version)/) });
  });
});

describe('pnpm catalogs', () => {
  it("adds to the workspace's default catalog, names it in package.json, and pnpm installs it under CI=true", async () => {
    const workspaceYaml = '# versions for every package\ncatalogs:\n  frontend:\n    isarray: 2.0.5 # pinned\n';
    const dir = makeTempProject({
      'package.json': { name: 'app', private: true, dependencies: { isarray: 'catalog:frontend' } },
      'pnpm-workspace.yaml': workspaceYaml,
    });
    installAsOwner('pnpm', dir);
    const cataloged = catalogDependencies(dir, { isarray: 'catalog:frontend' }, { 'is-number': '^7.0.0' });
    expect(cataloged).toEqual({
      specifiers: { 'is-number': 'catalog:' },
      workspace: { path: join(dir, 'pnpm-workspace.yaml'), before: workspaceYaml, after: `${workspaceYaml}catalog:\n  is-number: ^7.0.0\n` },
    });
    writeFileSync(join(dir, 'package.json'), addDependencies(read(dir, 'package.json'), cataloged!.specifiers));
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), cataloged!.workspace!.after);

    const result = await runInstall(installCommandFor('pnpm'), { cwd: dir, env: environment('pnpm', true), stdio: 'pipe' });

    expect(result.status).toBe('installed');
    expect(read(dir, 'pnpm-lock.yaml')).toMatch(/^ {2}is-number@7\.0\.0:/m);
    expect(missingPackages(dir, ['is-number', 'isarray'])).toEqual([]);
  });
});
