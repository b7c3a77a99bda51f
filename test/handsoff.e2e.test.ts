/**
 * The product's measure, hands off. For every corpus fixture, the packed package runs in the
 * project with `--yes` and no terminal, and nothing is edited by hand afterwards; then
 * - every check of the project's own CI passes;
 * - the app, pointed at a local ConfigCat config server and a local Amplitude capture server and
 *   visited by two users, sends exactly one `$exposure` (and one Identify, which the default answers
 *   ask for) per user, flag and variant;
 * - a second run changes nothing;
 * - `remove` leaves every file the run touched as it was before (lockfile included).
 * A project whose code reads no flag yet must still download its config from the stand-in (the
 * wiring is live) and send no exposure. A project the generated code cannot work in (an SDK major
 * without hooks) must be refused in one line, with nothing written.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type AmplitudeEvent, type CaptureServer } from './support/capture-server.js';
import { launchChromium } from './support/chromium.js';
import { buildConfig, servedValue, startConfigServer, TEST_SDK_KEY, type ConfigServer, type FlagSpec } from './support/config-server.js';
import { CORPUS, prepareCorpusProject, removePreparedProject, type Check, type CorpusFixture, type Evaluates } from './support/corpus.js';
import { startCorpusServer } from './support/corpus-server.js';
import { fetchWhenListening } from './support/net.js';
import { packedGenerator, removePackedGenerator } from './support/packed-generator.js';
import {
  describeFailure,
  environmentVariablesFromSummary,
  runCommand,
  serveBuiltApp,
  type CommandResult,
} from './support/project-fixture.js';

/** Two users, with IDs of at least 5 characters (Amplitude drops shorter ones by default). */
const USERS = ['user-12345', 'user-67890'] as const;
const AMPLITUDE_TEST_KEY = 'test-amplitude-api-key';

/**
 * Every flag the corpus reads, on for the first user and off for the second (a targeting rule on
 * the identifier): where the code passes the user, the two users see different variants.
 */
const FLAGS: Readonly<Record<string, FlagSpec>> = Object.fromEntries(
  [...new Set(CORPUS.flatMap((fixture) => fixture.evaluates?.flags ?? []))].map((key) => [
    key,
    { value: true, variationId: `${key}-on`, rules: [{ identifierIsOneOf: [USERS[1]], value: false, variationId: `${key}-off` }] },
  ]),
);

/** How long a visit waits for its exposures, and how long after that it keeps listening for extra ones. */
const EXPOSURE_WAIT_MS = 10_000;
const SETTLE_MS = 1_500;
/** A server's shutdown flush may wait for Amplitude (its own timeout is 10 s): it gets that long, and a margin. */
const SHUTDOWN_GRACE_MS = 20_000;

const timings: string[] = [];
let chromium: Promise<Browser> | undefined;

afterAll(async () => {
  if (chromium) await (await chromium).close();
  removePackedGenerator();
  // One line per fixture, for whoever tunes the suite's run time.
  if (timings.length > 0) console.log(`hands-off timings (s):\n${timings.join('\n')}`);
});

/**
 * Where package.json took its versions from pnpm catalogs before the run, the SDKs it added are
 * `catalog:` too, with their versions in the workspace's pnpm-workspace.yaml.
 */
function expectDeclaredLikeTheProject(projectDir: string, generateDir: string, before: string): void {
  type Declared = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const packageJsonPath = join(generateDir, 'package.json').slice(projectDir.length + 1);
  const was = JSON.parse(git(projectDir, 'show', `${before}:${packageJsonPath}`)) as Declared;
  if (!Object.values({ ...was.dependencies, ...was.devDependencies }).some((spec) => spec.startsWith('catalog:'))) return;
  const now = JSON.parse(readFileSync(join(generateDir, 'package.json'), 'utf8')) as Declared;
  const added = Object.entries(now.dependencies ?? {}).filter(([name]) => was.dependencies?.[name] === undefined);
  expect(added.length, 'the run added the SDKs').toBeGreaterThan(0);
  const workspace = readFileSync(join(projectDir, 'pnpm-workspace.yaml'), 'utf8');
  for (const [name, spec] of added) {
    expect(spec, name).toBe('catalog:');
    expect(workspace, `${name} in the default catalog`).toMatch(new RegExp(`^catalog:\\n(?:  .*\\n)*  ['"]?${name.replace('/', '\\/')}['"]?: \\^`, 'm'));
  }
}

