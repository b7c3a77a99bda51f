import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBrowserProject, type BrowserProjectSpec } from './support/browser-projects.js';
import { generateNodeProject, runTsc, type NodeProjectSpec } from './support/node-wiring.js';

/**
 * TypeScript set-ups that projects really have and that the generated files failed under: each
 * project is generated, given the tsconfig.json of that set-up, and checked with the real `tsc`.
 */
const STRICT = { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true, target: 'ES2022' };
const DOM = { lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx' };

interface BrowserSetup {
  readonly name: string;
  readonly spec: BrowserProjectSpec;
  readonly types: readonly string[];
  readonly options: Record<string, unknown>;
}

const BROWSER_SETUPS: readonly BrowserSetup[] = [
  {
    name: 'Create React App, TypeScript, noPropertyAccessFromIndexSignature (was TS4111 on process.env)',
    spec: { name: 'setup-cra-index-signature', platform: 'react', language: 'ts', framework: 'cra' },
    types: ['node'],
    options: { ...STRICT, ...DOM, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, noPropertyAccessFromIndexSignature: true },
  },
  {
    name: 'Vite, browser TypeScript, noPropertyAccessFromIndexSignature (was TS4111 on import.meta.env)',
    spec: { name: 'setup-vite-index-signature', platform: 'js', language: 'ts', framework: 'vite' },
    types: ['vite/client'],
    options: { ...STRICT, ...DOM, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, noPropertyAccessFromIndexSignature: true },
  },
  {
    name: 'Next.js in an ES-module package checked with nodenext (was TS2835, an extensionless import)',
    spec: { name: 'setup-next-esm-nodenext', platform: 'react', language: 'ts', framework: 'next', esmPackage: true, compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } },
    types: ['node'],
    options: { ...STRICT, ...DOM, module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, verbatimModuleSyntax: true },
  },
  {
    name: 'React, isolatedDeclarations (was TS9007, the provider without a return type)',
    spec: { name: 'setup-react-isolated-declarations', platform: 'react', language: 'ts', framework: 'vite' },
    types: ['vite/client'],
    options: { ...STRICT, ...DOM, module: 'ESNext', moduleResolution: 'Bundler', isolatedDeclarations: true, declaration: true, emitDeclarationOnly: true, outDir: 'out' },
  },
];

interface NodeSetup {
  readonly name: string;
  readonly spec: NodeProjectSpec;
  readonly options: Record<string, unknown>;
}

const NODE_SETUPS: readonly NodeSetup[] = [
  {
    // What `npm init -y` (a CommonJS package) and `tsc --init` (TypeScript 5.9) produce.
    name: 'CommonJS package, tsc --init defaults: nodenext, verbatimModuleSyntax (was TS1295/TS1287)',
    spec: {
      name: 'setup-cjs-verbatim',
      language: 'ts',
      moduleSystem: 'cjs',
      tsconfig: { compilerOptions: { module: 'nodenext', target: 'esnext', verbatimModuleSyntax: true, isolatedModules: true, strict: true } },
    },
    options: { ...STRICT, lib: ['ES2022'], types: ['node'], module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true, isolatedModules: true, noEmit: true },
  },
  {
    // Older starters (a Fastify 3 template) still compile to ES5 with the newer lib: no spread of a Set
    // (TS2569; emitted as an empty array, the flush would wait for nothing).
    name: 'CommonJS service compiled to ES5 with an ES2022 lib, no downlevelIteration (was TS2569)',
    spec: { name: 'setup-cjs-es5', language: 'ts', moduleSystem: 'cjs', tsconfig: { compilerOptions: { module: 'commonjs', target: 'es5', strict: true } } },
    options: { strict: true, skipLibCheck: true, target: 'es5', lib: ['ES2022'], types: ['node'], module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, noEmit: true },
  },
];

const browserDirs = new Map<string, string>();
const nodeDirs = new Map<string, string>();

beforeAll(async () => {
  for (const setup of BROWSER_SETUPS) {
    const project = await generateBrowserProject(setup.spec);
    writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...setup.options, types: setup.types }, include: ['src'] }, null, 2));
    browserDirs.set(setup.name, project.dir);
  }
  for (const setup of NODE_SETUPS) {
    const project = await generateNodeProject(setup.spec);
    writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: setup.options, include: ['src'] }, null, 2));
    nodeDirs.set(setup.name, project.dir);
  }
}, 300_000);

describe('generated files under the TypeScript set-ups projects have', () => {
  it.each(BROWSER_SETUPS.map((setup) => setup.name))('%s', async (name) => {
    const { code, output } = await runTsc(['-p', 'tsconfig.json', '--pretty', 'false'], browserDirs.get(name)!);
    expect(output, output).toBe('');
    expect(code).toBe(0);
  });

  it.each(NODE_SETUPS.map((setup) => setup.name))('%s', async (name) => {
    const { code, output } = await runTsc(['-p', 'tsconfig.json', '--pretty', 'false'], nodeDirs.get(name)!);
    expect(output, output).toBe('');
    expect(code).toBe(0);
  });
});
