/**
 * The corpus is sound before the generator touches it: every fixture, copied outside this
 * repository and installed from its own lockfile, passes all of its own checks, and starts.
 * (The generator's measure runs the same checks after `--yes`.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, prepareCorpusProject, removePreparedProject, type CorpusFixture, type PreparedProject } from './support/corpus.js';
import { startCorpusServer } from './support/corpus-server.js';
import { fetchWhenListening } from './support/net.js';
import { describeFailure, runCommand } from './support/project-fixture.js';

const timings: string[] = [];

afterAll(() => {
  // One line per fixture, for whoever tunes the suite's run time.
  if (timings.length > 0) console.log(`corpus timings (ms):\n${timings.join('\n')}`);
});

/** Starts the built server, waits for its ready line, and asks it for `path`. */
async function expectServerAnswers(fixture: CorpusFixture, project: PreparedProject): Promise<void> {
  if (fixture.start.kind !== 'server') return;
  const server = await startCorpusServer(fixture.name, fixture.start, project.dir, { ...process.env, ...project.env });
  try {
    const response = await fetchWhenListening(`${server.origin}${fixture.start.path}`);
    expect(response.status, server.output()).toBe(200);
  } finally {
    await server.stop();
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
