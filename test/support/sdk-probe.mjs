/**
 * Runs one SDK package (installed under an alias in the current folder's node_modules) and prints
 * what it did as one JSON line. Plain JavaScript, run by `node` in a process of its own, so every
 * package starts from clean module state (ConfigCat keeps one client per SDK key per copy;
 * Amplitude keeps a default instance).
 *
 * Usage: node sdk-probe.mjs '<json: { kind, module, initForm? }>'
 *   kind: configcat | react | vue | amplitude
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const request = JSON.parse(process.argv[2]);
const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const SDK_KEY = 'configcat-sdk-1/XXXXXXXXXXXXXXXXXXXXXX/YYYYYYYYYYYYYYYYYYYYYY';
const FLAGS = { flag: true, text: 'hello' };

async function load(name) {
  return import(pathToFileURL(projectRequire.resolve(name)).href);
}

/**
 * The module's exports: its named exports, else its CommonJS default export's properties (Node's
 * import of a CommonJS module names only the exports it can find statically).
 */
function api(module) {
  const fallback = module.default;
  return new Proxy(module, {
    get: (target, key) => (key in target && key !== 'default' ? target[key] : fallback?.[key]),
  });
}

function describeDetails(details) {
  if (!details) return null;
  return {
    key: details.key,
    value: details.value,
    variationId: details.variationId === undefined ? '(undefined)' : details.variationId,
    userIdentifier: details.user?.identifier ?? null,
    userClass: details.user?.constructor?.name ?? null,
    isDefaultValue: details.isDefaultValue,
    hasErrorCode: 'errorCode' in details,
    errorCode: details.errorCode ?? null,
  };
}

let overridesHelperError = null;

/**
 * Flag overrides in LocalOnly mode (no network). Some releases (configcat-js 9.0.0, configcat-js-ssr
 * 8.1.0, configcat-react 4.0.0) declare `configcat-common@^9.0.0` and, installed today, get a
 * configcat-common whose `MapOverrideDataSource` their `createFlagOverridesFromMap` cannot use: then
 * configcat-common's own helper is used, and the failure is reported.
 */
function overridesOf(sdk, flags = FLAGS) {
  try {
    return sdk.createFlagOverridesFromMap(flags, sdk.OverrideBehaviour.LocalOnly);
  } catch (error) {
    overridesHelperError = String(error).split('\n')[0];
    const common = createRequire(projectRequire.resolve(request.module))('configcat-common');
    return common.createFlagOverridesFromMap(flags, common.OverrideBehaviour.LocalOnly);
  }
}

function quietLogger(sdk) {
  return sdk.createConsoleLogger(sdk.LogLevel?.Off ?? -1);
}

/** Evaluations every client gets, and what its listeners saw. */
async function exercise(sdk, client, seen) {
  const user = sdk.User ? new sdk.User('user-123') : { identifier: 'user-123' };
  const value = await client.getValueAsync('flag', false, user);
  const before = seen.viaSetupHooks.length;
  await client.getValueAsync('missing', 'fallback', { identifier: 'user-456' });
  const missing = seen.viaSetupHooks[before];
  let snapshotFired = null;
  if (typeof client.snapshot === 'function') {
    const count = seen.viaSetupHooks.length;
    client.snapshot().getValue('text', '', user);
    snapshotFired = seen.viaSetupHooks.length === count + 1;
  }
  return {
    value,
    on: typeof client.on,
    off: typeof client.off,
    listeners: typeof client.listeners,
    snapshot: typeof client.snapshot,
    snapshotFired,
    viaSetupHooks: seen.viaSetupHooks.length,
    viaOn: seen.viaOn.length,
    details: describeDetails(seen.viaSetupHooks[0]),
    missing: describeDetails(missing),
    listenerCount: typeof client.listeners === 'function' ? client.listeners('flagEvaluated').length : null,
  };
}

function recorder() {
  const seen = { viaSetupHooks: [], viaOn: [] };
  const setupHooks = (hooks) => hooks.on('flagEvaluated', (details) => seen.viaSetupHooks.push(details));
  const onListener = (details) => seen.viaOn.push(details);
  return { seen, setupHooks, onListener };
}

function exportsOf(module, names) {
  return Object.fromEntries(names.map((name) => [name, typeof module[name]]));
}

/** The value the wiring passes as `dataGovernance` for `--configcat-data-governance eu`. */
function euOnlyOf(sdk) {
  return sdk.DataGovernance?.EuOnly ?? null;
}

