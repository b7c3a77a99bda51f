import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfig, type FlagSpec } from './config-server.js';

/**
 * The app side of the Node end-to-end tests: a small script, run in its own Node process inside the
 * generated project, that uses the generated module as an app would, with the real SDKs.
 */

/** Long, JSON-like text: `auto` mode reports it by variation ID. */
export const HERO_JSON = '{"layout":"wide","colors":["#112233","#445566"],"cta":"Buy now, pay later"}';

export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  newCheckout: {
    value: false,
    variationId: 'vid-checkout-off',
    rules: [{ emailContains: ['@example.com'], value: true, variationId: 'vid-checkout-on' }],
  },
  rollout: {
    value: 'control',
    variationId: 'vid-rollout-control',
    percentages: [
      { percentage: 50, value: 'control', variationId: 'vid-rollout-control' },
      { percentage: 50, value: 'treatment', variationId: 'vid-rollout-treatment' },
    ],
  },
  heroConfig: { value: HERO_JSON, variationId: 'vid-hero' },
  buttonLabel: { value: 'Buy', variationId: 'vid-label-buy' },
  maxItems: { value: 25, variationId: 'vid-max-25' },
};

/** The config after the change the driver waits for: a new variant of `buttonLabel`. */
export const CHANGED_FLAGS: Readonly<Record<string, FlagSpec>> = {
  ...FLAGS,
  buttonLabel: { value: 'Buy now', variationId: 'vid-label-buy-now' },
};

export const INITIAL_CONFIG = buildConfig(FLAGS);
export const CHANGED_CONFIG = buildConfig(CHANGED_FLAGS);

/** What the driver evaluates, with the default value it passes (the missing key returns it). */
export const EVALUATED: Readonly<Record<string, boolean | string | number>> = {
  newCheckout: false,
  rollout: 'none',
  heroConfig: '{}',
  buttonLabel: '',
  maxItems: 0,
  doesNotExist: 'fallback',
};

/** Everything about the users that must never reach Amplitude (only identifiers may). */
export const PRIVATE_VALUES = [
  'alice@example.com',
  'bob@other.org',
  'bob@example.com',
  'carol@other.org',
  'erin@other.org',
  'frank@example.com',
  'grace@other.org',
  'Hungary',
  'France',
  'Japan',
  'secret-plan-alice',
  'secret-plan-bob',
  'secret-plan-carol',
];

export interface DriverConfig {
  readonly baseUrl: string;
  readonly serverUrl: string;
  readonly sdkKey: string;
  /** A second key, for a client the app created itself with plain `getClient`. */
  readonly otherSdkKey: string;
  /** `wiring`: the generated `initAmplitude`; `sdk`: the app's own `amplitude.init`. */
  readonly initWith: 'wiring' | 'sdk';
  readonly configcatPackage: string;
}

/** One evaluation the driver made: phase, user name, flag key and the value the SDK returned. */
export type Evaluation = readonly [phase: string, user: string, key: string, value: unknown];

/**
 * The driver script for a project. It stops once after the first two phases and sends
 * `first-phases-done`, so the test can change the served config, and goes on at `config-changed`.
 */
