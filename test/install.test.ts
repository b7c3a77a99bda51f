import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine, installCommandFor, installMessage, installResult, missingPackages, runInstall } from '../generators/lib/install.js';
import { makeTempProject } from './support/temp-project.js';

describe('installCommandFor', () => {
  it.each([
    ['npm', 'npm install'],
    ['pnpm', 'pnpm install --no-frozen-lockfile'],
    ['pnpm@6', 'pnpm install --no-frozen-lockfile'],
    ['yarn', 'yarn install'],
    ['yarn@berry', 'yarn install --no-immutable'],
    ['bun', 'bun install'],
    ['deno', 'npm install'],
  ])('%s: %s', (agent, expected) => {
    expect(commandLine(installCommandFor(agent))).toBe(expected);
  });
});

describe('installResult', () => {
  const pnpm = installCommandFor('pnpm');

  it('tells installed, failed, interrupted and a missing manager apart', () => {
    expect(installResult(pnpm, { exitCode: 0, signal: null })).toEqual({ status: 'installed', command: 'pnpm install --no-frozen-lockfile' });
    expect(installResult(pnpm, { exitCode: 1, signal: null, errorLine: 'ERR_PNPM_NO_MATCHING_VERSION' })).toEqual({
      status: 'failed',
      command: 'pnpm install --no-frozen-lockfile',
      reason: 'pnpm exited with code 1: ERR_PNPM_NO_MATCHING_VERSION',
    });
    expect(installResult(pnpm, { exitCode: null, signal: 'SIGINT' }).status).toBe('interrupted');
    expect(installResult(pnpm, { exitCode: 130, signal: null }).status).toBe('interrupted');
    expect(installResult(pnpm, { exitCode: null, signal: 'SIGKILL' })).toMatchObject({ status: 'failed', reason: 'pnpm was stopped by SIGKILL' });
    expect(installResult(pnpm, { exitCode: null, signal: null, spawnError: 'ENOENT' })).toMatchObject({
      status: 'failed',
      reason: 'pnpm was not found: install it, or put it on PATH',
    });
  });

  it('words what the user reads', () => {
    const failed = installResult(pnpm, { exitCode: 1, signal: null });
    expect(installMessage(failed, '/app')).toBe('Dependencies NOT installed (pnpm exited with code 1): run `pnpm install --no-frozen-lockfile` in /app.');
    expect(installMessage({ status: 'interrupted', command: 'npm install' }, '/app')).toBe('Dependencies NOT installed (interrupted): run `npm install` in /app.');
    expect(installMessage({ status: 'installed', command: 'npm install' }, '/app')).toBeUndefined();
  });
});

describe('runInstall', () => {
  const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });
  const run = (script: string) => runInstall(node(script), { cwd: process.cwd(), stdio: 'pipe' });

  it('reports a clean exit as installed', async () => {
    expect((await run('')).status).toBe('installed');
  });

  it('reports a failure with the line that names the error, never throwing', async () => {
    const result = await run('console.log("resolving"); console.error("ERR! 404 No matching version for is-number@99"); console.error("log in /tmp/x"); process.exit(1)');
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringMatching(/exited with code 1: ERR! 404 No matching version for is-number@99$/) });
  });

  it("picks the error out of a manager's progress lines", async () => {
    const result = await run('console.log("bun install v1.4.5\\nResolved, downloaded and extracted [2]\\nerror: No version matching \\"^999.0.0\\" found"); process.exit(1)');
    expect(result).toMatchObject({ reason: expect.stringMatching(/code 1: error: No version matching "\^999\.0\.0" found$/) });
  });

  it('reports Ctrl-C as interrupted, by signal or by exit code 130', async () => {
    expect((await run('process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 5000)')).status).toBe('interrupted');
    expect((await run('process.exit(130)')).status).toBe('interrupted');
  });

  it('reports a manager that is not installed', async () => {
    const result = await runInstall({ command: 'surely-no-such-package-manager', args: ['install'] }, { cwd: process.cwd(), stdio: 'pipe' });
    expect(result).toEqual({
      status: 'failed',
      command: 'surely-no-such-package-manager install',
      reason: 'surely-no-such-package-manager was not found: install it, or put it on PATH',
    });
  });
});

describe('missingPackages', () => {
  it('finds packages in node_modules from the project up, scoped or not', () => {
    const root = makeTempProject({ 'package.json': {}, 'node_modules/@configcat/sdk/package.json': {}, 'packages/web/package.json': {} });
    const web = join(root, 'packages/web');
    mkdirSync(join(web, 'node_modules/@amplitude/analytics-browser'), { recursive: true });
    expect(missingPackages(web, ['@configcat/sdk', '@amplitude/analytics-browser', 'configcat-react'])).toEqual(['@amplitude/analytics-browser', 'configcat-react']);
    writeFileSync(join(web, 'node_modules/@amplitude/analytics-browser/package.json'), '{}');
    expect(missingPackages(web, ['@configcat/sdk', '@amplitude/analytics-browser'])).toEqual([]);
  });
});
