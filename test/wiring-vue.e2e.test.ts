import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, servePage, type OpenedPage } from './support/browser-harness.js';
import { startCaptureServer, type AmplitudeEvent, type CaptureServer } from './support/capture-server.js';
import { launchChromium } from './support/chromium.js';
import { buildConfig, startConfigServer, type ConfigServer, type FlagSpec } from './support/config-server.js';
import { generateProject } from './support/generate.js';
import { installToolchain, linkToolchain } from './support/toolchain.js';

/**
 * A Vue app on configcat-vue, wired by the generator with no hand edit, bundled and run in headless
 * Chromium with the real packages: the plugin's own bundled ConfigCat SDK downloads its config from
 * a local server (`clientOptions.baseUrl`), Amplitude sends to a local capture server. The app reads
 * its flag the way configcat-vue's users do, with `<FeatureWrapper>` and the injected client.
 */
const API_KEY = 'test-amplitude-api-key';
/** Of the format ConfigCat checks even with a custom baseUrl (two parts of exactly 22 characters). */
const SDK_KEY = `configcat-sdk-1/${'VUE-PLUGIN-TEST'.padEnd(22, '0')}/${'VUE-PLUGIN-TEST'.padEnd(22, '0')}`;

const FLAGS: Record<string, FlagSpec> = { newCheckout: { value: true, variationId: 'vid-checkout-on' } };
const CHANGED_FLAGS: Record<string, FlagSpec> = { newCheckout: { value: false, variationId: 'vid-checkout-off' } };

/** The packages a configcat-vue app ships with, from the registry (once per machine). */
const TOOLCHAIN = { dependencies: { vue: '3.5.13', 'configcat-vue': '2.6.4', '@amplitude/analytics-browser': '2.48.1' } };

/**
 * The app as its author wrote it, before the generator: configcat-vue's plugin (pointed at a
 * ConfigCat proxy through `baseUrl`, polling every second) and Amplitude started in `main.ts`.
 */
const MAIN = `import * as amplitude from '@amplitude/analytics-browser'
import { createApp } from 'vue'
import { ConfigCatPlugin } from 'configcat-vue'
import App from './App'

amplitude.init(import.meta.env.VITE_AMPLITUDE_API_KEY, {
  serverUrl: import.meta.env.VITE_AMPLITUDE_SERVER_URL,
  flushIntervalMillis: 50,
  autocapture: false,
  fetchRemoteConfig: false,
})

const app = createApp(App)

app.use(ConfigCatPlugin, {
  sdkKey: import.meta.env.VITE_CONFIGCAT_SDK_KEY,
  clientOptions: {
    baseUrl: import.meta.env.VITE_CONFIGCAT_BASE_URL,
    pollIntervalSeconds: 1,
  },
})

app.mount('#root')
`;

/** Two <FeatureWrapper>s and a read through the injected client: three evaluations of one flag. */
const APP = `import { defineComponent, h, inject, onMounted, ref } from 'vue'
import { FeatureWrapper, type IConfigCatClient } from 'configcat-vue'

export default defineComponent({
  setup() {
    const client = inject<IConfigCatClient>('configCatClient')!
    const fromClient = ref('loading')
    onMounted(async () => {
      fromClient.value = String(await client.getValueAsync('newCheckout', false))
    })
    const wrapper = (id: string) =>
      h(FeatureWrapper, { featureKey: 'newCheckout' }, {
        default: () => h('p', { id }, 'new checkout'),
        else: () => h('p', { id }, 'old checkout'),
      })
    return () => [wrapper('header'), wrapper('footer'), h('p', { id: 'client' }, fromClient.value)]
  },
})
`;

/** The page's test hook: a sentinel event marks where a step's events end. */
const HARNESS = `import * as amplitude from '@amplitude/analytics-browser'
import './main'

Object.assign(window, {
  harness: {
    sentinel(name: string) {
      amplitude.track('test:sentinel', { name })
      amplitude.flush()
    },
  },
})
`;

let browser: Browser;
let configServer: ConfigServer;
let capture: CaptureServer;
let projectDir: string;
const cleanups: (() => Promise<unknown> | void)[] = [];

