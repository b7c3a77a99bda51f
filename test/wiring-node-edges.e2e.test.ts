import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type AmplitudeEvent, type CaptureServer } from './support/capture-server.js';
import { buildConfig, startConfigServer, TEST_SDK_KEY, type ConfigServer } from './support/config-server.js';
import { FLAGS, INITIAL_CONFIG } from './support/node-driver.js';
import { generateNodeProject, type GeneratedNodeProject, type NodeProjectSpec } from './support/node-wiring.js';

/**
 * The edges a production server reaches, each run as an app runs the generated Node module: the
 * real ConfigCat SDK against a local config server, the real Amplitude SDK against a local capture
 * server, in a Node process of its own. Each case failed on the module as it was generated before.
 */

const PROJECTS = {
  jsEsm: { name: 'edges-js-esm', language: 'js', moduleSystem: 'esm' },
  jsCjs: { name: 'edges-js-cjs', language: 'js', moduleSystem: 'cjs' },
  defaultsEsm: { name: 'edges-js-esm-defaults', language: 'js', moduleSystem: 'esm', options: { trackDefaultValues: true } },
  flagsCjs: { name: 'edges-js-cjs-flags', language: 'js', moduleSystem: 'cjs', options: { flags: 'newCheckout, rollout' } },
  euCjs: { name: 'edges-js-cjs-eu', language: 'js', moduleSystem: 'cjs', options: { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' } },
} as const satisfies Record<string, NodeProjectSpec>;
type ProjectName = keyof typeof PROJECTS;
const BOTH_SYSTEMS = ['jsEsm', 'jsCjs'] as const;

/** A second key and config, for a second ConfigCat client that shares flag keys with the first. */
const OTHER_SDK_KEY = 'configcat-sdk-1/NODE-EDGES-OTHER-KEY01/NODE-EDGES-OTHER-KEY01';
const OTHER_CONFIG = buildConfig({ ...FLAGS, newCheckout: { value: true, variationId: 'vid-other-on' } });

const projects = new Map<ProjectName, GeneratedNodeProject>();
const servers: { close(): Promise<void> }[] = [];
let configServer: ConfigServer;
let otherConfigServer: ConfigServer;

beforeAll(async () => {
  for (const [name, spec] of Object.entries(PROJECTS) as [ProjectName, NodeProjectSpec][]) projects.set(name, await generateNodeProject(spec));
  configServer = await startConfigServer(INITIAL_CONFIG);
  otherConfigServer = await startConfigServer(OTHER_CONFIG);
}, 300_000);

afterAll(async () => {
  await configServer?.close();
  await otherConfigServer?.close();
  for (const project of projects.values()) rmSync(project.dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function capture(): Promise<CaptureServer> {
  const server = await startCaptureServer();
  servers.push(server);
  return server;
}

interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly result: any;
}

/**
 * Runs `body` (the inside of an async function returning a JSON-able result) in the project, with
 * `wiring`, `configcat` and `amplitude` bound as an app imports them, and `env` holding the servers.
 */
function runScript(name: ProjectName, body: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<ScriptRun> {
  const project = projects.get(name)!;
  const esm = PROJECTS[name].moduleSystem === 'esm';
  const header = esm
    ? `import * as wiring from './src/configcat-amplitude.js';
import * as configcat from '@configcat/sdk';
import * as amplitude from '@amplitude/analytics-node';
const loadCopy = () => import('./src/configcat-amplitude.js?copy=2');`
    : `'use strict';
const wiring = require('./src/configcat-amplitude.js');
const configcat = require('@configcat/sdk');
const amplitude = require('@amplitude/analytics-node');
const loadCopy = async () => {
  const path = require.resolve('./src/configcat-amplitude.js');
  delete require.cache[path];
  return require(path);
};`;
  const file = join(project.dir, esm ? 'scenario.mjs' : 'scenario.cjs');
  writeFileSync(
    file,
    `${header}
const env = process.env;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const amplitudeOptions = (extra = {}) => ({ serverUrl: env.SERVER_URL, flushIntervalMillis: 600000, flushMaxRetries: 1, ...extra });
async function main() {
${body}
}
main().then(
  (result) => {
    process.stdout.write('RESULT ' + JSON.stringify(result ?? null) + '\\n', () => process.exit(0));
  },
  (error) => {
    console.error('SCRIPT FAILED', error);
    process.exit(1);
  },
);
`,
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, file],
      { cwd: project.dir, env: { PATH: process.env['PATH'] ?? '', SDK_KEY: TEST_SDK_KEY, BASE_URL: configServer.baseUrl, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((candidate) => candidate.startsWith('RESULT '));
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr, result: line ? JSON.parse(line.slice('RESULT '.length)) : undefined });
      },
    );
  });
}

function expectRan(run: ScriptRun): void {
  expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
}

const exposures = (events: readonly AmplitudeEvent[]) => events.filter((event) => event.event_type === '$exposure');
const wiringLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('[configcat-amplitude]'));

