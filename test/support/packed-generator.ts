import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT } from './generate.js';

/**
 * The package as users get it: `npm pack` of this repository (its compiled dist/, so build first,
 * as `npm run test:e2e` does), installed with its dependencies into a folder of its own, as
 * `npx generator-configcat-amplitude` would. Packed and installed once per test file that asks,
 * on first use, and shared by all its tests.
 */
export interface PackedGenerator {
  /** The installed bin, `node_modules/.bin/generator-configcat-amplitude`. */
  readonly bin: string;
}

let packed: Promise<PackedGenerator> | undefined;
let workDir: string | undefined;

export function packedGenerator(): Promise<PackedGenerator> {
  packed ??= packAndInstall();
  return packed;
}

/** Removes the installed package (call in afterAll; kept when KEEP_FIXTURE_PROJECTS is set). */
export function removePackedGenerator(): void {
  if (process.env['KEEP_FIXTURE_PROJECTS'] || workDir === undefined) return;
  rmSync(workDir, { recursive: true, force: true });
}

async function packAndInstall(): Promise<PackedGenerator> {
  workDir = mkdtempSync(join(tmpdir(), 'cca-packed-'));
  const { stdout: tarball } = await execa('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: REPO_ROOT });
  const prefix = join(workDir, 'prefix');
  await execa('mkdir', ['-p', prefix]);
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(workDir, tarball.trim())], {
    cwd: prefix,
    env: { NO_UPDATE_NOTIFIER: '1' },
  });
  return { bin: join(prefix, 'node_modules/.bin/generator-configcat-amplitude') };
}