const CONFIGCAT_EXPORTS = ['getClient', 'PollingMode', 'DataGovernance', 'createClient', 'createClientWithAutoPoll', 'OverrideBehaviour', 'createFlagOverridesFromMap', 'User', 'ConfigCatProvider', 'useConfigCatClient', 'ConfigCatPlugin'];

async function probeConfigcat() {
  const sdk = api(await load(request.module));
  const result = { exports: exportsOf(sdk, CONFIGCAT_EXPORTS), dataGovernanceEuOnly: euOnlyOf(sdk) };
  if (typeof sdk.getClient !== 'function') return result;
  const { seen, setupHooks, onListener } = recorder();
  const client = sdk.getClient(SDK_KEY, sdk.PollingMode.AutoPoll, { flagOverrides: overridesOf(sdk), setupHooks, logger: quietLogger(sdk) });
  client.on('flagEvaluated', onListener);
  // One client per SDK key: a second call returns it (and ignores its options).
  const again = sdk.getClient(SDK_KEY, sdk.PollingMode.AutoPoll, { logger: quietLogger(sdk) });
  result.oneClientPerKey = again === client;
  Object.assign(result, await exercise(sdk, client, seen));
  client.off('flagEvaluated', onListener);
  result.listenerCountAfterOff = client.listeners('flagEvaluated').length;
  client.dispose();
  return result;
}

async function probeReact() {
  // The provider creates a real client only where XMLHttpRequest exists (a browser); flag
  // overrides in LocalOnly mode never use it.
  globalThis.XMLHttpRequest ??= class XMLHttpRequest {};
  const sdk = api(await load(request.module));
  const React = api(await load('react'));
  const { renderToString } = api(await load('react-dom/server'));
  const result = { exports: exportsOf(sdk, CONFIGCAT_EXPORTS), dataGovernanceEuOnly: euOnlyOf(sdk) };
  const { seen, setupHooks, onListener } = recorder();
  let client;
  let secondClient;
  function Capture() {
    client = sdk.useConfigCatClient();
    return null;
  }
  function CaptureSecond() {
    secondClient = sdk.useConfigCatClient('second');
    return null;
  }
  const options = { flagOverrides: overridesOf(sdk), setupHooks, logger: quietLogger(sdk) };
  const tree = [React.createElement(sdk.ConfigCatProvider, { key: 'first', sdkKey: SDK_KEY, options }, React.createElement(Capture))];
  if (request.providerId) {
    const secondKey = SDK_KEY.replace('XXXX', 'ZZZZ');
    const secondOptions = { flagOverrides: overridesOf(sdk, { flag: false }), logger: quietLogger(sdk) };
    tree.push(React.createElement(sdk.ConfigCatProvider, { key: 'second', id: 'second', sdkKey: secondKey, options: secondOptions }, React.createElement(CaptureSecond)));
  }
  renderToString(React.createElement(React.Fragment, null, ...tree));
  // configcat-react 1.x: a client without `on` (no hooks at all).
  if (typeof client.on === 'function') client.on('flagEvaluated', onListener);
  Object.assign(result, await exercise(sdk, client, seen));
  if (request.providerId) {
    result.secondProviderClientIsOther = secondClient !== undefined && secondClient !== client;
    result.secondProviderValue = await secondClient.getValueAsync('flag', true);
  }
  client.dispose();
  return result;
}

async function probeVue() {
  const sdk = api(await load(request.module));
  const { createApp } = await load('vue');
  const result = { exports: exportsOf(sdk, CONFIGCAT_EXPORTS), dataGovernanceEuOnly: euOnlyOf(sdk) };
  const { seen, setupHooks, onListener } = recorder();
  const app = createApp({ render: () => null });
  app.use(sdk.ConfigCatPlugin, { sdkKey: SDK_KEY, clientOptions: { flagOverrides: overridesOf(sdk), setupHooks, logger: quietLogger(sdk) } });
  const client = app._context.provides.configCatClient;
  result.providedAs = client ? 'configCatClient' : Object.keys(app._context.provides).join(',');
  client.on('flagEvaluated', onListener);
  Object.assign(result, await exercise(sdk, client, seen));
  // The @configcat/sdk the package declares (for its types): is the plugin's client that SDK's client for the key?
  const vueRequire = createRequire(projectRequire.resolve(request.module));
  const separate = await import(pathToFileURL(vueRequire.resolve('@configcat/sdk')).href);
  const other = separate.getClient(SDK_KEY, separate.PollingMode.AutoPoll, { flagOverrides: overridesOf(separate), logger: quietLogger(separate) });
  result.sameClientAsConfigcatSdk = other === client;
  other.dispose();
  client.dispose();
  return result;
}

