// Row 4 in its own process (run with --expose-gc): the generated hook's de-duplication cache
// under 1,000,000 distinct users on one flag, and its 24-hour lifetime, measured from outside:
// heap after a full GC, and what the hook hands to Amplitude. An enrichment plugin counts each
// event the hook sends and drops it, and Amplitude's queue is drained every 10,000 users, so the
// heap measured is the hook's own. (Opting Amplitude out would not do: the hook then remembers
// nothing, so that the exposures are sent after opt-in.) Prints one JSON line.
import * as amplitude from '@amplitude/analytics-node';
import { User } from '@configcat/sdk';

const { sdkKey, baseUrl, serverUrl, hookModule, users: userCount, flag } = JSON.parse(process.env.BENCH_MEMORY);
const hook = await import(hookModule);

const sent = { exposures: 0, identifies: 0 };
await hook.initAmplitude('bench-api-key', { serverUrl, logLevel: 0 });
await amplitude.add({
  name: 'bench-count-and-drop',
  type: 'enrichment',
  execute: async (event) => {
    if (event.event_type === '$exposure') sent.exposures += 1;
    else if (event.event_type === '$identify') sent.identifies += 1;
    return null;
  },
}).promise;
const client = hook.createConfigCatClient(sdkKey, { baseUrl, logger: null });
await client.waitForReady();

const realNow = Date.now;
let clockOffsetMs = 0;
Date.now = () => realNow() + clockOffsetMs;

const idOf = (i) => `user-${String(i).padStart(7, '0')}`;
// Amplitude's Node timeline takes one event per setTimeout(0) tick (about 1,000 a second) unless
// flushed; a flush runs the whole queue through the plugins at once.
const drain = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await amplitude.flush().promise;
};
const heapMb = async () => {
  await drain();
  for (let i = 0; i < 3; i += 1) globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
/** Evaluates the flag for the given user indexes; returns the exposures the hook sent. */
async function evaluate(indexes) {
  const before = sent.exposures;
  let snapshot = client.snapshot();
  let n = 0;
  for (const i of indexes) {
    snapshot.getValue(flag, false, new User(idOf(i)));
    if (++n % 10_000 === 0) {
      await drain();
      snapshot = client.snapshot();
    }
  }
  await drain();
  return sent.exposures - before;
}
const range = (from, to) => ({ *[Symbol.iterator]() { for (let i = from; i < to; i += 1) yield i; } });

// Warm the code paths with users outside the measured range, then forget nothing: the cache holds
// at most its cap, so the baseline includes these few entries only.
await evaluate(range(userCount, userCount + 100));
const baseline = await heapMb();
const checkpoints = [];
let done = 0;
for (const at of new Set([10_000, 50_000, 100_000, 250_000, userCount].filter((at) => at <= userCount))) {
  await evaluate(range(done, at));
  done = at;
  checkpoints.push({ users: at, heapGrowthMb: (await heapMb()) - baseline });
}

// Bounded by behaviour: the newest user is remembered, the first one was forgotten.
const newestResent = await evaluate([userCount - 1]);
const firstResent = await evaluate([0]);

// 24 hours: the 1,000 newest users are remembered now, and sent again once a day has passed.
const recent = range(userCount - 1000, userCount);
const resentNow = await evaluate(recent);
clockOffsetMs = 24 * 60 * 60 * 1000 + 1000;
// The hook reads the clock whenever a new user appears (and every 1,000 evaluations).
await evaluate([userCount + 1000]);
const resentAfterADay = await evaluate(recent);
const heapAfterADayMb = (await heapMb()) - baseline;

process.stdout.write(
  `${JSON.stringify({
    users: userCount,
    checkpoints,
    newestResent,
    firstResent,
    recentUsers: 1000,
    resentNow,
    resentAfterADay,
    heapAfterADayMb,
  })}\n`,
);
client.dispose();
process.exit(0);
