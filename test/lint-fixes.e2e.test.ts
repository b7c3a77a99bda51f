/**
 * A user's `eslint --fix` with rules that choose between two spellings of the same code (dot
 * notation, const, braces, array types, type imports …) leaves every generated file the
 * generator's own: its canonical form, which decides whether a re-run may replace the file, does
 * not change. Run over every distinct code file of the whole answer matrix, with ESLint's real
 * fixers (the rules set both ways where they have two styles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalForm } from '../generators/lib/canonical.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';
import { generateInMemory } from './support/pipeline.js';

const CODE = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs']);

/** Fixable rules whose fixes change spelling, not behaviour; each style a real project might pick. */
const RULE_SETS: Readonly<Record<string, Linter.RulesRecord>> = {
  'one way': {
    'dot-notation': 'error',
    'prefer-const': 'error',
    curly: ['error', 'all'],
    'object-shorthand': ['error', 'always'],
    'arrow-body-style': ['error', 'as-needed'],
    '@typescript-eslint/array-type': ['error', { default: 'generic' }],
    '@typescript-eslint/consistent-type-definitions': ['error', 'interface'],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
  },
  'the other way': {
    curly: ['error', 'multi'],
    'arrow-body-style': ['error', 'always'],
    '@typescript-eslint/array-type': ['error', { default: 'array' }],
    '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
  },
};

/** Every distinct generated code file of the matrix, by a name that says where it comes from. */
const files = new Map<string, { path: string; text: string }>();
const root = mkdtempSync(join(tmpdir(), 'lint-fixes-'));

beforeAll(async () => {
  const seen = new Set<string>();
  for (const [index, matrixCase] of MATRIX.entries()) {
    const dir = join(root, String(index));
    writeMatrixCase(dir, matrixCase);
    const output = await generateInMemory(dir, matrixCase.options, { sharedFormatting: true });
    for (const [path, text] of Object.entries(output.files)) {
      if (!CODE.has(extname(path)) || seen.has(text)) continue;
      seen.add(text);
      files.set(`${matrixCase.name}: ${path}`, { path: join(dir, path), text });
    }
  }
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a user's eslint --fix leaves the generated files the generator's own", () => {
  for (const [setName, rules] of Object.entries(RULE_SETS)) {
    it(`rules set ${setName}`, async () => {
      const eslint = new ESLint({
        cwd: root,
        fix: true,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
            plugins: { '@typescript-eslint': tseslint.plugin },
            languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
            rules,
          },
        ] as Linter.Config[],
      });
      let fixed = 0;
      const recognised: string[] = [];
      const notRecognised: string[] = [];
      for (const [name, { path, text }] of files) {
        const [result] = await eslint.lintText(text, { filePath: path });
        const output = result?.output;
        if (output === undefined || output === text) continue;
        fixed += 1;
        const same = (await canonicalForm(path, output)) === (await canonicalForm(path, text));
        (same ? recognised : notRecognised).push(name);
      }
      // The rules really changed files: otherwise this test would prove nothing.
      expect(fixed).toBeGreaterThan(files.size / 2);
      expect(notRecognised).toEqual([]);
      expect(recognised.length).toBe(fixed);
    }, 600_000);
  }

  it('still tells a real edit from a fix', async () => {
    const [name, sample] = [...files].find(([, file]) => file.path.endsWith('.ts')) ?? [];
    expect(name).toBeDefined();
    if (!sample) return;
    const edited = sample.text.replace('$exposure', '$exposure_custom');
    expect(edited).not.toBe(sample.text);
    expect(await canonicalForm(sample.path, edited)).not.toBe(await canonicalForm(sample.path, sample.text));
  });
});
