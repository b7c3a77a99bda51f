import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type AmplitudeEvent, type CaptureServer } from './support/capture-server.js';
import { startConfigServer, TEST_SDK_KEY, type ConfigServer } from './support/config-server.js';
import {
  CHANGED_CONFIG,
  HERO_JSON,
  INITIAL_CONFIG,
  PRIVATE_VALUES,
  runDriver,
  type DriverRun,
  type Evaluation,
} from './support/node-driver.js';
import { generateNodeProject, runTsc, type GeneratedNodeProject, type NodeProjectSpec } from './support/node-wiring.js';

/**
 * The generated Node module, run as an app runs it: the real ConfigCat SDK downloads a real config
 * from a local config server, the real Amplitude SDK posts to a local capture server, and the test
 * asserts exactly what arrived.
 */

/** A second valid key (22 characters per part), for the client the app creates itself. */
const OTHER_SDK_KEY = 'configcat-sdk-1/NODE-WIRING-OTHER-KEY1/NODE-WIRING-OTHER-KEY1';

type Mode = 'auto' | 'value' | 'variationId';

interface Scenario {
  readonly spec: NodeProjectSpec;
  readonly mode: Mode;
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  readonly initWith: 'wiring' | 'sdk';
}

const LEGACY = { 'configcat-node': '^11.4.1' };
const HAS_AMPLITUDE = { '@amplitude/analytics-node': '^1.5.73' };

const SCENARIOS = {
  tsEsm: { spec: { name: 'ts-esm', language: 'ts', moduleSystem: 'esm' }, mode: 'auto', identify: true, trackDefaultValues: false, initWith: 'wiring' },
  jsEsm: { spec: { name: 'js-esm', language: 'js', moduleSystem: 'esm' }, mode: 'auto', identify: true, trackDefaultValues: false, initWith: 'wiring' },
  jsCjs: { spec: { name: 'js-cjs', language: 'js', moduleSystem: 'cjs' }, mode: 'auto', identify: true, trackDefaultValues: false, initWith: 'wiring' },
  valueNoIdentify: {
    spec: { name: 'js-esm-value', language: 'js', moduleSystem: 'esm', options: { variant: 'value', identify: false } },
    mode: 'value',
    identify: false,
    trackDefaultValues: false,
    initWith: 'wiring',
  },
  variationIdDefaults: {
    spec: { name: 'js-cjs-variation', language: 'js', moduleSystem: 'cjs', options: { variant: 'variationId', trackDefaultValues: true } },
    mode: 'variationId',
    identify: true,
    trackDefaultValues: true,
    initWith: 'wiring',
  },
  hasAmplitude: {
    spec: { name: 'js-esm-has-amplitude', language: 'js', moduleSystem: 'esm', dependencies: HAS_AMPLITUDE },
    mode: 'auto',
    identify: true,
    trackDefaultValues: false,
    initWith: 'sdk',
  },
  legacyCjs: {
    spec: { name: 'js-cjs-legacy', language: 'js', moduleSystem: 'cjs', dependencies: LEGACY },
    mode: 'auto',
    identify: true,
    trackDefaultValues: false,
    initWith: 'wiring',
  },
} as const satisfies Record<string, Scenario>;

type ScenarioName = keyof typeof SCENARIOS;

/** What the SDK returns to the app, by phase/user/flag: the wiring must never change a value. */
function expectedEvaluations(): Map<string, unknown> {
  const byUser: Record<string, Record<string, unknown>> = {
    alice: { newCheckout: true, rollout: 'treatment', heroConfig: HERO_JSON, buttonLabel: 'Buy', maxItems: 25, doesNotExist: 'fallback' },
    bob: { newCheckout: false, rollout: 'treatment', heroConfig: HERO_JSON, buttonLabel: 'Buy', maxItems: 25, doesNotExist: 'fallback' },
    carol: { newCheckout: false, rollout: 'control', heroConfig: HERO_JSON, buttonLabel: 'Buy', maxItems: 25, doesNotExist: 'fallback' },
  };
  const expected = new Map<string, unknown>();
  for (const [user, values] of Object.entries(byUser)) {
    for (const [key, value] of Object.entries(values)) {
      expected.set(`first/${user}/${key}`, value);
      expected.set(`repeat/${user}/${key}`, value);
      expected.set(`changed/${user}/${key}`, key === 'buttonLabel' ? 'Buy now' : value);
    }
  }
  for (const [key, value] of Object.entries({ ...byUser['bob'], newCheckout: true, buttonLabel: 'Buy now' })) expected.set(`moved/bob/${key}`, value);
  // Without a User, the rule and the percentage options do not apply: the flags' own values.
  for (const [key, value] of Object.entries({ ...byUser['bob'], rollout: 'control', buttonLabel: 'Buy now' })) expected.set(`anonymous/nobody/${key}`, value);
  expected.set('attached/erin/newCheckout', false);
  expected.set('detached/frank/newCheckout', true);
  expected.set('rewired/grace/newCheckout', false);
  return expected;
}

