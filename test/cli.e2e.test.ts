import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitSnapshot, gitStatus, makeTempProject, readText, runBin } from './support/temp-project.js';

const NODE_ESM = { 'package.json': { name: 'api', type: 'module', dependencies: { express: '^5.0.0' } }, 'src/server.js': '' };
const VITE_REACT_TS = {
  'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
  'tsconfig.json': { compilerOptions: { strict: true } },
  'src/main.tsx': 'export {};\n',
};

/** A project under git, so a test can tell exactly what a run changed. */
async function project(files: Record<string, string | object>): Promise<string> {
  const dir = makeTempProject(files);
  await gitSnapshot(dir);
  return dir;
}

describe('the generator-configcat-amplitude command', () => {
  it('lists every option in --help', async () => {
    const { exitCode, stdout } = await runBin(makeTempProject({}), ['--help']);
    expect(exitCode).toBe(0);
    for (const option of ['--platform', '--language', '--dir', '--variant', '--identify', '--track-default-values', '--flags', '--sdk-key-env', '--amplitude-key-env', '--amplitude-server-zone', '--configcat-data-governance', '--edit', '--guide', '--package-manager', '--yes', '--ask-answered', '--skip-install', '--force', '--dry-run']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('Usage: generator-configcat-amplitude');
  });

  describe('--help', () => {
    it("lists only this generator's options, in groups, and the guide command", async () => {
      const { stdout } = await runBin(makeTempProject({}), ['--help']);
      for (const yeomans of ['--bail', '--whitespace', '--skip-yo-resolve', '--skip-cache', '--local-config-only', '--force-install', '--cwd', '(default:']) {
        expect(stdout).not.toContain(yeomans);
      }
      expect(stdout).toMatch(/^What to generate \(saved in \.yo-rc\.json; asked when not given\):\n {2}--platform/m);
      expect(stdout).toMatch(/^How to run:\n {2}--ask-answered/m);
      expect(stdout).toMatch(/^Installing:\n {2}--skip-install/m);
      // Commander wraps descriptions at the width its longest option leaves.
      expect(stdout.replace(/\s+/g, ' ')).toContain('--dry-run Show what would be written, with a diff of each file, and write and install nothing');
      expect(stdout).not.toContain('Print conflicts');
      expect(stdout).toMatch(/^Commands:\n {2}guide +Rewrite only the guide, from the saved answers/m);
    });

    it('of guide lists only what guide takes', async () => {
      const { exitCode, stdout } = await runBin(makeTempProject({}), ['guide', '--help']);
      expect(exitCode).toBe(0);
      expect(stdout).toContain('Usage: generator-configcat-amplitude guide');
      expect(stdout.match(/^ {2}-.*$/gm)!.map((line) => line.trim().split(/\s+/)[0])).toEqual(['--force', '--dry-run', '-h,']);
    });

    it("rejects Yeoman's options that this generator does not offer", async () => {
      const dir = await project(NODE_ESM);
      const { exitCode, stderr } = await runBin(dir, ['--bail', '--yes']);
      expect(exitCode).toBe(1);
      expect(stderr.trim()).toBe("error: unknown option '--bail'");
      expect(await gitStatus(dir)).toBe('');
    });
  });

  it('remove --help lists what remove takes, and remove rejects setup options in one line', async () => {
    const dir = await project(NODE_ESM);
    const { stdout } = await runBin(dir, ['remove', '--help']);
    expect(stdout).toMatch(/^Undo what the generator did/m);
    for (const option of ['--yes', '--dry-run', '--force', '--skip-install']) expect(stdout).toContain(option);
    for (const option of ['--platform', '--variant', '--ask-answered']) expect(stdout).not.toContain(option);
    const { exitCode, stderr } = await runBin(dir, ['remove', '--platform', 'react']);
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe('Error: remove does not take --platform: it undoes what .yo-rc.json records.');
    expect(await gitStatus(dir)).toBe('');
  });

  it.each([
    ['gude', 'Error: Unknown command gude: did you mean guide?'],
    ['guid', 'Error: Unknown command guid: did you mean guide?'],
    ['install', 'Error: Unknown command install: the commands are guide, remove and annotations; options start with -- (see --help).'],
    ['remvoe', 'Error: Unknown command remvoe: did you mean remove?'],
    ['anotations', 'Error: Unknown command anotations: did you mean annotations?'],
  ])('answers an unknown command %s with the nearest one', async (word, message) => {
    const dir = await project(NODE_ESM);
    const { exitCode, stderr } = await runBin(dir, [word, '--yes']);
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe(message);
    expect(await gitStatus(dir)).toBe('');
  });

  it('guide rejects setup options in one line, saying to run the main command', async () => {
    const dir = await project(NODE_ESM);
    expect((await runBin(dir, ['--yes', '--skip-install'])).exitCode).toBe(0);
    await gitSnapshot(dir);
    const { exitCode, stderr } = await runBin(dir, ['guide', '--variant', 'value', '--no-identify']);
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe(
      'Error: guide does not take --variant, --identify: it rewrites the guide from the saved answers. To change them, run the main command instead (npx generator-configcat-amplitude --variant --identify …, or yo configcat-amplitude).',
    );
    expect(await gitStatus(dir)).toBe('');
  });

  it('says what it detected, first, also with --yes', async () => {
    const dir = await project(VITE_REACT_TS);
    const { stderr } = await runBin(dir, ['--yes', '--skip-install']);
    expect(stderr.split('\n')[0]).toBe('Detected: Vite, TypeScript, ES modules, npm, SDKs present: none');
    const legacy = await project({ 'package.json': { name: 'api', dependencies: { 'configcat-node': '^11.4.1', '@amplitude/analytics-node': '^1.5.0' } }, 'yarn.lock': '' });
    const second = await runBin(legacy, ['--yes', '--skip-install']);
    expect(second.stderr.split('\n')[0]).toBe('Detected: no browser bundler, JavaScript, CommonJS, Yarn 1, SDKs present: configcat-node, @amplitude/analytics-node');
  });

  it('warns about uncommitted changes in the git work tree when it cannot ask', async () => {
    const dir = await project(NODE_ESM);
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const { exitCode, stderr } = await runBin(dir, ['--yes', '--skip-install']);
    expect(exitCode).toBe(0);
    expect(stderr.split('\n')[1]).toBe(
      "Warning: this git work tree has uncommitted changes (notes.txt); commit or stash them first to see this run's changes alone in `git diff`.",
    );
    const clean = await project(NODE_ESM);
    expect((await runBin(clean, ['--yes', '--skip-install'])).stderr).not.toContain('Warning');
  });

  it("labels new files 'create' and only replaced ones 'force'", async () => {
    const dir = await project(NODE_ESM);
    const { stderr } = await runBin(dir, ['--yes', '--skip-install']);
    const labels = stderr.split('\n').filter((line) => /^ +(create|force|skip|identical|conflict) /.test(line)).map((line) => line.trim().split(/\s+/));
    expect(labels).toEqual([
      ['create', '.yo-rc.json'],
      ['create', 'src/configcat-amplitude.js'],
      ['force', 'package.json'],
      ['create', 'docs/configcat-amplitude.md'],
      // The entry file the run wired (it existed, so it is replaced).
      ['force', 'src/server.js'],
    ]);
  });

  it('stops at Ctrl-C between questions with one line that agrees with the disk, exit 130', async () => {
    const dir = await project(NODE_ESM);
    const run = runBin(dir, ['--yes', '--skip-install']);
    await new Promise<void>((resolve) => run.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('Detected:') && resolve()));
    run.kill('SIGINT');
    const { exitCode, stderr } = await run;
    expect(exitCode).toBe(130);
    const last = stderr.trim().split('\n').at(-1)!;
    expect(stderr).not.toMatch(/\n\s+at /);
    const changed = (await gitStatus(dir)).split('\n').filter(Boolean).map((line) => line.slice(3));
    if (changed.length === 0) expect(last).toBe('Stopped: nothing was written.');
    else expect(last).toMatch(new RegExp(`^Stopped: wrote ${changed.map((path) => path.replace(/\./g, '\\.')).join('|')}`));
  });

  it('prints the files, the import line (with --no-edit), the variables and the next step', async () => {
    const dir = await project(NODE_ESM);
    const { exitCode, all: stdout } = await runBin(dir, ['--yes', '--skip-install', '--no-edit']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('src/configcat-amplitude.js');
    expect(stdout).toContain("import { createConfigCatClient, initAmplitude, flushAmplitudeExposures } from './configcat-amplitude.js';");
    expect(stdout).toMatch(/CONFIGCAT_SDK_KEY +your ConfigCat SDK key/);
    expect(stdout).toMatch(/AMPLITUDE_API_KEY +your Amplitude API key/);
    expect(stdout).toMatch(/CONFIGCAT_BASE_URL +optional: a ConfigCat Proxy's URL/);
    expect(stdout).toMatch(/AMPLITUDE_SERVER_URL +optional: a proxy of Amplitude's endpoint/);
    expect(stdout).toContain('install them with: npm install');
    expect(stdout).toContain('Next: read docs/configcat-amplitude.md');
  });

  it('asks nothing and does not wait without a terminal, even without --yes', async () => {
    const dir = await project(VITE_REACT_TS);
    const { exitCode, timedOut } = await runBin(dir, ['--skip-install']);
    expect(timedOut).toBe(false);
    expect(exitCode).toBe(0);
    expect(existsSync(join(dir, 'src/ConfigCatAmplitudeProvider.tsx'))).toBe(true);
  });

  it('changes nothing on a second run', async () => {
    const dir = await project(VITE_REACT_TS);
    expect((await runBin(dir, ['--yes', '--skip-install', '--variant', 'value', '--no-identify'])).exitCode).toBe(0);
    await gitSnapshot(dir);
    const again = await runBin(dir, ['--skip-install']);
    expect(again.exitCode).toBe(0);
    expect(again.all).toContain('Every file was already up to date: nothing changed.');
    expect(await gitStatus(dir)).toBe('');
    expect(readText(dir, 'src/configcat-amplitude.ts')).not.toContain('identify(');
  });

  describe('a generated file the user edited', () => {
    async function editedProject(): Promise<string> {
      const dir = await project(NODE_ESM);
      await runBin(dir, ['--yes', '--skip-install']);
      writeFileSync(join(dir, 'src/configcat-amplitude.js'), `${readText(dir, 'src/configcat-amplitude.js')}\n// my change\n`);
      await gitSnapshot(dir);
      return dir;
    }

    it('is kept, named, and the run fails without --force', async () => {
      const dir = await editedProject();
      const { exitCode, all, stderr } = await runBin(dir, ['--yes', '--skip-install', '--variant', 'value']);
      expect(exitCode).not.toBe(0);
      expect(stderr.trim().split('\n').at(-1)).toBe('Error: src/configcat-amplitude.js changed since it was generated and was kept: run again with --force to replace it.');
      expect(all).toContain('Kept (you edited them; run again with --force to replace):\n  src/configcat-amplitude.js');
      expect(readText(dir, 'src/configcat-amplitude.js')).toContain('// my change');
    });

    it('is replaced with --force', async () => {
      const dir = await editedProject();
      const { exitCode } = await runBin(dir, ['--yes', '--skip-install', '--force']);
      expect(exitCode).toBe(0);
      expect(readText(dir, 'src/configcat-amplitude.js')).not.toContain('// my change');
    });

    it('is not confused with a file the generator wrote earlier with other answers', async () => {
      const dir = await project(NODE_ESM);
      await runBin(dir, ['--yes', '--skip-install']);
      const { exitCode } = await runBin(dir, ['--yes', '--skip-install', '--variant', 'variationId']);
      expect(exitCode).toBe(0);
      expect(readText(dir, 'src/configcat-amplitude.js')).toContain('nonEmpty(details.variationId) ?? details.value');
    });
  });

  it('never replaces a file of the same name that the user wrote', async () => {
    const dir = await project({ ...NODE_ESM, 'src/configcat-amplitude.js': '// mine\n' });
    const { exitCode } = await runBin(dir, ['--yes', '--skip-install']);
    expect(exitCode).not.toBe(0);
    expect(readText(dir, 'src/configcat-amplitude.js')).toBe('// mine\n');
  });

  it.each([
    ['an unknown platform', ['--platform', 'svelte'], '--platform "svelte" is not one of js, react, next, react-router, vue, node: pick one of those.'],
    ['an unknown language', ['--language', 'rust'], '--language "rust" is not one of ts, js: pick one of those.'],
    ['an unknown variant mode', ['--variant', 'label'], '--variant "label" is not one of auto, value, variationId: pick one of those.'],
    ['a folder outside the project', ['--dir', '../shared'], '--dir ../shared is outside the project'],
    ['a guide outside the project', ['--guide', '../guide.md'], '--guide ../guide.md is outside the project'],
    ['a bad variable name', ['--sdk-key-env', 'sdk-key'], '--sdk-key-env "sdk-key" is not an environment variable name'],
    ['TypeScript in a JavaScript project', ['--language', 'ts'], '--language ts needs TypeScript in the project'],
  ])('rejects %s in one line, with a non-zero exit, writing nothing', async (_case, args, message) => {
    const dir = await project(NODE_ESM);
    const { exitCode, stderr } = await runBin(dir, ['--yes', '--skip-install', ...args]);
    expect(exitCode).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(await gitStatus(dir)).toBe('');
  });

  it('rejects a folder without package.json, writing nothing', async () => {
    const dir = makeTempProject({ 'notes.txt': '' });
    const { exitCode, stderr } = await runBin(dir, ['--yes']);
    expect(exitCode).not.toBe(0);
    expect(stderr.trim()).toBe(`Error: No package.json in ${dir}: run this inside your project's folder (or run \`npm init -y\` first).`);
    expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
  });

  it('rejects a malformed package.json, writing nothing', async () => {
    const dir = await project({ 'package.json': '{ "name": "broken", }' });
    const { exitCode, stderr } = await runBin(dir, ['--yes']);
    expect(exitCode).not.toBe(0);
    expect(stderr.trim()).toMatch(/^Error: package.json is not valid JSON \(.*\): fix it, then run again.$/);
    expect(await gitStatus(dir)).toBe('');
  });

  it('writes nothing with --dry-run', async () => {
    const dir = await project(NODE_ESM);
    const { exitCode } = await runBin(dir, ['--yes', '--dry-run']);
    expect(exitCode).toBe(0);
    expect(await gitStatus(dir)).toBe('');
  });

  it('says with --dry-run what it would write, with a diff against the disk, and claims nothing', async () => {
    const dir = await project(NODE_ESM);
    const { all } = await runBin(dir, ['--yes', '--dry-run']);
    expect(all).toContain('Dry run: nothing was written and nothing was installed.');
    expect(all).toContain('Would write:\n  .yo-rc.json (new)\n  src/configcat-amplitude.js (new)\n  package.json\n  docs/configcat-amplitude.md (new)\n');
    expect(all).toContain('--- /dev/null\n+++ b/src/configcat-amplitude.js\n@@ -0,0 +1,');
    expect(all).toMatch(/--- a\/package\.json\n\+\+\+ b\/package\.json\n@@ [^\n]+ @@\n(?:[ +-].*\n)*\+ {4}"@configcat\/sdk": "\^1\.1\.0",\n/);
    expect(all).toContain('Would then install the SDK packages with: npm install');
    for (const claim of ['are set up', 'Wrote:', 'install them with', /^ +(create|force) /m]) expect(all).not.toMatch(claim);
  });

  it('says with --dry-run when a run would change nothing', async () => {
    const dir = await project(NODE_ESM);
    expect((await runBin(dir, ['--yes', '--skip-install'])).exitCode).toBe(0);
    await gitSnapshot(dir);
    const { exitCode, all } = await runBin(dir, ['--yes', '--dry-run', '--skip-install']);
    expect(exitCode).toBe(0);
    expect(all).toContain('Every file is already up to date: a run would change nothing.');
    expect(all).not.toContain('Would write');
  });

  it('shows with --dry-run the change to a file generated earlier, and writes nothing', async () => {
    const dir = await project(NODE_ESM);
    expect((await runBin(dir, ['--yes', '--skip-install'])).exitCode).toBe(0);
    await gitSnapshot(dir);
    const { all } = await runBin(dir, ['--yes', '--dry-run', '--skip-install', '--variant', 'variationId']);
    expect(all).toContain('Would write:\n  .yo-rc.json\n  src/configcat-amplitude.js\n  docs/configcat-amplitude.md\n');
    expect(all).toMatch(/^\+.*nonEmpty\(details\.variationId\) \?\? details\.value/m);
    expect(all).toContain('-      "variant": "auto",\n+      "variant": "variationId",');
    expect(await gitStatus(dir)).toBe('');
  });

  it('installs with the package manager given, and names its command', async () => {
    const dir = await project({ ...NODE_ESM, 'package-lock.json': '{}' });
    const { all } = await runBin(dir, ['--yes', '--skip-install', '--package-manager', 'pnpm']);
    expect(all).toContain('install them with: pnpm install --no-frozen-lockfile');
  });

  it('keeps the files and prints the command to run when the install fails', async () => {
    const dir = await project(NODE_ESM);
    const emptyCache = mkdtempSync(join(tmpdir(), 'npm-cache-'));
    const { exitCode, stderr } = await runBin(dir, ['--yes', '--package-manager', 'npm'], {
      npm_config_offline: 'true',
      npm_config_cache: emptyCache,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    });
    expect(exitCode).not.toBe(0);
    expect(stderr.trim().split('\n').at(-1)).toBe(`Error: Dependencies NOT installed (npm exited with code 1): run \`npm install\` in ${dir}.`);
    expect(existsSync(join(dir, 'src/configcat-amplitude.js'))).toBe(true);
    expect(JSON.parse(readText(dir, 'package.json')).dependencies).toHaveProperty('@configcat/sdk');

    // package.json already declares them: a re-run notices they are not installed and tries again.
    const packageJson = readText(dir, 'package.json');
    const again = await runBin(dir, ['--yes', '--package-manager', 'npm'], { npm_config_offline: 'true', npm_config_cache: emptyCache });
    expect(again.exitCode).not.toBe(0);
    expect(again.all).toContain('Installing @configcat/sdk, @amplitude/analytics-node with npm install');
    expect(again.stderr).toContain('Error: Dependencies NOT installed');
    expect(readText(dir, 'package.json')).toBe(packageJson);
  });

  it('reports an install stopped with Ctrl-C as interrupted, with the command to run', async () => {
    const dir = await project(NODE_ESM);
    // A package manager that installs until it is interrupted, and exits as npm does then.
    const bin = mkdtempSync(join(tmpdir(), 'slow-npm-'));
    writeFileSync(join(bin, 'npm'), '#!/usr/bin/env node\nprocess.on("SIGINT", () => process.exit(130));\nconsole.log("installing");\nsetTimeout(() => {}, 60000);\n', { mode: 0o755 });
    const run = runBin(dir, ['--yes', '--package-manager', 'npm'], { PATH: `${bin}:${process.env.PATH}` });
    let seen = '';
    await new Promise<void>((resolve) =>
      run.all!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('installing\n')) resolve();
      }),
    );
    run.kill('SIGINT');
    const { exitCode, stderr } = await run;
    expect(exitCode).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toBe(`Error: Dependencies NOT installed (interrupted): run \`npm install\` in ${dir}.`);
  });
});

