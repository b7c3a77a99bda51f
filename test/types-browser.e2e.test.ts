import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBrowserProject, type BrowserProjectSpec } from './support/browser-projects.js';
import { REPO_ROOT } from './support/generate.js';

/**
 * The generated browser and React files under the strictest compiler settings a project may use,
 * against the real SDK packages. All projects are checked by one `tsc -b` run (2 shared cores).
 */
type Resolution = 'bundler' | 'nodenext';

const EU = { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' };

interface TypeCase extends BrowserProjectSpec {
  readonly resolutions: readonly Resolution[];
}

const CASES: readonly TypeCase[] = [
  // TypeScript output. nodenext only for ES-module (Vite) projects: a CommonJS package under nodenext
  // with verbatimModuleSyntax rejects every `import` in a .ts file, whatever the file holds.
  { name: 'react-vite-ts', platform: 'react', language: 'ts', framework: 'vite', resolutions: ['bundler', 'nodenext'] },
  { name: 'react-cra-ts-variation-id', platform: 'react', language: 'ts', framework: 'cra', variant: 'variationId', identify: false, resolutions: ['bundler'] },
  { name: 'react-next-ts-unified', platform: 'react', language: 'ts', framework: 'next', variant: 'value', unifiedAmplitude: true, trackDefaultValues: true, resolutions: ['bundler'] },
  { name: 'react-vite-ts-unified', platform: 'react', language: 'ts', framework: 'vite', variant: 'variationId', unifiedAmplitude: true, resolutions: ['bundler', 'nodenext'] },
  { name: 'js-vite-ts-value', platform: 'js', language: 'ts', framework: 'vite', variant: 'value', identify: false, resolutions: ['bundler', 'nodenext'] },
  { name: 'js-vite-ts-unified', platform: 'js', language: 'ts', framework: 'vite', unifiedAmplitude: true, resolutions: ['bundler', 'nodenext'] },
  { name: 'js-cra-ts-legacy', platform: 'js', language: 'ts', framework: 'cra', variant: 'variationId', legacyConfigcat: true, resolutions: ['bundler'] },
  { name: 'js-cra-ts-legacy-unified', platform: 'js', language: 'ts', framework: 'cra', legacyConfigcat: true, unifiedAmplitude: true, trackDefaultValues: true, resolutions: ['bundler'] },
  // JavaScript output, typed with JSDoc.
  { name: 'react-vite-js', platform: 'react', language: 'js', framework: 'vite', resolutions: ['bundler'] },
  { name: 'react-cra-js-value', platform: 'react', language: 'js', framework: 'cra', variant: 'value', identify: false, resolutions: ['bundler'] },
  { name: 'react-next-js-unified', platform: 'react', language: 'js', framework: 'next', variant: 'variationId', unifiedAmplitude: true, resolutions: ['bundler'] },
  { name: 'js-vite-js-variation-id', platform: 'js', language: 'js', framework: 'vite', variant: 'variationId', resolutions: ['bundler'] },
  { name: 'js-cra-js-legacy', platform: 'js', language: 'js', framework: 'cra', legacyConfigcat: true, identify: false, trackDefaultValues: true, resolutions: ['bundler'] },
  { name: 'js-cra-js-unified', platform: 'js', language: 'js', framework: 'cra', variant: 'value', unifiedAmplitude: true, resolutions: ['bundler'] },
  // EU data center and data governance; a bare bundler reads the optional variables through a guard.
  { name: 'js-vite-ts-eu', platform: 'js', language: 'ts', framework: 'vite', options: EU, resolutions: ['bundler', 'nodenext'] },
  { name: 'js-bundler-ts-legacy-eu', platform: 'js', language: 'ts', framework: 'bundler', legacyConfigcat: true, options: EU, resolutions: ['bundler'] },
  { name: 'react-next-ts-eu', platform: 'react', language: 'ts', framework: 'next', options: EU, resolutions: ['bundler'] },
  { name: 'react-vite-js-eu', platform: 'react', language: 'js', framework: 'vite', options: EU, resolutions: ['bundler'] },
  { name: 'js-bundler-js-eu', platform: 'js', language: 'js', framework: 'bundler', options: EU, resolutions: ['bundler'] },
];

const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noEmit: true,
  jsx: 'react-jsx',
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  // Libraries' own .d.ts are not what is under test (create-vite's templates skip them too).
  skipLibCheck: true,
};

function compilerOptions(spec: TypeCase, resolution: Resolution): object {
  const types = spec.framework === 'vite' ? ['vite/client'] : ['node'];
  const moduleOptions = resolution === 'bundler' ? { module: 'ESNext', moduleResolution: 'Bundler' } : { module: 'NodeNext', moduleResolution: 'NodeNext' };
  if (spec.language === 'js') return { ...STRICT, ...moduleOptions, allowJs: true, checkJs: true, types };
  return { ...STRICT, ...moduleOptions, verbatimModuleSyntax: true, types };
}