export function driverSource(moduleSystem: 'esm' | 'cjs', wiringPath: string, configcatPackage: string): string {
  const header =
    moduleSystem === 'esm'
      ? `import * as wiring from ${JSON.stringify(wiringPath)};
import * as configcat from ${JSON.stringify(configcatPackage)};
import * as amplitudeSdk from '@amplitude/analytics-node';`
      : `'use strict';
const wiring = require(${JSON.stringify(wiringPath)});
const configcat = require(${JSON.stringify(configcatPackage)});
const amplitudeSdk = require('@amplitude/analytics-node');`;
  return `${header}

const config = JSON.parse(process.env.DRIVER_CONFIG);
const EVALUATED = ${JSON.stringify(EVALUATED)};
const { User, PollingMode, getClient } = configcat;
const users = {
  alice: new User('user-alice', 'alice@example.com', 'Hungary', { plan: 'secret-plan-alice' }),
  bob: new User('user-bob', 'bob@other.org', 'France', { plan: 'secret-plan-bob' }),
  carol: new User('user-carol', 'carol@other.org', 'Japan', { plan: 'secret-plan-carol' }),
};
const evaluations = [];

async function evaluateAll(client, phase, name, user) {
  for (const [key, defaultValue] of Object.entries(EVALUATED)) {
    evaluations.push([phase, name, key, await client.getValueAsync(key, defaultValue, user)]);
  }
}

function nextMessage(expected) {
  return new Promise((resolve) => {
    process.on('message', function listener(message) {
      if (message !== expected) return;
      process.off('message', listener);
      resolve();
    });
  });
}

async function main() {
  // Amplitude sends only when flushed (long interval), so the test also proves the flush works.
  const amplitudeOptions = { serverUrl: config.serverUrl, flushIntervalMillis: 600000, flushMaxRetries: 1 };
  if (config.initWith === 'wiring') await wiring.initAmplitude('test-amplitude-api-key', amplitudeOptions);
  else await amplitudeSdk.init('test-amplitude-api-key', amplitudeOptions).promise;

  // The app's own setupHooks must still run beside the wiring's.
  let ownHookCalls = 0;
  const client = wiring.createConfigCatClient(config.sdkKey, {
    baseUrl: config.baseUrl,
    setupHooks: (hooks) => hooks.on('flagEvaluated', () => ownHookCalls++),
  });
  await client.waitForReady();

  for (const [name, user] of Object.entries(users)) await evaluateAll(client, 'first', name, user);
  // The same evaluations again, through every API that fires flagEvaluated: nothing new to send.
  for (const [name, user] of Object.entries(users)) {
    await evaluateAll(client, 'repeat', name, user);
    await client.getAllValueDetailsAsync(user);
    const snapshot = client.snapshot();
    for (const [key, defaultValue] of Object.entries(EVALUATED)) snapshot.getValue(key, defaultValue, user);
  }

  process.send('first-phases-done');
  await nextMessage('config-changed');
  await client.forceRefreshAsync();
  for (const [name, user] of Object.entries(users)) await evaluateAll(client, 'changed', name, user);
  // Bob's new email matches newCheckout's targeting rule: a new variant for him.
  await evaluateAll(client, 'moved', 'bob', new User('user-bob', 'bob@example.com', 'France', { plan: 'secret-plan-bob' }));
  // No User: a server has nobody to credit, so nothing is sent.
  await evaluateAll(client, 'anonymous', 'nobody', undefined);

  // A client the app made itself: attached, then detached.
  const own = getClient(config.otherSdkKey, PollingMode.AutoPoll, { baseUrl: config.baseUrl });
  await own.waitForReady();
  const detach = wiring.attachAmplitudeExposures(own);
  evaluations.push(['attached', 'erin', 'newCheckout', await own.getValueAsync('newCheckout', false, new User('user-erin', 'erin@other.org'))]);
  detach();
  evaluations.push(['detached', 'frank', 'newCheckout', await own.getValueAsync('newCheckout', false, new User('user-frank', 'frank@example.com'))]);
  // createConfigCatClient for a key that already has a client: ConfigCat returns that client,
  // which gets wired once, however often this is called.
  const same = wiring.createConfigCatClient(config.otherSdkKey, { baseUrl: config.baseUrl });
  wiring.createConfigCatClient(config.otherSdkKey);
  evaluations.push(['rewired', 'grace', 'newCheckout', await same.getValueAsync('newCheckout', false, new User('user-grace', 'grace@other.org'))]);

  await wiring.flushAmplitudeExposures();
  client.dispose();
  own.dispose();
  process.send({ evaluations, ownHookCalls });
}

main().then(
  () => {
    process.disconnect();
    // Amplitude keeps a timer for its flush interval; everything was flushed and answered above.
    setTimeout(() => process.exit(), 200);
  },
  (error) => {
    console.error('DRIVER FAILED', error);
    process.exit(1);
  },
);
`;
}

export interface DriverRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly evaluations: Evaluation[];
  /** How often the app's own `setupHooks` listener ran. */
  readonly ownHookCalls: number;
}

export interface RunDriverOptions {
  readonly projectDir: string;
  readonly moduleSystem: 'esm' | 'cjs';
  /** The module the driver imports, relative to the project root (e.g. `./src/configcat-amplitude.js`). */
  readonly wiringPath: string;
  readonly config: DriverConfig;
  /** Called when the driver waits for the config change; the driver goes on once it resolves. */
  readonly changeConfig: () => void | Promise<void>;
  /** Node options such as `--import` or `--require` for a substituted module. */
  readonly execArgv?: readonly string[];
  readonly timeoutMs?: number;
}

/** Runs the driver in a child process with a timeout (killed if it hangs), collecting its output. */
export function runDriver(options: RunDriverOptions): Promise<DriverRun> {
  const file = join(options.projectDir, options.moduleSystem === 'esm' ? 'driver.mjs' : 'driver.cjs');
  writeFileSync(file, driverSource(options.moduleSystem, options.wiringPath, options.config.configcatPackage));
  return new Promise((resolve, reject) => {
    const child = fork(file, [], {
      cwd: options.projectDir,
      env: { ...process.env, DRIVER_CONFIG: JSON.stringify(options.config), NODE_OPTIONS: '' },
      execArgv: [...(options.execArgv ?? [])],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let stderr = '';
    let evaluations: Evaluation[] = [];
    let ownHookCalls = 0;
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (message: unknown) => {
      if (message === 'first-phases-done') {
        void Promise.resolve(options.changeConfig()).then(() => child.send('config-changed'), reject);
      } else if (typeof message === 'object' && message !== null && 'evaluations' in message) {
        ({ evaluations, ownHookCalls } = message as { evaluations: Evaluation[]; ownHookCalls: number });
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, evaluations, ownHookCalls });
    });
  });
}
