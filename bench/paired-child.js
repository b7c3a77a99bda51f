// Row 2, paired in one process: two ConfigCat clients (ConfigCat keeps one per SDK key, so two
// keys, both served the same config by the local CDN), (a) without a hook and (b) with the
// generated hook, evaluating the same 10 flags × 1,000 users. After a warm-up repeat each, their
// repeats alternate (ABBA…), so each pair runs within milliseconds of each other and a
// colleague's load hits both alike. Each repeat: one pass, a yield, an Amplitude flush; measured
// in CPU time of the process. Prints one JSON line with the per-pair ratios b/a.
import * as amplitude from '@amplitude/analytics-node';
import { getClient, PollingMode, User } from '@configcat/sdk';

const { sdkKey, otherSdkKey, baseUrl, serverUrl, flags, users: userCount, repeats, hookModule } = JSON.parse(process.env.BENCH_PAIRED);
const hook = await import(hookModule);
await hook.initAmplitude('bench-api-key', { serverUrl, logLevel: 0 });
const configcatOptions = { baseUrl, logger: null };
const clients = {
  a: getClient(otherSdkKey, PollingMode.AutoPoll, configcatOptions),
  b: hook.createConfigCatClient(sdkKey, configcatOptions),
};
await Promise.all(Object.values(clients).map((client) => client.waitForReady()));

const users = Array.from({ length: userCount }, (_, i) => {
  const id = `user-${String(i).padStart(6, '0')}`;
  return new User(id, i % 10 === 0 ? `${id}@beta.example` : `${id}@example.com`);
});
const flagEntries = Object.entries(flags);
let sink = 0;
async function timedRepeat(client) {
  const cpuStart = process.cpuUsage();
  const snapshot = client.snapshot();
  for (const user of users) {
    for (const [key, defaultValue] of flagEntries) {
      if (snapshot.getValue(key, defaultValue, user) === defaultValue) sink += 1;
    }
  }
  await new Promise((resolve) => setImmediate(resolve));
  await amplitude.flush().promise;
  const cpu = process.cpuUsage(cpuStart);
  return (cpu.user + cpu.system) / 1000;
}

await timedRepeat(clients.a);
await timedRepeat(clients.b);
globalThis.gc?.();
const ratios = [];
for (let r = 1; r < repeats; r += 1) {
  let a;
  let b;
  if (r % 2) {
    a = await timedRepeat(clients.a);
    b = await timedRepeat(clients.b);
  } else {
    b = await timedRepeat(clients.b);
    a = await timedRepeat(clients.a);
  }
  ratios.push(b / a);
}
const sorted = [...ratios].sort((x, y) => x - y);
process.stdout.write(`${JSON.stringify({ pairs: ratios.length, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), sink })}\n`);
for (const client of Object.values(clients)) client.dispose();
process.exit(0);
