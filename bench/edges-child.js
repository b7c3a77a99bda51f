// The edges rows in their own process (run with --expose-gc), with the real SDKs and the generated
// hook. BENCH_EDGES.mode:
// - `eviction`: the cost of an evaluation for a new user while the de-duplication cache is below its
//   cap vs. once it is full (each new user then evicts one). Each round imports a fresh copy of the
//   module (its own, empty cache, its own ConfigCat client), warmed with as many other new users, for
//   "below", and evaluates as many new
//   users on a copy filled to the cap for "at cap", alternating which goes first; CPU time of the
//   evaluation loop only (Amplitude's queue is drained, untimed, after each). An enrichment plugin
//   drops every event, so nothing is sent.
// - `memory`: heap growth (heapUsed after full GCs) as 1,000,000 distinct users evaluate one flag,
//   with Amplitude initialised (events dropped by a plugin) or never initialised.
// Prints one JSON line.
import * as amplitude from '@amplitude/analytics-node';
import { User } from '@configcat/sdk';

const settings = JSON.parse(process.env.BENCH_EDGES);
const { mode, baseUrl, serverUrl, hookModule, flag } = settings;
const configcatOptions = { baseUrl, logger: null };
const sdkKeyOf = (name) => {
  const part = `BENCH-EDGES-${name}`.padEnd(22, '0').slice(0, 22);
  return `configcat-sdk-1/${part}/${part}`;
};
const drain = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await amplitude.flush().promise;
};
const dropEverything = () =>
  amplitude.add({ name: 'bench-drop', type: 'enrichment', execute: async () => null }).promise;

async function wiredCopy(name) {
  const copy = await import(`${hookModule}?copy=${name}`);
  const client = copy.createConfigCatClient(sdkKeyOf(name), configcatOptions);
  await client.waitForReady();
  return { copy, client };
}

function timedNewUsers(client, users) {
  const snapshot = client.snapshot();
  const start = process.cpuUsage();
  for (const user of users) snapshot.getValue(flag, false, user);
  const cpu = process.cpuUsage(start);
  return (cpu.user + cpu.system) / users.length; // µs per evaluation
}

if (mode === 'eviction') {
  const { cap, batch, rounds } = settings;
  const first = await import(hookModule);
  await first.initAmplitude('bench-api-key', { serverUrl, logLevel: 0 });
  await dropEverything();
  const full = await wiredCopy('full');
  // Fill the full copy's cache to its cap, in slices so Amplitude's queue stays small.
  for (let i = 0; i < cap; i += 10_000) {
    const snapshot = full.client.snapshot();
    for (let j = i; j < Math.min(cap, i + 10_000); j += 1) snapshot.getValue(flag, false, new User(`fill-${j}`));
    await drain();
  }
  let next = 0;
  const freshUsers = () => Array.from({ length: batch }, () => new User(`new-user-${String(next++).padStart(8, '0')}`));
  const pairs = [];
  for (let r = 0; r < rounds; r += 1) {
    const below = await wiredCopy(`below-${r}`);
    // A fresh copy's functions are not optimised yet: warm them (untimed) with as many other new users,
    // which leaves its cache far below the cap.
    timedNewUsers(below.client, freshUsers());
    await drain();
    const belowUsers = freshUsers();
    const atCapUsers = freshUsers();
    globalThis.gc?.();
    const measure = { below: () => timedNewUsers(below.client, belowUsers), atCap: () => timedNewUsers(full.client, atCapUsers) };
    const order = r % 2 === 0 ? ['below', 'atCap'] : ['atCap', 'below'];
    const result = {};
    for (const which of order) {
      result[which] = measure[which]();
      await drain();
    }
    below.client.dispose();
    pairs.push(result);
  }
  process.stdout.write(`${JSON.stringify({ mode, cap, batch, pairs })}\n`);
} else {
  const { users: userCount, initialise } = settings;
  const hook = await import(hookModule);
  if (initialise) {
    await hook.initAmplitude('bench-api-key', { serverUrl, logLevel: 0 });
    await dropEverything();
  }
  const client = hook.createConfigCatClient(sdkKeyOf(initialise ? 'with-init' : 'no-init'), configcatOptions);
  await client.waitForReady();
  const heapMb = async () => {
    if (initialise) await drain();
    for (let i = 0; i < 3; i += 1) globalThis.gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  let done = 0;
  const evaluateUpTo = async (to) => {
    let snapshot = client.snapshot();
    for (; done < to; done += 1) {
      snapshot.getValue(flag, false, new User(`user-${String(done).padStart(7, '0')}`));
      if (done % 10_000 === 9_999) {
        if (initialise) await drain();
        snapshot = client.snapshot();
      }
    }
  };
  await evaluateUpTo(100);
  const baseline = await heapMb();
  const checkpoints = [];
  for (const at of [50_000, 100_000, 250_000, 500_000, userCount].filter((at, i, all) => at <= userCount && all.indexOf(at) === i)) {
    await evaluateUpTo(at);
    checkpoints.push({ users: at, heapGrowthMb: (await heapMb()) - baseline });
  }
  process.stdout.write(`${JSON.stringify({ mode, initialise, users: userCount, checkpoints })}\n`);
}
process.exit(0);
