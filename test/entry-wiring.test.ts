import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runApp, type ProjectFiles } from './support/generate.js';

/** The run wires the generated files into the project's own entry code, through yeoman-test. */
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const VITE_REACT: ProjectFiles = {
  'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
  'tsconfig.json': { compilerOptions: { strict: true } },
  'src/main.tsx': [
    "import { StrictMode } from 'react'",
    "import { createRoot } from 'react-dom/client'",
    "import './index.css'",
    "import App from './App.tsx'",
    '',
    "createRoot(document.getElementById('root')!).render(",
    '  <StrictMode>',
    '    <App />',
    '  </StrictMode>,',
    ')',
    '',
  ].join('\n'),
  'src/App.tsx': 'export default function App() {\n  return <h1>Hello</h1>\n}\n',
};

const EXPRESS_TS: ProjectFiles = {
  'package.json': { name: 'api', type: 'module', main: 'dist/server.js', scripts: { start: 'node dist/server.js' }, dependencies: { express: '^5.0.0', '@configcat/sdk': '^1.1.0' } },
  'tsconfig.json': { compilerOptions: { strict: true, module: 'nodenext', outDir: 'dist', rootDir: 'src' } },
  'src/server.ts': [
    "import express from 'express';",
    "import * as configcat from '@configcat/sdk';",
    '',
    "const flags = configcat.getClient(process.env.CONFIGCAT_SDK_KEY ?? '');",
    'const app = express();',
    "app.get('/', async (_req, res) => { res.send(String(await flags.getValueAsync('newCheckout', false))); });",
    'app.listen(3000);',
    '',
  ].join('\n'),
};

