import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStatements } from '../generators/lib/platform.js';
import { findProjectEslint } from '../generators/lib/project-eslint.js';
import { finishWithProjectLint, withExemptions } from '../generators/lib/project-lint.js';
import { REPO_ROOT } from './support/generate.js';
import { makeTempProject } from './support/temp-project.js';

/**
 * The project's own ESLint on generated text: this repository's ESLint 9 (a real one, linked into a
 * project of its own), with core rules that reject what the generated code writes by default.
 */
function eslintProject(config: string, files: Record<string, string> = {}): string {
  const dir = makeTempProject({ 'package.json': { name: 'app', private: true, type: 'module' }, 'eslint.config.js': config, ...files });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const CURLY_AND_CONSOLE = `export default [{ files: ['**/*.js'], rules: { curly: ['error', 'all'], 'no-console': 'error', 'no-undef': 'off' } }];\n`;

const asWritten = async (text: string) => text;

describe('findProjectEslint', () => {
  it('finds nothing in a project without an ESLint configuration, even when ESLint resolves', () => {
    const dir = makeTempProject({ 'package.json': { name: 'app' } });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    expect(findProjectEslint(dir)).toBeUndefined();
  });

  it('names the installed ESLint', () => {
    expect(findProjectEslint(eslintProject(CURLY_AND_CONSOLE))?.name).toMatch(/^ESLint 9\.\d+\.\d+$/);
  });

  it('says a path its configuration does not cover is not linted', async () => {
    const dir = eslintProject(CURLY_AND_CONSOLE);
    expect(await findProjectEslint(dir)!.fix(join(dir, 'docs/guide.md'), '# Guide\n')).toEqual({ status: 'not-linted' });
  });

  it("reports a configuration that fails to load in one line, without throwing", async () => {
    const dir = eslintProject(`import missing from 'no-such-eslint-plugin';\nexport default [missing];\n`);
    const outcome = await findProjectEslint(dir)!.fix(join(dir, 'src/a.js'), 'export const a = 1;\n');
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/no-such-eslint-plugin/);
    expect(outcome.status === 'failed' && outcome.reason).not.toContain('\n');
  });
});

describe('finishWithProjectLint', () => {
  const code = ['export function report(error) {', '  if (!error) return;', '  console.error(error);', '}', ''].join('\n');

  it("takes the project's fixes and exempts the deliberate console call, with the reason", async () => {
    const dir = eslintProject(CURLY_AND_CONSOLE);
    const path = join(dir, 'src/wiring.js');
    const result = await finishWithProjectLint(findProjectEslint(dir)!, path, code, asWritten, { exempt: true });
    expect(result).toEqual({
      status: 'linted',
      text: [
        'export function report(error) {',
        '  if (!error) {return;}',
        '  // eslint-disable-next-line no-console -- the wiring reports its own failures, once each',
        '  console.error(error);',
        '}',
        '',
      ].join('\n'),
      exempted: ['no-console'],
      errors: [],
    });
    // What it wrote passes the project's lint as it stands.
    const again = await findProjectEslint(dir)!.fix(path, result.status === 'linted' ? result.text : '');
    expect(again).toMatchObject({ status: 'linted', errors: [] });
  });

  it('gives the formatter the last word after the fixes, and finds the errors again where they are then', async () => {
    const dir = eslintProject(CURLY_AND_CONSOLE);
    // A formatter that spreads the fixed braces over lines, as Prettier does.
    const format = async (text: string) => text.replace('{return;}', '{\n    return;\n  }');
    const result = await finishWithProjectLint(findProjectEslint(dir)!, join(dir, 'src/wiring.js'), code, format, { exempt: true });
    expect(result.status === 'linted' && result.text.split('\n').slice(1, 6)).toEqual([
      '  if (!error) {',
      '    return;',
      '  }',
      '  // eslint-disable-next-line no-console -- the wiring reports its own failures, once each',
      '  console.error(error);',
    ]);
  });

  it('reports what its fixes cannot change, and exempts nothing where exemptions are not wanted', async () => {
    const dir = eslintProject(`export default [{ files: ['**/*.js'], rules: { 'no-console': 'error', 'no-var': 'error', eqeqeq: 'error' } }];\n`);
    const text = 'export function same(a, b) {\n  console.log(a);\n  return a == b;\n}\n';
    const result = await finishWithProjectLint(findProjectEslint(dir)!, join(dir, 'src/user.js'), text, asWritten, { exempt: false });
    expect(result).toMatchObject({ status: 'linted', text, exempted: [] });
    expect(result.status === 'linted' && result.errors.map(({ line, ruleId }) => `${line} ${ruleId}`)).toEqual(['2 no-console', '3 eqeqeq']);
  });

  it('exempts a deliberate console call that is only a warning, and ignores other warnings unless they fail the lint', async () => {
    const config = `export default [{ files: ['**/*.js'], rules: { 'no-console': 'warn', eqeqeq: 'warn' } }];\n`;
    const text = 'export function report(error) {\n  const shown = error == null ? "none" : error;\n  console.error(shown);\n}\n';
    const lenientDir = eslintProject(config);
    const lenient = await finishWithProjectLint(findProjectEslint(lenientDir)!, join(lenientDir, 'src/a.js'), text, asWritten, { exempt: true });
    expect(lenient).toMatchObject({ status: 'linted', exempted: ['no-console'], errors: [] });
    expect(lenient.status === 'linted' && lenient.text).toContain('  // eslint-disable-next-line no-console -- the wiring reports its own failures, once each\n  console.error(shown);');
    // The project's scripts run ESLint with --max-warnings 0: every remaining warning fails it.
    const dir = eslintProject(config);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: 'module', scripts: { 'lint:strict': 'eslint --max-warnings=0 src' } }));
    const strict = await finishWithProjectLint(findProjectEslint(dir)!, join(dir, 'src/a.js'), text, asWritten, { exempt: true });
    expect(strict.status === 'linted' && strict.errors.map(({ line, ruleId, severity }) => `${line} ${ruleId} ${severity}`)).toEqual(['2 eqeqeq warning']);
  });

  it('exempts reading the environment where the project forbids process.env', async () => {
    const dir = eslintProject(`export default [{ files: ['**/*.js'], rules: { 'no-process-env': 'error' } }];\n`);
    const text = "export const key = process.env['CONFIGCAT_SDK_KEY'];\n";
    const result = await finishWithProjectLint(findProjectEslint(dir)!, join(dir, 'src/a.js'), text, asWritten, { exempt: true });
    expect(result).toMatchObject({ status: 'linted', exempted: ['no-process-env'], errors: [] });
    expect(result.status === 'linted' && result.text.split('\n')[0]).toBe('// eslint-disable-next-line no-process-env -- keys and endpoints come from the environment, as the guide documents');
  });

  it('leaves a text its ESLint does not lint as it is', async () => {
    const dir = eslintProject(CURLY_AND_CONSOLE);
    expect(await finishWithProjectLint(findProjectEslint(dir)!, join(dir, 'src/a.ts'), 'if (a) b();\n', asWritten, { exempt: true })).toEqual({ status: 'not-linted' });
  });
});

