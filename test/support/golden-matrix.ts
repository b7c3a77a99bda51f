import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
/**
 * The whole answer matrix of the generator: every platform × language × module system × framework
 * × SDKs already present × source folder with the default answers, and every answer (variant,
 * Identify, default values) on each platform, language and module system. Each case is a project
 * (files) and the options of one run.
 */
export interface MatrixCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
}

type Platform = 'js' | 'react' | 'vue' | 'node';
type Framework = 'vite' | 'cra' | 'next' | 'bundler' | 'none';

const FRAMEWORK_DEPENDENCIES: Readonly<Record<Framework, Record<string, string>>> = {
  vite: { vite: '~8.3.8' },
  cra: { 'react-scripts': '5.0.1' },
  next: { next: '^16.0.0' },
  bundler: { webpack: '^5.0.0' },
  none: {},
};

/** Amplitude and ConfigCat packages a project may already have, per platform. */
const EXISTING_AMPLITUDE: Readonly<Record<Platform, readonly (string | undefined)[]>> = {
  js: [undefined, '@amplitude/analytics-browser', '@amplitude/unified'],
  react: [undefined, '@amplitude/analytics-browser'],
  vue: [undefined, '@amplitude/analytics-browser'],
  node: [undefined, '@amplitude/analytics-node'],
};
const EXISTING_CONFIGCAT: Readonly<Record<Platform, readonly (string | undefined)[]>> = {
  js: [undefined, 'configcat-js'],
  react: [undefined, 'configcat-react'],
  vue: [undefined, 'configcat-vue'],
  node: [undefined, 'configcat-node'],
};

/** Ranges real projects declare; other ConfigCat packages get `^9.0.0`. */
const CONFIGCAT_RANGES: Readonly<Record<string, string>> = {
  'configcat-vue': '^2.6.4',
};

/** The bundlers each platform's projects are built with (a Node service has none). */
const PLATFORM_FRAMEWORKS: Readonly<Record<Platform, readonly Framework[]>> = {
  js: ['vite', 'cra', 'next', 'bundler', 'none'],
  react: ['vite', 'cra', 'next', 'bundler', 'none'],
  vue: ['vite', 'bundler'],
  node: ['none'],
};

/** Ranges real projects declare (the Amplitude SDK's own current majors). */
const AMPLITUDE_RANGES: Readonly<Record<string, string>> = {
  '@amplitude/analytics-browser': '^2.0.0',
  '@amplitude/unified': '^1.0.0',
  '@amplitude/analytics-node': '^1.0.0',
};

interface ProjectShape {
  readonly platform: Platform;
  readonly typescript: boolean;
  readonly esm: boolean;
  readonly framework: Framework;
  readonly amplitude?: string | undefined;
  readonly configcat?: string | undefined;
  readonly src: boolean;
}

function projectFiles(shape: ProjectShape): Record<string, string> {
  const dependencies: Record<string, string> = { ...FRAMEWORK_DEPENDENCIES[shape.framework] };
  if (shape.platform === 'react') dependencies['react'] = '^19.0.0';
  if (shape.platform === 'vue') dependencies['vue'] = '^3.5.13';
  if (shape.amplitude) dependencies[shape.amplitude] = AMPLITUDE_RANGES[shape.amplitude]!;
  if (shape.configcat) dependencies[shape.configcat] = CONFIGCAT_RANGES[shape.configcat] ?? '^9.0.0';
  const packageJson = { name: 'project', ...(shape.esm ? { type: 'module' } : {}), dependencies };
  const files: Record<string, string> = { 'package.json': `${JSON.stringify(packageJson, null, 2)}\n` };
  if (shape.typescript) files['tsconfig.json'] = '{ "compilerOptions": { "strict": true } }\n';
  files[shape.src ? 'src/index.txt' : 'index.txt'] = '';
  return files;
}

function shapeName(shape: ProjectShape): string {
  return [
    shape.platform,
    shape.typescript ? 'ts' : 'js',
    shape.esm ? 'esm' : 'cjs',
    shape.framework,
    shape.amplitude ?? 'no-amplitude',
    shape.configcat ?? 'no-configcat',
    shape.src ? 'src' : 'root',
  ].join(' ');
}

