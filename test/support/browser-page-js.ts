/**
 * A browser JS app using the generated module; the test drives it through `window.harness`.
 * `generated/configcat-amplitude` is the generated file (resolved by browser-harness.ts).
 */
import * as amplitude from '@amplitude/analytics-browser';
import { createConsoleLogger, getClient, LogLevel, PollingMode, type IConfigCatClient, type IUser, type SettingValue } from '@configcat/sdk';
import { quietAmplitudeOptions, sendSentinel, testAmplitudeOptions } from './browser-page-amplitude';
// @ts-expect-error resolved by the bundling plugin to the generated project's file
import { amplitudeExposureHooks, attachAmplitudeExposures, createConfigCatClient, initAmplitude } from 'generated/configcat-amplitude';

export interface StartOptions {
  readonly apiKey: string;
  readonly serverUrl: string;
  readonly baseUrl: string;
  readonly sdkKey: string;
}

let client: IConfigCatClient | undefined;
let other: IConfigCatClient | undefined;
let detachOther: (() => void) | undefined;

function current(): IConfigCatClient {
  if (!client) throw new Error('call start first');
  return client;
}

async function valuesOf(target: IConfigCatClient, defaults: Record<string, SettingValue>, user?: IUser): Promise<Record<string, SettingValue>> {
  const values: Record<string, SettingValue> = {};
  for (const [key, defaultValue] of Object.entries(defaults)) values[key] = await target.getValueAsync(key, defaultValue, user);
  return values;
}

