import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { whileChildHandlesInterrupts } from './interrupt.js';

/** A command as a program and its arguments, run without a shell. */
export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/** How an install ended: what the generator reports, and how it exits. */
export type InstallResult =
  | { readonly status: 'installed'; readonly command: string }
  /** `command` is what the user runs to finish the job; `reason` says what went wrong. */
  | { readonly status: 'failed'; readonly command: string; readonly reason: string }
  /** Stopped by Ctrl-C (SIGINT, or the manager's exit code 130). */
  | { readonly status: 'interrupted'; readonly command: string }
  /** Not run (`--skip-install`, `--dry-run`): `command` is still what installs the dependencies. */
  | { readonly status: 'skipped'; readonly command: string; readonly reason: string };

/**
 * The command that installs what package.json declares and writes the lockfile, run in the
 * project's folder (each manager finds the workspace root from there; npm 7+ installs for the
 * workspace it is run in).
 *
 * package.json is already edited by the generator, so this is the manager's `install`, with lockfile
 * updates allowed where CI would forbid them: pnpm and Yarn 2+ freeze the lockfile when `CI` is set.
 * Not `add <name@range>`: npm and both Yarns rewrite package.json through `JSON.stringify`
 * (unfolding one-line arrays), which would undo the careful edit.
 *
 * `agent` is a package-manager-detector agent (`npm`, `pnpm`, `pnpm@6`, `yarn`, `yarn@berry`, `bun`).
 */
export function installCommandFor(agent: string): Command {
  switch (agent) {
    case 'pnpm':
    case 'pnpm@6':
      return { command: 'pnpm', args: ['install', '--no-frozen-lockfile'] };
    case 'yarn':
      return { command: 'yarn', args: ['install'] };
    case 'yarn@berry':
      return { command: 'yarn', args: ['install', '--no-immutable'] };
    case 'bun':
      return { command: 'bun', args: ['install'] };
    default:
      return { command: 'npm', args: ['install'] };
  }
}

/** A command as the user would type it. */
export function commandLine({ command, args }: Command): string {
  return [command, ...args].map((part) => (/^[\w@./:^~=+-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** How a finished process ended, as `child_process` reports it. */
export interface ProcessEnd {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The error code when the process could not start at all (e.g. `ENOENT`). */
  readonly spawnError?: string;
  /** The line of the manager's output that names the error, when its output was captured. */
  readonly errorLine?: string;
}

/** What an ended install means for the user. */
export function installResult(command: Command, end: ProcessEnd): InstallResult {
  const line = commandLine(command);
  if (end.spawnError !== undefined) {
    const reason =
      end.spawnError === 'ENOENT' ? `${command.command} was not found: install it, or put it on PATH` : `${command.command} could not start (${end.spawnError})`;
    return { status: 'failed', command: line, reason };
  }
  if (end.signal === 'SIGINT' || end.exitCode === 130) return { status: 'interrupted', command: line };
  if (end.exitCode === 0) return { status: 'installed', command: line };
  const how = end.signal ? `was stopped by ${end.signal}` : `exited with code ${end.exitCode}`;
  return { status: 'failed', command: line, reason: `${command.command} ${how}${end.errorLine ? `: ${end.errorLine}` : ''}` };
}

export interface RunInstallOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** `inherit` shows the manager's own output (the generator); `pipe` keeps its last line for the result. */
  readonly stdio?: 'inherit' | 'pipe';
}

/**
 * Runs the install and says how it ended; never throws. While it runs, Ctrl-C reaches the
 * manager (the terminal sends it to both) and ends the install, not this process, so the
 * result can still be reported.
 */
export function runInstall(command: Command, options: RunInstallOptions): Promise<InstallResult> {
  return whileChildHandlesInterrupts(() => spawnInstall(command, options));
}

function spawnInstall(command: Command, { cwd, env = process.env, stdio = 'inherit' }: RunInstallOptions): Promise<InstallResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command.command, [...command.args], {
      cwd,
      env,
      stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      // npm, pnpm and yarn are .cmd scripts on Windows, which Node runs only through a shell.
      shell: process.platform === 'win32',
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const forward = () => child.kill('SIGINT');
    process.on('SIGINT', forward);
    const finish = (end: ProcessEnd) => {
      process.off('SIGINT', forward);
      resolve(installResult(command, { ...end, ...(output ? { errorLine: lineNamingTheError(output) } : {}) }));
    };
    child.once('error', (error: NodeJS.ErrnoException) => finish({ exitCode: null, signal: null, spawnError: error.code ?? error.message }));
    child.once('close', (exitCode, signal) => finish({ exitCode, signal }));
  });
}

/** Lines every manager prints around an error that do not say what it is. */
const NOISE = /complete log of this run|^npm error code \S+$|YN0000|^info visit|documentation about this command/i;
const NAMES_AN_ERROR = /\berr(or)?\b|ERR_|not found|no matching|no version|couldn't|cannot|YN0\d{3}/i;
/** npm's codes (ETARGET, ERESOLVE, E404): case matters, or "extracted" would be one. */
const ERROR_CODE = /\bE[A-Z0-9]{3,}\b/;

/** The first line that names the error (the managers end with banners and log paths), else the last one. */
function lineNamingTheError(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => (NAMES_AN_ERROR.test(line) || ERROR_CODE.test(line)) && !NOISE.test(line));
  return (error ?? lines[lines.length - 1] ?? '').slice(0, 300);
}

/** A line for the user after an install that did not happen; nothing when it did. */
export function installMessage(result: InstallResult, projectDir: string): string | undefined {
  const run = `run \`${result.command}\` in ${projectDir}`;
  switch (result.status) {
    case 'installed':
      return undefined;
    case 'failed':
      return `Dependencies NOT installed (${result.reason}): ${run}.`;
    case 'interrupted':
      return `Dependencies NOT installed (interrupted): ${run}.`;
    case 'skipped':
      return `Dependencies not installed (${result.reason}): ${run}.`;
  }
}

/**
 * The packages among `names` that the project cannot load: not in a `node_modules` folder from
 * `projectDir` up (as Node looks them up), or, in a Yarn Plug'n'Play project, not in its map.
 * A re-run after a failed or skipped install uses it to install what is still missing.
 */
export function missingPackages(projectDir: string, names: readonly string[]): string[] {
  const pnp = findUp(projectDir, '.pnp.cjs');
  if (pnp) {
    const api = loadPnpApi(pnp);
    if (api) return names.filter((name) => !resolvesWithPnp(api, name, projectDir));
  }
  return names.filter((name) => !findUp(projectDir, join('node_modules', name, 'package.json')));
}

interface PnpApi {
  resolveToUnqualified(request: string, issuer: string): string | null;
}

/** Yarn's map of installed packages; loading it registers nothing (`.setup()` would). */
function loadPnpApi(path: string): PnpApi | undefined {
  try {
    const require = createRequire(path);
    // Read afresh: an install since the last look rewrites the map.
    delete require.cache[path];
    return require(path) as PnpApi;
  } catch {
    return undefined;
  }
}

function resolvesWithPnp(api: PnpApi, name: string, projectDir: string): boolean {
  try {
    const location = api.resolveToUnqualified(name, join(projectDir, 'package.json'));
    return location !== null;
  } catch {
    return false;
  }
}

function findUp(from: string, relativePath: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
