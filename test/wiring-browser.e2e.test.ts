import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureServer, type AmplitudeEvent, type CaptureServer } from './support/capture-server.js';
import { launchChromium } from './support/chromium.js';
import { buildConfig, startConfigServer, type ConfigServer, type FlagSpec } from './support/config-server.js';
import { bundlePage, openPage, servePage, type OpenedPage, type PageServer } from './support/browser-harness.js';
import { generateBrowserProject, type BrowserProject } from './support/browser-projects.js';

/**
 * The generated browser JS and React wiring, bundled with esbuild and run in headless Chromium
 * against the real SDKs: ConfigCat downloads its config from a local server, Amplitude sends its
 * events to a local capture server.
 */
const API_KEY = 'test-amplitude-api-key';
/** An SDK key of the format ConfigCat checks even with a custom baseUrl (two parts of exactly 22 characters). */
const sdkKey = (name: string) => `configcat-sdk-1/${name.padEnd(22, '0')}/${name.padEnd(22, '0')}`;
const TEST_SDK_KEY = sdkKey('BROWSER-TEST');
const ATTACHED_SDK_KEY = sdkKey('BROWSER-ATTACHED');
const EXISTING_SDK_KEY = sdkKey('BROWSER-EXISTING');
const LAYOUT = '{"columns":3,"sidebar":true}';
const HERO = 'Spring sale: every plan is twenty percent off until the end of May';

const FLAGS: Record<string, FlagSpec> = {
  newCheckout: { value: true, variationId: 'vid-checkout-on', rules: [{ emailContains: ['@example.com'], value: false, variationId: 'vid-checkout-off' }] },
  theme: { value: 'dark', variationId: 'vid-theme-dark' },
  layout: { value: LAYOUT, variationId: 'vid-layout-json' },
  hero: { value: HERO, variationId: 'vid-hero-long' },
  discount: { value: 10, variationId: 'vid-discount-10' },
  banner: { value: 'spring', variationId: 'vid-banner-spring' },
  promo: { value: true, variationId: 'vid-promo-on' },
  afterDetach: { value: 'on', variationId: 'vid-after-detach' },
};
const CHANGED_FLAGS: Record<string, FlagSpec> = { ...FLAGS, theme: { value: 'light', variationId: 'vid-theme-light' } };

const ANNA = { identifier: 'user-1', email: 'anna@corp.test', country: 'Hungary', custom: { plan: 'gold' } };
const ANNA_AT_EXAMPLE = { ...ANNA, email: 'anna@example.com' };
const DEFAULTS = { newCheckout: false, theme: 'none', layout: 'none', hero: 'none', discount: 0, noSuchFlag: 'fallback' };
const EXPECTED_VALUES = { newCheckout: true, theme: 'dark', layout: LAYOUT, hero: HERO, discount: 10, noSuchFlag: 'fallback' };
/** Nothing the ConfigCat User holds may reach Amplitude. */
const PRIVATE_TEXT = ['anna', 'corp.test', 'example.com', 'Hungary', 'gold', 'user-1'];

interface Exposure {
  readonly flag: string;
  readonly variant: string;
  readonly variationId: string;
}

/** The events one exposure makes, with or without the Identify. */
function eventsOf(exposures: readonly Exposure[], identify: boolean): object[] {
  return exposures.flatMap(({ flag, variant, variationId }) => [
    { event_type: '$exposure', event_properties: { flag_key: flag, variant, variation_id: variationId } },
    ...(identify ? [{ event_type: '$identify', user_properties: { $set: { [`configcat_${flag}`]: variant } } }] : []),
  ]);
}

const sentinel = (name: string) => ({ event_type: 'test:sentinel', event_properties: { name } });

/** What the assertions compare: the event's kind and payload, without ids and timestamps. */
function shape(event: AmplitudeEvent): object {
  return {
    event_type: event.event_type,
    ...(event.event_properties ? { event_properties: event.event_properties } : {}),
    ...(event.user_properties ? { user_properties: event.user_properties } : {}),
  };
}

let browser: Browser;
let configServer: ConfigServer;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  configServer = await startConfigServer(buildConfig(FLAGS));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await configServer?.close();
  await browser?.close();
});

async function startCapture(): Promise<CaptureServer> {
  const capture = await startCaptureServer();
  cleanups.push(() => capture.close());
  return capture;
}