const harness = {
  async start(options: StartOptions): Promise<string | undefined> {
    await initAmplitude(options.apiKey, testAmplitudeOptions(options.serverUrl));
    client = createConfigCatClient(options.sdkKey, { baseUrl: options.baseUrl, pollIntervalSeconds: 3600 });
    await client.waitForReady();
    return amplitude.getDeviceId();
  },
  /**
   * The flags read before Amplitude is initialised (its visitor still loading), as an app whose
   * config is cached does on a page load: the exposures wait for Amplitude.
   */
  async evaluateThenStart(options: StartOptions, defaults: Record<string, SettingValue>, user?: IUser): Promise<string | undefined> {
    client = createConfigCatClient(options.sdkKey, { baseUrl: options.baseUrl, pollIntervalSeconds: 3600 });
    await client.waitForReady();
    await valuesOf(client, defaults, user);
    await initAmplitude(options.apiKey, testAmplitudeOptions(options.serverUrl));
    return amplitude.getDeviceId();
  },
  /** `initAmplitude()` and `createConfigCatClient()` with no arguments: keys and endpoints come from the build's variables. */
  async startFromEnvironment(): Promise<void> {
    await initAmplitude(undefined, quietAmplitudeOptions());
    client = createConfigCatClient();
    await client.waitForReady();
  },
  /** The keys given, the endpoints left to the wiring; a probe event shows where Amplitude sends. */
  async startWithKeys(apiKey: string, sdkKey: string): Promise<void> {
    await initAmplitude(apiKey, quietAmplitudeOptions());
    client = createConfigCatClient(sdkKey, { logger: createConsoleLogger(LogLevel.Off) });
    amplitude.track('endpoint-probe');
    amplitude.flush();
  },
  evaluate: (defaults: Record<string, SettingValue>, user?: IUser) => valuesOf(current(), defaults, user),
  /** The same evaluations through every other API that fires `flagEvaluated`. */
  async evaluateEveryWay(defaults: Record<string, SettingValue>, user?: IUser): Promise<void> {
    const snapshot = current().snapshot();
    for (const [key, defaultValue] of Object.entries(defaults)) {
      snapshot.getValue(key, defaultValue, user);
      await current().getValueDetailsAsync(key, defaultValue, user);
      await current().getValueAsync(key, defaultValue, user);
    }
  },
  setUserId: (userId: string) => amplitude.setUserId(userId),
  setOptOut: (optOut: boolean) => amplitude.setOptOut(optOut),
  identity: () => ({ deviceId: amplitude.getDeviceId(), userId: amplitude.getUserId() }),
  refresh: async () => (await current().forceRefreshAsync()).isSuccess,
  /** A client the app created itself, wired with `attachAmplitudeExposures`. */
  async attachToOwnClient(sdkKey: string, baseUrl: string, defaults: Record<string, SettingValue>): Promise<Record<string, SettingValue>> {
    other = getClient(sdkKey, PollingMode.AutoPoll, { baseUrl, pollIntervalSeconds: 3600 });
    await other.waitForReady();
    detachOther = attachAmplitudeExposures(other);
    return valuesOf(other, defaults);
  },
  detachAndEvaluate(defaults: Record<string, SettingValue>): Promise<Record<string, SettingValue>> {
    detachOther?.();
    if (!other) throw new Error('attach first');
    return valuesOf(other, defaults);
  },
  /** `createConfigCatClient` twice for a key whose client the app already created with `getClient`. */
  async createOverExisting(sdkKey: string, baseUrl: string, defaults: Record<string, SettingValue>): Promise<{ same: boolean; values: Record<string, SettingValue> }> {
    const existing = getClient(sdkKey, PollingMode.AutoPoll, { baseUrl, pollIntervalSeconds: 3600 });
    const first = createConfigCatClient(sdkKey, { baseUrl });
    const second = createConfigCatClient(sdkKey);
    await existing.waitForReady();
    return { same: first === existing && second === existing, values: await valuesOf(first, defaults) };
  },
  /** `initAmplitude()` and `createConfigCatClient()` with neither key set: what threw, and the values served. */
  async withoutKeys(defaults: Record<string, SettingValue>): Promise<{ threw: string[]; values?: Record<string, SettingValue> }> {
    const threw: string[] = [];
    let values: Record<string, SettingValue> | undefined;
    for (let i = 0; i < 2; i += 1) {
      try {
        await initAmplitude().catch((error: Error) => threw.push(`rejected: ${error.message}`));
      } catch (error) {
        threw.push(`initAmplitude: ${(error as Error).message}`);
      }
      try {
        const offline = createConfigCatClient(undefined, { logger: createConsoleLogger(LogLevel.Off) });
        values = await valuesOf(offline, defaults);
      } catch (error) {
        threw.push(`createConfigCatClient: ${(error as Error).message}`);
      }
    }
    return { threw, ...(values ? { values } : {}) };
  },
  /** What an admin page or a debug panel does: every flag at once, for a User. */
  async everyFlagAtOnce(user: IUser): Promise<number> {
    const details = await current().getAllValueDetailsAsync(user);
    const values = await current().getAllValuesAsync(user);
    return details.length + values.length;
  },
  /**
   * Every flag at once without a User (for the Amplitude visitor alone), while the page reads one flag
   * without a User at the same moment; then every flag for the client's default User.
   */
  async everyFlagWithoutUser(shownKey: string, shownDefault: SettingValue, defaultUser: IUser): Promise<number> {
    const [details, values, shown] = await Promise.all([current().getAllValueDetailsAsync(), current().getAllValuesAsync(), current().getValueAsync(shownKey, shownDefault)]);
    current().setDefaultUser(defaultUser);
    const forDefaultUser = (await current().getAllValueDetailsAsync()).length + (await current().getAllValuesAsync()).length;
    current().clearDefaultUser();
    const read = values.find(({ settingKey }) => settingKey === shownKey)?.settingValue;
    return read === shown ? details.length + values.length + forDefaultUser : -1;
  },
  /** A client wired through `setupHooks` (as configcat-vue's plugin is): every flag at once, then one flag read. */
  async everyFlagThroughSetupHooks(sdkKey: string, baseUrl: string, shownKey: string, shownDefault: SettingValue, user: IUser): Promise<number> {
    const hooked = getClient(sdkKey, PollingMode.AutoPoll, { baseUrl, pollIntervalSeconds: 3600, setupHooks: amplitudeExposureHooks });
    await hooked.waitForReady();
    const all = (await hooked.getAllValueDetailsAsync(user)).length + (await hooked.getAllValuesAsync(user)).length;
    await hooked.getValueAsync(shownKey, shownDefault, user);
    return all;
  },
  /** An ordinary event after everything else: once it arrives, everything sent before it has. */
  sentinel: sendSentinel,
};

Object.assign(window, { harness });
