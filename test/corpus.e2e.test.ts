/**
 * The corpus is sound before the generator touches it: every fixture, copied outside this
 * repository and installed from its own lockfile, passes all of its own checks, and starts.
 * (The generator's measure runs the same checks after `--yes`.)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, prepareCorpusProject, removePreparedProject, type CorpusFixture, type PreparedProject } from './support/corpus.js';
import { describeFailure, runCommand } from './support/project-fixture.js';

const timings: string[] = [];

afterAll(() => {
  // One line per fixture, for whoever tunes the suite's run time.
  if (timings.length > 0) console.log(`corpus timings (ms):\n${timings.join('\n')}`);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A server may print its ready line a moment before its socket accepts (seen with NestJS on a
 * loaded machine): a refused connection is tried again, a few times.
 */
async function fetchWhenListening(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

/** Starts the built server on a free port, waits for its ready line, and asks it for `path`. */
async function expectServerAnswers(fixture: CorpusFixture, project: PreparedProject): Promise<void> {
  if (fixture.start.kind !== 'server') return;
  const { command, args, cwd, ready, path } = fixture.start;
  const port = await freePort();
  const child = spawn(command, [...args, ...(command === 'npx' ? ['-p', String(port)] : [])], {
    cwd: join(project.dir, cwd ?? '.'),
    env: { ...process.env, ...project.env, PORT: String(port), NO_UPDATE_NOTIFIER: '1' },
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
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${fixture.name} did not print ${String(ready)} in time:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (ready.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`${fixture.name} exited (${String(code)}) before it was ready:\n${output}`));
      });
    });
    const response = await fetchWhenListening(`http://127.0.0.1:${port}${path}`);
    expect(response.status, output).toBe(200);
  } finally {
    signalGroup('SIGTERM');
    const killTimer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killTimer);
  }
}

describe('corpus fixtures pass their own checks', () => {
  for (const fixture of CORPUS) {
    it(
      `${fixture.name}: ${fixture.checks.map((check) => check.kind).join(', ')}`,
      async () => {
        const project = prepareCorpusProject(fixture);
        const checkStarted = Date.now();
        try {
          for (const check of fixture.checks) {
            const result = await runCommand(check.command, check.args, {
              cwd: join(project.dir, check.cwd ?? '.'),
              env: project.env,
              timeoutMs: 300_000,
            });
            expect(result.code, describeFailure(result)).toBe(0);
          }
          if (fixture.start.kind === 'static') {
            expect(existsSync(join(project.dir, fixture.start.folder, 'index.html'))).toBe(true);
          } else {
            await expectServerAnswers(fixture, project);
          }
        } finally {
          timings.push(`${fixture.name}: install ${project.installMs}, checks and start ${Date.now() - checkStarted}`);
          removePreparedProject(project);
        }
      },
      900_000,
    );
  }
});
