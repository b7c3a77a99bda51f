// The local stand-ins the hook benchmarks talk to: ConfigCat's CDN (test/support/config-server.ts,
// compiled) and a counting Amplitude HTTP API. The test capture server keeps every event, which
// for the documentation snippet's 2,000,000 events is gigabytes; this one only counts.
import { createServer } from 'node:http';
import { SERVERS_MODULE } from './prepare.js';

/** 10 flags: percentage rollouts by identifier, a targeting rule, text (short and JSON), numbers. */
/**
 * ConfigCat validates the key's format even with a custom baseUrl: 22 characters on each side.
 * The bench has its own keys, so a change to test/support's key cannot break it.
 */
export const SDK_KEY = 'configcat-sdk-1/BENCH-KEY-0123456789ab/BENCH-KEY-0123456789ab';
/** A second key, for a second client in the same process (ConfigCat keeps one client per key). */
export const OTHER_SDK_KEY = 'configcat-sdk-1/BENCH-KEY-0123456789ab/BENCH-KEY-0123456789cd';
export const FLAG_COUNT = 10;
export const USER_COUNT = 1000;

function flagSpecs() {
  const split = (on, off, a, b) => [
    { percentage: 50, value: on, variationId: a },
    { percentage: 50, value: off, variationId: b },
  ];
  return {
    newCheckout: { value: false, variationId: 'v-co-off', percentages: split(true, false, 'v-co-on', 'v-co-off') },
    darkMode: { value: false, variationId: 'v-dm-off', percentages: split(true, false, 'v-dm-on', 'v-dm-off') },
    fastSearch: { value: false, variationId: 'v-fs-off', percentages: split(true, false, 'v-fs-on', 'v-fs-off') },
    betaBanner: { value: false, variationId: 'v-bb-off', rules: [{ emailContains: ['@beta.example'], value: true, variationId: 'v-bb-on' }] },
    buttonColor: { value: 'red', variationId: 'v-bc-red', percentages: split('green', 'red', 'v-bc-green', 'v-bc-red') },
    pricingTier: { value: 'basic', variationId: 'v-pt-basic', percentages: split('premium', 'basic', 'v-pt-premium', 'v-pt-basic') },
    layoutJson: {
      value: '{"columns":2,"sidebar":"left"}',
      variationId: 'v-lj-two',
      percentages: split('{"columns":3,"sidebar":"right"}', '{"columns":2,"sidebar":"left"}', 'v-lj-three', 'v-lj-two'),
    },
    pageSize: { value: 20, variationId: 'v-ps-20', percentages: split(50, 20, 'v-ps-50', 'v-ps-20') },
    discountRate: { value: 0.1, variationId: 'v-dr-10', percentages: split(0.25, 0.1, 'v-dr-25', 'v-dr-10') },
    maintenanceMode: { value: false, variationId: 'v-mm-off' },
  };
}

export async function startServers() {
  const { startConfigServer, buildConfig } = await import(SERVERS_MODULE);
  const specs = flagSpecs();
  const configServer = await startConfigServer(buildConfig(specs));
  const capture = await startCountingServer();
  return {
    sdkKey: SDK_KEY,
    otherSdkKey: OTHER_SDK_KEY,
    baseUrl: configServer.baseUrl,
    serverUrl: capture.serverUrl,
    /** Flag key → the default value of its type, as an app would pass to getValue. */
    flags: Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, defaultOf(spec.value)])),
    capture,
    close: async () => {
      await configServer.close();
      await capture.close();
    },
  };
}

function defaultOf(value) {
  if (typeof value === 'boolean') return false;
  if (typeof value === 'string') return '';
  return 0;
}

/** Counts events by type and the distinct (user, flag, variant) of the exposures. */
async function startCountingServer() {
  let counts = newCounts();
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const event of body.events ?? []) {
          counts.events += 1;
          if (event.event_type === '$exposure') {
            counts.exposures += 1;
            const p = event.event_properties ?? {};
            counts.distinct.add(`${event.user_id}\u0000${p.flag_key}\u0000${p.variant}`);
          } else if (event.event_type === '$identify') counts.identifies += 1;
        }
        counts.requests += 1;
      } catch {
        counts.bad += 1;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":200,"events_ingested":0}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serverUrl: `http://127.0.0.1:${server.address().port}/2/httpapi`,
    /** Returns the counts since the last call, and starts counting afresh. */
    take: () => {
      const taken = counts;
      counts = newCounts();
      return { ...taken, distinct: taken.distinct.size };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function newCounts() {
  return { requests: 0, events: 0, exposures: 0, identifies: 0, bad: 0, distinct: new Set() };
}
