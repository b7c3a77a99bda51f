import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { installToolchain } from './toolchain.js';

/**
 * The strictest lint rule sets projects use, as those projects run them: typescript-eslint's
 * strictTypeChecked + stylisticTypeChecked (type-aware, with the project's `strict` on and off; plus
 * `no-duplicate-imports` and `no-use-before-define`, which projects add and no fix can satisfy),
 * Biome's recommended rules, and eslint-config-next. The linters come from the registry once
 * (toolchain.ts); the SDKs the linted files import are this repository's.
 */
export const STRICT_LINT_TOOLCHAIN = {
  devDependencies: {
    eslint: '9.39.1',
    '@eslint/js': '9.39.1',
    globals: '17.14.0',
    typescript: '5.9.3',
    'typescript-eslint': '8.73.0',
    'eslint-config-next': '16.4.6',
    '@biomejs/biome': '2.6.8',
  },
};

/** How a group of files resolves modules: a Node package of either module system, or a bundled app. */
export type Setup = 'node-esm' | 'node-cjs' | 'browser';
export const SETUPS: readonly Setup[] = ['node-esm', 'node-cjs', 'browser'];
export const STRICTNESS = ['strict-on', 'strict-off'] as const;
export type Strictness = (typeof STRICTNESS)[number];

/**
 * `strict` on, or off with `strictNullChecks` kept: typescript-eslint's type-checked configs need it (without
 * it their rules report that on every file), so a project with `strict` off that runs them keeps it on.
 */
export function strictLintTsconfig(setup: Setup, strictness: Strictness): object {
  const modules = setup === 'browser' ? { module: 'ESNext', moduleResolution: 'Bundler' } : { module: 'NodeNext', moduleResolution: 'NodeNext' };
  return {
    compilerOptions: {
      strict: strictness === 'strict-on',
      strictNullChecks: true,
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      ...modules,
      jsx: 'react-jsx',
      // JavaScript files are part of the program, so the type-aware rules see their JSDoc types.
      allowJs: true,
      skipLibCheck: true,
      noEmit: true,
      types: setup === 'browser' ? ['node', 'vite/client'] : ['node'],
    },
    include: ['**/*'],
  };
}

/** The installed linters (installed on first use), and how to run each of them in a folder. */
/**
 * `<root>/<strictness>/<setup>/`, each a package of its module system with its tsconfig: where the
 * linted files go. Returns the strictness folders.
 */
export function writeStrictLintSetups(root: string): Map<Strictness, string> {
  const folders = new Map<Strictness, string>();
  for (const strictness of STRICTNESS) {
    const folder = join(root, strictness);
    folders.set(strictness, folder);
    for (const setup of SETUPS) {
      mkdirSync(join(folder, setup), { recursive: true });
      writeFileSync(join(folder, setup, 'package.json'), JSON.stringify({ name: setup, private: true, type: setup === 'node-cjs' ? 'commonjs' : 'module' }));
      writeFileSync(join(folder, setup, 'tsconfig.json'), JSON.stringify(strictLintTsconfig(setup, strictness), null, 2));
    }
  }
  return folders;
}

export interface StrictLinters {
  readonly dir: string;
  /** typescript-eslint strictTypeChecked + stylisticTypeChecked, with `extra` configs after them. */
  typescriptEslint(cwd: string, extra?: readonly Linter.Config[]): Promise<ESLintClass>;
  /** eslint-config-next's core-web-vitals and typescript configs, with `extra` configs after them. */
  next(cwd: string, extra?: readonly Linter.Config[]): Promise<ESLintClass>;
  /** `biome lint` of `paths` in `cwd`, every diagnostic listed; never throws. */
  biome(cwd: string, paths: readonly string[]): Promise<{ exitCode: number | undefined; all: string }>;
}

export function strictLinters(): StrictLinters {
  const dir = installToolchain(STRICT_LINT_TOOLCHAIN);
  /** A module of the toolchain, loaded as its own package would load it. */
  const load = async <Module>(specifier: string): Promise<Module> => {
    const require = createRequire(join(dir, 'package.json'));
    const module = (await import(pathToFileURL(require.resolve(specifier)).href)) as { default?: unknown };
    return (module.default ?? module) as Module;
  };
  const eslintIn = async (cwd: string, config: readonly Linter.Config[]): Promise<ESLintClass> => {
    const { ESLint } = await load<{ ESLint: typeof ESLintClass }>('eslint');
    return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...config] });
  };
  return {
    dir,
    async typescriptEslint(cwd, extra = []) {
      const [js, tseslint, globals] = await Promise.all([
        load<{ configs: { recommended: Linter.Config } }>('@eslint/js'),
        load<{ configs: Record<'strictTypeChecked' | 'stylisticTypeChecked', Linter.Config[]> }>('typescript-eslint'),
        load<Record<'browser' | 'node', Linter.Globals>>('globals'),
      ]);
      return eslintIn(cwd, [
        js.configs.recommended,
        ...tseslint.configs.strictTypeChecked,
        ...tseslint.configs.stylisticTypeChecked,
        {
          files: ['**/*.{ts,tsx,js,jsx}'],
          languageOptions: {
            globals: { ...globals.browser, ...globals.node },
            parserOptions: { projectService: true, tsconfigRootDir: cwd, ecmaFeatures: { jsx: true } },
          },
          // Not in the presets, and common in projects' own rules (@antfu/eslint-config's options): neither can --fix.
          rules: {
            'no-duplicate-imports': 'error',
            '@typescript-eslint/no-use-before-define': ['error', { functions: false, classes: false, variables: true }],
          },
        },
        ...extra,
      ]);
    },
    async next(cwd, extra = []) {
      const [vitals, typescript] = await Promise.all([
        load<Linter.Config[]>('eslint-config-next/core-web-vitals'),
        load<Linter.Config[]>('eslint-config-next/typescript'),
      ]);
      return eslintIn(cwd, [...vitals, ...typescript, ...extra]);
    },
    async biome(cwd, paths) {
      const result = await execa(join(dir, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=none', '--colors=off', ...paths], { cwd, reject: false, all: true });
      return { exitCode: result.exitCode, all: result.all };
    },
  };
}

/** One line per message: `path:line:column rule message`, paths relative to `cwd`. */
export function lintMessages(results: readonly ESLintClass.LintResult[], cwd: string): string[] {
  return results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(cwd.length + 1)}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`));
}

export const lintedPaths = (results: readonly ESLintClass.LintResult[], cwd: string): string[] => results.map((result) => result.filePath.slice(cwd.length + 1)).sort();
