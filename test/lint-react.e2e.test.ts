import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { generateBrowserProject, type BrowserProjectSpec } from './support/browser-projects.js';
import { CREATE_VITE_REACT, CREATE_VITE_REACT_TS } from './support/create-vite-eslint.js';

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
