/**
 * The corpus: fixture projects under test/fixtures/corpus, each modelled on a public repository
 * (its README says which, and what was kept). For each one this module says how to install its
 * toolchain, which of its own checks to run, how to start it, and which environment variables
 * point its ConfigCat and Amplitude SDKs at local stand-ins.
 *
 * The product's measure is on these projects: run the generator with `--yes`, touch nothing
 * else, and every check listed here still passes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { FIXTURES_ROOT } from './project-fixture.js';
import { installToolchain, linkToolchain, toolchainOfProject, TOOLCHAINS_ROOT } from './toolchain.js';

export const CORPUS_ROOT = join(FIXTURES_ROOT, 'corpus');

/** One of the project's own checks, as its CI would run it (never a command that rewrites files). */
export interface Check {
  readonly kind: 'typecheck' | 'lint' | 'format' | 'build' | 'test';
  readonly command: string;
  readonly args: readonly string[];
  /** Relative to the project root; the root when absent. */
  readonly cwd?: string;
}

/** How the project is installed. */
export type Install =
  /** `npm ci` of the fixture's own package-lock.json, once per machine, hard-linked in (toolchain.ts). */
  | { readonly kind: 'npm' }
  /**
   * pnpm itself comes from the npm registry as the `pnpm` package (a toolchain, once per machine);
   * then `pnpm install --frozen-lockfile` runs in the copied project against a content-addressed
   * store kept beside the toolchains, so a warm install only links files.
   */
  | { readonly kind: 'pnpm'; readonly pnpmVersion: string };

/** How to run the project once built. */
export type Start = ServerStart | StaticStart;

/** A server: started in `cwd`, told its port through `PORT`, ready when its output matches `ready`. */
export interface ServerStart {
  readonly kind: 'server';
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly ready: RegExp;
  readonly path: string;
}

/** A browser app: `build` leaves a static folder to serve. */
export interface StaticStart {
  readonly kind: 'static';
  readonly folder: string;
}

/**
 * What points the SDKs at local stand-ins (a config server for ConfigCat, a capture server for
 * Amplitude). `now` is what the fixture reads today; `wanted` is the variable the product should
 * read, with where it has to be set (`build` for bundlers that inline it, `runtime` for servers).
 */
export interface SdkEnvironment {
  readonly when: 'build' | 'runtime';
  readonly now: Readonly<Record<string, string>>;
  readonly wanted: { readonly configCatBaseUrl: string; readonly amplitudeServerUrl: string };
  readonly notes?: string;
}

/**
 * What the project's own code evaluates when its app is visited: the flags it reads, and the
 * ConfigCat User it passes (from a query parameter of the request, a constant written in its code,
 * or none).
 */
export interface Evaluates {
  readonly flags: readonly string[];
  readonly user:
    | { readonly from: 'query'; readonly parameter: string }
    | { readonly from: 'constant'; readonly identifier: string }
    | { readonly from: 'none' };
}

export interface CorpusFixture {
  readonly name: string;
  readonly shape: string;
  /** The public repositories it imitates. */
  readonly modelledOn: readonly string[];
  readonly install: Install;
  /** In the order a CI job of that project would run them. */
  readonly checks: readonly Check[];
  /** Where a user runs the generator: the root, or a package of a workspace. */
  readonly generateIn?: string;
  readonly start: Start;
  readonly sdkEnvironment: SdkEnvironment;
  /** Absent: the project's code reads no flag yet. */
  readonly evaluates?: Evaluates;
  /**
   * The generator must refuse this project, as it is, with this one line (an SDK major without
   * evaluation hooks): stopping before writing is the hands-off outcome there.
   */
  readonly refusal?: RegExp;
  /** Extra environment for every check (e.g. telemetry off). */
  readonly env?: Readonly<Record<string, string>>;
}

