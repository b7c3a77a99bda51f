import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkNodeModules } from './support/generate.js';
import { generateNodeProject, runTsc, type GeneratedNodeProject, type NodeProjectSpec } from './support/node-wiring.js';

/**
 * The Node wiring, generated into every kind of Node project, must compile with the real SDK
 * packages under the project's strictest settings. Generating is the slow part, so every project
 * is generated once and the files are checked together: one `tsc` run per compiler setup.
 */
const LEGACY = { 'configcat-node': '^11.4.1' };
const HAS_AMPLITUDE = { '@amplitude/analytics-node': '^1.5.73' };
const EU = { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' };

const PROJECTS: readonly NodeProjectSpec[] = [
  { name: 'ts-esm-auto', language: 'ts', moduleSystem: 'esm' },
  { name: 'ts-esm-value-no-identify', language: 'ts', moduleSystem: 'esm', options: { variant: 'value', identify: false } },
  { name: 'ts-esm-variation-defaults', language: 'ts', moduleSystem: 'esm', options: { variant: 'variationId', trackDefaultValues: true } },
  { name: 'ts-esm-legacy', language: 'ts', moduleSystem: 'esm', dependencies: LEGACY },
  { name: 'ts-esm-has-amplitude', language: 'ts', moduleSystem: 'esm', dependencies: HAS_AMPLITUDE },
  { name: 'ts-cjs-auto', language: 'ts', moduleSystem: 'cjs' },
  { name: 'ts-cjs-legacy-has-amplitude', language: 'ts', moduleSystem: 'cjs', dependencies: { ...LEGACY, ...HAS_AMPLITUDE }, options: { identify: false } },
  { name: 'js-esm-auto', language: 'js', moduleSystem: 'esm' },
  { name: 'js-esm-value-no-identify', language: 'js', moduleSystem: 'esm', options: { variant: 'value', identify: false } },
  { name: 'js-esm-legacy-has-amplitude', language: 'js', moduleSystem: 'esm', dependencies: { ...LEGACY, ...HAS_AMPLITUDE } },
  { name: 'js-cjs-auto', language: 'js', moduleSystem: 'cjs' },
  { name: 'js-cjs-variation-defaults', language: 'js', moduleSystem: 'cjs', options: { variant: 'variationId', trackDefaultValues: true } },
  { name: 'js-cjs-legacy', language: 'js', moduleSystem: 'cjs', dependencies: LEGACY, options: { variant: 'value' } },
  { name: 'js-cjs-has-amplitude', language: 'js', moduleSystem: 'cjs', dependencies: HAS_AMPLITUDE },
  { name: 'ts-esm-eu', language: 'ts', moduleSystem: 'esm', options: EU },
  { name: 'ts-cjs-legacy-eu', language: 'ts', moduleSystem: 'cjs', dependencies: LEGACY, options: EU },
  { name: 'js-esm-eu', language: 'js', moduleSystem: 'esm', options: EU },
  { name: 'js-cjs-legacy-eu', language: 'js', moduleSystem: 'cjs', dependencies: LEGACY, options: EU },
];

/** Every strictness flag the issue names, plus the other `--strict`-family checks projects turn on. */
const STRICTEST = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noFallthroughCasesInSwitch: true,
};

/**
 * `skipLibCheck` as `tsc --init` and project templates set it: the SDKs' own declaration files do not
 * compile under `exactOptionalPropertyTypes` or without the DOM library (analytics-core declares
 * browser types), which says nothing about the generated file, whose errors are still reported.
 */
const BASE = { target: 'ES2022', lib: ['ES2022'], types: ['node'], noEmit: true, skipLibCheck: true };

/**
 * One `tsc` run each. Decisions:
 * - A CommonJS project cannot enable `verbatimModuleSyntax` and still write `import` statements
 *   (TS1286 for every import, its own files included), so such projects use `import x = require()`
 *   throughout and are not what this generator targets; the CommonJS setups here leave it off, as
 *   CommonJS TypeScript projects do. ESM projects and `bundler` keep it on.
 * - `@configcat/sdk`'s own declaration files also fail under `node16` in a CommonJS project (TS1479,
 *   see FACTS): one more reason for `skipLibCheck`.
 */
