import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, posix, relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideContext } from '../generators/lib/guide-context.js';
import type { CommonContext } from '../generators/lib/platform.js';
import { CREATE_VITE_REACT, CREATE_VITE_REACT_TS } from './support/create-vite-eslint.js';
import { linkNodeModules } from './support/generate.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';
import { parseGuide, syntaxErrors } from './support/guide-markdown.js';
import { generateInMemory } from './support/pipeline.js';
import { lintedPaths, lintMessages, SETUPS, STRICTNESS, strictLinters, writeStrictLintSetups, type Setup, type StrictLinters, type Strictness } from './support/strict-lint.js';
import { printedSnippets, summaryOfRun } from './support/summary-snippets.js';
import { installToolchain } from './support/toolchain.js';

/**
 * The code the user is told to write, linted like the generated code (lint-strict.e2e.test.ts): every
 * distinct ts/tsx/js/jsx block of the guide over the golden matrix, and every snippet the summary prints
 * (for code the run could not edit, and the imports for "your entry file"). Each snippet is a file beside
 * the generated modules it imports, so its imports resolve and its types are the real ones; the names
 * it takes from the reader's own app are declared in one file (APP_NAMES). A fragment (JSX to put
 * around an element, a class member, …) is wrapped as WRAPS says; one no wrap makes a module is reported.
 */

/** What the snippets take from the reader's own app, declared once per folder (never linted). */
const APP_NAMES = `// Names the snippets take from the reader's own app.
declare function renderNewCheckout(): string;
declare function renderOldCheckout(): string;
declare function NewCheckout(): import('react').ReactNode;
declare function OldCheckout(): import('react').ReactNode;
/** The root component, which a snippet puts inside the provider. */
declare function App(): import('react').ReactNode;
/** The app's own ConfigCat client, and what it created it with. */
declare const configCatClient: import('@configcat/sdk').IConfigCatClient;
declare const getClient: typeof import('@configcat/sdk').getClient;
declare const PollingMode: typeof import('@configcat/sdk').PollingMode;
declare const sdkKey: string;
/** A Next.js layout's children, and a custom App's page. */
declare const children: import('react').ReactNode;
declare const Component: import('react').ComponentType;
declare const pageProps: object;
/** A NestJS application (\`NestFactory.create\`). */
declare const app: { enableShutdownHooks(): unknown };
// Vue single-file components, as a project without vue-tsc declares them.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
`;

/** The same names for ESLint, whose no-undef does not read TypeScript's declarations. */
const APP_GLOBALS: Linter.Globals = Object.fromEntries([...APP_NAMES.matchAll(/^declare (?:function|const) (\w+)/gm)].map(([, name]) => [name!, 'readonly' as const]));

/** The packages a Vue app's snippets import, from the registry (the same install as wiring-vue's). */
const VUE_TOOLCHAIN = { dependencies: { vue: '3.5.13', 'configcat-vue': '2.6.4', '@amplitude/analytics-browser': '2.48.1' } };

/** The app's own root component, which the guide's entry files import. */
const APP_COMPONENTS: Readonly<Record<string, string>> = {
  'App.tsx': 'export function App() {\n  return null;\n}\n',
  'App.jsx': 'export function App() {\n  return null;\n}\n',
};

/**
 * How a summary snippet becomes a module, by the place the summary names: its import lines stay at the
 * top, and the rest goes where the place says. Guide snippets are whole modules.
 */