const npmRun = (kind: Check['kind'], script: string, cwd?: string): Check => ({ kind, command: 'npm', args: ['run', script], ...(cwd ? { cwd } : {}) });
const npx = (kind: Check['kind'], ...args: string[]): Check => ({ kind, command: 'npx', args });
const pnpm = (kind: Check['kind'], ...args: string[]): Check => ({ kind, command: 'pnpm', args });

const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

export const CORPUS: readonly CorpusFixture[] = [
  {
    name: 'create-vite-react-ts',
    shape: 'create-vite 9.3 react-ts as generated today: Oxlint, TypeScript 7, tsconfig.app/node, tsc -b && vite build',
    modelledOn: ['https://github.com/vitejs/vite/tree/main/packages/create-vite/template-react-ts'],
    install: { kind: 'npm' },
    checks: [npmRun('lint', 'lint'), npx('typecheck', 'tsc', '-b'), npmRun('build', 'build')],
    start: { kind: 'static', folder: 'dist' },
    sdkEnvironment: {
      when: 'build',
      now: {},
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet. Keys would be VITE_CONFIGCAT_SDK_KEY and VITE_AMPLITUDE_API_KEY, inlined by vite build.',
    },
  },
  {
    name: 'vite-react-eslint-prettier',
    shape: 'Vite 7 + React 19 + TS; ESLint 9 flat config with eslint-plugin-prettier; Prettier pinned at 3.1.1; prettier --check . over everything',
    modelledOn: ['https://github.com/lavanyayarlagadda/wine_outlets (wine/)'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'typecheck'), npmRun('lint', 'lint'), npmRun('format', 'format:check'), npmRun('build', 'build')],
    start: { kind: 'static', folder: 'dist' },
    sdkEnvironment: {
      when: 'build',
      now: {},
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet.',
    },
  },
  {
    name: 'vite-react-eslint8-curly',
    shape: 'Vite 5 + React 18 + TS; ESLint 8.57 legacy .eslintrc.cjs (typescript-eslint 7, parserOptions.project, curly all, no-duplicate-imports, no-console error, import/order, plugin:prettier), Prettier 3 .prettierrc; vitest',
    modelledOn: ['https://github.com/horhoj/frontend-vite-react-ts-eslint-prettier', 'https://github.com/ung0v/vite-react-router-7-boilerplate (no-console: error)'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'type-check'), npmRun('lint', 'lint-check'), npmRun('format', 'format-check'), npmRun('build', 'build'), npmRun('test', 'test')],
    start: { kind: 'static', folder: 'dist' },
    sdkEnvironment: {
      when: 'build',
      now: {},
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet.',
    },
  },
  {
    name: 'nest-starter',
    shape: 'NestJS 11 starter (CommonJS, module nodenext): nest build, ESLint flat recommendedTypeChecked + prettier plugin, jest unit and e2e',
    modelledOn: ['https://github.com/nestjs/typescript-starter', 'https://github.com/configcat-labs/feature-flags-in-nestjs-sample'],
    install: { kind: 'npm' },
    checks: [
      npmRun('build', 'build'),
      // The starter's own `lint` and `format` scripts rewrite files (--fix, --write): CI runs them without.
      npx('lint', 'eslint', '{src,apps,libs,test}/**/*.ts'),
      npx('format', 'prettier', '--check', 'src/**/*.ts', 'test/**/*.ts'),
      npmRun('test', 'test'),
      npmRun('test', 'test:e2e'),
    ],
    start: { kind: 'server', command: 'node', args: ['dist/main.js'], ready: /Nest application successfully started/, path: '/' },
    sdkEnvironment: {
      when: 'runtime',
      now: {},
      wanted: { configCatBaseUrl: 'CONFIGCAT_BASE_URL', amplitudeServerUrl: 'AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet; keys would be CONFIGCAT_SDK_KEY and AMPLITUDE_API_KEY at run time.',
    },
  },
  {
    name: 'express-biome-ts',
    shape: 'Express 5 in TypeScript (ESM, nodenext, strict + noUncheckedIndexedAccess), Biome 2 with tabs for lint and format, node:test',
    modelledOn: ['https://github.com/HugoDF/modern-express-start', 'https://github.com/0x80/mono-ts (services/api tsconfig)'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'typecheck'), npmRun('lint', 'lint'), npmRun('format', 'format:check'), npmRun('lint', 'check'), npmRun('build', 'build'), npmRun('test', 'test')],
    start: { kind: 'server', command: 'node', args: ['dist/index.js'], ready: /listening on http/, path: '/' },
    sdkEnvironment: {
      when: 'runtime',
      now: {},
      wanted: { configCatBaseUrl: 'CONFIGCAT_BASE_URL', amplitudeServerUrl: 'AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet.',
    },
  },
  {
    name: 'next-app-sorted-imports',
    shape: 'Next.js 15.5 App Router from create-next-app (src/, @/* paths, FlatCompat ESLint), Prettier with @ianvs/prettier-plugin-sort-imports',
    modelledOn: ['https://github.com/turbolink-run/turbolink (prettier.config.js)', 'create-next-app 15.5 app template (npm package)'],
    install: { kind: 'npm' },
    checks: [npmRun('lint', 'lint'), npmRun('typecheck', 'typecheck'), npmRun('format', 'format:check'), npmRun('build', 'build')],
    start: { kind: 'server', command: 'npx', args: ['next', 'start'], ready: /Ready in|started server on/i, path: '/' },
    env: NEXT_ENV,
    sdkEnvironment: {
      when: 'build',
      now: {},
      wanted: { configCatBaseUrl: 'NEXT_PUBLIC_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'NEXT_PUBLIC_AMPLITUDE_SERVER_URL' },
      notes: 'NEXT_PUBLIC_ variables are inlined by next build; pages are prerendered during the build, so a provider that throws without a key fails it.',
    },
  },
  {
    name: 'next-pages-configcat-react4',
    shape: 'Next.js 14.2 Pages Router, ESLint 8 (.eslintrc next/core-web-vitals, next lint), configcat-react 4.9 provider in _app.tsx, useFeatureFlag in a page',
    modelledOn: ['https://github.com/configcat-labs/feature-flags-in-nextjs-sample', 'create-next-app 14 pages template'],
    install: { kind: 'npm' },
    checks: [npmRun('lint', 'lint'), npmRun('typecheck', 'typecheck'), npmRun('build', 'build')],
    start: { kind: 'server', command: 'npx', args: ['next', 'start'], ready: /Ready in|started server on/i, path: '/' },
    env: NEXT_ENV,
    sdkEnvironment: {
      when: 'build',
      now: { NEXT_PUBLIC_CONFIGCAT_SDK_KEY: 'set in the committed .env (a placeholder of valid format)' },
      wanted: { configCatBaseUrl: 'NEXT_PUBLIC_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'NEXT_PUBLIC_AMPLITUDE_SERVER_URL' },
      notes: 'The provider in pages/_app.tsx takes no baseUrl today: pointing it at a stand-in needs options={{ baseUrl }}.',
    },
    evaluates: { flags: ['newCheckout'], user: { from: 'constant', identifier: 'demo-user' } },
  },
  {
    name: 'react-router-framework',
    shape: 'React Router 7.16 framework mode from create-react-router (app/root.tsx, ssr: true, react-router typegen && tsc), configcat-react 5 provider around <Outlet /> in the root route, useFeatureFlag in a route',
    modelledOn: ['https://github.com/remix-run/react-router-templates (default/)', 'https://configcat.com/docs/sdk-reference/react/'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'typecheck'), npmRun('build', 'build')],
    // react-router-serve reads PORT; the browser loads the server-rendered page, then hydrates it.
    start: { kind: 'server', command: 'npm', args: ['run', 'start'], ready: /\[react-router-serve\] http/, path: '/' },
    sdkEnvironment: {
      when: 'build',
      now: { VITE_CONFIGCAT_SDK_KEY: 'read in app/root.tsx' },
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'VITE_ variables are inlined by react-router build (client and server bundles); the root route also renders on the server, where nothing of Amplitude may run.',
    },
    evaluates: { flags: ['newCheckout'], user: { from: 'none' } },
  },
  {
    name: 'vue-configcat',
    shape: 'Vue 3.5 + Vite 6 (create-vue layout, vue-tsc --build), configcat-vue 2.6 via app.use(ConfigCatPlugin, …) and <FeatureWrapper>',
    modelledOn: ['https://github.com/configcat-labs/feature-flags-in-vuejs-with-sdk-sample'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'type-check'), npmRun('build', 'build')],
    start: { kind: 'static', folder: 'dist' },
    sdkEnvironment: {
      when: 'build',
      now: { VITE_CONFIGCAT_SDK_KEY: 'read in src/main.ts' },
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'configcat-vue bundles its own SDK copy: baseUrl and setupHooks go in the plugin\'s clientOptions.',
    },
    evaluates: { flags: ['calculateuseragefeature'], user: { from: 'none' } },
  },
  {
    name: 'vue-eslint-stylistic',
    shape: 'Vue 3.5 + Vite 6 (vitesse-lite layout), ESLint 9 flat config with @antfu/eslint-config as linter and formatter (JSON, YAML, Markdown too), no Prettier, vue-tsc --noEmit, vitest',
    modelledOn: ['https://github.com/antfu-collective/vitesse-lite'],
    install: { kind: 'npm' },
    checks: [npmRun('lint', 'lint'), npmRun('typecheck', 'typecheck'), npmRun('test', 'test'), npmRun('build', 'build')],
    start: { kind: 'static', folder: 'dist' },
    sdkEnvironment: {
      when: 'build',
      now: {},
      wanted: { configCatBaseUrl: 'VITE_CONFIGCAT_BASE_URL', amplitudeServerUrl: 'VITE_AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet.',
    },
  },
  {
    name: 'express-configcat-node7',
    shape: 'Express 4 in plain CommonJS JavaScript, configcat-node 7 (createClient, no getClient/hooks), no build, node:test',
    modelledOn: ['https://github.com/configcat-labs/feature-flags-in-expressjs', 'https://github.com/configcat/node-sdk (samples/expresswithdocker)'],
    install: { kind: 'npm' },
    checks: [npmRun('test', 'test')],
    start: { kind: 'server', command: 'node', args: ['server.js'], ready: /Server started on http/, path: '/top-matches' },
    sdkEnvironment: {
      when: 'runtime',
      now: { CONFIGCAT_SDK_KEY: 'read in server.js (falls back to a placeholder)' },
      wanted: { configCatBaseUrl: 'CONFIGCAT_BASE_URL', amplitudeServerUrl: 'AMPLITUDE_SERVER_URL' },
      notes: 'configcat-node 7 takes baseUrl in createClient\'s options; it has no flagEvaluated hook, so exposures need a newer SDK.',
    },
    evaluates: { flags: ['canshowtopmatches'], user: { from: 'none' } },
    refusal: /^Error: configcat-node 7\.\d+\.\d+ has no evaluation hooks.*npm install configcat-node@/m,
  },
  {
    name: 'pnpm-workspace',
    shape: 'pnpm 10 workspace (packages/*, services/*), Biome at the root, TS project packages built with tsc, vitest; the generator runs in services/api (Express 5)',
    modelledOn: ['https://github.com/0x80/mono-ts'],
    install: { kind: 'pnpm', pnpmVersion: '10.34.9' },
    // The API type-checks against @repo/common's built declarations: build first, as turbo would order it.
    checks: [pnpm('build', 'build'), pnpm('typecheck', 'check-types'), pnpm('lint', 'lint'), pnpm('format', 'check-format'), pnpm('test', 'test')],
    generateIn: 'services/api',
    start: { kind: 'server', command: 'node', args: ['dist/index.js'], cwd: 'services/api', ready: /listening on http/, path: '/' },
    sdkEnvironment: {
      when: 'runtime',
      now: {},
      wanted: { configCatBaseUrl: 'CONFIGCAT_BASE_URL', amplitudeServerUrl: 'AMPLITUDE_SERVER_URL' },
      notes: 'No SDK yet.',
    },
  },
  {
    name: 'strict-type-checked',
    shape: 'Node ESM service, @tsconfig/strictest (exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature), typescript-eslint strictTypeChecked + stylisticTypeChecked, @configcat/sdk already used',
    modelledOn: ['https://github.com/0x80/mono-ts (packages/eslint-config/src/base.js, earlier revisions)', 'https://github.com/tsconfig/bases (strictest)'],
    install: { kind: 'npm' },
    checks: [npmRun('typecheck', 'typecheck'), npmRun('lint', 'lint'), npmRun('build', 'build'), npmRun('test', 'test')],
    start: { kind: 'server', command: 'node', args: ['dist/index.js'], ready: /listening on http/, path: '/?user=user-12345' },
    sdkEnvironment: {
      when: 'runtime',
      now: { CONFIGCAT_SDK_KEY: 'read in src/flags.ts (offline without it)', CONFIGCAT_BASE_URL: 'read in src/flags.ts' },
      wanted: { configCatBaseUrl: 'CONFIGCAT_BASE_URL', amplitudeServerUrl: 'AMPLITUDE_SERVER_URL' },
    },
    evaluates: { flags: ['summerSale'], user: { from: 'query', parameter: 'user' } },
  },
];

export interface PreparedProject {
  /** The copied project's root. */
  readonly dir: string;
  /** The folder that holds it (remove it when done). */
  readonly parent: string;
  /** Environment for every command in it (PATH with pnpm for pnpm projects). */
  readonly env: Readonly<Record<string, string>>;
  /** Milliseconds spent installing (toolchain install when cold, linking when warm). */
  readonly installMs: number;
}

/** Copies a corpus fixture outside this repository and installs it as its install recipe says. */
export function prepareCorpusProject(fixture: CorpusFixture): PreparedProject {
  const parent = mkdtempSync(join(tmpdir(), `cca-corpus-${fixture.name}-`));
  const dir = join(parent, fixture.name);
  // A node_modules left in the fixture by a local run would swallow the linked toolchain.
  cpSync(join(CORPUS_ROOT, fixture.name), dir, { recursive: true, filter: (source) => basename(source) !== 'node_modules' });
  const started = Date.now();
  let env: Record<string, string> = { ...fixture.env };
  if (fixture.install.kind === 'npm') {
    linkToolchain(installToolchain(toolchainOfProject(dir)), dir);
  } else {
    const pnpmToolchain = installToolchain({ devDependencies: { pnpm: fixture.install.pnpmVersion } });
    const store = join(TOOLCHAINS_ROOT, 'pnpm-store');
    mkdirSync(store, { recursive: true });
    // The store goes in the environment, not on the command line: every later pnpm command in the
    // project (the generator's own install among them) must use the store node_modules was linked
    // from, as it would on a user's machine with one store, or pnpm refuses (ERR_PNPM_UNEXPECTED_STORE).
    env = { ...env, PATH: `${join(pnpmToolchain, 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}`, npm_config_store_dir: store };
    const result = spawnSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, CI: '1', NO_UPDATE_NOTIFIER: '1' },
    });
    if (result.status !== 0) throw new Error(`pnpm install failed in ${dir}:\n${result.stdout}\n${result.stderr}`);
  }
  return { dir, parent, env, installMs: Date.now() - started };
}

/** Removes a prepared project (kept when KEEP_FIXTURE_PROJECTS is set, to look at a failure). */
export function removePreparedProject(project: PreparedProject): void {
  if (process.env['KEEP_FIXTURE_PROJECTS']) return;
  if (existsSync(project.parent)) rmSync(project.parent, { recursive: true, force: true });
}