describe('a Prettier configuration that cannot be used', () => {
  it.each([
    ['is malformed', { '.prettierrc': '{ "semi": ' }, 'Your Prettier configuration could not be read'],
    ['names a plugin that is not installed', { '.prettierrc': { plugins: ['prettier-plugin-not-installed'] } }, 'Your Prettier configuration could not format configcat-amplitude.js'],
  ])('stops the run in one line when it %s, writing nothing', async (_case, files, message) => {
    const dir = await project({ ...NODE_ESM, ...files });
    const { exitCode, stderr } = await runBin(dir, ['--yes', '--skip-install']);
    expect(exitCode).not.toBe(0);
    // The error is one line, after the line that says what was detected.
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Detected: /), expect.stringContaining(message)]);
    expect(await gitStatus(dir)).toBe('');
  });
});

describe('installing', () => {
  it("installs the SDKs with the project's package manager, then says nothing is left to do", async () => {
    const dir = await project({ ...NODE_ESM, 'package-lock.json': '{\n  "name": "api",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {}\n}\n' });
    // The packages come from npm's cache when it has them (it does after `npm ci` here).
    const { exitCode, all } = await runBin(dir, ['--yes'], { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' });
    expect(exitCode, all).toBe(0);
    expect(all).toContain('Installing @configcat/sdk, @amplitude/analytics-node with npm');
    expect(all).not.toContain('install them with');
    for (const name of ['@configcat/sdk', '@amplitude/analytics-node']) {
      expect(existsSync(join(dir, 'node_modules', name, 'package.json')), name).toBe(true);
    }
    expect(JSON.parse(readText(dir, 'package-lock.json')).packages['node_modules/@configcat/sdk']).toBeDefined();

    const again = await runBin(dir, ['--yes']);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.all).not.toContain('Installing');
    expect(again.all).not.toContain('install them with');
  });
});