const AMPLITUDE_EXPORTS = ['init', 'initAll', 'track', 'identify', 'flush', 'Identify', 'getDeviceId', 'getUserId', 'setUserId', 'createInstance', 'logEvent', 'getInstance'];

async function probeAmplitude() {
  const events = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        events.push(...JSON.parse(body).events);
      } catch {
        // Not an upload.
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 200, events_ingested: 1, payload_size_bytes: body.length, server_upload_time: Date.now() }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serverUrl = `http://127.0.0.1:${server.address().port}/2/httpapi`;
  // Browser SDKs upload with fetch: anything not meant for the local server is answered here, never sent.
  const elsewhere = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith(serverUrl)) return realFetch(input, init);
    elsewhere.push(url);
    return Promise.resolve(new Response(JSON.stringify({ code: 200, events_ingested: 1, payload_size_bytes: 1, server_upload_time: Date.now() }), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  try {
    const amplitude = api(await load(request.module));
    const result = { exports: exportsOf(amplitude, AMPLITUDE_EXPORTS) };
    if (!request.initForm) return result;
    // No page to observe in Node: automatic tracking off, and no remote configuration request.
    // Browser SDKs listen to the page (page views, visibility): Node's global has no such methods.
    globalThis.addEventListener ??= () => undefined;
    globalThis.removeEventListener ??= () => undefined;
    // analytics-browser 2.0.0 wraps history.pushState even with default tracking off.
    globalThis.history ??= { pushState() {}, replaceState() {} };
    const options = { serverUrl, flushIntervalMillis: 0, logLevel: 0, autocapture: false, defaultTracking: false, attribution: { disabled: true }, fetchRemoteConfig: false };
    const apiKey = '0123456789abcdef0123456789abcdef';
    let started;
    if (request.initForm === 'init(apiKey, options)') started = amplitude.init(apiKey, options);
    else if (request.initForm === 'init(apiKey, userId, options)') started = amplitude.init(apiKey, undefined, options);
    else {
      // initAll always adds Amplitude's engagement plugin, which needs a page (`document`, `window`):
      // in Node only what it returns is observed, not what it sends.
      started = amplitude.initAll(apiKey, { analytics: options });
      result.initResult = started instanceof Promise ? 'Promise' : typeof started;
      result.initError = await started.then(() => null, (error) => String(error).split('\n')[0]);
      return result;
    }
    result.initResult = started instanceof Promise ? 'Promise' : started && started.promise instanceof Promise ? '{ promise }' : typeof started;
    await withTimeout(started instanceof Promise ? started : started.promise);
    const ids = { user_id: 'user-123', device_id: 'device-123' };
    const tracked = amplitude.track('$exposure', { flag_key: 'newCheckout', variant: 'on' }, ids);
    const identified = amplitude.identify(new amplitude.Identify().set('configcat_newCheckout', 'on'), ids);
    result.trackResult = tracked && tracked.promise instanceof Promise ? '{ promise }' : typeof tracked;
    result.identifyResult = identified && identified.promise instanceof Promise ? '{ promise }' : typeof identified;
    if (typeof amplitude.flush === 'function') {
      const flushed = amplitude.flush();
      result.flushResult = flushed && flushed.promise instanceof Promise ? '{ promise }' : typeof flushed;
      await withTimeout(flushed.promise);
    }
    await withTimeout(Promise.all([tracked.promise, identified.promise]));
    for (let waited = 0; events.length < 2 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    if (typeof amplitude.getDeviceId === 'function') result.deviceId = amplitude.getDeviceId() ?? null;
    result.elsewhere = [...new Set(elsewhere)];
    result.received = events.map((event) => ({
      event_type: event.event_type,
      user_id: event.user_id ?? null,
      event_properties: event.event_properties ?? null,
      user_properties: event.user_properties ?? null,
    }));
    return result;
  } finally {
    server.close();
  }
}

function withTimeout(promise) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, 4000))]);
}

const probes = { configcat: probeConfigcat, react: probeReact, vue: probeVue, amplitude: probeAmplitude };
try {
  const result = await probes[request.kind]();
  if (overridesHelperError) result.overridesHelperError = overridesHelperError;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exit(0);
}
