import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nearestSubcommand, setupOptionsGiven, unknownSubcommandMessage } from '../generators/lib/cli-options.js';
import type { ProjectFacts } from '../generators/lib/detect.js';
import { describeProject } from '../generators/lib/detected.js';
import { isInterruption } from '../generators/lib/interrupt.js';
import { outcomeOnDisk, unifiedDiff } from '../generators/lib/staged-files.js';
import { interruptedLine, summarizeDryRun } from '../generators/lib/summary.js';
import { runApp, runGuide } from './support/generate.js';
import { gitSnapshot, makeTempProject } from './support/temp-project.js';

/** The Ctrl-C report the bin prints is the generator's own: read it from the generator of the run. */
interface Reporting {
  interruptReport(): string;
}
function captureGenerator(into: { generator?: Reporting }) {
  return (generator: Reporting) => {
    into.generator = generator;
  };
}

const JS_NODE_ESM = { 'package.json': { name: 'api', type: 'module', dependencies: { express: '^5.0.0' } }, 'src/server.js': '' };
const TS_VITE_REACT = {
  'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
  'tsconfig.json': { compilerOptions: { strict: true } },
  'src/main.tsx': 'export {};\n',
};

/** What the generator logs, as the user reads it. */
function captureLog(lines: string[]) {
  return (generator: { log: (...args: unknown[]) => unknown }) => {
    const log = generator.log;
    generator.log = Object.assign((...args: unknown[]) => {
      lines.push(format(...args));
      return log(...args);
    }, log);
  };
}

/** What Inquirer rejects with when Ctrl-C closes a question. */
function ctrlC(): Error {
  return Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
}