const SETUPS = [
  {
    name: 'TypeScript, bundler resolution (ESM and CommonJS projects), verbatimModuleSyntax',
    include: ['esm/**/*.ts', 'cjs/**/*.ts'],
    options: { ...STRICTEST, module: 'ESNext', moduleResolution: 'bundler', verbatimModuleSyntax: true },
  },
  {
    name: 'TypeScript, nodenext in an ESM project, verbatimModuleSyntax',
    include: ['esm/**/*.ts'],
    options: { ...STRICTEST, module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true },
  },
  {
    name: 'TypeScript, node16 in a CommonJS project',
    include: ['cjs/**/*.ts'],
    options: { ...STRICTEST, module: 'Node16', moduleResolution: 'Node16' },
  },
  {
    name: 'TypeScript and JavaScript, classic CommonJS (module commonjs, node10 resolution)',
    include: ['cjs/**/*.ts', 'cjs/**/*.js'],
    options: { ...STRICTEST, allowJs: true, checkJs: true, module: 'CommonJS', moduleResolution: 'node10', esModuleInterop: true },
  },
  {
    name: 'JavaScript with --allowJs --checkJs --strict, nodenext in an ESM project',
    include: ['esm/**/*.js'],
    options: { ...STRICTEST, allowJs: true, checkJs: true, module: 'NodeNext', moduleResolution: 'NodeNext' },
  },
  {
    name: 'JavaScript with --allowJs --checkJs --strict, node16 in a CommonJS project',
    include: ['cjs/**/*.js'],
    options: { ...STRICTEST, allowJs: true, checkJs: true, module: 'Node16', moduleResolution: 'Node16' },
  },
] as const;

let workspace: string;
const generated: GeneratedNodeProject[] = [];

beforeAll(async () => {
  for (const spec of PROJECTS) generated.push(await generateNodeProject(spec));
  // One folder per module system, each with the package.json that makes its files ESM or CommonJS.
  workspace = mkdtempSync(join(tmpdir(), 'configcat-amplitude-types-'));
  linkNodeModules(workspace);
  for (const system of ['esm', 'cjs'] as const) {
    mkdirSync(join(workspace, system));
    writeFileSync(join(workspace, system, 'package.json'), JSON.stringify({ type: system === 'esm' ? 'module' : 'commonjs' }));
  }
  for (const project of generated) {
    const folder = join(workspace, project.spec.moduleSystem, project.spec.name);
    mkdirSync(folder);
    writeFileSync(join(folder, `configcat-amplitude.${project.spec.language}`), project.wiring);
  }
  SETUPS.forEach((setup, index) => {
    writeFileSync(join(workspace, `tsconfig.${index}.json`), JSON.stringify({ compilerOptions: { ...BASE, ...setup.options }, include: setup.include }, null, 2));
  });
}, 300_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  for (const project of generated) rmSync(project.dir, { recursive: true, force: true });
});

describe('generated Node wiring', () => {
  it('is generated in the language and module system of each project', () => {
    for (const project of generated) {
      const { language, moduleSystem } = project.spec;
      const usesRequire = /\brequire\(/.test(project.wiring);
      const usesImport = /^import /m.test(project.wiring);
      expect({ name: project.spec.name, usesRequire, usesImport }).toEqual({
        name: project.spec.name,
        usesRequire: language === 'js' && moduleSystem === 'cjs',
        usesImport: !(language === 'js' && moduleSystem === 'cjs'),
      });
      // `initAmplitude` only where the project had no Amplitude SDK of its own.
      const hasAmplitude = '@amplitude/analytics-node' in (project.spec.dependencies ?? {});
      expect(project.wiring.includes('function initAmplitude('), project.spec.name).toBe(!hasAmplitude);
      const legacy = 'configcat-node' in (project.spec.dependencies ?? {});
      expect(project.wiring, project.spec.name).toMatch(legacy ? /["']configcat-node["']/ : /["']@configcat\/sdk["']/);
    }
  });

  it.each(SETUPS.map((setup, index) => ({ ...setup, index })))('compiles with zero errors: $name', async ({ index, include }) => {
    const files = generated.filter((project) =>
      include.some((pattern) => pattern.startsWith(project.spec.moduleSystem) && pattern.endsWith(`.${project.spec.language}`)),
    );
    expect(files.length).toBeGreaterThan(0);
    const result = await runTsc(['-p', `tsconfig.${index}.json`, '--listFilesOnly'], workspace);
    // The run must really check the generated files (a wrong include would pass vacuously).
    for (const project of files) expect(result.output).toContain(`/${project.spec.moduleSystem}/${project.spec.name}/configcat-amplitude.`);
    const { code, output } = await runTsc(['-p', `tsconfig.${index}.json`, '--pretty', 'false'], workspace);
    expect(output, output).toBe('');
    expect(code).toBe(0);
  });
});