describe('hands off: --yes in each corpus project, then its own checks, exposures and a second run', () => {
  for (const fixture of CORPUS) {
    it(fixture.name, async () => {
      const timer = phaseTimer();
      // Paid by the first fixture only.
      await timer.measure('pack', () => packedGenerator());
      const project = prepareCorpusProject(fixture);
      timer.record('install', project.installMs);
      const generateDir = join(project.dir, fixture.generateIn ?? '.');
      const shell = shellEnvironment();
      const runEnv = { ...shell, NO_UPDATE_NOTIFIER: '1', ...project.env };
      const configServer = await startConfigServer(buildConfig(FLAGS));
      const capture = await startCaptureServer();
      try {
        // 1. The project, installed, in a git repository of its own.
        git(project.dir, 'init', '-q');
        commitAll(project.dir, 'The project as its authors left it');

        // 2. The run a user makes: the packed bin, --yes, no terminal, no key set.
        const first = await timer.measure('generate', () => runGenerator(generateDir, runEnv, ['--yes']));
        if (fixture.refusal) {
          // A project the generated code cannot work in: one line saying what to run, and nothing written.
          expect(first.code, describeFailure(first)).toBe(1);
          // What was detected, then the one line of the refusal.
          const lines = first.stderr.trim().split('\n');
          expect(lines.filter((line) => line.startsWith('Error'))).toHaveLength(1);
          expect(lines.at(-1)).toMatch(fixture.refusal);
          expect(git(project.dir, 'status', '--porcelain')).toBe('');
          return;
        }
        expect(first.code, describeFailure(first)).toBe(0);
        const before = git(project.dir, 'rev-parse', 'HEAD').trim();
        commitAll(project.dir, 'Run generator-configcat-amplitude --yes');
        const generated = git(project.dir, 'diff', '--name-only', before, 'HEAD').split('\n').filter(Boolean);
        // Yeoman writes its log, the summary included, to stderr.
        const printed = `${first.stdout}\n${first.stderr}`;
        const keys = keyVariables(printed);
        expectDeclaredLikeTheProject(project.dir, generateDir, before);


        // 3. The project's own checks, as its CI runs them: no key set.
        const checkEnv = { ...runEnv, CI: '1' };
        const built = await timer.measure('checks', () => runChecks(fixture.checks, project.dir, checkEnv));

        // 4. and 5. The app, pointed at the stand-ins, visited by two users.
        const appEnv = {
          ...runEnv,
          [keys.sdkKey]: TEST_SDK_KEY,
          [keys.amplitudeKey]: AMPLITUDE_TEST_KEY,
          [fixture.sdkEnvironment.wanted.configCatBaseUrl]: configServer.baseUrl,
          [fixture.sdkEnvironment.wanted.amplitudeServerUrl]: capture.serverUrl,
        };
        if (built) {
          // Bundlers inline these variables when they build (Vite's VITE_, Next.js's NEXT_PUBLIC_).
          // The checks above ran as the project's CI does, with no key, which is what they must
          // survive; a deployment builds again with its keys set, and so does this test, rather
          // than lend the keys to the checks.
          const builds = fixture.checks.filter((check) => check.kind === 'build');
          const rebuilt = fixture.sdkEnvironment.when === 'build' ? await timer.measure('build with keys', () => runChecks(builds, project.dir, appEnv)) : true;
          if (rebuilt) {
            const log = await timer.measure('start and visit', () => visitApp(fixture, project.dir, appEnv, capture));
            expectExposures(fixture, generateDir, configServer, capture, log);
          }
        }

        // 6. A second run changes nothing. What the checks left behind (and the project does not
        // ignore) is committed first: only the run's own changes count.
        commitAll(project.dir, 'After the checks');
        const second = await timer.measure('second run', () => runGenerator(generateDir, runEnv, ['--yes', '--skip-install']));
        expect.soft(second.code, describeFailure(second)).toBe(0);
        expect.soft(git(project.dir, 'status', '--porcelain'), `a second run changed the project:\n${second.stderr}`).toBe('');

        // 7. remove: every file the run touched is as it was before it (deleted if it was new), the
        // lockfile included, which no longer lists the SDKs the run added.
        const removed = await timer.measure('remove', () => runGenerator(generateDir, runEnv, ['remove', '--yes']));
        expect.soft(removed.code, describeFailure(removed)).toBe(0);
        for (const path of generated) {
          const restored = git(project.dir, 'diff', '--stat', before, '--', path);
          const untracked = git(project.dir, 'ls-files', '--others', '--exclude-standard', '--', path);
          expect.soft(restored + untracked, `${path} is not as it was before the generator ran`).toBe('');
        }

      } finally {
        timings.push(`${fixture.name}: ${timer.summary()}`);
        await Promise.all([configServer.close(), capture.close()]);
        removePreparedProject(project);
      }
    }, 1_200_000);
  }
});