const WRAPS: readonly { readonly name: string; readonly place: RegExp; readonly wrap: (rest: string) => string }[] = [
  {
    // Statements before the element (starting Amplitude) stay at the top level.
    name: 'an element around another one: what a component returns',
    place: /(\bthe provider|<Providers>) around\b/,
    wrap: (rest) => {
      const element = rest.search(/^</m);
      return element === -1 ? rest : `${rest.slice(0, element)}export function Wrapped() {\n  return (\n${rest.slice(element)}\n  );\n}`;
    },
  },
  { name: 'an option of ConfigCatPlugin: a property of its options', place: /\boption in clientOptions\b/, wrap: (rest) => `export const pluginOptions = {\n${rest}\n};` },
  { name: 'a method of the @Module class: a class member', place: /\bin your @Module class\b/, wrap: (rest) => `export class AppModule {\n${rest}\n}` },
  {
    name: 'the first statement of onApplicationShutdown: the body of that method, async',
    place: /\bfirst thing in onApplicationShutdown(, made async)?$/,
    wrap: (rest) => `export class AppModule {\n  async onApplicationShutdown() {\n${rest}\n  }\n}`,
  },
  {
    name: "the constructor of the class that holds the client in a field: that constructor's body, after super()",
    place: /\bthe call in the constructor of the class that creates the ConfigCat client\b/,
    wrap: (rest) =>
      `class Base {\n  readonly name = 'flags';\n}\n\nexport class Flags extends Base {\n  private readonly client = getClient(sdkKey);\n\n  constructor() {\n    super();\n${rest}\n  }\n}`,
  },
  { name: 'code around a SIGTERM handler’s own: its body', place: /\bin your SIGTERM handler, around its code$/, wrap: (rest) => `process.on('SIGTERM', () => {\n${rest}\n});` },
  {
    name: 'statements after the imports: a module',
    place: /^(after the imports|after the imports, and in place of <ConfigCatProvider>|after NestFactory\.create|where the app starts|the import after your imports; the (handler at the end of the file|call right after the ConfigCat client is created \(.*\)))$/,
    wrap: (rest) => rest,
  },
];

/**
 * Rules that cannot judge a snippet on its own, off for snippets only. The generated files themselves are
 * linted with every rule (lint-strict.e2e.test.ts).
 */
const SNIPPET_CONFIG: Linter.Config = {
  files: ['**/*.{ts,tsx,js,jsx}'],
  languageOptions: { globals: APP_GLOBALS },
  rules: {
    // A snippet declares or imports what the reader's code around it then uses (`showCheckout`, `detach`).
    'no-unused-vars': 'off',
    '@typescript-eslint/no-unused-vars': 'off',
  },
};
/** eslint-config-next's react/jsx-no-undef, told that the reader's components (APP_NAMES) are globals here. */
const SNIPPET_NEXT_CONFIG: Linter.Config = { ...SNIPPET_CONFIG, rules: { ...SNIPPET_CONFIG.rules, 'react/jsx-no-undef': ['error', { allowGlobals: true }] } };
const SNIPPET_BIOME_CONFIG = {
  // The same, for Biome: what a snippet declares or imports is used by the code around it.
  linter: { rules: { correctness: { noUnusedVariables: 'off', noUnusedImports: 'off' } } },
};

interface Snippet {
  /** Where it comes from: the guide or the summary, and the first case or project that printed it. */
  readonly origin: string;
  readonly setup: Setup;
  /** Path of the snippet's file in its folder: beside the file the guide or summary names. */
  readonly path: string;
  /** The file's text: the snippet, wrapped when it is a fragment. */
  readonly text: string;
  /** The generated code files it is placed beside, by path. */
  readonly files: Readonly<Record<string, string>>;
  /** From a CommonJS TypeScript project under verbatimModuleSyntax, which imports with `import x = require()`. */
  readonly requireImports?: boolean;
}