async function openBundledPage(project: BrowserProject, entry: string, options: { define?: Record<string, string>; throwingAmplitude?: boolean } = {}): Promise<OpenedPage> {
  const bundle = await bundlePage({ entry, projectDir: project.dir, ...options });
  const server: PageServer = await servePage(bundle);
  cleanups.push(() => server.close());
  const opened = await openPage(browser, server.url);
  cleanups.push(() => opened.close());
  return opened;
}

/** Sends a sentinel event and waits for it: every event sent before it has arrived by then. */
async function settle(page: Page, capture: CaptureServer, name: string): Promise<AmplitudeEvent[]> {
  await page.evaluate((sentinelName) => window.harness.sentinel(sentinelName), name);
  const deadline = Date.now() + 15_000;
  while (!capture.events().some((event) => event.event_type === 'test:sentinel' && event.event_properties?.['name'] === name)) {
    if (Date.now() > deadline) throw new Error(`Sentinel ${name} never arrived: ${JSON.stringify(capture.events())}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return capture.events();
}

function expectNothingPrivate(capture: CaptureServer): void {
  const raw = capture.rawBodies.join('\n');
  for (const text of PRIVATE_TEXT) expect(raw, `"${text}" reached Amplitude`).not.toContain(text);
}

declare global {
  interface Window {
    // The page's test hooks (browser-page-js.ts, browser-page-react.tsx).
    harness: any;
  }
}

describe('browser JS: createConfigCatClient + initAmplitude (TypeScript, Vite, auto variants, Identify)', () => {
  let project: BrowserProject;
  beforeAll(async () => {
    configServer.setConfig(buildConfig(FLAGS));
    project = await generateBrowserProject({ name: 'wiring-js-vite-ts', platform: 'js', language: 'ts', framework: 'vite' });
  });

  it('sends one exposure per visitor, flag and variant to the identity Amplitude tracks', async () => {
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    const deviceId: string = await page.evaluate((options) => window.harness.start(options), {
      apiKey: API_KEY,
      serverUrl: capture.serverUrl,
      baseUrl: configServer.baseUrl,
      sdkKey: TEST_SDK_KEY,
    });
    expect(deviceId).toMatch(/.{5,}/);

    // First evaluations: one exposure (and Identify) per flag; nothing for the missing key.
    expect(await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [DEFAULTS, ANNA] as const)).toEqual(EXPECTED_VALUES);
    // Repeats through every API that fires flagEvaluated send nothing new.
    await page.evaluate(([defaults, user]) => window.harness.evaluateEveryWay(defaults, user), [DEFAULTS, ANNA] as const);
    await page.evaluate(([defaults]) => window.harness.evaluateEveryWay(defaults), [DEFAULTS] as const);
    let events = await settle(page, capture, 'first');
    const firstExposures = [
      { flag: 'newCheckout', variant: 'true', variationId: 'vid-checkout-on' },
      { flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' },
      // auto: JSON-like and long text are reported by variation ID.
      { flag: 'layout', variant: 'vid-layout-json', variationId: 'vid-layout-json' },
      { flag: 'hero', variant: 'vid-hero-long', variationId: 'vid-hero-long' },
      { flag: 'discount', variant: '10', variationId: 'vid-discount-10' },
    ];
    // De-duplication is per ConfigCat User: the evaluations without a User are their own, sent once.
    const first = [...eventsOf(firstExposures, true), ...eventsOf(firstExposures, true), sentinel('first')];
    expect(events.map(shape)).toEqual(first);

    // A new Amplitude identity (login) starts over; a repeat for it sends nothing.
    await page.evaluate(() => window.harness.setUserId('amp-user-0042'));
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ newCheckout: false }, ANNA] as const);
    await page.evaluate(([defaults, user]) => window.harness.evaluateEveryWay(defaults, user), [{ newCheckout: false }, ANNA] as const);
    const afterLogin = [...eventsOf([{ flag: 'newCheckout', variant: 'true', variationId: 'vid-checkout-on' }], true), sentinel('login')];
    events = await settle(page, capture, 'login');
    expect(events.map(shape)).toEqual([...first, ...afterLogin]);

    // A changed variant (the user now matches a targeting rule) is one new exposure.
    expect(await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ newCheckout: true }, ANNA_AT_EXAMPLE] as const)).toEqual({ newCheckout: false });
    await page.evaluate(([defaults, user]) => window.harness.evaluateEveryWay(defaults, user), [{ newCheckout: true }, ANNA_AT_EXAMPLE] as const);
    const afterRule = [...eventsOf([{ flag: 'newCheckout', variant: 'false', variationId: 'vid-checkout-off' }], true), sentinel('rule')];
    events = await settle(page, capture, 'rule');
    expect(events.map(shape)).toEqual([...first, ...afterLogin, ...afterRule]);

    // A config change picked up by forceRefresh: one exposure for the new variant.
    configServer.setConfig(buildConfig(CHANGED_FLAGS));
    expect(await page.evaluate(() => window.harness.refresh())).toBe(true);
    expect(await page.evaluate(([defaults]) => window.harness.evaluate(defaults), [{ theme: 'none' }] as const)).toEqual({ theme: 'light' });
    const afterChange = [...eventsOf([{ flag: 'theme', variant: 'light', variationId: 'vid-theme-light' }], true), sentinel('change')];
    events = await settle(page, capture, 'change');
    expect(events.map(shape)).toEqual([...first, ...afterLogin, ...afterRule, ...afterChange]);
    configServer.setConfig(buildConfig(FLAGS));

    // A client the app made itself: attachAmplitudeExposures wires it, the detach function unwires it.
    expect(await page.evaluate(([key, baseUrl]) => window.harness.attachToOwnClient(key, baseUrl, { banner: 'none' }), [ATTACHED_SDK_KEY, configServer.baseUrl] as const)).toEqual({ banner: 'spring' });
    expect(await page.evaluate(() => window.harness.detachAndEvaluate({ afterDetach: 'none' }))).toEqual({ afterDetach: 'on' });
    // createConfigCatClient over a client created earlier for its key wires it, once.
    const existing = await page.evaluate(([key, baseUrl]) => window.harness.createOverExisting(key, baseUrl, { promo: false }), [EXISTING_SDK_KEY, configServer.baseUrl] as const);
    expect(existing).toEqual({ same: true, values: { promo: true } });
    const afterAttach = [
      ...eventsOf(
        [
          { flag: 'banner', variant: 'spring', variationId: 'vid-banner-spring' },
          { flag: 'promo', variant: 'true', variationId: 'vid-promo-on' },
        ],
        true,
      ),
      sentinel('attach'),
    ];
    events = await settle(page, capture, 'attach');
    expect(events.map(shape)).toEqual([...first, ...afterLogin, ...afterRule, ...afterChange, ...afterAttach]);

    // Every event goes to Amplitude's own visitor: its device ID, and its user ID once set.
    const exposureEvents = events.filter((event) => event.event_type !== 'test:sentinel');
    const beforeLogin = first.length - 1;
    for (const [index, event] of exposureEvents.entries()) {
      expect(event.device_id).toBe(deviceId);
      expect(event.user_id).toBe(index < beforeLogin ? undefined : 'amp-user-0042');
    }
    expectNothingPrivate(capture);
    expect(pageErrors).toEqual([]);
  });

  describe('faults: flag values stay right and nothing reaches the app', () => {
    beforeEach(() => configServer.setConfig(buildConfig(FLAGS)));

    const run = async (page: Page) => {
      expect(await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [DEFAULTS, ANNA] as const)).toEqual(EXPECTED_VALUES);
      await page.evaluate(([defaults, user]) => window.harness.evaluateEveryWay(defaults, user), [DEFAULTS, ANNA] as const);
      expect(await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [DEFAULTS, ANNA] as const)).toEqual(EXPECTED_VALUES);
    };

    it('Amplitude answers 500', async () => {
      const capture = await startCapture();
      capture.setStatus(500);
      const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
      const failed = page.waitForResponse((response) => response.url() === capture.serverUrl && response.status() === 500, { timeout: 15_000 });
      await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
      await run(page);
      await failed;
      expect(pageErrors).toEqual([]);
    });

    it('Amplitude is not listening', async () => {
      const capture = await startCapture();
      const serverUrl = capture.serverUrl;
      await capture.close();
      const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
      const failed = page.waitForEvent('requestfailed', { predicate: (request) => request.url() === serverUrl, timeout: 15_000 });
      await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
      await run(page);
      await failed;
      expect(pageErrors).toEqual([]);
    });

    it('an Amplitude call throws: logged once, never thrown into ConfigCat', async () => {
      const capture = await startCapture();
      const { page, pageErrors, consoleMessages } = await openBundledPage(project, 'browser-page-js.ts', { throwingAmplitude: true });
      await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
      await run(page);
      const logged = consoleMessages.filter((message) => message.text().includes('[configcat-amplitude]'));
      expect(logged.map((message) => message.type())).toEqual(['error']);
      expect(logged[0]!.text()).toContain('Could not send a flag exposure to Amplitude');
      expect(pageErrors).toEqual([]);
      // Nothing was sent: track threw before anything was queued.
      const events = await settle(page, capture, 'after-throws');
      expect(events.map(shape)).toEqual([sentinel('after-throws')]);
    });
  });
});

describe('browser JS, JavaScript output (value variants, --no-identify)', () => {
  it('sends exposures with the values as variants and no Identify', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-vite-js', platform: 'js', language: 'js', framework: 'vite', variant: 'value', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
    expect(await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [DEFAULTS, ANNA] as const)).toEqual(EXPECTED_VALUES);
    await page.evaluate(([defaults, user]) => window.harness.evaluateEveryWay(defaults, user), [DEFAULTS, ANNA] as const);
    const events = await settle(page, capture, 'value');
    expect(events.map(shape)).toEqual([
      ...eventsOf(
        [
          { flag: 'newCheckout', variant: 'true', variationId: 'vid-checkout-on' },
          { flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' },
          { flag: 'layout', variant: LAYOUT, variationId: 'vid-layout-json' },
          { flag: 'hero', variant: HERO, variationId: 'vid-hero-long' },
          { flag: 'discount', variant: '10', variationId: 'vid-discount-10' },
        ],
        false,
      ),
      sentinel('value'),
    ]);
    expect(events.some((event) => event.event_type === '$identify')).toBe(false);
    expectNothingPrivate(capture);
    expect(pageErrors).toEqual([]);
  });
});

describe('React: ConfigCatAmplitudeProvider + useFeatureFlag (TypeScript, Vite, variation ID variants, StrictMode)', () => {
  it('sends one exposure per flag and variant, none for re-renders, one for a changed variant', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-react-vite-ts', platform: 'react', language: 'ts', framework: 'vite', variant: 'variationId' });
    const capture = await startCapture();
    // The provider reads its SDK key from VITE_CONFIGCAT_SDK_KEY, as Vite replaces it.
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-react.tsx', {
      define: { 'import.meta.env.VITE_CONFIGCAT_SDK_KEY': JSON.stringify(TEST_SDK_KEY) },
    });
    const deviceId: string = await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl });
    const loaded = { newCheckout: 'true', theme: 'dark', layout: LAYOUT, discount: '10', noSuchFlag: 'fallback' };
    await page.waitForFunction((expected) => JSON.stringify(window.harness.values()) === JSON.stringify(expected), loaded, { timeout: 15_000 });
    expect(await page.evaluate(() => window.harness.callerHookCalls())).toBeGreaterThan(0);

    // Re-renders evaluate again (and configcat-react re-renders on clientReady): nothing new.
    const rendersBefore: number = await page.evaluate(() => window.harness.renders());
    for (let i = 0; i < 3; i += 1) await page.evaluate(() => window.harness.rerender());
    await page.waitForFunction((before) => window.harness.renders() >= before + 3, rendersBefore, { timeout: 15_000 });
    let events = await settle(page, capture, 'rendered');
    const first = [
      ...eventsOf(
        [
          { flag: 'newCheckout', variant: 'vid-checkout-on', variationId: 'vid-checkout-on' },
          { flag: 'theme', variant: 'vid-theme-dark', variationId: 'vid-theme-dark' },
          { flag: 'layout', variant: 'vid-layout-json', variationId: 'vid-layout-json' },
          { flag: 'discount', variant: 'vid-discount-10', variationId: 'vid-discount-10' },
        ],
        true,
      ),
      sentinel('rendered'),
    ];
    // Components evaluate concurrently, so their order is not fixed: compared as a set.
    expect(sortedJson(events.map(shape))).toEqual(sortedJson(first));

    // A user who matches the targeting rule: only the flag whose variant changed is sent.
    await page.evaluate((user) => window.harness.setUser(user), ANNA_AT_EXAMPLE);
    await page.waitForFunction(() => window.harness.values()['newCheckout'] === 'false', undefined, { timeout: 15_000 });
    const afterRule = [...eventsOf([{ flag: 'newCheckout', variant: 'vid-checkout-off', variationId: 'vid-checkout-off' }], true), sentinel('rule')];
    events = await settle(page, capture, 'rule');
    expect(events.slice(first.length).map(shape)).toEqual(afterRule);

    // A config change: the provider re-renders on configChanged; one exposure for the new variant.
    configServer.setConfig(buildConfig(CHANGED_FLAGS));
    expect(await page.evaluate(() => window.harness.refresh())).toBe(true);
    await page.waitForFunction(() => window.harness.values()['theme'] === 'light', undefined, { timeout: 15_000 });
    const afterChange = [...eventsOf([{ flag: 'theme', variant: 'vid-theme-light', variationId: 'vid-theme-light' }], true), sentinel('change')];
    events = await settle(page, capture, 'change');
    expect(events.slice(first.length + afterRule.length).map(shape)).toEqual(afterChange);

    for (const event of events.filter((candidate) => candidate.event_type !== 'test:sentinel')) {
      expect(event.device_id).toBe(deviceId);
      expect(event.user_id).toBeUndefined();
    }
    expectNothingPrivate(capture);
    expect(pageErrors).toEqual([]);
    configServer.setConfig(buildConfig(FLAGS));
  });
});

describe('React: ConfigCatAmplitudeProvider when the app created the ConfigCat client first', () => {
  it('still sends each exposure, once', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-react-existing-client', platform: 'react', language: 'ts', framework: 'vite', variant: 'value' });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-react.tsx', {
      define: { 'import.meta.env.VITE_CONFIGCAT_SDK_KEY': JSON.stringify(TEST_SDK_KEY) },
    });
    await page.evaluate((options) => window.harness.start(options), {
      apiKey: API_KEY,
      serverUrl: capture.serverUrl,
      baseUrl: configServer.baseUrl,
      existingClientKey: TEST_SDK_KEY,
    });
    await page.waitForFunction(() => window.harness.values()['newCheckout'] === 'true', undefined, { timeout: 15_000 });
    for (let i = 0; i < 2; i += 1) await page.evaluate(() => window.harness.rerender());
    const events = await settle(page, capture, 'existing');
    // ConfigCat hands the provider the existing client, whose hooks its setupHooks never reach: the
    // provider attaches to that client instead, once.
    const exposures = events.filter((event) => event.event_type === '$exposure').map((event) => event.event_properties?.['flag_key']);
    expect(exposures.sort()).toEqual(['discount', 'layout', 'newCheckout', 'theme']);
    expect(pageErrors).toEqual([]);
  });
});

function sortedJson(values: readonly object[]): string[] {
  return values.map((value) => JSON.stringify(value)).sort();
}

describe('browser JS edges: consent, several ConfigCat Users', () => {
  it('sends exposures evaluated while opted out once the visitor opts in, and keeps each ConfigCat User apart', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-edges', platform: 'js', language: 'ts', framework: 'vite', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });

    // 5. No consent yet: Amplitude drops events, so the exposure must not count as sent.
    await page.evaluate(() => window.harness.setOptOut(true));
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ theme: 'none' }, ANNA] as const);
    await page.evaluate(() => window.harness.setOptOut(false));
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ theme: 'none' }, ANNA] as const);

    // 3. An admin page evaluating for two ConfigCat Users, re-rendered three times: one exposure each.
    const customerOn = { identifier: 'customer-1', email: 'one@corp.test' };
    const customerOff = { identifier: 'customer-2', email: 'two@example.com' };
    for (let render = 0; render < 3; render += 1) {
      for (const customer of [customerOn, customerOff]) {
        await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ newCheckout: false }, customer] as const);
      }
    }
    const events = await settle(page, capture, 'edges');
    expect(events.map(shape)).toEqual([
      ...eventsOf([{ flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' }], false),
      ...eventsOf(
        [
          { flag: 'newCheckout', variant: 'true', variationId: 'vid-checkout-on' },
          { flag: 'newCheckout', variant: 'false', variationId: 'vid-checkout-off' },
        ],
        false,
      ),
      sentinel('edges'),
    ]);
    expect(pageErrors).toEqual([]);
  });
});

describe('browser JS edges: one exposure per browser session', () => {
  it('a page load in the same session does not send the exposure again, even when its flags are read before Amplitude starts; a flag not yet seen is sent', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-session', platform: 'js', language: 'js', framework: 'vite', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    const start = () => page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
    const deviceId = await start();
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ theme: 'none' }, ANNA] as const);
    await settle(page, capture, 'first-load');

    await page.reload();
    await page.waitForFunction(() => 'harness' in window, undefined, { timeout: 15_000 });
    expect(await start()).toBe(deviceId);
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ theme: 'none', discount: 0 }, ANNA] as const);
    await settle(page, capture, 'second-load');

    // A page whose flags are read before Amplitude has loaded its visitor (a cached config): the
    // exposures wait, and those the session sent already stay unsent.
    await page.reload();
    await page.waitForFunction(() => 'harness' in window, undefined, { timeout: 15_000 });
    const earlyReads = { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY };
    expect(await page.evaluate(([options, defaults, user]) => window.harness.evaluateThenStart(options, defaults, user), [earlyReads, { theme: 'none', discount: 0, newCheckout: false }, ANNA] as const)).toBe(deviceId);
    const events = await settle(page, capture, 'third-load');
    expect(events.map(shape)).toEqual([
      ...eventsOf([{ flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' }], false),
      sentinel('first-load'),
      ...eventsOf([{ flag: 'discount', variant: '10', variationId: 'vid-discount-10' }], false),
      sentinel('second-load'),
      ...eventsOf([{ flag: 'newCheckout', variant: 'true', variationId: 'vid-checkout-on' }], false),
      sentinel('third-load'),
    ]);
    expect(pageErrors).toEqual([]);
  });
});

describe('browser JS edges: missing keys, flags never shown', () => {
  it('without keys nothing throws, each missing key is said once, and flags serve their defaults', async () => {
    const project = await generateBrowserProject({ name: 'wiring-js-missing-keys', platform: 'js', language: 'ts', framework: 'vite' });
    const { page, pageErrors, consoleMessages } = await openBundledPage(project, 'browser-page-js.ts', {
      define: { 'import.meta.env.VITE_CONFIGCAT_SDK_KEY': 'undefined', 'import.meta.env.VITE_AMPLITUDE_API_KEY': 'undefined' },
    });
    expect(await page.evaluate((defaults) => window.harness.withoutKeys(defaults), { theme: 'none' })).toEqual({ threw: [], values: { theme: 'none' } });
    const logged = consoleMessages.filter((message) => message.text().includes('[configcat-amplitude]')).map((message) => message.text());
    expect(logged.filter((text) => text.includes('VITE_AMPLITUDE_API_KEY'))).toHaveLength(1);
    expect(logged.filter((text) => text.includes('VITE_CONFIGCAT_SDK_KEY'))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('React without keys: the app renders with every flag at its default, each missing key is said once, and nothing throws', async () => {
    const project = await generateBrowserProject({ name: 'wiring-react-missing-keys', platform: 'react', language: 'ts', framework: 'vite' });
    const { page, pageErrors, consoleMessages } = await openBundledPage(project, 'browser-page-react.tsx', {
      define: { 'import.meta.env.VITE_CONFIGCAT_SDK_KEY': 'undefined', 'import.meta.env.VITE_AMPLITUDE_API_KEY': 'undefined' },
    });
    await page.evaluate(() => window.harness.startFromEnvironment());
    const defaults = { newCheckout: 'false', theme: 'none', layout: 'none', discount: '0', noSuchFlag: 'fallback' };
    await page.waitForFunction((expected) => JSON.stringify(window.harness.values()) === JSON.stringify(expected), defaults, { timeout: 15_000 });
    const logged = consoleMessages.filter((message) => message.text().includes('[configcat-amplitude]')).map((message) => message.text());
    expect(logged.filter((text) => text.includes('VITE_AMPLITUDE_API_KEY'))).toHaveLength(1);
    expect(logged.filter((text) => text.includes('VITE_CONFIGCAT_SDK_KEY'))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('getAllValuesAsync and getAllValueDetailsAsync expose nothing; the flag the page reads does', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-every-flag', platform: 'js', language: 'js', framework: 'vite', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
    expect(await page.evaluate((user) => window.harness.everyFlagAtOnce(user), ANNA)).toBe(2 * Object.keys(FLAGS).length);
    await page.evaluate(([defaults, user]) => window.harness.evaluate(defaults, user), [{ discount: 0 }, ANNA] as const);
    const events = await settle(page, capture, 'every-flag');
    expect(events.map(shape)).toEqual([...eventsOf([{ flag: 'discount', variant: '10', variationId: 'vid-discount-10' }], false), sentinel('every-flag')]);
    expect(pageErrors).toEqual([]);
  });

  it('a client wired through setupHooks (as configcat-vue wires it): the bulk methods expose nothing; the flag the page reads does', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-every-flag-hooks', platform: 'js', language: 'js', framework: 'vite', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
    const hookedKey = sdkKey('BROWSER-HOOKS');
    expect(await page.evaluate(([key, baseUrl, user]) => window.harness.everyFlagThroughSetupHooks(key, baseUrl, 'discount', 0, user), [hookedKey, configServer.baseUrl, ANNA] as const)).toBe(
      2 * Object.keys(FLAGS).length,
    );
    const events = await settle(page, capture, 'every-flag-hooks');
    expect(events.map(shape)).toEqual([...eventsOf([{ flag: 'discount', variant: '10', variationId: 'vid-discount-10' }], false), sentinel('every-flag-hooks')]);
    expect(pageErrors).toEqual([]);
  });

  it('without a User, or for the default User, the bulk methods expose nothing; a flag the page reads meanwhile without a User does', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-every-flag-no-user', platform: 'js', language: 'js', framework: 'vite', identify: false });
    const capture = await startCapture();
    const { page, pageErrors } = await openBundledPage(project, 'browser-page-js.ts');
    await page.evaluate((options) => window.harness.start(options), { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY });
    const flagCount = Object.keys(FLAGS).length;
    expect(await page.evaluate(([key, user]) => window.harness.everyFlagWithoutUser(key, 'none', user), ['theme', ANNA] as const)).toBe(4 * flagCount);
    const events = await settle(page, capture, 'every-flag-no-user');
    expect(events.map(shape)).toEqual([...eventsOf([{ flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' }], false), sentinel('every-flag-no-user')]);
    expect(pageErrors).toEqual([]);
  });
});

describe('browser JS at the edges a production page reaches', () => {
  /** The edges page imports the generated module and a byte-identical copy of it, as a bundle with two copies would. */
  function openEdgesPage(project: BrowserProject): Promise<OpenedPage> {
    copyFileSync(join(project.dir, 'src/configcat-amplitude.js'), join(project.dir, 'src/configcat-amplitude-copy.js'));
    return openBundledPage(project, 'browser-page-edges.ts');
  }

  it('--track-default-values: a fallback read before the config loads is told apart, and the real value that follows is still sent', async () => {
    configServer.setConfig(buildConfig({ ...FLAGS, promo: { value: false, variationId: 'vid-promo-off' } }));
    const project = await generateBrowserProject({ name: 'wiring-js-defaults', platform: 'js', language: 'js', framework: 'vite', identify: false, trackDefaultValues: true });
    const capture = await startCapture();
    const { page, pageErrors } = await openEdgesPage(project);
    const options = { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY };
    expect(await page.evaluate(([start, user]) => window.harness.fallbackThenReal(start, 'promo', false, user), [options, ANNA] as const)).toEqual({ fallback: false, real: false });
    const events = await settle(page, capture, 'defaults');
    expect(events.map(shape)).toEqual([
      { event_type: '$exposure', event_properties: { flag_key: 'promo', variant: 'false (default)' } },
      ...eventsOf([{ flag: 'promo', variant: 'false', variationId: 'vid-promo-off' }], false),
      sentinel('defaults'),
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('the module twice in one bundle (a hot reload, two bundles): a client wired by both sends one exposure, a client only the copy wires sends its own', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-two-copies', platform: 'js', language: 'js', framework: 'vite', identify: true });
    const capture = await startCapture();
    const { page, pageErrors } = await openEdgesPage(project);
    const options = { apiKey: API_KEY, serverUrl: capture.serverUrl, baseUrl: configServer.baseUrl, sdkKey: TEST_SDK_KEY };
    const copySdkKey = sdkKey('BROWSER-COPY');
    expect(await page.evaluate(([start, key, user]) => window.harness.wiredByTwoCopies(start, key, 'theme', 'none', user), [options, copySdkKey, ANNA] as const)).toEqual({
      sameClient: true,
      twoModules: true,
      value: 'dark',
      copyValue: 'dark',
    });
    const events = await settle(page, capture, 'two-copies');
    const theme = eventsOf([{ flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' }], true);
    expect(events.map(shape)).toEqual([...theme, ...theme, sentinel('two-copies')]);
    expect(pageErrors).toEqual([]);
  });
});

describe("endpoints from the build's variables", () => {
  const EU = { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' };
  const viteVariables = (capture: CaptureServer) => ({
    'import.meta.env.VITE_CONFIGCAT_SDK_KEY': JSON.stringify(TEST_SDK_KEY),
    'import.meta.env.VITE_AMPLITUDE_API_KEY': JSON.stringify(API_KEY),
    'import.meta.env.VITE_CONFIGCAT_BASE_URL': JSON.stringify(configServer.baseUrl),
    'import.meta.env.VITE_AMPLITUDE_SERVER_URL': JSON.stringify(capture.serverUrl),
  });

  it('browser JS (Vite): with both set, the config comes from the stand-in and the exposures go to the capture server', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-js-endpoints', platform: 'js', language: 'ts', framework: 'vite', identify: false });
    const capture = await startCapture();
    const requestsBefore = configServer.requests();
    const { page, pageErrors, blockedHosts } = await openBundledPage(project, 'browser-page-js.ts', { define: viteVariables(capture) });
    await page.evaluate(() => window.harness.startFromEnvironment());
    expect(configServer.requests()).toBeGreaterThan(requestsBefore);
    expect(await page.evaluate((defaults) => window.harness.evaluate(defaults), { theme: 'none' })).toEqual({ theme: 'dark' });
    const events = await settle(page, capture, 'endpoints');
    expect(events.map(shape)).toEqual([...eventsOf([{ flag: 'theme', variant: 'dark', variationId: 'vid-theme-dark' }], false), sentinel('endpoints')]);
    expect(blockedHosts).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('React (Vite, EU answers): the provider and initAmplitude take both, before the EU hosts', async () => {
    configServer.setConfig(buildConfig(FLAGS));
    const project = await generateBrowserProject({ name: 'wiring-react-endpoints', platform: 'react', language: 'ts', framework: 'vite', identify: false, options: EU });
    const capture = await startCapture();
    const { page, pageErrors, blockedHosts } = await openBundledPage(project, 'browser-page-react.tsx', { define: viteVariables(capture) });
    await page.evaluate(() => window.harness.startFromEnvironment());
    await page.waitForFunction(() => window.harness.values()['theme'] === 'dark', undefined, { timeout: 15_000 });
    const events = await settle(page, capture, 'react-endpoints');
    expect(exposuresOf(events)).toEqual(['discount', 'layout', 'newCheckout', 'theme']);
    expect(blockedHosts).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    // No `process` in the page at all, as a bundler that replaces only the variables it was given leaves it.
    ['a bare bundler, EU answers, nothing defined', { framework: 'bundler', language: 'ts', options: EU }, {}, ['api.eu.amplitude.com', 'cdn-eu.configcat.com']],
    [
      'Create React App, JavaScript, both empty',
      { framework: 'cra', language: 'js' },
      { 'process.env': '{}', 'process.env.REACT_APP_CONFIGCAT_BASE_URL': '""', 'process.env.REACT_APP_AMPLITUDE_SERVER_URL': '""' },
      ['api2.amplitude.com', 'cdn-global.configcat.com'],
    ],
  ] as const)('browser JS on %s: the SDKs go to their own hosts', async (_name, shape, define, hosts) => {
    const project = await generateBrowserProject({ name: `wiring-js-default-endpoints-${shape.framework}`, platform: 'js', ...shape });
    const { page, pageErrors, blockedHosts } = await openBundledPage(project, 'browser-page-js.ts', { define });
    await page.evaluate(([apiKey, key]) => window.harness.startWithKeys(apiKey, key), [API_KEY, TEST_SDK_KEY] as const);
    const deadline = Date.now() + 15_000;
    while (!hosts.every((host) => blockedHosts.includes(host)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect([...new Set(blockedHosts)].sort()).toEqual(hosts);
    expect(pageErrors).toEqual([]);
  });
});

function exposuresOf(events: readonly AmplitudeEvent[]): string[] {
  return events.filter((event) => event.event_type === '$exposure').map((event) => String(event.event_properties?.['flag_key'])).sort();
}
