import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommonContext } from '../generators/lib/platform.js';
import { linkNodeModules } from './support/generate.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';
import { generateInMemory } from './support/pipeline.js';
import { lintedPaths, lintMessages, SETUPS, STRICTNESS, strictLinters, writeStrictLintSetups, type Setup, type StrictLinters, type Strictness } from './support/strict-lint.js';

/**
 * Every code file of the golden matrix (each platform, language, module system, bundler and answer)
 * linted with the strictest rule sets projects use, as those projects would run them (strict-lint.ts):
 * typescript-eslint's strictTypeChecked + stylisticTypeChecked (type-aware, with the project's
 * `strict` on and off), Biome's recommended rules, and eslint-config-next.
 */
let root: string;
let linters: StrictLinters;
/** The linted folders, by strictness: `<root>/<strictness>/<setup>/<case>/<file>`. */
const folders = new Map<Strictness, string>();
/** Relative paths of the files each folder holds (the same in every strictness). */
let lintedFiles: string[] = [];

beforeAll(async () => {
  linters = strictLinters();
  root = mkdtempSync(join(tmpdir(), 'cca-lint-strict-'));
  linkNodeModules(root);
  // The code files of every case, once per distinct content: many cases generate the same files.
  const cases = new Map<string, { setup: Setup; files: Record<string, string> }>();
  const projects = mkdtempSync(join(root, 'projects-'));
  for (const [index, matrixCase] of MATRIX.entries()) {
    const dir = join(projects, String(index));
    writeMatrixCase(dir, matrixCase);
    const output = await generateInMemory(dir, matrixCase.options, { sharedFormatting: true });
    // configcat-vue re-exports @configcat/sdk's types (and is not among this repository's packages):
    // a Vue app's module is linted against those.
    const code = Object.fromEntries(
      Object.entries(output.files)
        .filter(([path]) => /\.[jt]sx?$/.test(path))
        .map(([path, content]) => [basename(path), content.replace(/(['"])configcat-vue\1/g, '$1@configcat/sdk$1')]),
    );
    const { esm } = output.plan.files[0].context as CommonContext;
    const setup: Setup = output.plan.platform.bundled ? 'browser' : esm ? 'node-esm' : 'node-cjs';
    const key = createHash('sha256').update(JSON.stringify([setup, code])).digest('hex').slice(0, 12);
    cases.set(key, { setup, files: code });
  }
  rmSync(projects, { recursive: true, force: true });
  for (const [strictness, folder] of writeStrictLintSetups(root)) {
    folders.set(strictness, folder);
    for (const [key, { setup, files }] of cases) {
      for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(folder, setup, key), { recursive: true });
        writeFileSync(join(folder, setup, key, name), content);
      }
    }
  }
  lintedFiles = [...cases].flatMap(([key, { setup, files }]) => Object.keys(files).map((name) => `${setup}/${key}/${name}`)).sort();
}, 900_000);

afterAll(() => {
  // KEEP_FIXTURE_PROJECTS keeps the linted files, to look at a failure.
  if (root && !process.env['KEEP_FIXTURE_PROJECTS']) rmSync(root, { recursive: true, force: true });
});

describe('generated code under strict lint rule sets', () => {
  it('covers every platform, language and module system', () => {
    for (const name of ['configcat-amplitude.ts', 'configcat-amplitude.js', 'ConfigCatAmplitudeProvider.tsx', 'ConfigCatAmplitudeProvider.jsx']) {
      expect(lintedFiles.some((path) => path.startsWith('browser/') && path.endsWith(`/${name}`)), name).toBe(true);
    }
    for (const setup of ['node-esm', 'node-cjs']) {
      for (const extension of ['ts', 'js']) expect(lintedFiles.some((path) => path.startsWith(`${setup}/`) && path.endsWith(`.${extension}`)), `${setup} .${extension}`).toBe(true);
    }
  });

  it.each(STRICTNESS)('typescript-eslint strictTypeChecked + stylisticTypeChecked, TypeScript %s', async (strictness) => {
    const cwd = folders.get(strictness)!;
    const eslint = await linters.typescriptEslint(cwd, [
      {
        // CommonJS JavaScript imports with require() and nothing else: a project of that kind turns the
        // rule off for its .js files, its own require() calls included (the rule's docs say as much).
        files: ['node-cjs/**/*.js'],
        rules: { '@typescript-eslint/no-require-imports': 'off' },
      },
    ]);
    const results = await eslint.lintFiles(['**/*.{ts,tsx,js,jsx}']);
    expect(lintMessages(results, cwd)).toEqual([]);
    expect(lintedPaths(results, cwd)).toEqual(lintedFiles);
  }, 900_000);

  it('Biome, recommended rules', async () => {
    const cwd = folders.get('strict-on')!;
    const result = await linters.biome(cwd, SETUPS);
    expect(result.all, result.all).toMatch(/Checked \d+ files?/);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).not.toMatch(/lint\/\w+\/\w+/);
  }, 300_000);

  it('eslint-config-next (core-web-vitals and typescript), on the browser and React files', async () => {
    const cwd = join(folders.get('strict-on')!, 'browser');
    const eslint = await linters.next(cwd);
    const results = await eslint.lintFiles(['**/*.{ts,tsx,js,jsx}']);
    expect(lintMessages(results, cwd)).toEqual([]);
    expect(lintedPaths(results, cwd)).toEqual(lintedFiles.filter((path) => path.startsWith('browser/')).map((path) => path.slice('browser/'.length)));
    expect(results.reduce((count, result) => count + result.warningCount, 0)).toBe(0);
  }, 300_000);
});
