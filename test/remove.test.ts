import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { addDependencies } from '../generators/lib/package-json.js';
import { imports, planRemoval, type ProjectReader, type Recorded } from '../generators/lib/remove-plan.js';
import { runApp, runRemove, type ProjectFiles } from './support/generate.js';
import { makeTempProject, runBin } from './support/temp-project.js';

/** Every file of a project but its node_modules, by path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) visit(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  visit(dir);
  return files;
}

function folders(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

const VITE_REACT: ProjectFiles = {
  'package.json': '{\n\t"name": "web",\n\t"type": "module",\n\t"scripts": { "build": "vite build" },\n\t"devDependencies": {\n\t\t"typescript": "~5.9.3",\n\t\t"vite": "^8.3.0"\n\t},\n\t"dependencies": {\n\t\t"react": "^19.0.0",\n\t\t"react-dom": "^19.0.0"\n\t}\n}\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "jsx": "react-jsx" } }\n',
  'src/App.tsx': 'export default function App() {\n  return <h1>Hi</h1>;\n}\n',
  'src/main.tsx':
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport './index.css';\nimport App from './App.tsx';\n\ncreateRoot(document.getElementById('root')!).render(\n  <StrictMode>\n    <App />\n  </StrictMode>,\n);\n",
  'src/index.css': 'body { margin: 0; }\n',
};

/** A project with the generator run in it (a folder of its own: yeoman-test cleans up the folders it made). */
async function generated(files: ProjectFiles) {
  const dir = makeTempProject(files, 'cca-remove-');
  await runApp().cd(dir).withOptions({ yes: true, skipInstall: true });
  return dir;
}