/**
 * A developer's shell: this process's environment without what the test runner adds (VITEST_*,
 * NODE_ENV=test, CI) and without any ConfigCat or Amplitude variable, so that nothing leans on a
 * key that happens to be set.
 */
function shellEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^VITEST|^NODE_ENV$|^CI$|CONFIGCAT|AMPLITUDE/i.test(name)) continue;
    env[name] = value;
  }
  return env;
}

async function runGenerator(cwd: string, env: Readonly<Record<string, string>>, args: readonly string[]): Promise<CommandResult> {
  const { bin } = await packedGenerator();
  return runCommand(bin, args, { cwd, env, extendEnv: false, timeoutMs: 300_000 });
}

/** Runs the checks in order; each failure is reported and the others still run. Resolves false when a build failed. */
async function runChecks(checks: readonly Check[], projectDir: string, env: Readonly<Record<string, string>>): Promise<boolean> {
  let built = true;
  for (const check of checks) {
    const result = await runCommand(check.command, check.args, { cwd: join(projectDir, check.cwd ?? '.'), env, extendEnv: false, timeoutMs: 300_000 });
    expect.soft(result.code, `${check.kind} failed: ${describeFailure(result)}`).toBe(0);
    if (result.code !== 0 && check.kind === 'build') built = false;
  }
  return built;
}

/** The key variables the summary tells the user to set. */
function keyVariables(printed: string): { sdkKey: string; amplitudeKey: string } {
  const variables = [...environmentVariablesFromSummary(printed)];
  const named = (what: RegExp) => variables.find(([, description]) => what.test(description))?.[0];
  const sdkKey = named(/ConfigCat SDK key/);
  const amplitudeKey = named(/Amplitude API key/);
  if (!sdkKey || !amplitudeKey) throw new Error(`The summary does not name the key variables to set:\n${printed}`);
  return { sdkKey, amplitudeKey };
}

/** What a visit saw, for failure messages: each line once, with how often it came. */
class VisitLog {
  private readonly counts = new Map<string, number>();

  note(line: string): void {
    this.counts.set(line, (this.counts.get(line) ?? 0) + 1);
  }

  toString(): string {
    return [...this.counts].map(([line, count]) => (count > 1 ? `(${count}×) ${line}` : line)).join('\n');
  }
}

/**
 * Starts the app as the fixture says and has two users use it. Node servers (variables read at run
 * time) are asked for their path by each user, twice; browser apps (variables inlined at build) are
 * opened in Chromium, one browser context per user (Amplitude tells them apart by device ID), and
 * loaded twice.
 */
