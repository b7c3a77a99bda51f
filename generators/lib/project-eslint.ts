import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A problem the project's ESLint reports in a file after its automatic fixes. */
export interface LintError {
  readonly line: number;
  readonly ruleId: string;
  readonly message: string;
  /** A warning fails the project's lint only where it runs with `--max-warnings 0` (see `warningsFail`). */
  readonly severity: 'error' | 'warning';
}

export type LintOutcome =
  /** `output` is the text with the project's fixes applied; `errors` are what its lint still fails on. */
  | { readonly status: 'linted'; readonly output: string; readonly errors: readonly LintError[] }
  /** The project's ESLint does not lint this path (ignored, or no configuration matches it). */
  | { readonly status: 'not-linted' }
  /** The project's ESLint could not lint it (its configuration failed to load, or its parser gave up). */
  | { readonly status: 'failed'; readonly reason: string };

export interface ProjectEslint {
  /** "ESLint 9.39.1", for the summary. */
  readonly name: string;
  /** The project runs its ESLint with `--max-warnings 0` (a script, lint-staged): a warning fails it as an error does. */
  readonly warningsFail: boolean;
  /** The project's own `eslint --fix` on a text, as if it were the file at `absolutePath`. */
  fix(absolutePath: string, text: string): Promise<LintOutcome>;
}

/**
 * The ESLint the project installs and configures (an `eslint.config.*`, an `.eslintrc.*` or an
 * `eslintConfig` in package.json, in the project's folder or above it), or undefined. ESLint 8's
 * configuration files and ESLint 9's flat ones alike: the project's ESLint picks, as its CLI does.
 * Nothing is loaded until the first file is fixed; one instance serves the run, so a type-aware
 * configuration builds its TypeScript program once.
 */
export function findProjectEslint(projectRoot: string): ProjectEslint | undefined {
  let packageJsonPath: string;
  let version: string;
  try {
    packageJsonPath = createRequire(join(projectRoot, 'package.json')).resolve('eslint/package.json');
    ({ version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string });
  } catch {
    return undefined;
  }
  // ESLint 7 and older (long unsupported) lack `lintText`'s `warnIgnored` and flat configurations alike.
  if (!(Number.parseInt(version, 10) >= 8) || !hasEslintConfiguration(projectRoot)) return undefined;
  let instance: Promise<EslintInstance> | undefined;
  return {
    name: `ESLint ${version}`,
    warningsFail: runsWithoutWarnings(projectRoot),
    async fix(absolutePath, text) {
      try {
        instance ??= createInstance(packageJsonPath, projectRoot);
        const [result] = await (await instance).lintText(text, { filePath: absolutePath, warnIgnored: false });
        if (!result) return { status: 'not-linted' };
        const fatal = result.messages.find((message) => message.fatal);
        if (fatal) return { status: 'failed', reason: firstLine(fatal.message) };
        const errors = result.messages
          .filter((message) => message.severity > 0)
          .map(({ line, ruleId, message, severity }) => ({ line, ruleId: ruleId ?? 'eslint', message: firstLine(message), severity: severity === 2 ? ('error' as const) : ('warning' as const) }));
        return { status: 'linted', output: result.output ?? text, errors };
      } catch (error) {
        return { status: 'failed', reason: firstLine(error instanceof Error ? error.message : String(error)) };
      }
    },
  };
}

/** What this module uses of ESLint 8 and 9 (both have the `ESLint` class; 8.57+ and 9 have `loadESLint`). */
interface EslintInstance {
  lintText(code: string, options: { filePath: string; warnIgnored: boolean }): Promise<EslintResult[]>;
}

interface EslintResult {
  readonly output?: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly severity: number; readonly message: string; readonly line: number; readonly fatal?: boolean }[];
}

type EslintClass = new (options: { cwd: string; fix: boolean }) => EslintInstance;

interface EslintModule {
  readonly ESLint: EslintClass;
  readonly loadESLint?: (options: { cwd: string }) => Promise<EslintClass>;
}

async function createInstance(packageJsonPath: string, cwd: string): Promise<EslintInstance> {
  const entry = createRequire(packageJsonPath).resolve('eslint');
  const loaded = (await import(pathToFileURL(entry).href)) as EslintModule & { default?: EslintModule };
  const eslintModule = loaded.ESLint ? loaded : loaded.default!;
  // `loadESLint` chooses between flat and legacy configuration files as the project's CLI would.
  const Eslint = eslintModule.loadESLint ? await eslintModule.loadESLint({ cwd }) : eslintModule.ESLint;
  return new Eslint({ cwd, fix: true });
}

const CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.yaml',
  '.eslintrc.yml',
  '.eslintrc.json',
  '.eslintrc',
];

function hasEslintConfiguration(projectRoot: string): boolean {
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    if (CONFIG_FILES.some((name) => existsSync(join(dir, name))) || declaresEslintConfig(join(dir, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

function declaresEslintConfig(packageJsonPath: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { eslintConfig?: unknown }).eslintConfig !== undefined;
  } catch {
    return false;
  }
}

const LINT_STAGED_FILES = ['.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yaml', '.lintstagedrc.yml', '.lintstagedrc.js', '.lintstagedrc.cjs', '.lintstagedrc.mjs', 'lint-staged.config.js', 'lint-staged.config.cjs', 'lint-staged.config.mjs'];

/** `eslint … --max-warnings 0` (or `=0`) in package.json's scripts or lint-staged, or a lint-staged file. */
function runsWithoutWarnings(projectRoot: string): boolean {
  const zeroWarnings = /--max-warnings[= ]0\b/;
  return ['package.json', ...LINT_STAGED_FILES].some((name) => {
    try {
      return zeroWarnings.test(readFileSync(join(projectRoot, name), 'utf8'));
    } catch {
      return false;
    }
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