/** An app file that uses every export the way the guide shows, so their types are exercised too. */
function usageFile(spec: TypeCase): { path: string; text: string } {
  // `.js` resolves in Vite projects (to the .ts source) and is what nodenext needs; JavaScript files are named as they are.
  const ext = spec.language === 'js' || spec.framework === 'vite' ? '.js' : '';
  const configcat = spec.platform === 'react' ? 'configcat-react' : spec.legacyConfigcat ? 'configcat-js' : '@configcat/sdk';
  const init = !spec.unifiedAmplitude;
  const wiring = `./configcat-amplitude${ext}`;
  if (spec.platform === 'react') {
    const text = `import { useEffect } from 'react';
import { PollingMode, useConfigCatClient, useFeatureFlag } from '${configcat}';
import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider${ext}';
import { amplitudeExposureHooks, attachAmplitudeExposures, configCatEndpointOptions, sendExposureToAmplitude${init ? ', initAmplitude' : ''} } from '${wiring}';

export function Checkout() {
  const client = useConfigCatClient();
  useEffect(() => attachAmplitudeExposures(client), [client]);
  const { value, loading } = useFeatureFlag('newCheckout', false, { identifier: 'user-1' });
  return <p>{loading ? '…' : String(value)}{typeof sendExposureToAmplitude}</p>;
}

export const fromEnvironment = (
  <ConfigCatAmplitudeProvider>
    <Checkout />
  </ConfigCatAmplitudeProvider>
);

export const withEveryProp = (
  <ConfigCatAmplitudeProvider
    sdkKey="configcat-sdk-1/TEST-KEY-0123456789abcd/TEST-KEY-0123456789abcd"
    pollingMode={PollingMode.AutoPoll}
    id="second"
    options={ { pollIntervalSeconds: 30, setupHooks: (hooks) => hooks.on('clientReady', () => undefined) } }
  >
    <Checkout />
  </ConfigCatAmplitudeProvider>
);

export const manualHooks = amplitudeExposureHooks;
export const endpoints = configCatEndpointOptions();
${init ? "export const started = initAmplitude(undefined, { serverUrl: 'https://proxy.example/2/httpapi', autocapture: false });\n" : ''}`;
    return { path: `src/usage.${spec.language}x`, text };
  }
  const annotate = (type: string) => (spec.language === 'ts' ? `: ${type}` : '');
  const text = `import { getClient, PollingMode } from '${configcat}';
import { amplitudeExposureHooks, attachAmplitudeExposures, configCatEndpointOptions, createConfigCatClient, sendExposureToAmplitude${init ? ', initAmplitude' : ''} } from '${wiring}';

export const client = createConfigCatClient(undefined, { pollIntervalSeconds: 30, setupHooks: (hooks) => hooks.on('clientReady', () => undefined) });
export const own = getClient('configcat-sdk-1/OWN-KEY-0123456789abcde/OWN-KEY-0123456789abcde', PollingMode.AutoPoll, { ...configCatEndpointOptions(), pollIntervalSeconds: 60 });
export const fromKey = createConfigCatClient('configcat-sdk-1/TEST-KEY-0123456789abcd/TEST-KEY-0123456789abcd');
export const detach${annotate('() => void')} = attachAmplitudeExposures(getClient('configcat-sdk-1/OTHER-KEY-123456789abcd/OTHER-KEY-123456789abcd', PollingMode.ManualPoll, { setupHooks: amplitudeExposureHooks }));
client.on('flagEvaluated', sendExposureToAmplitude);
${init ? `export const started${annotate('Promise<void>')} = initAmplitude(undefined, { serverUrl: 'https://proxy.example/2/httpapi', autocapture: false });\n` : ''}`;
  return { path: `src/usage.${spec.language}`, text };
}

interface Checked {
  readonly spec: TypeCase;
  readonly dir: string;
}

let checked: Checked[] = [];
let tscOutput = '';
let tscExitCode: number | undefined;

beforeAll(async () => {
  checked = [];
  for (const spec of CASES) {
    const project = await generateBrowserProject(spec);
    const usage = usageFile(spec);
    writeFileSync(join(project.dir, usage.path), usage.text);
    for (const resolution of spec.resolutions) {
      writeFileSync(join(project.dir, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions: compilerOptions(spec, resolution), include: ['src'] }, null, 2));
    }
    checked.push({ spec, dir: project.dir });
  }
  const configs = checked.flatMap(({ spec, dir }) => spec.resolutions.map((resolution) => join(dir, `tsconfig.${resolution}.json`)));
  const result = await execa(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', ...configs], { reject: false, all: true, cwd: REPO_ROOT });
  tscOutput = result.all ?? '';
  tscExitCode = result.exitCode;
}, 300_000);

describe('generated browser and React code type-checks under strict settings', () => {
  it('tsc -b over every project exits cleanly', () => {
    expect(tscOutput).toBe('');
    expect(tscExitCode).toBe(0);
  });

  it.each(CASES.map((spec) => [spec.name, spec] as const))('%s has no diagnostics', (name) => {
    const project = checked.find((entry) => entry.spec.name === name);
    expect(project).toBeDefined();
    const prefix = relative(REPO_ROOT, project!.dir);
    const diagnostics = tscOutput.split('\n').filter((line) => line.includes(project!.dir) || line.startsWith(prefix));
    expect(diagnostics).toEqual([]);
  });
});