async function visitApp(fixture: CorpusFixture, projectDir: string, env: Readonly<Record<string, string>>, capture: CaptureServer): Promise<VisitLog> {
  const log = new VisitLog();
  const start = fixture.start;
  if (start.kind === 'static') {
    const site = await serveBuiltApp(join(projectDir, start.folder));
    try {
      await visitInBrowser(site.url, fixture.evaluates, capture, log);
    } finally {
      await site.close();
    }
    // A page sends what it still holds as it closes.
    await sleep(SETTLE_MS);
    return log;
  }
  const server = await startCorpusServer(fixture.name, start, projectDir, env);
  let stopped = false;
  try {
    if (fixture.sdkEnvironment.when === 'build') {
      await visitInBrowser(`${server.origin}${start.path}`, fixture.evaluates, capture, log);
    } else {
      for (const user of USERS) {
        const url = `${server.origin}${pathFor(start.path, fixture.evaluates, user)}`;
        for (let visit = 0; visit < 2; visit++) {
          const response = await fetchWhenListening(url);
          expect.soft(response.status, `GET ${url}:\n${server.output()}`).toBe(200);
          await response.arrayBuffer();
        }
      }
    }
    // The shutdown is part of the measure: a Node server flushes its exposures on SIGTERM.
    const { code, output } = await server.stop(SHUTDOWN_GRACE_MS);
    stopped = true;
    log.note(`server exited with ${String(code)}; its output:\n${output}`);
  } finally {
    if (!stopped) await server.stop();
  }
  if (fixture.sdkEnvironment.when === 'build') await sleep(SETTLE_MS);
  return log;
}

/** The path a user requests: the user goes in the query parameter the code reads, when it reads one. */
function pathFor(path: string, evaluates: Evaluates | undefined, user: string): string {
  if (evaluates?.user.from !== 'query') return path;
  const url = new URL(path, 'http://localhost');
  url.searchParams.set(evaluates.user.parameter, user);
  return `${url.pathname}${url.search}`;
}

async function visitInBrowser(url: string, evaluates: Evaluates | undefined, capture: CaptureServer, log: VisitLog): Promise<void> {
  const browser = await (chromium ??= launchChromium());
  // One browser context per user: its own storage, so its own Amplitude device ID.
  for (let index = 0; index < USERS.length; index++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The generated code must never break the page.
    page.on('pageerror', (error) => expect.soft(error.message, `visitor ${index + 1}: an uncaught error in the page`).toBeUndefined());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().includes('[configcat-amplitude]')) log.note(`visitor ${index + 1}: console ${message.type()}: ${message.text()}`);
    });
    try {
      const before = exposureIdentities(capture.events()).size;
      await page.goto(url, { waitUntil: 'load' });
      // This visitor's exposures, one per flag the page reads; then a reload must add none.
      const wanted = evaluates?.flags.length ?? 0;
      await waitUntil(() => exposuresOfNewIdentities(capture.events(), before) >= wanted, wanted > 0 ? EXPOSURE_WAIT_MS : SETTLE_MS);
      await page.reload({ waitUntil: 'load' });
      await sleep(SETTLE_MS);
    } finally {
      await context.close();
    }
  }
}

function exposureIdentities(events: readonly AmplitudeEvent[]): Set<string> {
  return new Set(events.filter((event) => event.event_type === '$exposure').map(identityOf));
}

function exposuresOfNewIdentities(events: readonly AmplitudeEvent[], knownCount: number): number {
  const known = [...exposureIdentities(events)].slice(0, knownCount);
  return events.filter((event) => event.event_type === '$exposure' && !known.includes(identityOf(event))).length;
}

/** Who Amplitude credits: the user ID when set, else the device ID (browsers). */
function identityOf(event: AmplitudeEvent): string {
  return event.user_id ?? event.device_id ?? '(nobody)';
}

/**
 * Exactly one exposure per (user, flag, variant), and one Identify each when the answers ask for
 * it; the variant is the one the config serves the ConfigCat User the code passes.
 */
