import js from '@eslint/js';
import { ESLint, type Linter } from 'eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { generateBrowserProject, type BrowserProjectSpec } from './support/browser-projects.js';

/** The flat config create-vite's react-ts template ships (eslint.config.js), minus its `dist` ignore. */
const CREATE_VITE_REACT_TS = [
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: { ecmaVersion: 2020 as const, globals: globals.browser },
  },
];

/** The same template's JavaScript sibling (create-vite's `react`), for the .jsx output. */
const CREATE_VITE_REACT = [
  {
    files: ['**/*.{js,jsx}'],
    extends: [js.configs.recommended, reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: {
      ecmaVersion: 2020 as const,
      globals: globals.browser,
      parserOptions: { ecmaVersion: 'latest' as const, ecmaFeatures: { jsx: true }, sourceType: 'module' },
    },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^[A-Z_]' }] },
  },
];

const CASES: readonly BrowserProjectSpec[] = [
  { name: 'lint-react-vite-ts', platform: 'react', language: 'ts', framework: 'vite' },
  { name: 'lint-react-next-ts', platform: 'react', language: 'ts', framework: 'next', variant: 'value', identify: false, unifiedAmplitude: true },
  { name: 'lint-react-vite-js', platform: 'react', language: 'js', framework: 'vite', variant: 'variationId' },
  // Vite projects only for JavaScript: under globals.browser, `process.env` (CRA, Next.js) is no-undef,
  // and those toolchains ship their own ESLint configs that define it.
  { name: 'lint-react-vite-js-unified', platform: 'react', language: 'js', framework: 'vite', unifiedAmplitude: true, trackDefaultValues: true },
];

describe('generated React files pass the create-vite ESLint config with no warnings', () => {
  it.each(CASES.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    const project = await generateBrowserProject(spec);
    const config = spec.language === 'ts' ? CREATE_VITE_REACT_TS : CREATE_VITE_REACT;
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: tseslint.config(...config) as Linter.Config[],
    });
    const results = await eslint.lintFiles([`src/**/*.${spec.language}`, `src/**/*.${spec.language}x`]);
    expect(results.map((result) => result.filePath.slice(project.dir.length + 1)).sort()).toEqual(
      [`src/ConfigCatAmplitudeProvider.${spec.language}x`, `src/configcat-amplitude.${spec.language}`].sort(),
    );
    const messages = results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`));
    expect(messages).toEqual([]);
    expect(results.reduce((count, result) => count + result.warningCount + result.errorCount, 0)).toBe(0);
  });
});