describe('1. Amplitude never initialised', () => {
  it.each(BOTH_SYSTEMS)('%s: memory stays bounded over 200,000 distinct users', async (name) => {
    const run = await runScript(
      name,
      `const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
await client.waitForReady();
const snapshot = client.snapshot();
global.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 200000; i += 1) snapshot.getValue('buttonLabel', '', { identifier: 'user-' + i });
global.gc();
const after = process.memoryUsage().heapUsed;
client.dispose();
return { grownMb: (after - before) / 1048576 };`,
      {},
      ['--expose-gc'],
    );
    expectRan(run);
    // Amplitude's own dispatch queue grew by about 1 MB per 1,000 users here; the module's cache is capped.
    expect(run.result.grownMb).toBeLessThan(40);
  });

  it.each(BOTH_SYSTEMS)('%s: exposures evaluated before init are delivered once it runs', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
for (const id of ['user-early-1', 'user-early-2']) await client.getValueAsync('buttonLabel', '', { identifier: id });
await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
await client.getValueAsync('buttonLabel', '', { identifier: 'user-late-3' });
await wiring.flushAmplitudeExposures();
client.dispose();`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(exposures(server.events()).map((event) => event.user_id).sort()).toEqual(['user-early-1', 'user-early-2', 'user-late-3']);
  });
});

describe('2. flushAmplitudeExposures with a timed flush in flight', () => {
  it.each(BOTH_SYSTEMS)('%s: resolves only once the newer exposures were delivered', async (name) => {
    const server = await capture();
    // The timed flush of the first exposure is held by the server while the second one is evaluated.
    server.setDelay(1_500);
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions({ flushIntervalMillis: 100 })).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
await client.getValueAsync('buttonLabel', '', { identifier: 'user-first' });
await sleep(400);
await client.getValueAsync('buttonLabel', '', { identifier: 'user-second' });
const started = Date.now();
await wiring.flushAmplitudeExposures({ timeoutMs: 8000 });
// As the guide's SIGTERM handler does: exit as soon as the flush resolved.
return { flushMs: Date.now() - started };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(exposures(server.events()).map((event) => event.user_id).sort()).toEqual(['user-first', 'user-second']);
  });
});

describe('3. two ConfigCat clients that share a flag key', () => {
  it.each(BOTH_SYSTEMS)('%s: one exposure per client, however often they alternate', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const first = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
const second = wiring.createConfigCatClient(env.OTHER_SDK_KEY, { baseUrl: env.OTHER_BASE_URL });
const user = { identifier: 'user-shared' };
const values = [];
for (let i = 0; i < 50; i += 1) {
  values.push(await first.getValueAsync('newCheckout', false, user));
  values.push(await second.getValueAsync('newCheckout', false, user));
}
await wiring.flushAmplitudeExposures();
first.dispose();
second.dispose();
return { distinct: [...new Set(values)] };`,
      { SERVER_URL: server.serverUrl, OTHER_SDK_KEY, OTHER_BASE_URL: otherConfigServer.baseUrl },
    );
    expectRan(run);
    expect(run.result.distinct).toEqual([false, true]);
    const sent = exposures(server.events()).map((event) => event.event_properties?.['variation_id']);
    expect(sent.sort()).toEqual(['vid-checkout-off', 'vid-other-on']);
    expect(server.events().filter((event) => event.event_type === '$identify')).toHaveLength(2);
  });
});

