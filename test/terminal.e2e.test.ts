import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTerminals, HAS_TMUX, TerminalRun } from './support/terminal.js';
import { gitSnapshot, gitStatus, makeTempProject, readText, runBin } from './support/temp-project.js';

/**
 * The interactive run as a user has it: the bin in a real pseudo-terminal (tmux), keys typed,
 * the screen read back.
 */
const NODE_ESM = { 'package.json': { name: 'api', type: 'module', dependencies: { express: '^5.0.0' } }, 'src/server.js': '' };

async function project(files: Record<string, string | object> = NODE_ESM): Promise<string> {
  const dir = makeTempProject(files);
  await gitSnapshot(dir);
  return dir;
}

/** A project whose generated wiring the user then edited (committed, so the tree is clean). */
async function editedProject(): Promise<string> {
  const dir = await project();
  expect((await runBin(dir, ['--yes', '--skip-install'])).exitCode).toBe(0);
  writeFileSync(join(dir, 'src/configcat-amplitude.js'), '// rewritten by hand\n');
  await gitSnapshot(dir);
  return dir;
}

let run: TerminalRun | undefined;
afterEach(() => run?.close());
afterAll(closeTerminals);

/** Answers each remaining question with its default, until the run ends. */
async function acceptDefaults(terminal: TerminalRun, questions: readonly string[]): Promise<void> {
  for (const question of questions) {
    await terminal.waitFor(`? ${question}`);
    terminal.keys('Enter');
    await terminal.waitFor(`✔ ${question}`);
  }
}

const AFTER_FOLDER = [
  "What should an exposure's variant hold?",
  'Also set the user property configcat_<flagKey> in Amplitude?',
  'Also report evaluations that fell back to the default value (usually errors)?',
  'Environment variable holding the ConfigCat SDK key:',
  'Environment variable holding the Amplitude API key:',
  'Wire it into your entry code now (the summary lists every change)?',
];

