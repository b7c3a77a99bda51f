import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/generate.js';
import { gitSnapshot, gitStatus, makeTempProject, readText, runBin, writeFiles } from './support/temp-project.js';
import { installToolchain, linkToolchain, type ToolchainRequest } from './support/toolchain.js';

/**
 * The generator run as a user runs it (its bin, `--yes --skip-install`) in projects that format
 * with their own toolchain, installed from the registry: each project's own check command must
 * pass on what it wrote, and a re-run after the user's own formatter must change nothing.
 */

const GENERATED = ['src/configcat-amplitude.ts', 'src/ConfigCatAmplitudeProvider.tsx', 'docs/configcat-amplitude.md'];

/** A Vite + React + TypeScript app, so that the run writes .ts, .tsx and .md files. */
function reactApp(devDependencies: Record<string, string>, files: Record<string, string | object>, packageJsonExtra: object = {}) {
  return {
    '.gitignore': 'node_modules\n',
    'package.json': {
      name: 'web',
      private: true,
      type: 'module',
      ...packageJsonExtra,
      dependencies: { react: '^19.0.0' },
      devDependencies: { vite: '^8.3.0', typescript: '~5.9.3', ...devDependencies },
    },
    'tsconfig.json': { compilerOptions: { strict: true, jsx: 'react-jsx' } },
    'src/main.tsx': 'export {};\n',
    ...files,
  };
}

function toolchainProject(toolchain: ToolchainRequest, files: Record<string, string | object>): string {
  const dir = makeTempProject(files);
  linkToolchain(installToolchain(toolchain), dir);
  return dir;
}

async function generate(dir: string, ...args: string[]): Promise<void> {
  const run = await runBin(dir, ['--yes', '--skip-install', ...args]);
  expect(run.exitCode, run.all).toBe(0);
}

/** Runs a tool of the project (node_modules/.bin) and returns what it printed; fails the test on a non-zero exit. */
async function projectTool(dir: string, tool: string, args: readonly string[]): Promise<string> {
  const result = await execa(join(dir, 'node_modules/.bin', tool), args, { cwd: dir, reject: false, all: true, env: { NO_COLOR: '1' } });
  expect(result.exitCode, `${tool} ${args.join(' ')}\n${result.all}`).toBe(0);
  return result.all ?? '';
}

const readGenerated = (dir: string) => Object.fromEntries(GENERATED.map((path) => [path, readText(dir, path)]));

/**
 * After the user's formatter: the files differ from what the generator wrote only in formatting,
 * the edits decision says so, and a re-run exits 0 leaving every file byte for byte as it was.
 */
async function expectRerunChangesNothing(dir: string, generated: Record<string, string>): Promise<void> {
  const { decideWriteOf } = await import('../generators/lib/edits.js');
  const fingerprints = JSON.parse(readText(dir, '.yo-rc.json'))['generator-configcat-amplitude'].fingerprints as Record<string, string>;
  const reformatted = GENERATED.filter((path) => readText(dir, path) !== generated[path]);
  expect(reformatted.length, 'the formatter changed some file').toBeGreaterThan(0);
  for (const path of GENERATED) {
    expect((await decideWriteOf(join(dir, path), readText(dir, path), generated[path]!, fingerprints[path])).action, path).toBe('unchanged');
  }
  await gitSnapshot(dir);
  const again = await runBin(dir, ['--yes', '--skip-install']);
  expect(again.exitCode, again.all).toBe(0);
  expect(await gitStatus(dir)).toBe('');
}

const importIndex = (code: string, from: string) => code.search(new RegExp(`^} from ['"]${from}['"]|^import .* from ['"]${from}['"]`, 'm'));