const readIn = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe("through yeoman-test's adapter", () => {
  it('says what it detected before the first question', async () => {
    const lines: string[] = [];
    const asked: string[] = [];
    await runApp()
      .withFiles(TS_VITE_REACT)
      .commitFiles()
      .withOptions({ skipInstall: true })
      .onGenerator(captureLog(lines))
      .withAnswers({}, { callback: (answer, { question }) => (asked.push(`${question.name} after ${lines.length} lines`), answer) });
    expect(lines[0]).toBe('Detected: Vite, TypeScript, ES modules, npm, SDKs present: none');
    expect(asked[0]).toBe('platform after 1 lines');
  });

  it('stops at Ctrl-C on a question; the report says nothing was written', async () => {
    const dir = makeTempProject(JS_NODE_ESM);
    const captured: { generator?: Reporting } = {};
    const run = runApp()
      .cd(dir)
      .withOptions({ skipInstall: true })
      .onGenerator(captureGenerator(captured))
      .withAnswers({}, {
        callback: (answer, { question }) => {
          if (question.name === 'variant') throw ctrlC();
          return answer;
        },
      });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(isInterruption(ctrlC())).toBe(true);
    expect(captured.generator!.interruptReport()).toBe('Stopped: nothing was written.');
    expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
    expect(existsSync(join(dir, 'src/configcat-amplitude.js'))).toBe(false);
  });

  it('asks again when a typed-in answer is empty', async () => {
    let folderAnswers = 0;
    const result = await runApp()
      .withFiles(JS_NODE_ESM)
      .commitFiles()
      .withOptions({ skipInstall: true })
      .withAnswers({}, {
        // The first answer to the folder question erases the default and submits nothing.
        callback: (answer, { question }) => (question.name === 'dir' ? (++folderAnswers === 1 ? '' : 'lib') : answer),
      });
    expect(result.askedQuestions.filter((question) => question.name === 'dir')).toHaveLength(2);
    expect(existsSync(join(result.cwd, 'lib/configcat-amplitude.js'))).toBe(true);
  });

  it('asks the saved answers again with --ask-answered, offering them as defaults', async () => {
    const dir = makeTempProject(TS_VITE_REACT);
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true, dir: 'src/flags', variant: 'value' });
    const again = await runApp().cd(dir).withOptions({ skipInstall: true, askAnswered: true }).withAnswers({});
    expect(again.askedQuestions).toEqual([
      { name: 'platform', answer: 'react' },
      { name: 'language', answer: 'ts' },
      { name: 'dir', answer: 'src/flags' },
      { name: 'variant', answer: 'value' },
      { name: 'identify', answer: true },
      { name: 'trackDefaultValues', answer: false },
      { name: 'sdkKeyEnv', answer: 'VITE_CONFIGCAT_SDK_KEY' },
      { name: 'amplitudeKeyEnv', answer: 'VITE_AMPLITUDE_API_KEY' },
      { name: 'edit', answer: true },
    ]);
    // An option still answers its question.
    const withOption = await runApp().cd(dir).withOptions({ skipInstall: true, askAnswered: true, variant: 'auto' }).withAnswers({});
    expect(withOption.askedQuestions.map((question) => question.name)).not.toContain('variant');
  });

  it('lists a file declined at the overwrite question as skipped, not written', async () => {
    const dir = makeTempProject({ 'package.json': { name: 'api', dependencies: { express: '^5.0.0' } }, 'index.js': '' });
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true });
    writeFileSync(join(dir, 'configcat-amplitude.js'), '// rewritten by hand\n');
    const lines: string[] = [];
    await runApp({}, { force: false })
      .cd(dir)
      .withOptions({ skipInstall: true, force: false, variant: 'value' })
      .onGenerator(captureLog(lines))
      .withAnswers({ action: 'skip' });
    const summary = lines.join('\n');
    expect(summary).toContain('exposures are NOT set up: configcat-amplitude.js was not written.');
    expect(summary).toContain('Wrote:\n  docs/configcat-amplitude.md\n\nSkipped (you chose not to overwrite them):\n  configcat-amplitude.js\n');
    expect(readIn(dir, 'configcat-amplitude.js')).toBe('// rewritten by hand\n');
  });

  it("stops at Ctrl-C on Yeoman's overwrite question; the report names what is on disk", async () => {
    const dir = makeTempProject({ 'package.json': { name: 'api', dependencies: { express: '^5.0.0' } }, 'index.js': '' });
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true });
    writeFileSync(join(dir, 'configcat-amplitude.js'), '// rewritten by hand\n');
    const guideBefore = readIn(dir, 'docs/configcat-amplitude.md');
    const captured: { generator?: Reporting } = {};
    const run = runApp({}, { force: false })
      .cd(dir)
      .withOptions({ skipInstall: true, force: false, variant: 'value' })
      .onGenerator(captureGenerator(captured))
      .withAnswers({}, {
        callback: (answer, { question }) => {
          if (question.name === 'action') throw ctrlC();
          return answer;
        },
      });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(readIn(dir, 'configcat-amplitude.js')).toBe('// rewritten by hand\n');
    const report = captured.generator!.interruptReport();
    expect(report).toMatch(/; not written: configcat-amplitude\.js\.$/);
    // The guide changed with the variant mode: the report says it was written exactly when the disk has the new one.
    expect(report.includes('docs/configcat-amplitude.md')).toBe(readIn(dir, 'docs/configcat-amplitude.md') !== guideBefore);
  });

  it('writes nothing with --dry-run and shows the diff of each file it would write', async () => {
    const lines: string[] = [];
    const result = await runApp().withFiles(JS_NODE_ESM).commitFiles().withOptions({ skipInstall: true, yes: true, dryRun: true }).onGenerator(captureLog(lines));
    expect(existsSync(join(result.cwd, 'src/configcat-amplitude.js'))).toBe(false);
    expect(existsSync(join(result.cwd, '.yo-rc.json'))).toBe(false);
    const summary = lines.join('\n');
    expect(summary).toContain('Dry run: nothing was written and nothing was installed.');
    expect(summary).toContain('+++ b/src/configcat-amplitude.js');
    expect(summary).not.toContain('are set up');
  });

  describe('a git work tree with uncommitted changes', () => {
    async function dirtyProject(): Promise<string> {
      const dir = makeTempProject(JS_NODE_ESM);
      await gitSnapshot(dir);
      writeFileSync(join(dir, 'notes.txt'), 'mine\n');
      return dir;
    }

    it('asks whether to continue, and writes nothing on "no"', async () => {
      const dir = await dirtyProject();
      const run = runApp().cd(dir).withOptions({ skipInstall: true }).withAnswers({ continueAnyway: false });
      await expect(run).rejects.toThrow('Stopped at your answer: nothing was written. Commit or stash your changes, then run again.');
      expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
    });

    it('goes on when the answer is yes, and only warns with --yes', async () => {
      const dir = await dirtyProject();
      const asked = await runApp().cd(dir).withOptions({ skipInstall: true }).withAnswers({ continueAnyway: true });
      expect(asked.askedQuestions[0]).toEqual({ name: 'continueAnyway', answer: true });
      expect(existsSync(join(dir, 'src/configcat-amplitude.js'))).toBe(true);

      const lines: string[] = [];
      const quiet = await runApp().cd(await dirtyProject()).withOptions({ skipInstall: true, yes: true }).onGenerator(captureLog(lines));
      expect(quiet.askedQuestions).toEqual([]);
      expect(lines[1]).toMatch(/^Warning: this git work tree has uncommitted changes \(notes\.txt\)/);
    });
  });

  it('guide rejects setup options, naming them', async () => {
    const dir = makeTempProject(JS_NODE_ESM);
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true });
    const guideBefore = readIn(dir, 'docs/configcat-amplitude.md');
    await expect(runGuide().cd(dir).withOptions({ variant: 'value' })).rejects.toThrow('guide does not take --variant: it rewrites the guide from the saved answers.');
    expect(readIn(dir, 'docs/configcat-amplitude.md')).toBe(guideBefore);
  });
});