function evaluationsByKey(evaluations: readonly Evaluation[]): Map<string, unknown> {
  return new Map(evaluations.map(([phase, user, key, value]) => [`${phase}/${user}/${key}`, value]));
}

interface Exposure {
  readonly user: string;
  readonly flag: string;
  readonly value: string | number | boolean;
  /** Absent for a default value (an error has no variation). */
  readonly variationId?: string;
}

/** Every (user, flag, variant) the run shows, once: first sight, the config change, Bob's new email, Erin's attached client, Grace's re-wired one. */
function expectedExposures(trackDefaultValues: boolean): Exposure[] {
  const exposures: Exposure[] = [];
  // Fixed by ConfigCat's hash of the identifier and the config's salt; both options occur.
  const rollout = { alice: 'treatment', bob: 'treatment', carol: 'control' } as const;
  for (const user of ['alice', 'bob', 'carol'] as const) {
    const checkoutOn = user === 'alice';
    exposures.push(
      { user, flag: 'newCheckout', value: checkoutOn, variationId: checkoutOn ? 'vid-checkout-on' : 'vid-checkout-off' },
      { user, flag: 'rollout', value: rollout[user], variationId: `vid-rollout-${rollout[user]}` },
      { user, flag: 'heroConfig', value: HERO_JSON, variationId: 'vid-hero' },
      { user, flag: 'buttonLabel', value: 'Buy', variationId: 'vid-label-buy' },
      { user, flag: 'maxItems', value: 25, variationId: 'vid-max-25' },
      { user, flag: 'buttonLabel', value: 'Buy now', variationId: 'vid-label-buy-now' },
    );
    if (trackDefaultValues) exposures.push({ user, flag: 'doesNotExist', value: 'fallback' });
  }
  exposures.push({ user: 'bob', flag: 'newCheckout', value: true, variationId: 'vid-checkout-on' });
  exposures.push({ user: 'erin', flag: 'newCheckout', value: false, variationId: 'vid-checkout-off' });
  // One, though createConfigCatClient wired Grace's existing client twice.
  exposures.push({ user: 'grace', flag: 'newCheckout', value: false, variationId: 'vid-checkout-off' });
  return exposures;
}

/** The variant each mode reports; when its choice is missing, the other one. */
function variantOf(exposure: Exposure, mode: Mode): string {
  const value = String(exposure.value);
  // A fallback (no variation ID) is told apart from the flag's real variants.
  if (exposure.variationId === undefined) return `${value} (default)`;
  if (mode === 'value') return value;
  if (mode === 'variationId') return exposure.variationId ?? value;
  const longOrJson = typeof exposure.value === 'string' && (exposure.value.length > 40 || /^\s*[[{]/.test(exposure.value));
  return longOrJson ? (exposure.variationId ?? value) : value;
}

function expectedEvents(scenario: Scenario): object[] {
  return expectedExposures(scenario.trackDefaultValues).flatMap((exposure) => {
    const variant = variantOf(exposure, scenario.mode);
    const user_id = `user-${exposure.user}`;
    const event_properties = { flag_key: exposure.flag, variant, ...(exposure.variationId ? { variation_id: exposure.variationId } : {}) };
    const events: object[] = [{ event_type: '$exposure', user_id, event_properties }];
    if (scenario.identify) events.push({ event_type: '$identify', user_id, user_properties: { $set: { [`configcat_${exposure.flag}`]: variant } } });
    return events;
  });
}

/** The fields the wiring decides, so the comparison is exact about them and blind to SDK metadata. */
function essentials(event: AmplitudeEvent): object {
  return {
    event_type: event.event_type,
    user_id: event.user_id,
    ...(event.event_properties !== undefined ? { event_properties: event.event_properties } : {}),
    ...(event.user_properties !== undefined ? { user_properties: event.user_properties } : {}),
  };
}

const sorted = (events: readonly object[]) => events.map((event) => JSON.stringify(event)).sort();

const projects = new Map<ScenarioName, GeneratedNodeProject>();
/** The module an app imports, per project: the compiled output for TypeScript. */
const entry = new Map<ScenarioName, string>();
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  for (const [name, scenario] of Object.entries(SCENARIOS) as [ScenarioName, Scenario][]) {
    const project = await generateNodeProject(scenario.spec);
    projects.set(name, project);
    entry.set(name, scenario.spec.language === 'ts' ? './out/configcat-amplitude.js' : `./${project.wiringPath}`);
  }
  // The TypeScript output compiled as the project would build it, then run from the emitted JavaScript.
  const tsProject = projects.get('tsEsm')!;
  writeFileSync(
    join(tsProject.dir, 'tsconfig.build.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'], rootDir: 'src', outDir: 'out' },
      files: [tsProject.wiringPath],
    }),
  );
  const build = await runTsc(['-p', 'tsconfig.build.json', '--pretty', 'false'], tsProject.dir);
  expect(build.output, build.output).toBe('');
  expect(build.code).toBe(0);
}, 300_000);