const PLATFORMS: readonly Platform[] = ['js', 'react', 'vue', 'node'];
const BOOLEANS = [false, true] as const;

function structuralCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const platform of PLATFORMS) {
    const frameworks = PLATFORM_FRAMEWORKS[platform];
    for (const typescript of BOOLEANS)
      for (const esm of BOOLEANS)
        for (const framework of frameworks)
          for (const amplitude of EXISTING_AMPLITUDE[platform])
            for (const configcat of EXISTING_CONFIGCAT[platform])
              for (const src of BOOLEANS) {
                const shape = { platform, typescript, esm, framework, amplitude, configcat, src };
                cases.push({
                  name: shapeName(shape),
                  files: projectFiles(shape),
                  options: { yes: true, platform, language: typescript ? 'ts' : 'js' },
                });
              }
  }
  return cases;
}

function answerCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const platform of PLATFORMS)
    for (const typescript of BOOLEANS)
      for (const esm of BOOLEANS)
        for (const variant of ['auto', 'value', 'variationId'])
          for (const identify of BOOLEANS)
            for (const trackDefaultValues of BOOLEANS) {
              // Vue's answers on configcat-vue's wiring (the plain Vue wiring is the browser one).
              const configcat = platform === 'vue' ? 'configcat-vue' : undefined;
              const shape = { platform, typescript, esm, framework: platform === 'node' ? 'none' : 'vite', configcat, src: true } as const;
              cases.push({
                name: `${shapeName(shape)} --variant ${variant} --identify ${identify} --track-default-values ${trackDefaultValues}`,
                files: projectFiles(shape),
                options: { yes: true, platform, language: typescript ? 'ts' : 'js', variant, identify, trackDefaultValues },
              });
            }
  return cases;
}

/** Paths and variable names of the user's choosing, on each platform. */
function customCases(): MatrixCase[] {
  return PLATFORMS.flatMap((platform) =>
    BOOLEANS.map((typescript) => {
      const framework = platform === 'node' ? 'none' : platform === 'vue' ? 'vite' : 'cra';
      const shape = { platform, typescript, esm: true, framework, configcat: platform === 'vue' ? 'configcat-vue' : undefined, src: true } as const;
      return {
        name: `${shapeName(shape)} custom paths and variables`,
        files: projectFiles(shape),
        options: {
          yes: true,
          platform,
          language: typescript ? 'ts' : 'js',
          dir: 'src/lib/analytics',
          guide: 'documentation/flags/exposures.md',
          sdkKeyEnv: 'MY_CONFIGCAT_KEY',
          amplitudeKeyEnv: 'MY_AMPLITUDE_KEY',
        },
      };
    }),
  );
}

/** The EU data center and data governance, on each platform, language and module system; and with a bare bundler. */
function endpointCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  const shapes: ProjectShape[] = PLATFORMS.flatMap((platform) =>
    BOOLEANS.flatMap((typescript) => BOOLEANS.map((esm) => ({ platform, typescript, esm, framework: platform === 'node' ? 'none' : 'vite', src: true }) as const)),
  );
  for (const platform of ['js', 'react'] as const) for (const typescript of BOOLEANS) shapes.push({ platform, typescript, esm: false, framework: 'bundler', src: true });
  for (const shape of shapes) {
    cases.push({
      name: `${shapeName(shape)} --amplitude-server-zone eu --configcat-data-governance eu`,
      files: projectFiles(shape),
      options: { yes: true, platform: shape.platform, language: shape.typescript ? 'ts' : 'js', amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' },
    });
  }
  return cases;
}

export const MATRIX: readonly MatrixCase[] = [...structuralCases(), ...answerCases(), ...customCases(), ...endpointCases()];

/** Writes a case's project files into `dir` (created as needed), where a run can be made. */
export function writeMatrixCase(dir: string, matrixCase: MatrixCase): void {
  for (const [path, content] of Object.entries(matrixCase.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
