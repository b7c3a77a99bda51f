import { describe, expect, it } from 'vitest';
import { findNodeEntry, importSpecifier, observedSpecifierStyle, scriptFile } from '../generators/lib/entry/index.js';

const project = (files: Record<string, string>) => (path: string) => files[path];

describe('findNodeEntry', () => {
  it('maps a start script that runs the output folder (`node dist`) to the source folder\'s index', () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ scripts: { start: 'node dist' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
      'src/index.ts': 'export {};',
    };
    expect(findNodeEntry((path) => files[path])).toEqual({ path: 'src/index.ts', reason: 'the start script (dist, compiled from src/index.ts)' });
  });

  it('maps package.json main in dist back to its TypeScript source through tsconfig outDir/rootDir', () => {
    const read = project({
      'package.json': JSON.stringify({ type: 'module', main: 'dist/index.js', scripts: { start: 'node dist/index.js' } }),
      'tsconfig.json': '{\n  // File Layout\n  "compilerOptions": { "rootDir": "./src", "outDir": "./dist", },\n}',
      'src/index.ts': '',
    });
    expect(findNodeEntry(read)).toEqual({ path: 'src/index.ts', reason: 'package.json main (dist/index.js, compiled from src/index.ts)' });
  });

  it('prefers NestJS main.ts, then the start script, then bin, then usual names', () => {
    expect(findNodeEntry(project({ 'package.json': '{"dependencies":{"@nestjs/core":"^11"}}', 'src/main.ts': '' }))?.path).toBe('src/main.ts');
    expect(findNodeEntry(project({ 'package.json': '{"scripts":{"start":"node --env-file=.env server.js"}}', 'server.js': '' }))?.path).toBe('server.js');
    expect(findNodeEntry(project({ 'package.json': '{"bin":{"tool":"bin/cli.js"}}', 'bin/cli.js': '' }))?.path).toBe('bin/cli.js');
    expect(findNodeEntry(project({ 'package.json': '{}', 'app.js': '' }))?.path).toBe('app.js');
    expect(findNodeEntry(project({ 'package.json': '{}' }))).toBeUndefined();
  });

  it('reads the file a start command runs', () => {
    expect(scriptFile('tsx watch src/server.ts')).toBe('src/server.ts');
    expect(scriptFile('npm run build && node dist/main.js')).toBe('dist/main.js');
    expect(scriptFile('next start')).toBeUndefined();
  });
});

describe('importSpecifier', () => {
  it('names the module as the project does: none, .js, .ts, or through a paths alias', () => {
    expect(importSpecifier('src/main.tsx', 'src/ConfigCatAmplitudeProvider.tsx', { extension: 'none' })).toBe('./ConfigCatAmplitudeProvider');
    expect(importSpecifier('src/index.ts', 'src/configcat-amplitude.ts', { extension: 'js' })).toBe('./configcat-amplitude.js');
    expect(importSpecifier('src/main.tsx', 'src/configcat-amplitude.ts', { extension: 'ts' })).toBe('./configcat-amplitude.ts');
    expect(importSpecifier('pages/_app.tsx', 'src/lib/configcat-amplitude.ts', { extension: 'none' })).toBe('../src/lib/configcat-amplitude');
    expect(importSpecifier('src/app/layout.tsx', 'src/lib/configcat-amplitude.ts', { extension: 'none', paths: { '@/*': ['./src/*'] } })).toBe('@/lib/configcat-amplitude');
    expect(importSpecifier('server.js', 'configcat-amplitude.js', { extension: 'none' })).toBe('./configcat-amplitude.js');
  });

  it('reads the style off the imports a file has', () => {
    expect(observedSpecifierStyle("import './index.css'\nimport App from './App.tsx'\n")).toEqual({ extension: 'ts', usesAlias: false });
    expect(observedSpecifierStyle('import { greeting } from "./greeting.js";')).toEqual({ extension: 'js', usesAlias: false });
    expect(observedSpecifierStyle("import App from './App';\nimport { x } from '@/lib/x';", ['@/*'])).toEqual({ extension: 'none', usesAlias: true });
    expect(observedSpecifierStyle("import { createApp } from 'vue'")).toEqual({ usesAlias: false });
  });
});