beforeAll(async () => {
  const toolchain = installToolchain(TOOLCHAIN);
  const generated = await generateProject({
    packageJson: { name: 'vue-plugin-app', private: true, type: 'module', dependencies: TOOLCHAIN.dependencies, devDependencies: { vite: '^6.1.0', typescript: '~5.9.3' } },
    files: { 'src/main.ts': MAIN, 'src/App.ts': APP, 'tsconfig.json': { compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler' } } },
    linkNodeModules: false,
  });
  projectDir = mkdtempSync(join(tmpdir(), 'wiring-vue-'));
  cpSync(generated.dir, projectDir, { recursive: true });
  cleanups.push(() => rmSync(projectDir, { recursive: true, force: true }));
  linkToolchain(toolchain, projectDir);
  writeFileSync(join(projectDir, 'src/harness.ts'), HARNESS);
  browser = await launchChromium();
  configServer = await startConfigServer(buildConfig(FLAGS));
  capture = await startCaptureServer();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await capture?.close();
  await configServer?.close();
  await browser?.close();
});

/** Bundles the app as Vite would: its environment variables inlined, Vue's compile-time flags set. */
async function bundleApp(): Promise<string> {
  const env = {
    VITE_CONFIGCAT_SDK_KEY: SDK_KEY,
    VITE_CONFIGCAT_BASE_URL: configServer.baseUrl,
    VITE_AMPLITUDE_API_KEY: API_KEY,
    VITE_AMPLITUDE_SERVER_URL: capture.serverUrl,
  };
  const result = await build({
    entryPoints: [join(projectDir, 'src/harness.ts')],
    absWorkingDir: projectDir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    define: {
      ...Object.fromEntries(Object.entries(env).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(value)])),
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  return result.outputFiles[0]!.text;
}

async function settle(opened: OpenedPage, name: string): Promise<AmplitudeEvent[]> {
  await opened.page.evaluate((sentinelName) => (window as unknown as { harness: { sentinel(name: string): void } }).harness.sentinel(sentinelName), name);
  const deadline = Date.now() + 15_000;
  while (!capture.events().some((event) => event.event_type === 'test:sentinel' && event.event_properties?.['name'] === name)) {
    if (Date.now() > deadline) throw new Error(`Sentinel ${name} never arrived: ${JSON.stringify(capture.events())}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return capture.events();
}

const exposures = (events: readonly AmplitudeEvent[]) => events.filter((event) => event.event_type === '$exposure');

describe('Vue with configcat-vue: the generated hook in the plugin of an untouched app', () => {
  it('wired the plugin where the app installs it, without adding a ConfigCat SDK', () => {
    const main = readFileSync(join(projectDir, 'src/main.ts'), 'utf8');
    expect(main).toContain('    pollIntervalSeconds: 1,\n    setupHooks: amplitudeExposureHooks,\n  },');
    expect(main).toMatch(/^import \{ amplitudeExposureHooks \} from '\.\/configcat-amplitude(\.js)?'$/m);
    const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@amplitude/analytics-browser', 'configcat-vue', 'vue']);
  });

  it("sends exactly one exposure for the flag the plugin's client evaluates, and one more when its variant changes", async () => {
    const server = await servePage(await bundleApp());
    cleanups.push(() => server.close());
    const opened = await openPage(browser, server.url);
    cleanups.push(() => opened.close());
    const { page, pageErrors } = opened;

    await page.waitForFunction(() => document.querySelector('#client')?.textContent === 'true', undefined, { timeout: 15_000 });
    expect(await page.locator('#header').textContent()).toBe('new checkout');
    expect(await page.locator('#footer').textContent()).toBe('new checkout');
    // Config downloads at every poll make FeatureWrapper evaluate again: still nothing new to send.
    const downloads = configServer.requests();
    const pollDeadline = Date.now() + 15_000;
    while (configServer.requests() < downloads + 2 && Date.now() < pollDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(configServer.requests()).toBeGreaterThanOrEqual(downloads + 2);
    let events = await settle(opened, 'first');
    expect(exposures(events).map((event) => event.event_properties)).toEqual([{ flag_key: 'newCheckout', variant: 'true', variation_id: 'vid-checkout-on' }]);
    const [exposure] = exposures(events);
    // To the visitor Amplitude tracks in this browser.
    expect(exposure?.device_id).toMatch(/.{5,}/);
    expect(events.filter((event) => event.event_type === '$identify').map((event) => event.user_properties)).toEqual([{ $set: { configcat_newCheckout: 'true' } }]);

    // The flag changes in ConfigCat: the plugin's next poll re-renders both wrappers, one exposure.
    configServer.setConfig(buildConfig(CHANGED_FLAGS));
    await page.waitForFunction(() => document.querySelector('#header')?.textContent === 'old checkout', undefined, { timeout: 15_000 });
    expect(await page.locator('#footer').textContent()).toBe('old checkout');
    events = await settle(opened, 'changed');
    expect(exposures(events).map((event) => event.event_properties)).toEqual([
      { flag_key: 'newCheckout', variant: 'true', variation_id: 'vid-checkout-on' },
      { flag_key: 'newCheckout', variant: 'false', variation_id: 'vid-checkout-off' },
    ]);
    expect(capture.requests.every((request) => request.api_key === API_KEY)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
