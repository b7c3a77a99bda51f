import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { runApp, type ProjectFiles } from './support/generate.js';
import { makeTempProject } from './support/temp-project.js';

const TS_VITE_REACT = {
  'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
  'tsconfig.json': { compilerOptions: { strict: true } },
  'src/main.tsx': 'export {};\n',
};
const JS_NODE_CJS = { 'package.json': { name: 'api', dependencies: { express: '^5.0.0' } }, 'index.js': '' };

function runGenerator(files: ProjectFiles, options: Record<string, unknown>) {
  return runApp().withFiles(files).commitFiles().withOptions({ skipInstall: true, ...options });
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('app generator', () => {
  describe.each([
    ['node', 'ts', ['src/configcat-amplitude.ts'], ['@configcat/sdk', '@amplitude/analytics-node']],
    ['node', 'js', ['src/configcat-amplitude.js'], ['@configcat/sdk', '@amplitude/analytics-node']],
    ['js', 'ts', ['src/configcat-amplitude.ts'], ['@configcat/sdk', '@amplitude/analytics-browser']],
    ['js', 'js', ['src/configcat-amplitude.js'], ['@configcat/sdk', '@amplitude/analytics-browser']],
    ['react', 'ts', ['src/configcat-amplitude.ts', 'src/ConfigCatAmplitudeProvider.tsx'], ['configcat-react', '@amplitude/analytics-browser']],
    ['react', 'js', ['src/configcat-amplitude.js', 'src/ConfigCatAmplitudeProvider.jsx'], ['configcat-react', '@amplitude/analytics-browser']],
  ])('--platform %s --language %s', (platform, language, files, dependencies) => {
    it('writes the wiring, the guide and the dependencies', async () => {
      const result = await runGenerator(TS_VITE_REACT, { yes: true, platform, language });
      for (const file of [...files, 'docs/configcat-amplitude.md']) expect(existsSync(join(result.cwd, file)), file).toBe(true);
      const packageJson = JSON.parse(read(result.cwd, 'package.json')) as { dependencies: Record<string, string> };
      expect(Object.keys(packageJson.dependencies)).toEqual(expect.arrayContaining(dependencies));
      const wiring = read(result.cwd, files[0]!);
      expect(wiring).toContain('export');
      expect(wiring).toMatch(/["']\$exposure["']/);
      // Formatted with Babel's parsers for speed: exactly what Prettier's own choice of parser prints.
      for (const file of files) {
        const code = read(result.cwd, file);
        expect(await prettier.format(code, { filepath: join(result.cwd, file) }), file).toBe(code);
      }
      const saved = JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'];
      expect(saved.answers).toMatchObject({ platform, language, dir: 'src' });
    });
  });

  it('refuses a Cloudflare Workers project in one line, writing nothing', async () => {
    const workers = { 'package.json': { name: 'worker', scripts: { deploy: 'wrangler deploy' }, dependencies: { hono: '^4.0.0' }, devDependencies: { wrangler: '^4.0.0' } }, 'src/index.ts': 'export default {};\n' };
    const dir = makeTempProject(workers);
    await expect(runApp().cd(dir).withOptions({ yes: true, skipInstall: true })).rejects.toThrow(
      /^This looks like a Cloudflare Workers project \(wrangler in package\.json\), which the generated server code does not run on/,
    );
    expect(existsSync(join(dir, 'src/configcat-amplitude.ts'))).toBe(false);
    expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
  });

  it('refuses TypeScript output for a TypeScript older than the generated code needs, naming the upgrade', async () => {
    const dir = makeTempProject({
      'package.json': { name: 'api', dependencies: { koa: '^2.0.0' }, devDependencies: { typescript: '^3.9.0' } },
      'tsconfig.json': { compilerOptions: { strict: true } },
      'node_modules/typescript/package.json': { name: 'typescript', version: '3.9.10' },
      'src/index.ts': 'export {};\n',
    });
    await expect(runApp().cd(dir).withOptions({ yes: true, skipInstall: true })).rejects.toThrow(
      'The generated TypeScript needs TypeScript 4.5 or later; this project has 3.9.10. Upgrade it (npm install --save-dev typescript@^5), or run again with --language js. Nothing was written.',
    );
    expect(existsSync(join(dir, 'src/configcat-amplitude.ts'))).toBe(false);
    await runApp().cd(dir).withOptions({ yes: true, skipInstall: true, language: 'js' });
    expect(existsSync(join(dir, 'src/configcat-amplitude.js'))).toBe(true);
  });

  it.each([
    ['an Astro site', { astro: '^5.0.0' }, /^This is an Astro project, which this generator does not wire yet/],
    ['flags read with configcat-js-ssr', { next: '^14.0.0', react: '^18.0.0', 'configcat-js-ssr': '^8.5.0' }, /^This project evaluates its flags with configcat-js-ssr, whose clients this generator does not wire yet .*move them to @configcat\/sdk/],
  ])('refuses %s in one line, writing nothing', async (_name, dependencies, message) => {
    const dir = makeTempProject({ 'package.json': { name: 'site', dependencies }, 'src/index.ts': 'export {};\n' });
    await expect(runApp().cd(dir).withOptions({ yes: true, skipInstall: true })).rejects.toThrow(message);
    expect(existsSync(join(dir, 'src/configcat-amplitude.ts'))).toBe(false);
    expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
  });

  it('formats with the project Prettier configuration', async () => {
    const result = await runGenerator({ ...TS_VITE_REACT, '.prettierrc': { semi: false, singleQuote: false, useTabs: true } }, { yes: true });
    for (const file of ['src/configcat-amplitude.ts', 'src/ConfigCatAmplitudeProvider.tsx']) {
      const code = read(result.cwd, file);
      expect(code).toMatch(/ from "configcat-react"$/m);
      expect(code).not.toMatch(/;$/m);
      expect(code).toMatch(/^\t[a-z]/m);
    }
  });

  it('writes .yo-rc.json as the project formatter prints it, so a format check over the tree passes', async () => {
    const result = await runGenerator({ ...TS_VITE_REACT, '.prettierrc': { semi: false, singleQuote: true } }, { yes: true });
    const yoRc = read(result.cwd, '.yo-rc.json');
    expect(await prettier.format(yoRc, { filepath: join(result.cwd, '.yo-rc.json'), semi: false, singleQuote: true })).toBe(yoRc);
    expect(yoRc).toMatch(/"addedDependencies": \["@amplitude\/analytics-browser", "configcat-react"\]/);
  });

  it('formats with Prettier defaults when the project has no configuration', async () => {
    const result = await runGenerator(JS_NODE_CJS, { yes: true });
    expect(read(result.cwd, 'configcat-amplitude.js')).toContain('require("@configcat/sdk")');
  });

  it('keeps the indentation of package.json', async () => {
    const result = await runGenerator({ 'package.json': '{\n\t"name": "tabs",\n\t"private": true\n}\n' }, { yes: true, platform: 'node' });
    expect(read(result.cwd, 'package.json')).toMatch(/^\t"dependencies": \{\n\t\t"@amplitude\/analytics-node"/m);
  });

  it('writes .yo-rc.json in the indentation of package.json, and a re-run edits only what changed', async () => {
    const first = await runGenerator({ 'package.json': '{\n\t"name": "tabs",\n\t"private": true\n}\n' }, { yes: true, platform: 'node' });
    const yoRc = read(first.cwd, '.yo-rc.json');
    expect(yoRc).toMatch(/^\{\n\t"generator-configcat-amplitude": \{\n\t\t"fingerprints": \{\n\t\t\t"/);
    expect(yoRc).not.toMatch(/^ /m);

    // What the user or another generator wrote keeps its bytes: one-line values stay on one line.
    const edited = yoRc
      .replace(/"addedDependencies": \[[^\]]*\]/, '"addedDependencies": ["@amplitude/analytics-node", "@configcat/sdk"]')
      .replace('{\n', '{\n\t"generator-other": {"list": [1, 2]},\n');
    const packageJson = read(first.cwd, 'package.json');
    const second = await runGenerator({ 'package.json': packageJson, '.yo-rc.json': edited }, { yes: true, platform: 'node', dir: 'lib' });
    const after = read(second.cwd, '.yo-rc.json');
    const before = new Set(edited.split('\n'));
    expect(after.split('\n').filter((line) => !before.has(line))).toEqual([
      expect.stringMatching(/^\t\t\t"docs\/configcat-amplitude\.md": "[\w:]+",$/),
      expect.stringMatching(/^\t\t\t"lib\/configcat-amplitude\.js": "[\w:]+"$/),
      '\t\t\t"dir": "lib",',
    ]);
    expect(edited.split('\n').filter((line) => !after.includes(line))).toEqual([
      expect.stringMatching(/^\t\t\t"docs\/configcat-amplitude\.md": "[\w:]+"$/),
      '\t\t\t"dir": ".",',
    ]);
  });

  it('keeps using a legacy ConfigCat package and an existing Amplitude SDK', async () => {
    const result = await runGenerator(
      { 'package.json': { name: 'api', type: 'module', dependencies: { 'configcat-node': '^11.4.1', '@amplitude/analytics-node': '^1.5.0' } } },
      { yes: true },
    );
    const wiring = read(result.cwd, 'configcat-amplitude.js');
    expect(wiring).toContain('from "configcat-node"');
    expect(wiring).not.toContain('initAmplitude');
    expect(JSON.parse(read(result.cwd, 'package.json')).dependencies).toEqual({ 'configcat-node': '^11.4.1', '@amplitude/analytics-node': '^1.5.0' });
  });

  it('asks the questions when it can, and takes the answers', async () => {
    const result = await runApp()
      .withFiles(TS_VITE_REACT)
      .commitFiles()
      .withOptions({ skipInstall: true })
      .withAnswers({ platform: 'js', language: 'ts', dir: 'src/analytics', variant: 'variationId', identify: false, trackDefaultValues: true, sdkKeyEnv: 'VITE_FLAGS_KEY', amplitudeKeyEnv: 'VITE_AMP_KEY' });
    expect(result.askedQuestions.map((question) => question.name)).toEqual([
      'platform', 'language', 'dir', 'variant', 'identify', 'trackDefaultValues', 'sdkKeyEnv', 'amplitudeKeyEnv', 'edit',
    ]);
    const wiring = read(result.cwd, 'src/analytics/configcat-amplitude.ts');
    expect(wiring).toContain('import.meta.env.VITE_FLAGS_KEY');
    expect(wiring).not.toContain('identify(');
    // The skip of fallbacks is gone; a fallback is sent, marked as one.
    expect(wiring).not.toContain('if (details.isDefaultValue) return;');
    expect(wiring).toContain('(default)');
  });

  it('saves --amplitude-server-zone and --configcat-data-governance, so a re-run without them keeps the EU endpoints', async () => {
    const dir = makeTempProject(TS_VITE_REACT);
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true, platform: 'js', amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' });
    const saved = JSON.parse(read(dir, '.yo-rc.json'))['generator-configcat-amplitude'];
    expect(saved.answers).toMatchObject({ amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' });
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true });
    const wiring = read(dir, 'src/configcat-amplitude.ts');
    expect(wiring).toMatch(/serverZone: ["']EU["']/);
    expect(wiring).toContain('dataGovernance: DataGovernance.EuOnly');
    expect(wiring).toContain('import.meta.env.VITE_CONFIGCAT_BASE_URL');
    expect(wiring).toContain('import.meta.env.VITE_AMPLITUDE_SERVER_URL');
  });

  it('asks nothing that options or saved answers already answer', async () => {
    const dir = makeTempProject(TS_VITE_REACT);
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true, platform: 'react' });
    const second = await runApp().cd(dir).withOptions({ skipInstall: true }).withAnswers({});
    expect(second.askedQuestions).toEqual([]);
    const third = await runApp().cd(dir).withOptions({ skipInstall: true, platform: 'js' }).withAnswers({});
    expect(third.askedQuestions).toEqual([]);
    expect(existsSync(join(dir, 'src/configcat-amplitude.ts'))).toBe(true);
  });
});

describe('a generated file the user edited, in an interactive run', () => {
  async function editedProject(): Promise<string> {
    const dir = makeTempProject(JS_NODE_CJS);
    await runApp().cd(dir).withOptions({ skipInstall: true, yes: true });
    writeFileSync(join(dir, 'configcat-amplitude.js'), '// rewritten by hand\n');
    return dir;
  }

  it.each([
    ['skip', '// rewritten by hand\n'],
    ['write', 'sendExposureToAmplitude'],
  ])("goes through Yeoman's conflict question (answer: %s)", async (action, expected) => {
    const dir = await editedProject();
    const result = await runApp({}, { force: false })
      .cd(dir)
      .withOptions({ skipInstall: true, force: false, variant: 'value' })
      .withAnswers({ action });
    expect(result.askedQuestions.map((question) => question.name)).toContain('action');
    expect(read(dir, 'configcat-amplitude.js')).toContain(expected);
  });
});