const NEXT = {
  'package.json': { name: 'site', private: true, dependencies: { next: '^16.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { typescript: '^5' } },
  'tsconfig.json': { compilerOptions: { strict: true, jsx: 'preserve', paths: { '@/*': ['./src/*'] } } },
};
const ROOT_LAYOUT = [
  "import type { Metadata } from 'next';",
  "import './globals.css';",
  '',
  "export const metadata: Metadata = { title: 'Site' };",
  '',
  'export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {',
  '  return (',
  '    <html lang="en">',
  '      <body>{children}</body>',
  '    </html>',
  '  );',
  '}',
  '',
].join('\n');

function run(files: ProjectFiles, options: Record<string, unknown> = {}) {
  return runApp().withFiles(files).commitFiles().withOptions({ yes: true, skipInstall: true, ...options });
}

describe('wiring the project’s entry code', () => {
  it('wraps a create-vite root render in the provider, inside StrictMode, in the file’s own style', async () => {
    const result = await run(VITE_REACT);
    const main = read(result.cwd, 'src/main.tsx');
    expect(main).toContain("import App from './App.tsx'");
    expect(main).toContain("import './index.css'");
    expect(main).toContain("import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider.tsx'");
    expect(main).toMatch(/<StrictMode>\s*<ConfigCatAmplitudeProvider>\s*<App \/>\s*<\/ConfigCatAmplitudeProvider>\s*<\/StrictMode>/);
    expect(main).toContain('void initAmplitude()');
    expect(main).not.toMatch(/;$/m);
    const saved = JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'];
    expect(saved.entryEdits['src/main.tsx']).toContain('+import { ConfigCatAmplitudeProvider }');
    expect(saved.answers.edit).toBe(true);
  });

  it('attaches the exposures to the client a Node service already creates, and flushes on shutdown', async () => {
    const result = await run(EXPRESS_TS, { platform: 'node' });
    const server = read(result.cwd, 'src/server.ts');
    expect(server).toMatch(/const flags = configcat\.getClient\([^\n]*\);\nattachAmplitudeExposures\(flags\);/);
    expect(server).toContain("from './configcat-amplitude.js'");
    expect(server).toContain('flushAmplitudeExposures()');
    expect(server).not.toContain('createConfigCatClient()');
  });

  it('a re-run leaves the root alone where the replaced <ConfigCatProvider> was in another file', async () => {
    const files: ProjectFiles = {
      ...VITE_REACT,
      'package.json': { name: 'web', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0', 'configcat-react': '^5.1.0' }, devDependencies: { vite: '^8.3.0', typescript: '~5.9.3' } },
      'src/App.tsx': "import { ConfigCatProvider } from 'configcat-react'\n\nexport default function App() {\n  return <ConfigCatProvider sdkKey=\"key\"><h1>Hello</h1></ConfigCatProvider>\n}\n",
    };
    const first = await run(files);
    const main = read(first.cwd, 'src/main.tsx');
    expect(main).toMatch(/<StrictMode>\s*<App \/>\s*<\/StrictMode>/);
    expect(read(first.cwd, 'src/App.tsx')).toContain('<ConfigCatAmplitudeProvider sdkKey="key">');
    const again = await run(Object.fromEntries(['package.json', 'tsconfig.json', '.yo-rc.json', 'src/main.tsx', 'src/App.tsx', 'src/configcat-amplitude.ts', 'src/ConfigCatAmplitudeProvider.tsx', 'docs/configcat-amplitude.md'].map((path) => [path, read(first.cwd, path)])));
    expect(read(again.cwd, 'src/main.tsx')).toBe(main);
  });

  it('Next.js App Router: the root layout wraps its children in a client providers file that starts Amplitude in the browser only', async () => {
    const result = await run({ ...NEXT, 'src/app/layout.tsx': ROOT_LAYOUT });
    const layout = read(result.cwd, 'src/app/layout.tsx');
    expect(layout).toMatch(/import \{ Providers \} from '\.\.\/ConfigCatAmplitudeProviders(\.js)?';/);
    expect(layout).toMatch(/<body>\s*<Providers>\{children\}<\/Providers>\s*<\/body>/);
    const providers = read(result.cwd, 'src/ConfigCatAmplitudeProviders.tsx');
    expect(providers).toMatch(/^["']use client["'];/);
    // A new file is formatted as the project formats its files (Prettier's defaults here).
    expect(providers).toMatch(/if \(typeof window !== ["']undefined["']\) void initAmplitude\(\);/);
    expect(JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'].answers.platform).toBe('next');
  });

  it('Next.js Pages Router: the custom App is wrapped in the provider', async () => {
    const app = "import type { AppProps } from 'next/app';\n\nexport default function App({ Component, pageProps }: AppProps) {\n  return <Component {...pageProps} />;\n}\n";
    const result = await run({ ...NEXT, 'pages/_app.tsx': app, 'pages/index.tsx': 'export default function Home() {\n  return null;\n}\n' });
    const wrapped = read(result.cwd, 'pages/_app.tsx');
    expect(wrapped).toMatch(/<ConfigCatAmplitudeProvider>\s*<Component \{\.\.\.pageProps\} \/>\s*<\/ConfigCatAmplitudeProvider>/);
    expect(wrapped).toMatch(/from '\.\.\/ConfigCatAmplitudeProvider(\.js)?'/);
  });

  it('joins a shutdown handler that another module registers, where its process.exit would stop a second one', async () => {
    const handlers = [
      "import type { Server } from 'node:http';",
      '',
      'export const registerProcessEvents = (server: Server): void => {',
      '  const handleSignals = () => {',
      '    server.close();',
      '    process.exit(0);',
      '  };',
      "  process.on('SIGTERM', handleSignals);",
      '};',
      '',
    ].join('\n');
    const server = "import express from 'express';\nimport { registerProcessEvents } from './process-events.js';\n\nregisterProcessEvents(express().listen(3000));\n";
    const files = { ...EXPRESS_TS, 'src/server.ts': server, 'src/process-events.ts': handlers };
    const result = await run(files, { platform: 'node' });
    const entry = read(result.cwd, 'src/server.ts');
    expect(entry).toContain('createConfigCatClient()');
    expect(entry).not.toContain('flushAmplitudeExposures');
    const events = read(result.cwd, 'src/process-events.ts');
    expect(events).toContain("import { flushAmplitudeExposures } from './configcat-amplitude.js';");
    expect(events).toMatch(/const handleSignals = \(\) => \{\n {4}void flushAmplitudeExposures\(\)\.finally\(\(\) => \{\n {6}server\.close\(\);\n {6}process\.exit\(0\);\n {4}\}\);\n {2}\};/);
    const recorded = JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'].entryEdits;
    expect(Object.keys(recorded).sort()).toEqual(['src/process-events.ts', 'src/server.ts']);
  });

  it('attaches the exposures where the app creates its ConfigCat client in a module of its own, and creates no second client in the entry', async () => {
    const flags = [
      "import * as configcat from '@configcat/sdk';",
      '',
      "export const flags = configcat.getClient(process.env['CONFIGCAT_SDK_KEY'] ?? '');",
      '',
    ].join('\n');
    const mock = "import * as configcat from '@configcat/sdk';\n\nexport const testClient = configcat.getClient('test-key');\n";
    const server = "import express from 'express';\nimport { flags } from './flags.js';\n\nconst app = express();\napp.get('/', async (_req, res) => { res.send(String(await flags.getValueAsync('newCheckout', false))); });\napp.listen(3000);\n";
    const files = { ...EXPRESS_TS, 'src/server.ts': server, 'src/flags.ts': flags, 'src/flags.test.ts': mock };
    const result = await run(files, { platform: 'node' });
    const wired = read(result.cwd, 'src/flags.ts');
    expect(wired).toContain("import { attachAmplitudeExposures } from './configcat-amplitude.js';");
    expect(wired).toMatch(/export const flags = configcat\.getClient\([^\n]*\);\nattachAmplitudeExposures\(flags\);/);
    const entry = read(result.cwd, 'src/server.ts');
    expect(entry).not.toContain('createConfigCatClient');
    expect(entry).toContain('initAmplitude');
    expect(entry).toContain('flushAmplitudeExposures');
    expect(read(result.cwd, 'src/flags.test.ts')).toBe(mock);
    const written = ['package.json', 'tsconfig.json', '.yo-rc.json', 'src/server.ts', 'src/flags.ts', 'src/flags.test.ts', 'src/configcat-amplitude.ts', 'docs/configcat-amplitude.md'];
    const again = await run(Object.fromEntries(written.map((path) => [path, read(result.cwd, path)])), { platform: 'node' });
    expect(read(again.cwd, 'src/flags.ts')).toBe(wired);
    expect(read(again.cwd, 'src/server.ts')).toBe(entry);
  });

  it('edits nothing with --no-edit, and says what to add instead', async () => {
    const result = await run(VITE_REACT, { edit: false });
    expect(read(result.cwd, 'src/main.tsx')).toBe(VITE_REACT['src/main.tsx']);
    expect(JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'].answers.edit).toBe(false);
  });

  it('leaves code it does not recognise alone', async () => {
    const unusual = "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App';\n\ncreateRoot(document.body).render(createElement(App));\n";
    const result = await run({ ...VITE_REACT, 'src/main.tsx': unusual });
    expect(read(result.cwd, 'src/main.tsx')).toBe(unusual);
  });
});
