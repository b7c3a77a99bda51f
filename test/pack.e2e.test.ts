import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/generate.js';

/** yo refuses to run as root: it switches to this uid, which must own every folder it touches. */
const YO_UID = 1000;

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid);
}

/** Names of the packages in a node_modules folder, nested ones included. */
function installedPackages(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.name.startsWith('@')
        ? installedPackages(join(nodeModules, entry.name)).map((name) => `${entry.name}/${name}`)
        : [entry.name, ...installedPackages(join(nodeModules, entry.name, 'node_modules'))],
    )
    .sort();
}

describe('the published package', () => {
  it('installs as itself and Prettier, and generates a Node project through `yo configcat-amplitude`', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cca-pack-'));
    const { stdout: tarball } = await execa('npm', ['pack', '--silent', '--pack-destination', work], { cwd: REPO_ROOT });
    const yoVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/yo/package.json'), 'utf8')) as { version: string }).version;

    // The package alone, as `npx generator-configcat-amplitude` installs it; yo beside it, as a global yo finds it.
    const prefix = join(work, 'prefix');
    const yoPrefix = join(work, 'yo');
    const project = join(work, 'project');
    const home = join(work, 'home');
    for (const dir of [prefix, yoPrefix, project, home]) await execa('mkdir', ['-p', dir]);
    for (const dir of [prefix, yoPrefix]) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball.trim())], { cwd: prefix });
    expect(installedPackages(join(prefix, 'node_modules'))).toEqual(['generator-configcat-amplitude', 'prettier']);
    await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `yo@${yoVersion}`], { cwd: yoPrefix });
    writeFileSync(join(project, 'package.json'), '{\n  "name": "service",\n  "type": "module"\n}\n');
    if (process.getuid?.() === 0) chownTree(work, YO_UID);

    const run = await execa('node', [join(yoPrefix, 'node_modules/yo/lib/cli.js'), 'configcat-amplitude', '--yes', '--platform', 'node', '--skip-install'], {
      cwd: project,
      stdin: 'ignore',
      reject: false,
      timeout: 120_000,
      all: true,
      env: { HOME: home, NODE_PATH: join(prefix, 'node_modules'), NO_UPDATE_NOTIFIER: '1' },
    });
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).not.toMatch(/error/i);
    expect(run.all).toContain("import { createConfigCatClient, initAmplitude, flushAmplitudeExposures } from './configcat-amplitude.js';");

    const wiring = readFileSync(join(project, 'configcat-amplitude.js'), 'utf8');
    expect(wiring).toMatch(/export function sendExposureToAmplitude/);
    expect(existsSync(join(project, 'docs/configcat-amplitude.md'))).toBe(true);
    const packageJson = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@amplitude/analytics-node', '@configcat/sdk']);
    const saved = JSON.parse(readFileSync(join(project, '.yo-rc.json'), 'utf8'))['generator-configcat-amplitude'];
    expect(saved.answers.platform).toBe('node');

    // The installed bin, as `npx generator-configcat-amplitude guide` runs it: the guide is current.
    const guide = await execa(join(prefix, 'node_modules/.bin/generator-configcat-amplitude'), ['guide', '--yes'], {
      cwd: project,
      stdin: 'ignore',
      reject: false,
      all: true,
      env: { NO_UPDATE_NOTIFIER: '1' },
    });
    expect(guide.exitCode, guide.all).toBe(0);
    expect(guide.all).toContain('docs/configcat-amplitude.md is up to date.');
  }, 300_000);
});
