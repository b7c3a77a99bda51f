import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject, linkNodeModules } from './generate.js';

export interface BrowserProject {
  /** A folder of this test's own: yeoman-test cleans its run folder up at the next run. */
  readonly dir: string;
  read(path: string): string;
}

/** A browser or React project the generator runs in, described by what matters to the wiring. */
export interface BrowserProjectSpec {
  readonly name: string;
  readonly platform: 'js' | 'react';
  readonly language: 'ts' | 'js';
  /** The bundler convention: Vite (`import.meta.env`), Create React App, Next.js or a bare bundler (`process.env`). */
  readonly framework: 'vite' | 'cra' | 'next' | 'bundler';
  readonly variant?: 'auto' | 'value' | 'variationId';
  readonly identify?: boolean;
  readonly trackDefaultValues?: boolean;
  /** Use the legacy `configcat-js` package (browser JS only). */
  readonly legacyConfigcat?: boolean;
  /** The project already has `@amplitude/unified` (so no `initAmplitude`). */
  readonly unifiedAmplitude?: boolean;
  /** `"type": "module"` in package.json (Vite projects always have it). */
  readonly esmPackage?: boolean;
  /** The project's tsconfig.json compilerOptions, present before the run (detection reads them). */
  readonly compilerOptions?: Readonly<Record<string, unknown>>;
  /** Further generator options, camelCased (e.g. `amplitudeServerZone`). */
  readonly options?: Readonly<Record<string, unknown>>;
}

const FRAMEWORK_DEPENDENCIES = {
  vite: { vite: '^8.3.0' },
  cra: { 'react-scripts': '5.0.1' },
  next: { next: '^16.0.0' },
  bundler: { webpack: '^5.0.0' },
} as const;

/** Runs the real generator in a fresh project for `spec`, with this repository's node_modules linked in. */
export async function generateBrowserProject(spec: BrowserProjectSpec): Promise<BrowserProject> {
  const dependencies: Record<string, string> = {};
  if (spec.platform === 'react') Object.assign(dependencies, { react: '^19.0.0', 'react-dom': '^19.0.0' });
  if (spec.legacyConfigcat) dependencies['configcat-js'] = '^9.6.1';
  if (spec.unifiedAmplitude) dependencies['@amplitude/unified'] = '^1.1.35';
  const devDependencies: Record<string, string> = { ...FRAMEWORK_DEPENDENCIES[spec.framework] };
  if (spec.language === 'ts') devDependencies['typescript'] = '~5.9.3';
  const generated = await generateProject({
    packageJson: {
      name: spec.name,
      private: true,
      // Vite projects are ES modules; CRA and Next.js projects usually declare no type.
      ...(spec.framework === 'vite' || spec.esmPackage ? { type: 'module' } : {}),
      dependencies,
      devDependencies,
    },
    files: { 'src/.keep': '', ...(spec.compilerOptions ? { 'tsconfig.json': JSON.stringify({ compilerOptions: spec.compilerOptions }) } : {}) },
    options: {
      platform: spec.platform,
      language: spec.language,
      variant: spec.variant ?? 'auto',
      identify: spec.identify ?? true,
      trackDefaultValues: spec.trackDefaultValues ?? false,
      ...spec.options,
    },
    linkNodeModules: false,
  });
  const dir = mkdtempSync(join(tmpdir(), `${spec.name}-`));
  cpSync(generated.dir, dir, { recursive: true });
  linkNodeModules(dir);
  return { dir, read: (path) => readFileSync(join(dir, path), 'utf8') };
}
