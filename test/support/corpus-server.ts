import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ServerStart } from './corpus.js';
import { freePort } from './net.js';

export interface RunningServer {
  /** The server's origin, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /**
   * SIGTERM to its process group, then SIGKILL after `graceMs` if it is still running. Resolves with
   * its exit code (null when a signal ended it) and its output.
   */
  stop(graceMs?: number): Promise<{ readonly code: number | null; readonly output: string }>;
}

/**
 * Starts a corpus fixture's built server on a free port (told through `PORT`, or `-p` for
 * `npx next start`) and resolves once its output matches the fixture's ready line.
 * `env` is the server's whole environment.
 */
export async function startCorpusServer(
  name: string,
  start: ServerStart,
  projectDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(start.command, [...start.args, ...(start.command === 'npx' ? ['-p', String(port)] : [])], {
    cwd: join(projectDir, start.cwd ?? '.'),
    env: { ...env, PORT: String(port), NO_UPDATE_NOTIFIER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: `npx next start` forks a server that a signal to npx alone leaves running.
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  let output = '';
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const stop = async (graceMs = 5_000) => {
    signalGroup('SIGTERM');
    const killTimer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
    await exited;
    clearTimeout(killTimer);
    return { code: exitCode, output };
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not print ${String(start.ready)} in time:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (start.ready.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${String(code)}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, output: () => output, stop };
}