describe('Prettier 2.8 with an import sorter it loads by itself', () => {
  const toolchain = { devDependencies: { prettier: '2.8.8', '@trivago/prettier-plugin-sort-imports': '4.3.0' } };
  // No `plugins` entry: Prettier 2 loads prettier-plugin-* and @*/prettier-plugin-* from node_modules on its own.
  const prettierrc = { singleQuote: true, semi: false, printWidth: 100, importOrder: ['^configcat-(.*)$', '^@amplitude/(.*)$', '^[./]'], importOrderSortSpecifiers: true };
  let dir: string;
  beforeAll(() => {
    dir = toolchainProject(toolchain, reactApp(toolchain.devDependencies, { '.prettierrc': prettierrc }));
  });

  it("writes what the project's `prettier --check` accepts, imports in its order", async () => {
    await generate(dir);
    await projectTool(dir, 'prettier', ['--check', ...GENERATED]);
    const wiring = readText(dir, 'src/configcat-amplitude.ts');
    expect(importIndex(wiring, 'configcat-react')).toBeGreaterThanOrEqual(0);
    expect(importIndex(wiring, 'configcat-react')).toBeLessThan(importIndex(wiring, '@amplitude/analytics-browser'));
    expect(wiring).not.toMatch(/;$/m);
  });

  it('changes nothing on a re-run after `prettier --write` with other settings', async () => {
    const generated = readGenerated(dir);
    await projectTool(dir, 'prettier', ['--write', '--print-width', '60', '--use-tabs', '--no-single-quote', ...GENERATED]);
    await expectRerunChangesNothing(dir, generated);
  });

  it("replaces its reformatted file when the answers change, formatted the project's way again", async () => {
    const before = readGenerated(dir);
    const run = await runBin(dir, ['--yes', '--skip-install', '--variant', 'value']);
    expect(run.exitCode, run.all).toBe(0);
    const replaced = GENERATED.filter((path) => readText(dir, path) !== before[path]);
    expect(replaced).toContain('src/configcat-amplitude.ts');
    await projectTool(dir, 'prettier', ['--check', ...replaced]);
    // A file this run generates the same (modulo formatting) stays as the user formatted it.
    for (const path of GENERATED.filter((path) => !replaced.includes(path))) expect(readText(dir, path)).toMatch(/^\t/m);
  });
});

describe("a workspace package that uses the repository root's Prettier", () => {
  it('finds it as Node resolves packages, walking up', async () => {
    const toolchain = { devDependencies: { prettier: '2.8.8', '@trivago/prettier-plugin-sort-imports': '4.3.0' } };
    const root = toolchainProject(toolchain, {
      'package.json': { name: 'monorepo', private: true, workspaces: ['packages/*'] },
      '.prettierrc': { semi: false, importOrder: ['^configcat-(.*)$', '^@amplitude/(.*)$'] },
    });
    const dir = join(root, 'packages/web');
    mkdirSync(dir, { recursive: true });
    writeFiles(dir, reactApp({}, {}));
    await generate(dir);
    const wiring = readText(dir, 'src/configcat-amplitude.ts');
    expect(importIndex(wiring, 'configcat-react')).toBeLessThan(importIndex(wiring, '@amplitude/analytics-browser'));
    await execa(join(root, 'node_modules/.bin/prettier'), ['--check', ...GENERATED], { cwd: dir });
  });
});

describe('Prettier 3.1 run by ESLint (eslint-plugin-prettier)', () => {
  const toolchain = {
    devDependencies: {
      prettier: '3.1.1',
      eslint: '9.39.1',
      '@eslint/js': '9.39.1',
      'eslint-plugin-prettier': '5.5.4',
      'eslint-config-prettier': '10.1.8',
      'typescript-eslint': '8.46.0',
      typescript: '5.9.3',
      '@trivago/prettier-plugin-sort-imports': '4.3.0',
    },
  };
  const eslintConfig = `import js from '@eslint/js';
import prettier from 'eslint-plugin-prettier/recommended';
import tseslint from 'typescript-eslint';

export default tseslint.config({ ignores: ['node_modules/**'] }, js.configs.recommended, ...tseslint.configs.recommended, prettier);
`;
  let dir: string;
  beforeAll(() => {
    dir = toolchainProject(
      toolchain,
      reactApp(toolchain.devDependencies, {
        // Prettier 3 loads only the plugins its configuration names.
        '.prettierrc': {
          useTabs: true,
          semi: false,
          singleQuote: true,
          trailingComma: 'es5',
          printWidth: 90,
          plugins: ['@trivago/prettier-plugin-sort-imports'],
          importOrder: ['^configcat-(.*)$', '^@amplitude/(.*)$', '^[./]'],
        },
        'eslint.config.mjs': eslintConfig,
      }, { scripts: { lint: 'eslint .' } }),
    );
  });

  it("writes what the project's `eslint` accepts", async () => {
    await generate(dir);
    await projectTool(dir, 'eslint', GENERATED.filter((path) => path.startsWith('src/')));
    await projectTool(dir, 'prettier', ['--check', ...GENERATED]);
    const wiring = readText(dir, 'src/configcat-amplitude.ts');
    expect(importIndex(wiring, 'configcat-react')).toBeLessThan(importIndex(wiring, '@amplitude/analytics-browser'));
  });

  it('changes nothing on a re-run after `eslint --fix` and `prettier --write` with other settings', async () => {
    const generated = readGenerated(dir);
    await projectTool(dir, 'prettier', ['--write', '--no-use-tabs', '--semi', '--print-width', '120', ...GENERATED]);
    await execa(join(dir, 'node_modules/.bin/eslint'), ['--fix', 'src'], { cwd: dir, reject: false });
    await expectRerunChangesNothing(dir, generated);
  });
});