describe('in a terminal', () => {
  beforeAll(() => {
    // .ci/run installs it; without it these tests cannot run, which must not pass for a success.
    if (!HAS_TMUX) throw new Error('tmux is not installed: apt-get install tmux');
  });

  it('says what it detected before the first question', async () => {
    const dir = await project();
    run = TerminalRun.start(dir, ['--skip-install']);
    const screen = await run.waitFor('? Which platform does this project target?');
    const detected = screen.indexOf('Detected: no browser bundler, JavaScript, ES modules, npm, SDKs present: none');
    expect(detected).toBeGreaterThanOrEqual(0);
    expect(detected).toBeLessThan(screen.indexOf('Which platform'));
  });

  it('stops at Ctrl-C on a question with one line, exit 130, writing nothing', async () => {
    const dir = await project();
    run = TerminalRun.start(dir, ['--skip-install']);
    await run.waitFor('? Which platform does this project target?');
    run.keys('Enter');
    await run.waitFor('? Folder for the wiring module:');
    run.keys('C-c');
    const { code, screen } = await run.exit();
    expect(code).toBe(130);
    expect(screen.split('\n').at(-1)).toBe('Stopped: nothing was written.');
    expect(screen).not.toMatch(/ExitPromptError|An error occured|\n\s+at /);
    expect(await gitStatus(dir)).toBe('');
  });

  it('asks again when the folder answer is empty', async () => {
    const dir = await project();
    run = TerminalRun.start(dir, ['--skip-install']);
    await run.waitFor('? Which platform does this project target?');
    run.keys('Enter');
    await run.waitFor('? Folder for the wiring module: (src)');
    // Backspace erases Inquirer's default: Enter then submits an empty answer.
    run.keys('BSpace', 'Enter');
    await run.waitFor('Type a folder (. for the project root).');
    run.type('lib');
    run.keys('Enter');
    await run.waitFor('✔ Folder for the wiring module: lib');
    await acceptDefaults(run, AFTER_FOLDER);
    const { code } = await run.exit();
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'lib/configcat-amplitude.js'))).toBe(true);
    expect(existsSync(join(dir, 'configcat-amplitude.js'))).toBe(false);
  });

  it('lists a file declined at the overwrite question as skipped, not written', async () => {
    const dir = await editedProject();
    run = TerminalRun.start(dir, ['--skip-install', '--variant', 'value']);
    await run.waitFor('? Overwrite src/configcat-amplitude.js?');
    run.keys('n', 'Enter');
    const { code, screen } = await run.exit();
    expect(code).toBe(0);
    expect(screen).toContain('Skipped (you chose not to overwrite them):\n  src/configcat-amplitude.js');
    expect(screen).toContain('exposures are NOT set up: src/configcat-amplitude.js was not written.');
    expect(/^Wrote:\n((?: {2}.*\n)*)/m.exec(screen)?.[1]).toBe('  docs/configcat-amplitude.md\n');
    expect(readText(dir, 'src/configcat-amplitude.js')).toBe('// rewritten by hand\n');
  });

  it('stops at Ctrl-C on the overwrite question, naming what was and was not written', async () => {
    const dir = await editedProject();
    run = TerminalRun.start(dir, ['--skip-install', '--variant', 'value']);
    await run.waitFor('? Overwrite src/configcat-amplitude.js?');
    run.keys('C-c');
    const { code, screen } = await run.exit();
    expect(code).toBe(130);
    const last = screen.split('\n').at(-1)!;
    expect(last).toMatch(/^Stopped: wrote .+; not written: src\/configcat-amplitude\.js\.$/);
    // The line agrees with the disk.
    const changed = (await gitStatus(dir)).split('\n').map((line) => line.slice(3));
    expect(last.slice('Stopped: wrote '.length, last.indexOf(';')).split(', ').sort()).toEqual(changed.sort());
    expect(readText(dir, 'src/configcat-amplitude.js')).toBe('// rewritten by hand\n');
  });

  describe('a git work tree with uncommitted changes', () => {
    it('asks whether to continue, and stops writing nothing on "no"', async () => {
      const dir = await project();
      writeFileSync(join(dir, 'notes.txt'), 'mine\n');
      run = TerminalRun.start(dir, ['--skip-install']);
      await run.waitFor('? This git work tree has 1 uncommitted change (notes.txt). Continue anyway? (Y/n)');
      run.keys('n', 'Enter');
      const { code, screen } = await run.exit();
      expect(code).toBe(1);
      expect(screen.split('\n').at(-1)).toBe('Error: Stopped at your answer: nothing was written. Commit or stash your changes, then run again.');
      expect(await gitStatus(dir)).toBe('?? notes.txt');
    });

    it('goes on when the answer is yes', async () => {
      const dir = await project();
      writeFileSync(join(dir, 'notes.txt'), 'mine\n');
      run = TerminalRun.start(dir, ['--skip-install', '--platform', 'node', '--variant', 'auto', '--no-identify', '--no-track-default-values']);
      await run.waitFor('Continue anyway? (Y/n)');
      run.keys('Enter');
      await acceptDefaults(run, [
        'Folder for the wiring module:',
        'Environment variable holding the ConfigCat SDK key:',
        'Environment variable holding the Amplitude API key:',
        'Wire it into your entry code now (the summary lists every change)?',
      ]);
      expect((await run.exit()).code).toBe(0);
      expect(existsSync(join(dir, 'src/configcat-amplitude.js'))).toBe(true);
    });
  });

  it('asks the saved answers again with --ask-answered, offering them as defaults', async () => {
    const dir = await project();
    expect((await runBin(dir, ['--yes', '--skip-install', '--dir', 'lib'])).exitCode).toBe(0);
    await gitSnapshot(dir);
    run = TerminalRun.start(dir, ['--skip-install', '--ask-answered']);
    await run.waitFor('? Which platform does this project target?');
    run.keys('Enter');
    await run.waitFor('? Folder for the wiring module: (lib)');
    run.keys('Enter');
    await acceptDefaults(run, AFTER_FOLDER);
    const { code, screen } = await run.exit();
    expect(code).toBe(0);
    expect(screen).toContain('Every file was already up to date: nothing changed.');
  });
});
