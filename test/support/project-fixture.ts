import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { close, listen } from './config-server.js';
import { REPO_ROOT } from './generate.js';

export const FIXTURES_ROOT = join(REPO_ROOT, 'test/fixtures');
export const CLI = join(REPO_ROOT, 'dist/bin/cli.js');

/**
 * Copies a fixture to a new folder under the system's temporary folder: outside this repository,
 * because package-manager detection walks up looking for lockfiles.
 */
export function copyFixture(name: string): string {
  const parent = mkdtempSync(join(tmpdir(), `cca-${name}-`));
  createdFolders.push(parent);
  const dir = join(parent, name);
  cpSync(join(FIXTURES_ROOT, name), dir, { recursive: true });
  return dir;
}

const createdFolders: string[] = [];

/** Removes the temporary projects (set KEEP_FIXTURE_PROJECTS=1 to look at them after a failure). */
export function removeCopiedFixtures(): void {
  if (process.env['KEEP_FIXTURE_PROJECTS']) return;
  for (const folder of createdFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * A real `node_modules` folder whose files are hard links to this repository's: the packages look
 * installed inside the project. Next.js's Turbopack refuses a `node_modules` symlinked from outside
 * the project root ("Could not find the Next.js package"); hard links copy no data (same disk).
 */
export function hardLinkNodeModules(projectDir: string): void {
  execFileSync('cp', ['-al', join(REPO_ROOT, 'node_modules'), join(projectDir, 'node_modules')]);
}

/**
 * An npm-workspaces root `node_modules`: every package of this repository's node_modules linked
 * in, plus the workspace packages linked as npm links them (`@acme/shared` → `packages/shared`).
 */
export function linkWorkspaceNodeModules(rootDir: string, workspacePackages: Readonly<Record<string, string>>): void {
  const target = join(rootDir, 'node_modules');
  mkdirSync(target, { recursive: true });
  const source = join(REPO_ROOT, 'node_modules');
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('@')) {
      mkdirSync(join(target, entry), { recursive: true });
      for (const scoped of readdirSync(join(source, entry))) symlinkSync(join(source, entry, scoped), join(target, entry, scoped), 'dir');
    } else {
      symlinkSync(join(source, entry), join(target, entry), 'dir');
    }
  }
  for (const [name, path] of Object.entries(workspacePackages)) {
    mkdirSync(dirname(join(target, name)), { recursive: true });
    symlinkSync(join(rootDir, path), join(target, name), 'dir');
  }
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The command line, for failure messages. */
  readonly command: string;
}

/** Runs a command to its end; never rejects on a non-zero exit (the caller checks `code`). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    env?: Readonly<Record<string, string>>;
    timeoutMs?: number;
    /** false: `env` is the whole environment (default: added to this process's, with CI set). */
    extendEnv?: boolean;
  },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.extendEnv === false ? { ...options.env } : { ...process.env, CI: '1', NO_UPDATE_NOTIFIER: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, command: `${command} ${args.join(' ')} (in ${options.cwd})` });
    });
  });
}

/** A message that shows what failed and everything the command printed. */
export function describeFailure(result: CommandResult): string {
  return `${result.command} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The lines under "Add to your entry file:" in the generator's summary, as the user would copy them. */
export function importLinesFromSummary(summary: string): string[] {
  const lines = summary.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'Add to your entry file:');
  if (start < 0) throw new Error(`The summary has no "Add to your entry file:" section:\n${summary}`);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    block.push(line.trim());
  }
  return block;
}

/** Replaces `anchor` (which must occur exactly once, or the fixture changed) in a project file. */
export function editFile(projectDir: string, path: string, edits: readonly (readonly [anchor: string, replacement: string])[]): void {
  const file = join(projectDir, path);
  let text = readFileSync(file, 'utf8');
  for (const [anchor, replacement] of edits) {
    const count = text.split(anchor).length - 1;
    if (count !== 1) throw new Error(`${path}: expected the text ${JSON.stringify(anchor)} once, found it ${count} times`);
    text = text.replace(anchor, () => replacement);
  }
  writeFileSync(file, text);
}

export interface RunningService {
  /** The URL the service printed ("listening on …"). */
  readonly url: string;
  /** Sends SIGTERM and resolves with the exit code and the output. */
  stop(): Promise<CommandResult>;
}

/** Starts a long-running service and waits until it prints `listening on <url>`. */
export function startService(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Readonly<Record<string, string>>; timeoutMs?: number },
): Promise<RunningService> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const commandLine = `${command} ${args.join(' ')} (in ${options.cwd})`;
    const exited = new Promise<CommandResult>((resolveExit) => {
      child.on('close', (code) => resolveExit({ code, stdout, stderr, command: commandLine }));
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${commandLine} did not print "listening on" in time\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          stop: async () => {
            child.kill('SIGTERM');
            const stopTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            const result = await exited;
            clearTimeout(stopTimer);
            return result;
          },
        });
      }
    });
    void exited.then((result) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`${commandLine} exited before listening\n${describeFailure(result)}`));
    });
  });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves a built app's folder (e.g. Vite's dist/) from 127.0.0.1, as a static host would. */
export async function serveBuiltApp(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, close: () => close(server) };
}

/** The variables under "Set these environment variables" in the generator's summary: name → what it holds. */
export function environmentVariablesFromSummary(summary: string): Map<string, string> {
  const lines = summary.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('Set these environment variables'));
  const variables = new Map<string, string>();
  if (start < 0) return variables;
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([A-Za-z_][A-Za-z0-9_]*)\s{2,}(.+)$/.exec(line);
    if (!match) break;
    variables.set(match[1]!, match[2]!);
  }
  return variables;
}

