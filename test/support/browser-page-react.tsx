/**
 * A React app using the generated provider and `useFeatureFlag`; the test drives it through
 * `window.harness`. The SDK key comes from the environment variable the bundler replaces.
 */
import * as amplitude from '@amplitude/analytics-browser';
import { getClient, PollingMode } from '@configcat/sdk';
import { quietAmplitudeOptions, sendSentinel, testAmplitudeOptions } from './browser-page-amplitude';
import { useConfigCatClient, useFeatureFlag, type IConfigCatClient, type IUser } from 'configcat-react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
// @ts-expect-error resolved by the bundling plugin to the generated project's file
import { ConfigCatAmplitudeProvider } from 'generated/ConfigCatAmplitudeProvider';
// @ts-expect-error resolved by the bundling plugin to the generated project's file
import { initAmplitude } from 'generated/configcat-amplitude';

let rerender: (() => void) | undefined;
let setUser: ((user: IUser) => void) | undefined;
let client: IConfigCatClient | undefined;
let renders = 0;
let callerHookCalls = 0;

function Flag({ name, defaultValue, user }: { name: string; defaultValue: boolean | string | number; user: IUser }) {
  const { value, loading } = useFeatureFlag(name, defaultValue, user);
  return (
    <li data-flag={name} data-loading={String(loading)}>
      {String(value)}
    </li>
  );
}

function App() {
  const [tick, setTick] = useState(0);
  const [user, setUserState] = useState<IUser>({ identifier: 'user-1', email: 'anna@corp.test', country: 'Hungary', custom: { plan: 'gold' } });
  const configCatClient = useConfigCatClient();
  useEffect(() => {
    rerender = () => setTick((value) => value + 1);
    setUser = setUserState;
    client = configCatClient;
  }, [configCatClient]);
  useEffect(() => {
    renders += 1;
  });
  return (
    <ul data-tick={tick}>
      <Flag name="newCheckout" defaultValue={false} user={user} />
      <Flag name="theme" defaultValue="none" user={user} />
      <Flag name="layout" defaultValue="none" user={user} />
      <Flag name="discount" defaultValue={0} user={user} />
      <Flag name="noSuchFlag" defaultValue="fallback" user={user} />
    </ul>
  );
}

const harness = {
  /**
   * `existingClientKey`: the app made its ConfigCat client for this key before rendering the
   * provider, so ConfigCat hands the provider that client; its `setupHooks` then only reach a
   * hooks object that ConfigCat discards.
   */
  async start(options: { apiKey: string; serverUrl: string; baseUrl: string; existingClientKey?: string }): Promise<string | undefined> {
    if (options.existingClientKey) getClient(options.existingClientKey, PollingMode.AutoPoll, { baseUrl: options.baseUrl, pollIntervalSeconds: 3600 });
    await initAmplitude(options.apiKey, testAmplitudeOptions(options.serverUrl));
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ConfigCatAmplitudeProvider
          options={ {
            baseUrl: options.baseUrl,
            pollIntervalSeconds: 3600,
            setupHooks: (hooks) => {
              hooks.on('clientReady', () => undefined);
              callerHookCalls += 1;
            },
          } }
        >
          <App />
        </ConfigCatAmplitudeProvider>
      </StrictMode>,
    );
    return amplitude.getDeviceId();
  },
  /** The provider with no props and `initAmplitude()` with no key: everything from the build's variables. */
  async startFromEnvironment(): Promise<void> {
    await initAmplitude(undefined, quietAmplitudeOptions());
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ConfigCatAmplitudeProvider>
          <App />
        </ConfigCatAmplitudeProvider>
      </StrictMode>,
    );
  },
  values: () =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-flag]')].map((element) => [element.getAttribute('data-flag'), element.getAttribute('data-loading') === 'true' ? null : element.textContent]),
    ),
  rerender: () => rerender?.(),
  renders: () => renders,
  callerHookCalls: () => callerHookCalls,
  setUser: (user: IUser) => setUser?.(user),
  refresh: async () => (await client!.forceRefreshAsync()).isSuccess,
  sentinel: sendSentinel,
};

Object.assign(window, { harness });