function expectExposures(fixture: CorpusFixture, generateDir: string, configServer: ConfigServer, capture: CaptureServer, log: VisitLog): void {
  const context = `events received: ${JSON.stringify(capture.events(), null, 1)}\n${log.toString()}`;
  expect
    .soft(configServer.requests(), `the app never downloaded its config from ${fixture.sdkEnvironment.wanted.configCatBaseUrl}\n${context}`)
    .toBeGreaterThan(0);
  const expected = expectedExposures(fixture);
  const browser = fixture.sdkEnvironment.when === 'build';
  expect.soft(tally(capture.events(), '$exposure', browser), `$exposure events\n${context}`).toEqual(expected);
  if (savedAnswers(generateDir).identify) {
    expect.soft(tally(capture.events(), '$identify', browser), `$identify events\n${context}`).toEqual(expected);
  }
}

/**
 * One line per (user, flag, variant) with its count, sorted. Browser visitors have device IDs the
 * test cannot know: they are named `visitor 1`, `visitor 2` in the order they first appear.
 */
function tally(events: readonly AmplitudeEvent[], type: '$exposure' | '$identify', browser: boolean): string[] {
  const counts = new Map<string, number>();
  const visitors = new Map<string, string>();
  const nameOf = (event: AmplitudeEvent) => {
    const identity = identityOf(event);
    if (!browser) return identity;
    if (!visitors.has(identity)) visitors.set(identity, `visitor ${visitors.size + 1}`);
    return visitors.get(identity)!;
  };
  for (const event of events) {
    if (event.event_type !== type) continue;
    const pairs =
      type === '$exposure'
        ? [[String(event.event_properties?.['flag_key']), String(event.event_properties?.['variant'])]]
        : Object.entries(event.user_properties?.['$set'] ?? {}).map(([property, value]) => [property.replace(/^configcat_/, ''), String(value)]);
    for (const [flag, variant] of pairs) {
      const line = `${nameOf(event)} ${flag}=${variant}`;
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
  }
  return [...counts].map(([line, count]) => `${line} ×${count}`).sort();
}

/** What `tally` should show: each user once per flag the code reads, with the variant served to the User it passes. */
function expectedExposures(fixture: CorpusFixture): string[] {
  const evaluates = fixture.evaluates;
  if (!evaluates) return [];
  const browser = fixture.sdkEnvironment.when === 'build';
  const lines: string[] = [];
  USERS.forEach((user, index) => {
    const configcatUser = evaluates.user.from === 'query' ? user : evaluates.user.from === 'constant' ? evaluates.user.identifier : undefined;
    // A server credits the ConfigCat User's identifier and sends nothing without one; a browser credits its visitor.
    const credited = browser ? `visitor ${index + 1}` : configcatUser;
    if (credited === undefined) return;
    for (const flag of evaluates.flags) {
      lines.push(`${credited} ${flag}=${String(servedValue(FLAGS[flag]!, configcatUser === undefined ? undefined : { identifier: configcatUser }))} ×1`);
    }
  });
  return [...new Set(lines)].sort();
}

function savedAnswers(generateDir: string): { identify?: boolean } {
  const saved = JSON.parse(readFileSync(join(generateDir, '.yo-rc.json'), 'utf8')) as Record<string, { answers?: { identify?: boolean } }>;
  return saved['generator-configcat-amplitude']?.answers ?? {};
}

function git(dir: string, ...args: string[]): string {
  const settings = ['user.name=Test', 'user.email=test@example.com', 'commit.gpgsign=false', 'init.defaultBranch=main'].flatMap((setting) => ['-c', setting]);
  return execFileSync('git', [...settings, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wall time per phase of one fixture, for the run-time report. */
function phaseTimer() {
  const phases: [string, number][] = [];
  const started = Date.now();
  return {
    record(name: string, ms: number) {
      phases.push([name, ms]);
    },
    async measure<T>(name: string, run: () => Promise<T>): Promise<T> {
      const phaseStarted = Date.now();
      try {
        return await run();
      } finally {
        phases.push([name, Date.now() - phaseStarted]);
      }
    },
    summary() {
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      return `total ${seconds(Date.now() - started)} (${phases.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')})`;
    },
  };
}