/** Projects whose code the run does not recognise, so that the summary prints each kind of snippet. */
const SUMMARY_CASES: readonly { name: string; setup: Setup; files: Record<string, string | object>; options?: Record<string, unknown>; requireImports?: boolean }[] = [
  {
    name: 'Vite React root rendered without JSX',
    setup: 'browser',
    files: {
      'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { vite: '~8.3.8', typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }\n',
      'src/App.tsx': 'export default function App() {\n  return <h1>Hi</h1>;\n}\n',
      'src/main.tsx': "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App.tsx';\n\ncreateRoot(document.body).render(createElement(App));\n",
    },
  },
  {
    name: 'Vite React JavaScript root that does not parse',
    setup: 'browser',
    files: {
      'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { vite: '~8.3.8' } },
      'src/main.jsx': "import { createRoot } from 'react-dom/client';\ncreateRoot(document.body).render(<App>;\n",
    },
  },
  {
    name: 'React app with a ConfigCatProvider in a file that does not parse',
    setup: 'browser',
    files: {
      'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0', 'configcat-react': '^5.1.0', '@amplitude/analytics-browser': '^2.48.1' }, devDependencies: { vite: '~8.3.8', typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }\n',
      'src/main.tsx': "import { createRoot } from 'react-dom/client';\nimport { Root } from './Root';\n\ncreateRoot(document.body).render(<Root />);\n",
      'src/Root.tsx': "import { ConfigCatProvider } from 'configcat-react';\n\nexport const Root = () => <ConfigCatProvider sdkKey=\"k\"><div></ConfigCatProvider>;\n",
    },
  },
  {
    name: 'Next.js custom App of an unusual shape',
    setup: 'browser',
    files: {
      'package.json': { name: 'site', private: true, dependencies: { next: '^16.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "jsx": "preserve" } }\n',
      'pages/_app.tsx': "import type { AppProps } from 'next/app';\nimport { createElement } from 'react';\n\nconst App = ({ Component, pageProps }: AppProps) => createElement(Component, pageProps);\nexport default App;\n",
    },
  },
  {
    name: 'Next.js root layout without <body>',
    setup: 'browser',
    files: {
      'package.json': { name: 'site', private: true, dependencies: { next: '^16.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' } },
      'app/layout.jsx': 'export default function RootLayout({ children }) {\n  return children;\n}\n',
    },
  },
  {
    name: 'Vue app that installs ConfigCatPlugin with options built elsewhere',
    setup: 'browser',
    files: {
      'package.json': { name: 'vue-app', type: 'module', dependencies: { vue: '^3.5.13', 'configcat-vue': '^2.6.4' }, devDependencies: { vite: '~8.3.8', typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
      'src/main.ts': "import { createApp } from 'vue';\nimport { ConfigCatPlugin } from 'configcat-vue';\nimport App from './App.vue';\nimport { options } from './flags';\n\ncreateApp(App).use(ConfigCatPlugin, options).mount('#app');\n",
    },
  },
  {
    name: 'Node ESM TypeScript service whose ConfigCat client is created inside a call',
    setup: 'node-esm',
    files: {
      'package.json': { name: 'api', type: 'module', dependencies: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-node': '^1.5.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext" } }\n',
      'src/index.ts': "import * as configcat from '@configcat/sdk';\n\nfunction register(client: unknown): void {\n  console.log(client);\n}\n\nregister(configcat.getClient(process.env.KEY ?? ''));\n",
    },
    options: { platform: 'node' },
  },
  {
    name: 'Node ESM TypeScript service whose ConfigCat client is a field of a class that extends another',
    setup: 'node-esm',
    files: {
      'package.json': { name: 'api', type: 'module', dependencies: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-node': '^1.5.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext" } }\n',
      'src/base.ts': 'export class Base {\n  readonly name = "flags";\n}\n',
      'src/index.ts': "import * as configcat from '@configcat/sdk';\nimport { Base } from './base.js';\n\nexport class Flags extends Base {\n  private readonly client = configcat.getClient(process.env.KEY ?? '');\n\n  read(): Promise<boolean> {\n    return this.client.getValueAsync('newCheckout', false);\n  }\n}\n",
    },
    options: { platform: 'node' },
  },
  {
    name: 'CommonJS TypeScript service under verbatimModuleSyntax',
    setup: 'node-cjs',
    files: {
      'package.json': { name: 'api', main: 'dist/index.js', dependencies: { express: '^5.0.0' }, devDependencies: { typescript: '~5.9.3', '@types/node': '^20.0.0' } },
      'tsconfig.json': { compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true, strict: true, outDir: 'dist', rootDir: 'src' }, include: ['src'] },
      'src/index.ts': 'const port = 3000;\nexport = port;\n',
    },
    options: { platform: 'node' },
    requireImports: true,
  },
  {
    name: 'Node CommonJS JavaScript service whose entry does not parse',
    setup: 'node-cjs',
    files: {
      'package.json': { name: 'api', main: 'server.js', dependencies: { express: '^5.0.0' } },
      'server.js': "const express = require('express');\nconst app = express(;\n",
    },
    options: { platform: 'node' },
  },
  {
    name: 'Node ESM JavaScript service with no entry file',
    setup: 'node-esm',
    files: { 'package.json': { name: 'api', type: 'module', dependencies: { express: '^5.0.0' } } },
    options: { platform: 'node' },
  },
  {
    name: 'NestJS app created without `const app = await NestFactory.create(…)`, whose module has its own onApplicationShutdown',
    setup: 'node-cjs',
    files: {
      'package.json': { name: 'nest', dependencies: { '@nestjs/core': '^11.0.0', '@nestjs/common': '^11.0.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "experimentalDecorators": true } }\n',
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nvoid NestFactory.create(AppModule).then((nest) => nest.listen(3000));\n",
      'src/app.module.ts': "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class AppModule {\n  onApplicationShutdown(): void {\n    console.log('bye');\n  }\n}\n",
    },
    options: { platform: 'node' },
  },
  {
    name: 'NestJS app whose module file has no @Module class',
    setup: 'node-cjs',
    files: {
      'package.json': { name: 'nest', dependencies: { '@nestjs/core': '^11.0.0', '@nestjs/common': '^11.0.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "experimentalDecorators": true } }\n',
      'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nvoid bootstrap();\n",
      'src/app.module.ts': "export { AppModule } from './modules';\n",
    },
    options: { platform: 'node' },
  },
];

const GENERATED_CODE = /^(configcat-amplitude|ConfigCatAmplitudeProviders?)\.[jt]sx?$/;
const SCRIPT_LANGUAGES = new Set(['ts', 'tsx', 'js', 'jsx']);

let root: string;
let linters: StrictLinters;
const snippets: Snippet[] = [];
/** Summary snippets no wrap turns into a module, with the reason. */
const unwrappable: string[] = [];
/** The linted folders, by strictness: `<root>/<strictness>/<setup>/<snippet>/…`. */
const folders = new Map<Strictness, string>();
/** Relative paths of the snippet files each folder holds, and where each snippet came from. */
const origins = new Map<string, string>();
/** Relative paths of the snippets of projects that import with `import x = require()`. */
const requireImportFiles: string[] = [];

function codeFiles(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => GENERATED_CODE.test(posix.basename(path))));
}

/** Splits a snippet into its leading import lines and the rest. */
function splitImports(code: string): { imports: string; rest: string } {
  const lines = code.split('\n');
  let index = 0;
  while (index < lines.length && /^(import\s|const \{[^}]*\} = require\(|\s*$)/.test(lines[index]!)) index += 1;
  return { imports: lines.slice(0, index).join('\n').trim(), rest: lines.slice(index).join('\n').trim() };
}

/** The summary snippet as a module, or why it cannot be one. */
function wrapSummarySnippet(code: string, place: string | undefined, language: string): { text: string } | { problem: string } {
  if (place === undefined) return { text: code };
  const wrap = WRAPS.find((candidate) => candidate.place.test(place));
  if (!wrap) return { problem: `no wrap for the place "${place}"` };
  const { imports, rest } = splitImports(code);
  const text = [imports, wrap.wrap(rest)].filter(Boolean).join('\n\n');
  const errors = syntaxErrors(text, language);
  return errors.length > 0 ? { problem: `as ${wrap.name}, it does not parse: ${errors.join('; ')}` } : { text };
}

/** The snippet as collected (the first of equal ones): a project of another shape may print it too. */
function addSnippet(snippet: Snippet): Snippet {
  const existing = snippets.find((candidate) => candidate.setup === snippet.setup && candidate.path === snippet.path && candidate.text === snippet.text);
  if (existing) return existing;
  snippets.push(snippet);
  return snippet;
}

/** Snippets a Vite React app is told to write (its template's own ESLint config lints them too). */
const viteReactSnippets = new Set<Snippet>();
/** Their files, relative to a strictness folder. */
const viteReactFiles: string[] = [];
const isViteReact = (caseName: string) => /^(react|js) (ts|js) \w+ vite\b/.test(caseName) || /^Vite React\b/.test(caseName);

async function collectGuideSnippets(): Promise<void> {
  const projects = mkdtempSync(join(root, 'matrix-'));
  for (const [index, matrixCase] of MATRIX.entries()) {
    const dir = join(projects, String(index));
    writeMatrixCase(dir, matrixCase);
    const output = await generateInMemory(dir, matrixCase.options, { sharedFormatting: true });
    const { sourceDir } = output.plan.guide.context as GuideContext;
    const { esm, typescript } = output.plan.files[0].context as CommonContext;
    const setup: Setup = output.plan.platform.bundled ? 'browser' : esm ? 'node-esm' : 'node-cjs';
    const files = codeFiles(output.files);
    const guide = output.files[output.plan.guide.path]!;
    for (const { lang, text } of parseGuide(guide).codeBlocks) {
      if (!SCRIPT_LANGUAGES.has(lang)) continue;
      const added = addSnippet({ origin: `guide of "${matrixCase.name}"`, setup, path: posix.join(sourceDir, `guide-snippet.${lang}`), text: `${text}\n`, files });
      if (isViteReact(matrixCase.name)) viteReactSnippets.add(added);
    }
    // Without entry edits the summary names the imports for "your entry file", written for a file in sourceDir.
    for (const { code } of printedSnippets(output.summary)) {
      const added = addSnippet({ origin: `summary of "${matrixCase.name}"`, setup, path: posix.join(sourceDir, `entry-snippet.${typescript ? 'ts' : 'js'}`), text: `${code}\n`, files });
      if (isViteReact(matrixCase.name)) viteReactSnippets.add(added);
    }
  }
  rmSync(projects, { recursive: true, force: true });
}

function readCodeFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (GENERATED_CODE.test(entry.name)) files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

async function collectSummarySnippets(): Promise<void> {
  for (const summaryCase of SUMMARY_CASES) {
    const { dir, summary } = await summaryOfRun(summaryCase.files, summaryCase.options ?? {}, 'cca-lint-snippets-');
    const printed = printedSnippets(summary);
    if (printed.length === 0) unwrappable.push(`${summaryCase.name}: the summary printed no snippet\n${summary}`);
    const files = readCodeFiles(dir);
    const typescript = Object.keys(files).some((path) => /\.tsx?$/.test(path));
    for (const [index, { file, place, code }] of printed.entries()) {
      // "your entry file": one beside the wiring module.
      const target = file ?? posix.join(posix.dirname(Object.keys(files)[0] ?? 'index.ts'), `entry.${typescript ? 'ts' : 'js'}`);
      const language = extname(target).slice(1).replace(/^[cm]/, '');
      const wrapped = wrapSummarySnippet(code, place, language);
      const origin = `summary of "${summaryCase.name}" (${target}, ${place ?? 'your entry file'})`;
      if ('problem' in wrapped) {
        unwrappable.push(`${origin}: ${wrapped.problem}\n${code}`);
        continue;
      }
      const path = posix.join(posix.dirname(target), `summary-snippet-${index}.${language}`);
      const added = addSnippet({ origin, setup: summaryCase.setup, path, text: `${wrapped.text}\n`, files, ...(summaryCase.requireImports ? { requireImports: true } : {}) });
      if (isViteReact(summaryCase.name)) viteReactSnippets.add(added);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  linters = strictLinters();
  const vue = installToolchain(VUE_TOOLCHAIN);
  root = mkdtempSync(join(tmpdir(), 'cca-lint-snippets-'));
  linkNodeModules(root);
  await collectGuideSnippets();
  await collectSummarySnippets();
  for (const [strictness, folder] of writeStrictLintSetups(root)) {
    folders.set(strictness, folder);
    for (const setup of SETUPS) {
      writeFileSync(join(folder, setup, 'app-names.d.ts'), APP_NAMES);
      // Vue and configcat-vue, which this repository does not depend on, come from their own install.
      mkdirSync(join(folder, setup, 'node_modules'));
      for (const name of ['vue', 'configcat-vue']) symlinkSync(join(vue, 'node_modules', name), join(folder, setup, 'node_modules', name), 'dir');
    }
    writeFileSync(join(folder, 'biome.json'), JSON.stringify(SNIPPET_BIOME_CONFIG, null, 2));
    for (const [index, snippet] of snippets.entries()) {
      const dir = join(folder, snippet.setup, String(index));
      for (const [path, content] of Object.entries(snippet.files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      mkdirSync(dirname(join(dir, snippet.path)), { recursive: true });
      writeFileSync(join(dir, snippet.path), snippet.text);
      // The app's own root component, where a snippet imports it.
      const app = /from ["']\.\/App["']/.test(snippet.text) ? `App.${extname(snippet.path).slice(1).startsWith('t') ? 'tsx' : 'jsx'}` : undefined;
      if (app && !existsSync(join(dir, dirname(snippet.path), app))) writeFileSync(join(dir, dirname(snippet.path), app), APP_COMPONENTS[app]!);
      origins.set(`${snippet.setup}/${index}/${snippet.path}`, snippet.origin);
      if (snippet.requireImports && strictness === 'strict-on') requireImportFiles.push(`${snippet.setup}/${index}/${snippet.path}`);
      if (viteReactSnippets.has(snippet) && strictness === 'strict-on') viteReactFiles.push(`${snippet.setup}/${index}/${snippet.path}`);
    }
  }
}, 900_000);

afterAll(() => {
  // KEEP_FIXTURE_PROJECTS keeps the linted files, to look at a failure.
  if (root && !process.env['KEEP_FIXTURE_PROJECTS']) rmSync(root, { recursive: true, force: true });
});

const lintedFiles = (prefix = '') => [...origins.keys()].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)).sort();

/** Messages grouped by snippet, each with where the snippet came from and its text. */
function explain(messages: readonly string[], prefix = ''): string[] {
  const byFile = new Map<string, string[]>();
  for (const message of messages) {
    const file = message.slice(0, message.indexOf(':'));
    byFile.set(file, [...(byFile.get(file) ?? []), message]);
  }
  return [...byFile].map(([file, lines]) => `${origins.get(prefix + file) ?? file}\n${lines.join('\n')}`);
}

describe('guide and summary snippets under strict lint rule sets', () => {
  it('collects snippets of every platform and language, and every summary snippet becomes a module', () => {
    expect(unwrappable).toEqual([]);
    for (const extension of ['ts', 'tsx', 'js', 'jsx']) expect(lintedFiles().some((path) => path.startsWith('browser/') && path.endsWith(`.${extension}`)), extension).toBe(true);
    for (const setup of ['node-esm', 'node-cjs']) for (const extension of ['ts', 'js']) expect(lintedFiles().some((path) => path.startsWith(`${setup}/`) && path.endsWith(`.${extension}`)), `${setup} .${extension}`).toBe(true);
    expect(lintedFiles().some((path) => path.includes('/summary-snippet-'))).toBe(true);
  });

  it.each(STRICTNESS)('typescript-eslint strictTypeChecked + stylisticTypeChecked, TypeScript %s', async (strictness) => {
    const cwd = folders.get(strictness)!;
    const eslint = await linters.typescriptEslint(cwd, [
      SNIPPET_CONFIG,
      {
        // As for the generated files: CommonJS JavaScript imports with require() and nothing else.
        files: ['node-cjs/**/*.js'],
        rules: { '@typescript-eslint/no-require-imports': 'off' },
      },
      // CommonJS TypeScript under verbatimModuleSyntax has no other import form: the rule's allowAsImport is for it.
      ...(requireImportFiles.length > 0 ? [{ files: requireImportFiles, rules: { '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }] } } satisfies Linter.Config] : []),
    ]);
    const results = await eslint.lintFiles(lintedFiles());
    expect(explain(lintMessages(results, cwd)).join('\n\n')).toBe('');
    expect(lintedPaths(results, cwd)).toEqual(lintedFiles());
  }, 900_000);

  it('Biome, recommended rules', async () => {
    const cwd = folders.get('strict-on')!;
    const result = await linters.biome(cwd, lintedFiles());
    expect(result.all, result.all).toMatch(/Checked \d+ files?/);
    expect(result.all).not.toMatch(/lint\/\w+\/\w+/);
    expect(result.exitCode, result.all).toBe(0);
  }, 300_000);

  it("create-vite's own ESLint config (react-ts and react), with no warnings, on what a Vite React app is told to write", async () => {
    const cwd = folders.get('strict-on')!;
    expect(viteReactFiles.some((path) => path.endsWith('.tsx')) && viteReactFiles.some((path) => path.endsWith('.jsx'))).toBe(true);
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: tseslint.config(...CREATE_VITE_REACT_TS, ...CREATE_VITE_REACT, SNIPPET_CONFIG) as Linter.Config[] });
    const results = await eslint.lintFiles([...viteReactFiles].sort());
    expect(explain(lintMessages(results, cwd)).join('\n\n')).toBe('');
    expect(results.reduce((count, result) => count + result.warningCount, 0)).toBe(0);
  }, 300_000);

  it('eslint-config-next (core-web-vitals and typescript), on the browser snippets', async () => {
    const cwd = join(folders.get('strict-on')!, 'browser');
    const eslint = await linters.next(cwd, [SNIPPET_NEXT_CONFIG]);
    const results = await eslint.lintFiles(lintedFiles('browser/'));
    expect(explain(lintMessages(results, cwd), 'browser/').join('\n\n')).toBe('');
    expect(lintedPaths(results, cwd)).toEqual(lintedFiles('browser/'));
    expect(results.reduce((count, result) => count + result.warningCount, 0)).toBe(0);
  }, 300_000);
});
