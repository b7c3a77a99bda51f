// One run of row 2/3 in its own process: the real ConfigCat SDK (config from the local CDN) and
// the real Amplitude Node SDK (to the local counting API), evaluating 10 flags × 1,000 users
// through snapshot().getValue, `repeats` times. Variant a: no hook; b: the generated hook;
// c: ConfigCat's documented snippet; n: a listener that does nothing. The first repeat warms up (every (user, flag, variant) is
// seen, the JIT settles) and is not timed; each of the others is timed up to the end of its
// flush, so work an evaluation queues in Amplitude is counted too. Prints one JSON line.
// Run with --expose-gc so the warm-up's garbage is collected before timing, in every variant.
import * as amplitude from '@amplitude/analytics-node';
import { getClient, PollingMode, User } from '@configcat/sdk';

const { variant, sdkKey, baseUrl, serverUrl, flags, users: userCount, repeats, hookModule } = JSON.parse(process.env.BENCH_HOOK);
const amplitudeOptions = { serverUrl, logLevel: 0 };
const configcatOptions = { baseUrl, logger: null };

let client;
if (variant === 'b') {
  const hook = await import(hookModule);
  await hook.initAmplitude('bench-api-key', amplitudeOptions);
  client = hook.createConfigCatClient(sdkKey, configcatOptions);
} else {
  await amplitude.init('bench-api-key', amplitudeOptions).promise;
  client = getClient(sdkKey, PollingMode.AutoPoll, {
    ...configcatOptions,
    ...(variant === 'c' ? { setupHooks: (hooks) => hooks.on('flagEvaluated', documentedSnippet) } : {}),
    // n: a listener that does nothing, to tell the SDK's cost of a listener from the hook's own.
    ...(variant === 'n' ? { setupHooks: (hooks) => hooks.on('flagEvaluated', () => {}) } : {}),
  });
}
await client.waitForReady();

/**
 * The JavaScript/Node sample of https://configcat.com/docs/integrations/amplitude/ (configcat/docs,
 * website/docs/integrations/amplitude.mdx), with the user_id its Python and Go samples pass: on a
 * server an event needs one.
 */
function documentedSnippet(evaluationDetails) {
  amplitude.track(
    '$exposure',
    { flag_key: evaluationDetails.key, variant: evaluationDetails.value, variation_id: evaluationDetails.variationId },
    { user_id: evaluationDetails.user?.identifier },
  );
  const identifyEvent = new amplitude.Identify();
  identifyEvent.set('configcat_' + evaluationDetails.key, evaluationDetails.value);
  amplitude.identify(identifyEvent, { user_id: evaluationDetails.user?.identifier });
}

// Users as a server holds them per request; every tenth is matched by betaBanner's email rule.
const users = Array.from({ length: userCount }, (_, i) => {
  const id = `user-${String(i).padStart(6, '0')}`;
  return new User(id, i % 10 === 0 ? `${id}@beta.example` : `${id}@example.com`);
});
const flagEntries = Object.entries(flags);

let sink = 0;
function oneRepeat() {
  const snapshot = client.snapshot();
  for (const user of users) {
    for (const [key, defaultValue] of flagEntries) {
      const value = snapshot.getValue(key, defaultValue, user);
      if (value === defaultValue) sink += 1;
    }
  }
}
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

// Warm-up: every (user, flag, variant) is seen once and the JIT settles; not timed.
oneRepeat();
await amplitude.flush().promise;
await yieldToEventLoop();
globalThis.gc?.();

// Each timed repeat is one evaluation pass plus what a server does between requests: yield to
// the event loop and (as a careful server would, every variant alike) flush Amplitude's queue.
// Flushing per repeat keeps the snippet's queue small: with Amplitude's default 10 s schedule its
// queue grows, and analytics-core's Destination.removeEvents filters the whole queue per sent
// batch, which is quadratic. So c/a here is the snippet's best case.
// Each repeat is measured in CPU time of this process (user + system, all its threads) as well as
// wall time: on a shared machine, CPU time does not count the moments another process had the core.
const repeatMs = [];
const repeatCpuMs = [];
for (let r = 1; r < repeats; r += 1) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  oneRepeat();
  await yieldToEventLoop();
  await amplitude.flush().promise;
  const cpu = process.cpuUsage(cpuStart);
  repeatCpuMs.push((cpu.user + cpu.system) / 1000);
  repeatMs.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const medianOf = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const medianMs = medianOf(repeatMs);
const medianCpuMs = medianOf(repeatCpuMs);
const totalMs = repeatMs.reduce((sum, ms) => sum + ms, 0);
const perRepeat = users.length * flagEntries.length;
process.stdout.write(
  `${JSON.stringify({
    variant,
    evaluations: repeatMs.length * perRepeat,
    totalMs,
    medianRepeatMs: medianMs,
    medianRepeatCpuMs: medianCpuMs,
    // Evaluations per CPU second, from the median repeat: robust to a colleague's process.
    perSecond: (perRepeat / medianCpuMs) * 1000,
    perWallSecond: (perRepeat / medianMs) * 1000,
    perSecondOverall: ((repeatMs.length * perRepeat) / totalMs) * 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sink,
  })}\n`,
);
client.dispose();
process.exit(0);
