/**
 * A browser JS app at the wiring's edges, driven through `window.harness`: a fallback value before the
 * config loads, and the generated module present twice in one bundle (a hot reload, or two bundles of
 * one page). `generated/configcat-amplitude-copy` is a byte-identical copy the test writes beside it.
 */
import { createConsoleLogger, LogLevel, type IUser, type SettingValue } from '@configcat/sdk';
import { sendSentinel, testAmplitudeOptions } from './browser-page-amplitude';
import type { StartOptions } from './browser-page-js';
// @ts-expect-error resolved by the bundling plugin to the generated project's file
import * as wiring from 'generated/configcat-amplitude';
// @ts-expect-error resolved by the bundling plugin to the copy of the generated file
import * as copy from 'generated/configcat-amplitude-copy';

const harness = {
  /** A flag read while the client has no config (offline, as after a failed download), then after it loads. */
  async fallbackThenReal(options: StartOptions, key: string, defaultValue: SettingValue, user: IUser): Promise<{ fallback: SettingValue; real: SettingValue }> {
    await wiring.initAmplitude(options.apiKey, testAmplitudeOptions(options.serverUrl));
    const client = wiring.createConfigCatClient(options.sdkKey, { baseUrl: options.baseUrl, offline: true, logger: createConsoleLogger(LogLevel.Off) });
    const fallback: SettingValue = await client.getValueAsync(key, defaultValue, user);
    client.setOnline();
    await client.forceRefreshAsync();
    const real: SettingValue = await client.getValueAsync(key, defaultValue, user);
    return { fallback, real };
  },
  /**
   * One client wired by both copies of the module, through both entry points, and one client only the
   * copy wires (another config); a flag read once on each. Storage is blocked (as with cookies
   * blocked), so the session's record cannot hide a second listener.
   */
  async wiredByTwoCopies(
    options: StartOptions,
    copySdkKey: string,
    key: string,
    defaultValue: SettingValue,
    user: IUser,
  ): Promise<{ sameClient: boolean; twoModules: boolean; value: SettingValue; copyValue: SettingValue }> {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    await wiring.initAmplitude(options.apiKey, testAmplitudeOptions(options.serverUrl));
    const first = wiring.createConfigCatClient(options.sdkKey, { baseUrl: options.baseUrl, pollIntervalSeconds: 3600 });
    const second = copy.createConfigCatClient(options.sdkKey, { baseUrl: options.baseUrl });
    copy.attachAmplitudeExposures(first);
    await first.waitForReady();
    const value: SettingValue = await first.getValueAsync(key, defaultValue, user);
    const copyOnly = copy.createConfigCatClient(copySdkKey, { baseUrl: options.baseUrl, pollIntervalSeconds: 3600 });
    await copyOnly.waitForReady();
    const copyValue: SettingValue = await copyOnly.getValueAsync(key, defaultValue, user);
    return { sameClient: first === second, twoModules: copy.createConfigCatClient !== wiring.createConfigCatClient, value, copyValue };
  },
  sentinel: sendSentinel,
};

Object.assign(window, { harness });