afterAll(() => {
  for (const project of projects.values()) rmSync(project.dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface RunOptions {
  readonly captureStatus?: number;
  /** Point Amplitude at a port nobody listens on. */
  readonly closedPort?: boolean;
  readonly execArgv?: readonly string[];
}

async function run(name: ScenarioName, options: RunOptions = {}): Promise<{ result: DriverRun; capture: CaptureServer; configServer: ConfigServer }> {
  const scenario: Scenario = SCENARIOS[name];
  const project = projects.get(name)!;
  const configServer = await startConfigServer(INITIAL_CONFIG);
  const capture = await startCaptureServer();
  servers.push(configServer, capture);
  if (options.captureStatus) capture.setStatus(options.captureStatus);
  const serverUrl = options.closedPort ? `http://127.0.0.1:${await closedPort()}/2/httpapi` : capture.serverUrl;
  const result = await runDriver({
    projectDir: project.dir,
    moduleSystem: scenario.spec.moduleSystem,
    wiringPath: entry.get(name)!,
    config: {
      baseUrl: configServer.baseUrl,
      serverUrl,
      sdkKey: TEST_SDK_KEY,
      otherSdkKey: OTHER_SDK_KEY,
      initWith: scenario.initWith,
      configcatPackage: 'configcat-node' in (scenario.spec.dependencies ?? {}) ? 'configcat-node' : '@configcat/sdk',
    },
    changeConfig: () => configServer.setConfig(CHANGED_CONFIG),
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
  });
  return { result, capture, configServer };
}

/** A port that was just free: a server listened on it and closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The app ran to the end, got every flag value right, and nothing escaped as an exception. */
function expectAppUnharmed(result: DriverRun): void {
  const report = `exit ${result.code} ${result.signal ?? ''}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  expect(result.code, report).toBe(0);
  expect(result.stderr, report).not.toMatch(/DRIVER FAILED|Unhandled|uncaught/i);
  expect(evaluationsByKey(result.evaluations)).toEqual(expectedEvaluations());
  // The app's own setupHooks listener saw every evaluation of the client it was given to.
  expect(result.ownHookCalls).toBeGreaterThan(0);
}

const wiringLogLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('[configcat-amplitude]'));

describe('Node wiring, end to end with the real SDKs', () => {
  it.each([
    ['tsEsm', 'TypeScript compiled with tsc, ESM, auto mode'],
    ['jsEsm', 'JavaScript ESM, auto mode'],
    ['jsCjs', 'JavaScript CommonJS, auto mode'],
    ['valueNoIdentify', 'value mode with --no-identify'],
    ['variationIdDefaults', 'variationId mode with --track-default-values'],
    ['hasAmplitude', 'a project that already initialises Amplitude itself'],
    ['legacyCjs', 'a CommonJS project on the legacy configcat-node package'],
  ] as const)('%s: %s — exactly one exposure per user, flag and variant', async (name, _description) => {
    const scenario: Scenario = SCENARIOS[name];
    const { result, capture, configServer } = await run(name);
    expectAppUnharmed(result);
    // The changed config was really downloaded (initial fetch, the forced refresh, the second client).
    expect(configServer.requests()).toBeGreaterThanOrEqual(3);

    const events = capture.events();
    expect(sorted(events.map(essentials))).toEqual(sorted(expectedEvents(scenario)));
    // Nothing but identifiers leaves the app.
    for (const body of capture.rawBodies) for (const secret of PRIVATE_VALUES) expect(body).not.toContain(secret);
    for (const request of capture.requests) expect(request.api_key).toBe('test-amplitude-api-key');
    expect(wiringLogLines(result.stderr)).toEqual([]);
  });

  it('auto mode reports the long JSON flag by variation ID and the others by value', async () => {
    // A focused restatement of the table above, so a broken rule reads plainly in the failure.
    const { result, capture } = await run('jsEsm');
    expectAppUnharmed(result);
    const variants = Object.fromEntries(
      capture
        .events()
        .filter((event) => event.event_type === '$exposure' && event.user_id === 'user-alice')
        .map((event) => [`${String(event.event_properties?.['flag_key'])}=${String(event.event_properties?.['variant'])}`, event.event_properties?.['variation_id']]),
    );
    expect(variants).toEqual({
      'newCheckout=true': 'vid-checkout-on',
      'rollout=treatment': 'vid-rollout-treatment',
      'heroConfig=vid-hero': 'vid-hero',
      'buttonLabel=Buy': 'vid-label-buy',
      'buttonLabel=Buy now': 'vid-label-buy-now',
      'maxItems=25': 'vid-max-25',
    });
  });
});

describe('Node wiring, faults', () => {
  it('Amplitude answering 500: flag values stay right and no exception reaches the app', async () => {
    const { result, capture } = await run('jsEsm', { captureStatus: 500 });
    expectAppUnharmed(result);
    expect(capture.events()).toEqual([]);
  });

  it('Amplitude not listening at all: flag values stay right and no exception reaches the app', async () => {
    const { result } = await run('jsCjs', { closedPort: true });
    expectAppUnharmed(result);
  });

  it('a throwing Amplitude call (ESM) is logged exactly once across many evaluations', async () => {
    const project = projects.get('jsEsm')!;
    writeThrowingAmplitudeForEsm(project.dir);
    const { result, capture } = await run('jsEsm', { execArgv: ['--import', './throwing-amplitude-register.mjs'] });
    expectAppUnharmed(result);
    expect(result.stderr).toContain('Amplitude track failed (test)');
    expect(wiringLogLines(result.stderr)).toHaveLength(1);
    expect(capture.events()).toEqual([]);
  });

  it('a throwing Amplitude call (CommonJS) is logged exactly once across many evaluations', async () => {
    const project = projects.get('jsCjs')!;
    writeThrowingAmplitudeForCjs(project.dir);
    const { result, capture } = await run('jsCjs', { execArgv: ['--require', './throwing-amplitude.cjs'] });
    expectAppUnharmed(result);
    expect(result.stderr).toContain('Amplitude track failed (test)');
    expect(wiringLogLines(result.stderr)).toHaveLength(1);
    expect(capture.events()).toEqual([]);
  });
});

/**
 * The real `@amplitude/analytics-node`, except that `track` throws: an ESM loader hook hands the
 * generated module this stand-in, which re-exports everything else from the real package.
 */
function writeThrowingAmplitudeForEsm(dir: string): void {
  writeFileSync(
    join(dir, 'throwing-amplitude.mjs'),
    `export * from '@amplitude/analytics-node';
export function track() {
  throw new Error('Amplitude track failed (test)');
}
`,
  );
  writeFileSync(
    join(dir, 'throwing-amplitude-hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier === '@amplitude/analytics-node' && !context.parentURL?.endsWith('/throwing-amplitude.mjs')) {
    return { url: new URL('./throwing-amplitude.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    join(dir, 'throwing-amplitude-register.mjs'),
    `import { register } from 'node:module';
register('./throwing-amplitude-hooks.mjs', import.meta.url);
`,
  );
}

/** The same for CommonJS: the real package's exports, with a throwing `track`, put in require's cache. */
function writeThrowingAmplitudeForCjs(dir: string): void {
  writeFileSync(
    join(dir, 'throwing-amplitude.cjs'),
    `const id = require.resolve('@amplitude/analytics-node');
const real = require(id);
require.cache[id].exports = {
  ...real,
  track() {
    throw new Error('Amplitude track failed (test)');
  },
};
`,
  );
}
