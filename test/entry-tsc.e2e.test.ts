import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { wireNodeEntry, wrapReactRoot } from '../generators/lib/entry/index.js';
import { editedCode } from './support/entry.js';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'entry-tsc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a tiny project (this package's node_modules linked in) and runs `tsc --noEmit` on it. */
function typecheck(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  try {
    return execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

it('an edited Vite react-ts main.tsx type-checks under the template tsconfig', () => {
  const fixture = join(root, 'test/fixtures/vite-react-ts');
  const main = editedCode(wrapReactRoot({
    code: readFileSync(join(fixture, 'src/main.tsx'), 'utf8'),
    file: 'src/main.tsx',
    providerModule: './ConfigCatAmplitudeProvider',
    wiringModule: './configcat-amplitude',
    initAmplitude: 'void',
  }));
  const output = typecheck('vite-react-ts', {
    'tsconfig.json': readFileSync(join(fixture, 'tsconfig.app.json'), 'utf8'),
    'src/main.tsx': main,
    'src/App.tsx': 'export default function App() { return <p>app</p> }\n',
    'src/vite-env.d.ts': "declare module '*.css'\n",
    'src/ConfigCatAmplitudeProvider.tsx': "import type { PropsWithChildren } from 'react'\nexport function ConfigCatAmplitudeProvider({ children }: PropsWithChildren<{ sdkKey?: string }>) { return <>{children}</> }\n",
    'src/configcat-amplitude.ts': 'export function initAmplitude(): Promise<void> { return Promise.resolve() }\n',
  });
  expect(output).toBe('');
});

it('an edited Node ESM server type-checks under nodenext with exactOptionalPropertyTypes', () => {
  const fixture = join(root, 'test/fixtures/node-ts-esm');
  const index = editedCode(wireNodeEntry({
    code: readFileSync(join(fixture, 'src/index.ts'), 'utf8'),
    file: 'src/index.ts',
    wiringModule: './configcat-amplitude.js',
    initAmplitude: 'void',
  }));
  const output = typecheck('node-ts-esm', {
    'package.json': readFileSync(join(fixture, 'package.json'), 'utf8'),
    'tsconfig.json': readFileSync(join(fixture, 'tsconfig.json'), 'utf8'),
    'src/index.ts': index,
    'src/greeting.ts': readFileSync(join(fixture, 'src/greeting.ts'), 'utf8'),
    'src/configcat-amplitude.ts': [
      'export function initAmplitude(): Promise<void> { return Promise.resolve(); }',
      'export function createConfigCatClient(): { dispose(): void } { return { dispose() {} }; }',
      'export async function flushAmplitudeExposures(): Promise<void> {}',
      '',
    ].join('\n'),
  });
  expect(output).toBe('');
});