describe('the pieces', () => {
  it('suggests the nearest command for a typo, and lists the commands otherwise', () => {
    expect(nearestSubcommand('gude')).toBe('guide');
    expect(nearestSubcommand('GUIDE')).toBe('guide');
    expect(nearestSubcommand('giude')).toBe('guide');
    expect(nearestSubcommand('install')).toBeUndefined();
    expect(unknownSubcommandMessage('gude')).toBe('Unknown command gude: did you mean guide?');
  });

  it('finds the setup options given, as typed', () => {
    expect(setupOptionsGiven({ variant: 'value', trackDefaultValues: true, force: true, dryRun: true })).toEqual(['--variant', '--track-default-values']);
    expect(setupOptionsGiven({ identify: false })).toEqual(['--identify']);
    expect(setupOptionsGiven({ force: true })).toEqual([]);
  });

  it('describes the detected project in one line', () => {
    const facts = {
      framework: 'next',
      typescript: true,
      moduleSystem: 'cjs',
      packageManager: { name: 'yarn', agent: 'yarn@berry' },
      configcatPackages: ['configcat-react'],
      amplitudePackages: [],
    } as unknown as ProjectFacts;
    expect(describeProject(facts)).toBe('Detected: Next.js, TypeScript, CommonJS, Yarn 2+, SDKs present: configcat-react');
  });

  it('tells written files from files the disk does not hold', () => {
    const root = mkdtempSync(join(tmpdir(), 'cca-outcome-'));
    writeFileSync(join(root, 'a.txt'), 'new\n');
    writeFileSync(join(root, 'b.txt'), 'theirs\n');
    const outcome = outcomeOnDisk(root, {
      'a.txt': { contents: 'new\n', stateCleared: 'modified' },
      'b.txt': { contents: 'ours\n', stateCleared: 'modified' },
      'c.txt': { contents: 'pending\n', state: 'modified' },
    });
    expect(outcome).toEqual({ written: ['a.txt'], notWritten: ['b.txt', 'c.txt'] });
    expect(interruptedLine(outcome)).toBe('Stopped: wrote a.txt; not written: b.txt, c.txt.');
    expect(interruptedLine({ written: [], notWritten: ['c.txt'] })).toBe('Stopped: nothing was written.');
  });

  it('shows a dry run as diffs, claiming nothing', () => {
    const text = summarizeDryRun({
      changes: [
        { path: 'src/x.js', isNew: true, diff: unifiedDiff('src/x.js', undefined, 'one\n') },
        { path: 'package.json', isNew: false, diff: unifiedDiff('package.json', '{}\n', '{ "a": 1 }\n') },
      ],
      kept: [],
      installCommand: 'pnpm install --no-frozen-lockfile',
    });
    expect(text).toBe(
      [
        '',
        'Dry run: nothing was written and nothing was installed.',
        '',
        'Would write:',
        '  src/x.js (new)',
        '  package.json',
        '',
        '--- /dev/null',
        '+++ b/src/x.js',
        '@@ -0,0 +1,1 @@',
        '+one',
        '',
        '--- a/package.json',
        '+++ b/package.json',
        '@@ -1,1 +1,1 @@',
        '-{}',
        '+{ "a": 1 }',
        '',
        'Would then install the SDK packages with: pnpm install --no-frozen-lockfile',
        '',
        'Run again without --dry-run to make these changes.',
      ].join('\n'),
    );
  });
});