describe('4. the cache forgets the least recently active users', () => {
  it('a user active on every request is not evicted by 60,000 newer users (cap 50,000)', async () => {
    const project = projects.get('jsCjs')!;
    // The real package with `track` and `identify` counting instead of queueing, so 120,000 events need no sending.
    writeFileSync(
      join(project.dir, 'counting-amplitude.cjs'),
      `const id = require.resolve('@amplitude/analytics-node');
const real = require(id);
const counts = (global.exposuresByUser = new Map());
require.cache[id].exports = {
  ...real,
  track(eventType, properties, options) {
    counts.set(options.user_id, (counts.get(options.user_id) ?? 0) + 1);
    return { promise: Promise.resolve() };
  },
  identify() {
    return { promise: Promise.resolve() };
  },
};
`,
    );
    const run = await runScript(
      'jsCjs',
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
await client.waitForReady();
const snapshot = client.snapshot();
for (let i = 0; i < 60000; i += 1) {
  snapshot.getValue('buttonLabel', '', { identifier: 'user-active' });
  snapshot.getValue('buttonLabel', '', { identifier: 'user-new-' + i });
}
client.dispose();
return { activeExposures: global.exposuresByUser.get('user-active'), users: global.exposuresByUser.size };`,
      {},
      ['--require', './counting-amplitude.cjs'],
    );
    expectRan(run);
    expect(run.result).toEqual({ activeExposures: 1, users: 60_001 });
  });
});

describe('6. missing keys', () => {
  it.each(BOTH_SYSTEMS)('%s: initAmplitude and createConfigCatClient never throw; one clear error each; flags fall back', async (name) => {
    const run = await runScript(
      name,
      `let threw = [];
let rejected = false;
for (let i = 0; i < 2; i += 1) {
  try {
    await wiring.initAmplitude().catch(() => (rejected = true));
  } catch (error) {
    threw.push('initAmplitude: ' + error.message);
  }
}
let value;
try {
  const client = wiring.createConfigCatClient(undefined, { logger: configcat.createConsoleLogger(configcat.LogLevel.Off) });
  value = await client.getValueAsync('newCheckout', 'fallback', { identifier: 'user-missing-keys' });
  client.dispose();
} catch (error) {
  threw.push('createConfigCatClient: ' + error.message);
}
return { threw, rejected, value };`,
      {},
    );
    expectRan(run);
    expect(run.result).toEqual({ threw: [], rejected: false, value: 'fallback' });
    const lines = wiringLines(run.stderr);
    expect(lines.filter((line) => line.includes('AMPLITUDE_API_KEY'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('CONFIGCAT_SDK_KEY'))).toHaveLength(1);
  });
});

describe('7. --track-default-values', () => {
  it('a fallback is told apart from the real value, and the real value that follows is still sent', async () => {
    const server = await capture();
    const run = await runScript(
      'defaultsEsm',
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
// Offline with no config yet: the evaluation falls back to the default, as after a failed fetch.
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL, offline: true, logger: configcat.createConsoleLogger(configcat.LogLevel.Off) });
const user = { identifier: 'user-fallback' };
const fallback = await client.getValueAsync('newCheckout', false, user);
client.setOnline();
await client.forceRefreshAsync();
const real = await client.getValueAsync('newCheckout', false, user);
await wiring.flushAmplitudeExposures();
client.dispose();
return { fallback, real };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(run.result).toEqual({ fallback: false, real: false });
    const sent = exposures(server.events()).map((event) => event.event_properties);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({ flag_key: 'newCheckout', variant: 'false (default)' });
    expect(sent[1]).toEqual({ flag_key: 'newCheckout', variant: 'false', variation_id: 'vid-checkout-off' });
  });
});

describe('8. the module loaded twice', () => {
  it.each(BOTH_SYSTEMS)('%s: a second copy wiring the same client sends no second exposure', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const copy = await loadCopy();
const first = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
const second = copy.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
copy.attachAmplitudeExposures(first);
await first.getValueAsync('buttonLabel', '', { identifier: 'user-twice' });
await wiring.flushAmplitudeExposures();
await copy.flushAmplitudeExposures();
first.dispose();
return { sameClient: first === second, copyIsAnotherModule: copy.createConfigCatClient !== wiring.createConfigCatClient };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(run.result).toEqual({ sameClient: true, copyIsAnotherModule: true });
    expect(exposures(server.events())).toHaveLength(1);
  });
});

describe('9. evaluations the app never showed', () => {
  it.each(BOTH_SYSTEMS)('%s: getAllValuesAsync and getAllValueDetailsAsync expose nothing; the flags read do', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
const user = { identifier: 'user-fresh' };
const all = await client.getAllValueDetailsAsync(user);
const values = await client.getAllValuesAsync(user);
await client.getValueAsync('newCheckout', false, user);
await client.getValueAsync('maxItems', 0, user);
await wiring.flushAmplitudeExposures();
client.dispose();
return { details: all.length, values: values.length };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(run.result).toEqual({ details: 5, values: 5 });
    expect(exposures(server.events()).map((event) => event.event_properties?.['flag_key']).sort()).toEqual(['maxItems', 'newCheckout']);
  });

  it.each(BOTH_SYSTEMS)('%s: a client wired through setupHooks: the bulk methods expose nothing; the flag read does', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = configcat.getClient(env.SDK_KEY, configcat.PollingMode.AutoPoll, { baseUrl: env.BASE_URL, setupHooks: wiring.amplitudeExposureHooks });
const user = { identifier: 'user-hooked' };
const all = await client.getAllValueDetailsAsync(user);
await client.getValueAsync('newCheckout', false, user);
await wiring.flushAmplitudeExposures();
client.dispose();
return { details: all.length };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(run.result).toEqual({ details: 5 });
    expect(exposures(server.events()).map((event) => `${event.user_id}:${String(event.event_properties?.['flag_key'])}`)).toEqual(['user-hooked:newCheckout']);
  });

  it.each(BOTH_SYSTEMS)('%s: for the client\'s default User the bulk methods expose nothing; a flag read for it does', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
client.setDefaultUser({ identifier: 'user-default' });
const all = await client.getAllValueDetailsAsync();
const values = await client.getAllValuesAsync(null);
await client.getValueAsync('newCheckout', false);
await wiring.flushAmplitudeExposures();
client.dispose();
return { details: all.length, values: values.length };`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(run.result).toEqual({ details: 5, values: 5 });
    expect(exposures(server.events()).map((event) => `${event.user_id}:${String(event.event_properties?.['flag_key'])}`)).toEqual(['user-default:newCheckout']);
  });

  it('--flags: only the listed experiment flags are reported; setExperimentFlags changes the list at run time', async () => {
    const server = await capture();
    const run = await runScript(
      'flagsCjs',
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
const keys = ['newCheckout', 'rollout', 'heroConfig', 'buttonLabel', 'maxItems'];
for (const key of keys) await client.getValueDetailsAsync(key, null, { identifier: 'user-listed' });
wiring.setExperimentFlags((flagKey) => flagKey === 'maxItems');
for (const key of keys) await client.getValueDetailsAsync(key, null, { identifier: 'user-predicate' });
await wiring.flushAmplitudeExposures();
client.dispose();`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    const sent = exposures(server.events()).map((event) => `${event.user_id}:${String(event.event_properties?.['flag_key'])}`);
    expect(sent.sort()).toEqual(['user-listed:newCheckout', 'user-listed:rollout', 'user-predicate:maxItems']);
  });
});

describe('10. identifiers', () => {
  it.each(BOTH_SYSTEMS)('%s: numbers go out as text; IDs Amplitude rejects are not sent, with one warning', async (name) => {
    const server = await capture();
    const run = await runScript(
      name,
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions()).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
await client.getValueAsync('buttonLabel', '', { identifier: 1234567 });
await client.getValueAsync('buttonLabel', '', { identifier: '42' });
await client.getValueAsync('buttonLabel', '', { identifier: '43' });
await wiring.flushAmplitudeExposures();
client.dispose();`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    const sent = exposures(server.events());
    expect(sent.map((event) => event.user_id)).toEqual(['1234567']);
    const warnings = wiringLines(run.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('minIdLength');
  });

  it('a lowered minIdLength lets short IDs through', async () => {
    const server = await capture();
    const run = await runScript(
      'jsEsm',
      `await amplitude.init('test-amplitude-api-key', amplitudeOptions({ minIdLength: 2 })).promise;
const client = wiring.createConfigCatClient(env.SDK_KEY, { baseUrl: env.BASE_URL });
await client.getValueAsync('buttonLabel', '', { identifier: '42' });
await wiring.flushAmplitudeExposures();
client.dispose();`,
      { SERVER_URL: server.serverUrl },
    );
    expectRan(run);
    expect(exposures(server.events()).map((event) => event.user_id)).toEqual(['42']);
    expect(wiringLines(run.stderr)).toEqual([]);
  });
});

describe('11. endpoints from the environment', () => {
  /**
   * Preloaded into the script: every host name the process looks up is recorded and fails at once, so
   * nothing leaves the machine and the test sees where each SDK would have gone (127.0.0.1 needs no look-up).
   */
  function recordHosts(name: ProjectName): string[] {
    const file = join(projects.get(name)!.dir, 'record-hosts.mjs');
    writeFileSync(
      file,
      `import dns from 'node:dns';
globalThis.lookedUpHosts = [];
dns.lookup = (hostname, options, callback) => {
  globalThis.lookedUpHosts.push(hostname);
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(Object.assign(new Error('getaddrinfo ENOTFOUND ' + hostname), { code: 'ENOTFOUND', hostname })));
};
`,
    );
    return ['--import', file];
  }

  it.each(['jsEsm', 'euCjs'] as const)('%s: with both variables set, the config comes from the stand-in and the exposure goes to the capture server', async (name) => {
    const server = await capture();
    const requestsBefore = configServer.requests();
    const run = await runScript(
      name,
      `await wiring.initAmplitude('test-amplitude-api-key', { flushIntervalMillis: 600000, flushMaxRetries: 1 });
const client = wiring.createConfigCatClient(env.SDK_KEY);
const value = await client.getValueAsync('newCheckout', false, { identifier: 'user-endpoints', email: 'endpoints@example.com' });
await wiring.flushAmplitudeExposures();
client.dispose();
return { value, hosts: globalThis.lookedUpHosts };`,
      { CONFIGCAT_BASE_URL: configServer.baseUrl, AMPLITUDE_SERVER_URL: server.serverUrl },
      recordHosts(name),
    );
    expectRan(run);
    // The rule for @example.com serves true: the config was downloaded, from the stand-in only.
    expect(run.result).toEqual({ value: true, hosts: [] });
    expect(configServer.requests()).toBeGreaterThan(requestsBefore);
    expect(exposures(server.events()).map((event) => [event.user_id, event.event_properties?.['flag_key']])).toEqual([['user-endpoints', 'newCheckout']]);
  });

  it.each([
    ['jsEsm', 'unset', {}, ['api2.amplitude.com', 'cdn-global.configcat.com']],
    ['jsEsm', 'empty', { CONFIGCAT_BASE_URL: '', AMPLITUDE_SERVER_URL: '' }, ['api2.amplitude.com', 'cdn-global.configcat.com']],
    ['euCjs', 'unset', {}, ['api.eu.amplitude.com', 'cdn-eu.configcat.com']],
  ] as const)("%s: with the variables %s, the SDKs go to their own hosts (the EU ones for 'eu' answers)", async (name, _state, env, hosts) => {
    const run = await runScript(
      name,
      `wiring.createConfigCatClient(env.SDK_KEY, { logger: configcat.createConsoleLogger(configcat.LogLevel.Off) });
await wiring.initAmplitude('test-amplitude-api-key', { flushMaxRetries: 1, logLevel: amplitude.Types.LogLevel.None });
amplitude.track('endpoint-probe', undefined, { user_id: 'user-endpoint-probe' });
amplitude.flush();
const wanted = ${JSON.stringify(hosts)};
for (const deadline = Date.now() + 15000; Date.now() < deadline && !wanted.every((host) => globalThis.lookedUpHosts.includes(host)); ) await sleep(25);
return { hosts: [...new Set(globalThis.lookedUpHosts)].sort() };`,
      env,
      recordHosts(name),
    );
    expectRan(run);
    expect(run.result).toEqual({ hosts });
  });
});