describe('remove', () => {
  it('leaves the project byte for byte as it was before the generator ran', async () => {
    const dir = await generated(VITE_REACT);
    const before = Object.fromEntries(Object.entries(VITE_REACT).map(([path, text]) => [path, text as string]));
    expect(snapshot(dir)).not.toEqual(before);
    expect(readFileSync(join(dir, 'src/main.tsx'), 'utf8')).toContain('ConfigCatAmplitudeProvider');
    await runRemove().cd(dir).withOptions({ yes: true, skipInstall: true });
    expect(snapshot(dir)).toEqual(before);
    // The guide's folder, created by the generator, goes too.
    expect(folders(dir).sort()).toEqual(['src']);
  });

  it('keeps a generated file the user edited, names it and exits non-zero', async () => {
    const dir = await generated(VITE_REACT);
    const module = join(dir, 'src/configcat-amplitude.ts');
    writeFileSync(module, `${readFileSync(module, 'utf8')}\nexport const mine = 1;\n`);
    const run = await runBin(dir, ['remove', '--yes', '--skip-install']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^Kept \(you edited it\):\n {2}src\/configcat-amplitude\.ts$/m);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'Error: src/configcat-amplitude.ts changed since it was generated and was kept: delete it yourself, or run remove again with --force.',
    );
    expect(existsSync(module)).toBe(true);
    expect(existsSync(join(dir, 'src/ConfigCatAmplitudeProvider.tsx'))).toBe(false);
  });

  it('--force deletes generated files the user edited', async () => {
    const dir = await generated(VITE_REACT);
    const module = join(dir, 'src/configcat-amplitude.ts');
    writeFileSync(module, `${readFileSync(module, 'utf8')}\nexport const mine = 1;\n`);
    await runRemove().cd(dir).withOptions({ yes: true, skipInstall: true, force: true });
    expect(existsSync(module)).toBe(false);
  });

  it('recognises its files after the user reformatted them', async () => {
    const dir = await generated(VITE_REACT);
    const module = join(dir, 'src/configcat-amplitude.ts');
    writeFileSync(module, readFileSync(module, 'utf8').replace(/;$/gm, '').replace(/^ {2}/gm, '\t'));
    await runRemove().cd(dir).withOptions({ yes: true, skipInstall: true });
    expect(existsSync(module)).toBe(false);
  });

  it('keeps an SDK that other code of the project imports', async () => {
    const dir = await generated(VITE_REACT);
    writeFileSync(join(dir, 'src/flags.ts'), "import { useFeatureFlag } from 'configcat-react';\nexport { useFeatureFlag };\n");
    const result = await runRemove().cd(dir).withOptions({ yes: true, skipInstall: true });
    const dependencies = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    expect(Object.keys(dependencies).sort()).toEqual(['configcat-react', 'react', 'react-dom']);
    expect(result.generator).toBeDefined();
  });

  it('under --dry-run shows each deletion and undone edit as a diff and changes nothing', async () => {
    const dir = await generated(VITE_REACT);
    const before = snapshot(dir);
    const logged: string[] = [];
    await runRemove()
      .cd(dir)
      .withOptions({ yes: true, dryRun: true })
      .onGenerator((generator) => {
        const log = generator.log;
        (generator as { log: typeof log }).log = Object.assign((message: string) => {
          logged.push(message);
        }, log);
      });
    const output = logged.join('\n');
    expect(output).toMatch(/src\/configcat-amplitude\.ts \(deleted\)/);
    expect(output).toMatch(/^-\s*<ConfigCatAmplitudeProvider/m);
    expect(output).toMatch(/Would then install the SDK packages with: npm install/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("keeps the ids of a connected annotations integration, which lives in ConfigCat, and says how to disconnect it", async () => {
    const dir = await generated(VITE_REACT);
    const yoRc = join(dir, '.yo-rc.json');
    const saved = JSON.parse(readFileSync(yoRc, 'utf8')) as Record<string, Record<string, unknown>>;
    const ids = { productId: '08d86d63-2726-47cd-8bfc-59608ecb91e2', integrationId: '1b2c3d4e-0000-4000-8000-000000000001' };
    saved['generator-configcat-amplitude']!['annotations'] = ids;
    writeFileSync(yoRc, `${JSON.stringify(saved, null, 2)}\n`);
    const run = await runBin(dir, ['remove', '--yes', '--skip-install']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('annotations disconnect');
    expect(JSON.parse(readFileSync(yoRc, 'utf8'))).toEqual({ 'generator-configcat-amplitude': { annotations: ids } });
    expect(existsSync(join(dir, 'src/configcat-amplitude.ts'))).toBe(false);
  });

  it('says what to do where nothing was generated', async () => {
    await expect(runRemove().cd(makeTempProject(VITE_REACT)).withOptions({ yes: true, skipInstall: true })).rejects.toThrow(/Nothing to remove: .*records no run of this generator/);
  });
});

describe('planRemoval', () => {
  const packageJson = '{\n  "name": "api",\n  "scripts": { "start": "node ." }\n}\n';
  const withSdks = addDependencies(packageJson, { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-node': '^1.5.0' });
  const project = (files: Record<string, string>, recordedVersions: Record<string, string> = {}): ProjectReader => ({
    read: (path) => files[path],
    isRecordedVersion: async (path, text) => recordedVersions[path] === text,
    sourceFiles: () => Object.keys(files).filter((path) => /\.[jt]sx?$/.test(path)),
  });
  const recorded = (overrides: Partial<Recorded> = {}): Recorded => ({
    fingerprints: {},
    entryEdits: {},
    addedDependencies: ['@configcat/sdk', '@amplitude/analytics-node'],
    packageJsonPatch: createPatch('package.json', packageJson, withSdks),
    ...overrides,
  });

  it('undoes the added dependencies exactly, with the block the generator created', async () => {
    const removal = await planRemoval(recorded(), project({ 'package.json': withSdks }));
    expect(removal.packageJson).toBe(packageJson);
    expect(removal.dependenciesRemoved).toEqual(['@configcat/sdk', '@amplitude/analytics-node']);
  });

  it('removes them line by line when package.json changed around them since', async () => {
    const changed = withSdks.replace('"name": "api"', '"name": "api",\n  "version": "2.0.0"');
    const removal = await planRemoval(recorded(), project({ 'package.json': changed }));
    expect(removal.packageJson).toBe(packageJson.replace('"name": "api"', '"name": "api",\n  "version": "2.0.0"'));
  });

  it("takes the pnpm catalog entries it added out of the workspace file, unless a dependency stays", async () => {
    const workspace = 'packages: []\ncatalogs:\n  frontend:\n    vue: ^3.5.16\n';
    const withEntries = `packages: []\ncatalog:\n  '@configcat/sdk': ^1.1.0\n${workspace.slice('packages: []\n'.length)}`;
    const withPatch = recorded({ pnpmWorkspacePatch: createPatch('pnpm-workspace.yaml', workspace, withEntries) });
    const removal = await planRemoval(withPatch, project({ 'package.json': withSdks, 'pnpm-workspace.yaml': withEntries }));
    expect(removal.pnpmWorkspace).toEqual({ path: 'pnpm-workspace.yaml', text: workspace });
    const kept = await planRemoval(withPatch, project({ 'package.json': withSdks, 'pnpm-workspace.yaml': withEntries, 'src/other.ts': "import '@configcat/sdk';\n" }));
    expect(kept.pnpmWorkspace).toBeUndefined();
  });

  it('keeps a dependency other code imports, and says which file', async () => {
    const files = { 'package.json': withSdks, 'src/other.ts': "import * as configcat from '@configcat/sdk/node';\n" };
    const removal = await planRemoval(recorded(), project(files));
    expect(removal.dependenciesKept).toEqual([{ name: '@configcat/sdk', importedBy: 'src/other.ts' }]);
    expect(removal.packageJson).not.toContain('@amplitude/analytics-node');
    expect(removal.packageJson).toContain('@configcat/sdk');
  });

  it('does not count the files it deletes or restores as importers', async () => {
    const entryBefore = 'console.log(1);\n';
    const entryAfter = "import { configCatClient } from './configcat-amplitude.js';\nconsole.log(1);\n";
    const files = { 'package.json': withSdks, 'src/configcat-amplitude.ts': "import * as configcat from '@configcat/sdk';\n", 'src/index.ts': entryAfter };
    const removal = await planRemoval(
      recorded({ fingerprints: { 'src/configcat-amplitude.ts': 'f' }, entryEdits: { 'src/index.ts': createPatch('src/index.ts', entryBefore, entryAfter) } }),
      project(files, { 'src/configcat-amplitude.ts': files['src/configcat-amplitude.ts'] }),
    );
    expect(removal.deleted).toEqual(['src/configcat-amplitude.ts']);
    expect(removal.restored).toEqual([{ path: 'src/index.ts', text: entryBefore }]);
    expect(removal.dependenciesKept).toEqual([]);
  });

  it('deletes an entry file the generator created, and leaves one the user changed since', async () => {
    const created = "'use client';\nexport function Providers() {}\n";
    const files = { 'package.json': withSdks, 'app/providers.tsx': created, 'app/layout.tsx': 'my own layout now\n' };
    const removal = await planRemoval(
      recorded({
        entryEdits: {
          'app/providers.tsx': createPatch('app/providers.tsx', '', created),
          'app/layout.tsx': createPatch('app/layout.tsx', 'layout\n', 'layout\n<Providers>\n'),
        },
      }),
      project(files),
    );
    expect(removal.restored).toEqual([{ path: 'app/providers.tsx', text: undefined }]);
    expect(removal.notRestored).toEqual([{ path: 'app/layout.tsx', reason: 'it changed since the generator edited it' }]);
  });

  it.each([
    ["import { a } from 'pkg';", true],
    ['import "pkg/sub";', true],
    ["export * from 'pkg';", true],
    ["const a = require('pkg');", true],
    ["const a = await import('pkg');", true],
    ["import { a } from 'pkg-other';", false],
    ["import { a } from '@scope/pkg';", false],
    ['// pkg is great', false],
  ])('tells an import of pkg: %s', (code, expected) => {
    expect(imports(code, 'pkg')).toBe(expected);
  });
});
