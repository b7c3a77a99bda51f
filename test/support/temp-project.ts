import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT } from './generate.js';

export const BIN = join(REPO_ROOT, 'dist/bin/cli.js');

/** Writes files (objects as JSON) into a new folder under the system temp folder. */
export function makeTempProject(files: Readonly<Record<string, string | object>>, prefix = 'cca-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Readonly<Record<string, string | object>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Runs the package's bin as a user would, with no terminal on stdin; never throws. */
/** Yeoman logs to stderr: `all` holds everything the user sees, in order. */
export function runBin(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    all: true,
    timeout: 90_000,
    env: { NO_UPDATE_NOTIFIER: '1', ...env },
  });
}

/** A git repository of the project, so a test can ask what a run changed. */
export async function gitSnapshot(dir: string): Promise<void> {
  await execa('git', ['init', '-q'], { cwd: dir });
  await execa('git', ['add', '-A'], { cwd: dir });
  await execa('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'snapshot'], { cwd: dir });
}

export async function gitStatus(dir: string): Promise<string> {
  const { stdout } = await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir });
  return stdout;
}
