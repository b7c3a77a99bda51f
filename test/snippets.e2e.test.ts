/**
 * Where the run does not recognise the code it would edit, the summary prints the lines to paste,
 * naming the file. Their imports must resolve from that file, in the project's own style (the
 * extension or none, an `@/` alias, `import x = require()`): this test pastes the printed import
 * lines into a file beside the named one, uses each imported name, and type-checks the project with
 * its own tsconfig against the real SDKs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/generate.js';
import { printedSnippets, summaryOfRun } from './support/summary-snippets.js';

/** Names the import lines bring in, to use them (noUnusedLocals) and prove each one exists. */
function importedNames(imports: readonly string[]): string[] {
  return imports.flatMap((line) => {
    const required = /^import (\w+) = require/.exec(line);
    if (required) return [required[1]!];
    const braces = /\{([^}]*)\}/.exec(line);
    return braces ? braces[1]!.split(',').map((name) => name.trim().replace(/^type\s+/, '')).filter(Boolean) : [];
  });
}

function typecheck(dir: string): string {
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  try {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

const REACT_TSCONFIG = {
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'ESNext', moduleResolution: 'bundler', allowImportingTsExtensions: true, noEmit: true, jsx: 'react-jsx', strict: true, noUnusedLocals: true, skipLibCheck: true, types: ['vite/client'] },
  include: ['src', 'pages'],
};

const CASES: readonly { name: string; files: Record<string, string | object>; options?: Record<string, unknown>; expectImport: RegExp }[] = [
  {
    name: 'a Vite React root rendered without JSX: the provider import keeps the .tsx extension the project writes',
    files: {
      'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
      'tsconfig.json': REACT_TSCONFIG,
      'src/App.tsx': 'export default function App() {\n  return <h1>Hi</h1>;\n}\n',
      'src/main.tsx': "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App.tsx';\n\ncreateRoot(document.body).render(createElement(App));\n",
    },
    expectImport: /from '\.\/ConfigCatAmplitudeProvider\.tsx'/,
  },
  {
    name: 'a Next.js custom App of an unusual shape: the import goes through the project’s @/ alias',
    files: {
      'package.json': { name: 'site', private: true, dependencies: { next: '^16.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { typescript: '~5.9.3' } },
      'tsconfig.json': { ...REACT_TSCONFIG, compilerOptions: { ...REACT_TSCONFIG.compilerOptions, allowImportingTsExtensions: false, jsx: 'preserve', types: [], baseUrl: '.', paths: { '@/*': ['./src/*'] } } },
      'src/lib/util.ts': 'export const x = 1;\n',
      'pages/_app.tsx': "import type { AppProps } from 'next/app';\nimport { createElement } from 'react';\nimport { x } from '@/lib/util';\n\nconst App = ({ Component, pageProps }: AppProps) => createElement(Component, { ...pageProps, x });\nexport default App;\n",
    },
    expectImport: /from '@\/ConfigCatAmplitudeProvider'/,
  },
  {
    name: 'a React Router root route whose App builds its element elsewhere: the imports resolve from app/root.tsx',
    files: {
      'package.json': { name: 'web', private: true, type: 'module', dependencies: { 'react-router': '7.16.0', react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { '@react-router/dev': '7.16.0', vite: '^8.3.0', typescript: '~5.9.3' } },
      'tsconfig.json': { ...REACT_TSCONFIG, compilerOptions: { ...REACT_TSCONFIG.compilerOptions, allowImportingTsExtensions: false, verbatimModuleSyntax: true }, include: ['app'] },
      'react-router.config.ts': 'export default { ssr: true };\n',
      'app/root.tsx': "import { createElement } from 'react';\n\nfunction Outlet() {\n  return null;\n}\n\nexport default function App() {\n  return createElement(Outlet);\n}\n",
    },
    // No relative import in the file to follow: Vite's default, the emitted `.js`, which Vite maps back.
    expectImport: /from '\.\/ConfigCatAmplitudeProvider\.js'/,
  },
  {
    name: 'a CommonJS TypeScript service under verbatimModuleSyntax: import x = require()',
    files: {
      'package.json': { name: 'api', main: 'dist/index.js', dependencies: { express: '^5.0.0' }, devDependencies: { typescript: '~5.9.3', '@types/node': '^20.0.0' } },
      'tsconfig.json': { compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true, strict: true, noUnusedLocals: true, skipLibCheck: true, outDir: 'dist', rootDir: 'src', types: ['node'] }, include: ['src'] },
      'src/index.ts': "const port = 3000;\nexport = port;\n",
    },
    options: { platform: 'node' },
    expectImport: /^import wiring = require\('\.\/configcat-amplitude'\);$/m,
  },
];

describe('the snippets the summary prints compile where it says to put them', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const { dir, summary } = await summaryOfRun(testCase.files, testCase.options ?? {});
    const snippets = printedSnippets(summary);
    expect(snippets.length, summary).toBeGreaterThan(0);
    const imports = snippets.flatMap(({ code }) => code.split('\n').filter((line) => /^import\s/.test(line)));
    expect(imports.join('\n'), summary).toMatch(testCase.expectImport);
    for (const [index, { file, code }] of snippets.entries()) {
      if (file === undefined) continue;
      const lines = code.split('\n').filter((line) => /^import\s/.test(line));
      if (lines.length === 0) continue;
      const names = importedNames(lines);
      const checkFile = join(dirname(file), `snippet-check-${index}${extname(file)}`);
      const uses = /require/.test(lines.join('\n')) ? names.map((name) => `void ${name};`) : [`export const used = [${names.join(', ')}];`];
      mkdirSync(join(dir, dirname(checkFile)), { recursive: true });
      writeFileSync(join(dir, checkFile), [...lines, '', ...uses, ''].join('\n'));
    }
    expect(typecheck(dir)).toBe('');
  });
});