describe('Biome 2 with tabs', () => {
  const toolchain = { devDependencies: { '@biomejs/biome': '2.6.8' } };
  const biomeJson = `{
\t"formatter": { "indentStyle": "tab", "lineWidth": 100 },
\t"javascript": { "formatter": { "quoteStyle": "single", "semicolons": "asNeeded" } }
}
`;
  let dir: string;
  beforeAll(() => {
    const files = reactApp(toolchain.devDependencies, { 'biome.json': biomeJson }, { scripts: { check: 'biome ci .' } });
    dir = toolchainProject(toolchain, { ...files, 'package.json': `${JSON.stringify(files['package.json'], null, '\t')}\n` });
  });

  it("writes what the project's `biome ci` accepts: its formatting and its import order", async () => {
    await generate(dir);
    await projectTool(dir, 'biome', ['ci', ...GENERATED, 'package.json']);
    const provider = readText(dir, 'src/ConfigCatAmplitudeProvider.tsx');
    // Biome's organizer puts configcat-react before react (the template has them the other way round).
    expect(importIndex(provider, 'configcat-react')).toBeLessThan(importIndex(provider, 'react'));
    expect(provider).toMatch(/^\t[a-z]/m);
    // This Biome formats Markdown too, and the code blocks in it.
    expect(readText(dir, 'docs/configcat-amplitude.md')).toMatch(/^import .* from '/m);
  });

  it('changes nothing on a re-run after `biome format --write` with other settings', async () => {
    const generated = readGenerated(dir);
    await projectTool(dir, 'biome', ['format', '--write', '--indent-style=space', '--line-width=60', '--javascript-formatter-quote-style=double', ...GENERATED]);
    await expectRerunChangesNothing(dir, generated);
  });
});

describe('Biome 2 in a CommonJS Node project', () => {
  const toolchain = { devDependencies: { '@biomejs/biome': '2.6.8' } };
  const nodeProject = (files: Record<string, string | object>) => ({
    '.gitignore': 'node_modules\n',
    'package.json': { name: 'api', private: true, dependencies: { express: '^5.0.0' }, devDependencies: toolchain.devDependencies },
    'index.js': '',
    ...files,
  });

  it('formats, and keeps "use strict" that Biome\'s lint fixes would delete', async () => {
    const dir = toolchainProject(toolchain, nodeProject({ 'biome.json': { formatter: { indentStyle: 'space', indentWidth: 4 } } }));
    await generate(dir);
    await projectTool(dir, 'biome', ['ci', 'configcat-amplitude.js']);
    expect(readText(dir, 'configcat-amplitude.js')).toMatch(/^"use strict";\n/);
    expect(readText(dir, 'configcat-amplitude.js')).toMatch(/^ {4}[a-z]/m);
  });

  it('leaves a file its configuration ignores to Prettier', async () => {
    const dir = toolchainProject(toolchain, nodeProject({ 'src/server.js': '', 'biome.json': { files: { includes: ['**', '!src/configcat-amplitude.js'] } } }));
    // Biome 2.6 applies `files.includes` to --stdin-file-path only when the file exists: the first run is Biome's.
    await generate(dir);
    await generate(dir, '--variant', 'value');
    await execa(join(REPO_ROOT, 'node_modules/.bin/prettier'), ['--check', 'src/configcat-amplitude.js'], { cwd: dir });
  });

  it('stops in one line, writing nothing, when its configuration is broken', async () => {
    const dir = toolchainProject(toolchain, nodeProject({ 'biome.json': '{ "formatter": { "indentStyle": "tabz" } }\n' }));
    await gitSnapshot(dir);
    const { exitCode, stderr } = await runBin(dir, ['--yes', '--skip-install']);
    expect(exitCode).not.toBe(0);
    // The line that says what was detected comes first; the error is one line.
    expect(stderr.trim().split('\n').filter((line) => !line.startsWith('Detected:'))).toHaveLength(1);
    expect(stderr).toContain('Your Biome configuration (biome.json) could not format configcat-amplitude.js (Found an unknown value `tabz`.)');
    expect(await gitStatus(dir)).toBe('');
  });
});

describe('Biome 1.9', () => {
  it("writes what the project's `biome ci` formatter and import organizer accept", async () => {
    const toolchain = { devDependencies: { '@biomejs/biome': '1.9.4' } };
    const biomeJson = { organizeImports: { enabled: true }, formatter: { indentStyle: 'tab' }, javascript: { formatter: { quoteStyle: 'single' } } };
    const dir = toolchainProject(toolchain, reactApp(toolchain.devDependencies, { 'biome.json': biomeJson }));
    await generate(dir);
    // Its recommended lint rules are left out: the generated code breaks one of them (see the report of lint/complexity/useLiteralKeys).
    await projectTool(dir, 'biome', ['ci', '--linter-enabled=false', 'src']);
    // Biome 1 has no Markdown formatter: the guide is Prettier's, with the project's .editorconfig if any.
    expect(readText(dir, 'docs/configcat-amplitude.md')).toMatch(/^import .* from "/m);
  });
});

describe('no formatter configured, an .editorconfig', () => {
  const editorconfig = 'root = true\n\n[*]\nindent_style = tab\nindent_size = 4\nmax_line_length = 100\n';
  let dir: string;
  beforeAll(() => {
    dir = makeTempProject(reactApp({}, { '.editorconfig': editorconfig }));
  });
  const prettier = (args: readonly string[]) => execa(join(REPO_ROOT, 'node_modules/.bin/prettier'), args, { cwd: dir, all: true });

  it('writes what `prettier --check` accepts with that .editorconfig', async () => {
    await generate(dir);
    await prettier(['--check', ...GENERATED]);
    expect(readText(dir, 'src/configcat-amplitude.ts')).toMatch(/^\t[a-z]/m);
  });

  it('changes nothing on a re-run after `prettier --write` with other settings', async () => {
    const generated = readGenerated(dir);
    await prettier(['--write', '--no-semi', '--single-quote', '--no-use-tabs', ...GENERATED]);
    await expectRerunChangesNothing(dir, generated);
  });
});

describe('Biome run through npx, not installed in the project', () => {
  const biomeJson = `{
\t"$schema": "https://biomejs.dev/schemas/2.0.0/schema.json",
\t"formatter": { "enabled": true, "indentStyle": "tab" },
\t"javascript": { "formatter": { "quoteStyle": "single" } },
\t"assist": { "actions": { "source": { "organizeImports": "on" } } }
}
`;
  const project = () => {
    const files = reactApp({}, { 'biome.json': biomeJson }, { scripts: { lint: 'npx @biomejs/biome check --write --no-errors-on-unmatched' } });
    return makeTempProject({ ...files, 'package.json': `${JSON.stringify(files['package.json'], null, '\t')}\n` });
  };
  const biomeToolchain = () => installToolchain({ devDependencies: { '@biomejs/biome': '2.6.8' } });
  /** An npm cache whose npx folder holds `biomeModules` (as `npx @biomejs/biome` leaves it), and an empty global prefix. */
  const npmEnvironment = (biomeModules?: string): Record<string, string> => {
    const cache = makeTempProject({});
    if (biomeModules) {
      mkdirSync(join(cache, '_npx/0123456789abcdef'), { recursive: true });
      symlinkSync(biomeModules, join(cache, '_npx/0123456789abcdef/node_modules'), 'dir');
    }
    return { npm_config_cache: cache, npm_config_prefix: makeTempProject({}) };
  };
  const biome = (dir: string, args: readonly string[]) =>
    execa(join(biomeToolchain(), 'node_modules/.bin/biome'), args, { cwd: dir, reject: false, all: true, env: { NO_COLOR: '1' } });

  it("formats with the copy in npx's cache: the project's `npx @biomejs/biome check` then changes nothing", async () => {
    const dir = project();
    const run = await runBin(dir, ['--yes', '--skip-install'], npmEnvironment(join(biomeToolchain(), 'node_modules')));
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toContain("Formatted with Biome 2.6.8, the copy your npx runs (Biome is not in your package.json).");
    const check = await biome(dir, ['ci', '--linter-enabled=false', ...GENERATED.filter((path) => !path.endsWith('.md')), 'package.json']);
    expect(check.exitCode, check.all).toBe(0);
  });

  it("formats as biome.json says when there is no copy to run, and says its import organizer did not run", async () => {
    const dir = project();
    const run = await runBin(dir, ['--yes', '--skip-install'], npmEnvironment());
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toContain('Formatted as your biome.json says, with the Prettier bundled here');
    expect(readText(dir, 'src/configcat-amplitude.ts')).toMatch(/^\t[a-z]/m);
    const format = await biome(dir, ['format', ...GENERATED.filter((path) => !path.endsWith('.md'))]);
    expect(format.exitCode, format.all).toBe(0);
  });
});