describe('withExemptions', () => {
  const error = (line: number, ruleId = 'no-console') => ({ line, ruleId, message: 'Unexpected console statement.', severity: 'error' as const });

  it('puts one directive above each line, in its indentation, whatever the order of the errors', () => {
    const text = 'a();\n\tconsole.warn(1);\n    console.error(2);\n';
    expect(withExemptions(text, [error(3), error(2)])).toBe(
      [
        'a();',
        '\t// eslint-disable-next-line no-console -- the wiring reports its own failures, once each',
        '\tconsole.warn(1);',
        '    // eslint-disable-next-line no-console -- the wiring reports its own failures, once each',
        '    console.error(2);',
        '',
      ].join('\n'),
    );
  });

  it('names a line once however many errors it has, and keeps CRLF line endings', () => {
    const text = 'console.log(1); console.log(2);\r\n';
    expect(withExemptions(text, [error(1), error(1)])).toBe('// eslint-disable-next-line no-console -- the wiring reports its own failures, once each\r\nconsole.log(1); console.log(2);\r\n');
  });
});

describe('importStatements', () => {
  it('imports values and types from one module in one statement, names in order as sorters keep them', () => {
    expect(importStatements('configcat-react', ['useConfigCatClient', 'ConfigCatProvider'], ['IProvidesHooks'], true)).toBe(
      "import { ConfigCatProvider, type IProvidesHooks, useConfigCatClient } from 'configcat-react';",
    );
  });

  it('imports types alone with `import type`, and values alone without it', () => {
    expect(importStatements('react', [], ['ReactElement', 'ComponentProps'], true)).toBe("import type { ComponentProps, ReactElement } from 'react';");
    expect(importStatements('react', ['useEffect'], [], true)).toBe("import { useEffect } from 'react';");
    expect(importStatements('react', [], [], true)).toBe('');
  });

  it('gives the types a statement of their own, saying why, for a toolchain that reads no inline type names', () => {
    expect(importStatements('react', ['useEffect'], ['ReactElement'], false).split('\n')).toEqual([
      "import { useEffect } from 'react';",
      expect.stringMatching(/^\/\/ Type-only imports in a statement of their own: .*Prettier \(before 2\.5\)/),
      "import type { ReactElement } from 'react';",
    ]);
  });
});
