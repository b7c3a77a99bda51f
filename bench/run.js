// `npm run bench`: one table, each row a ratio measured side by side in this run against its
// baseline (A and B alternate, each pair is one ratio; the table quotes the median with min and
// max). Progress goes to stderr; the table to stdout and to bench/RESULTS.md.
// `node bench/run.js --quick` runs every row with small counts, to develop the benchmark.
// Benchmarks are not tests: nothing here runs in `npm test`, and nothing asserts a time.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_SOURCE, HOOK_MODULE, PIPELINE_MODULE, prepare, REPO_ROOT } from './lib/prepare.js';
import { startServers } from './lib/servers.js';
import { median, numberCell, ratioCell } from './lib/stats.js';

const QUICK = process.argv.includes('--quick');
const COUNTS = QUICK
  ? { binPairs: 2, helpPairs: 1, yoPairs: 1, coldPairs: 2, installPairs: 1, phases: 1, hookRounds: 1, snippetRounds: 1, repeats: 5, snippetRepeats: 2, memoryUsers: 100_000, evictionRounds: 3, evictionBatch: 2_000 }
  : { binPairs: 10, helpPairs: 5, yoPairs: 5, coldPairs: 10, installPairs: 5, phases: 3, hookRounds: 5, snippetRounds: 3, repeats: 100, snippetRepeats: 2, memoryUsers: 1_000_000, evictionRounds: 9, evictionBatch: 5_000 };
// `--hook-only`: rows 2 to 5 only (no generation rows), printed and not written to RESULTS.md.
const HOOK_ONLY = process.argv.includes('--hook-only');

const EXAMPLE = join(REPO_ROOT, 'examples/react-app');
const REAL_BIN = join(REPO_ROOT, 'dist/bin/cli.js');
const EMPTY_DIR = join(REPO_ROOT, 'bench/empty-generator');
const EMPTY_BIN = join(EMPTY_DIR, 'cli.js');
const YO_CLI = join(REPO_ROOT, 'node_modules/yo/lib/cli.js');
const GENERATE_ARGS = ['--yes', '--platform', 'react', '--skip-install'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const UNPRIVILEGED_UID = 1000;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'configcat-amplitude-bench-'));

// ---------------------------------------------------------------------------------------------
// Row 1: generation, the bin (and yo) running the real generator vs. the empty one.

/**
 * Runs a command to completion: wall time from here; peak RSS and CPU time (user + system) from
 * GNU time when present. CPU time is the steadier figure on a shared machine.
 */
function timedRun(command, args, cwd) {
  const rssFile = join(scratch, `rss-${process.hrtime.bigint()}`);
  const [file, argv] = TIME ? [TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code} in ${cwd}:\n${output.slice(-2000)}`));
      const [rssKb, user, system] = TIME ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
      resolve({ ms, rssMb: rssKb / 1024, cpuMs: (user + system) * 1000 });
    });
  });
}

let copies = 0;
/** A fresh copy of the example project (no node_modules, as a user's checkout before install). */
function freshProject(parent = scratch) {
  const dir = join(parent, `project-${(copies += 1)}`);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return dir;
}

function checkGenerated(dir) {
  if (!existsSync(join(dir, 'src/configcat-amplitude.ts')) || !existsSync(join(dir, 'src/ConfigCatAmplitudeProvider.tsx'))) {
    throw new Error(`The generator wrote no wiring in ${dir}`);
  }
}

/** Alternates A and B `pairs` times (ABBA…); returns each side's samples and the per-pair ratios. */
async function alternate(pairs, runA, runB) {
  const a = [];
  const b = [];
  for (let i = 0; i < pairs; i += 1) {
    if (i % 2 === 0) {
      a.push(await runA());
      b.push(await runB());
    } else {
      b.push(await runB());
      a.push(await runA());
    }
  }
  const ratio = (field) => b.map((run, i) => run[field] / a[i][field]);
  return { a, b, wall: ratio('ms'), cpu: ratio('cpuMs'), rss: ratio('rssMb') };
}

async function generationThroughBin() {
  log(`row 1: bin, real vs. empty generator, ${COUNTS.binPairs} alternated pairs`);
  return alternate(
    COUNTS.binPairs,
    () => timedRun(process.execPath, [EMPTY_BIN, ...GENERATE_ARGS], freshProject()),
    async () => {
      const dir = freshProject();
      const run = await timedRun(process.execPath, [REAL_BIN, ...GENERATE_ARGS], dir);
      checkGenerated(dir);
      return run;
    },
  );
}

async function helpThroughBin() {
  log(`row 1: --help, real vs. empty generator, ${COUNTS.helpPairs} alternated pairs`);
  return alternate(
    COUNTS.helpPairs,
    () => timedRun(process.execPath, [EMPTY_BIN, '--help'], scratch),
    () => timedRun(process.execPath, [REAL_BIN, '--help'], scratch),
  );
}

function chownTree(path, uid) {
  chownSync(path, uid, uid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid);
    else chownSync(child, uid, uid);
  }
}

/**
 * yo run as root switches to uid 1000 and fails on root-owned folders, so as root yo runs as that
 * user (setpriv), with a HOME and projects it owns; yo finds both generators through a
 * node_modules folder above the projects that links to them.
 */
function yoSetup() {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('setpriv', ['--version']).status !== 0) return { skip: 'running as root without setpriv' };
  const base = mkdtempSync(join(tmpdir(), 'configcat-amplitude-bench-yo-'));
  mkdirSync(join(base, 'node_modules'));
  mkdirSync(join(base, 'home'));
  symlinkSync(REPO_ROOT, join(base, 'node_modules/generator-configcat-amplitude'), 'dir');
  symlinkSync(EMPTY_DIR, join(base, 'node_modules/generator-configcat-amplitude-bench-empty'), 'dir');
  const prefix = isRoot
    ? ['setpriv', [`--reuid=${UNPRIVILEGED_UID}`, `--regid=${UNPRIVILEGED_UID}`, '--clear-groups', 'env', `HOME=${join(base, 'home')}`, process.execPath]]
    : [process.execPath, []];
  const project = () => {
    const dir = freshProject(base);
    if (isRoot) chownTree(dir, UNPRIVILEGED_UID);
    return dir;
  };
  if (isRoot) chownTree(base, UNPRIVILEGED_UID);
  return { base, prefix, project, asUser: isRoot ? `uid ${UNPRIVILEGED_UID} via setpriv` : 'the current user' };
}

async function generationThroughYo() {
  const setup = yoSetup();
  if (setup.skip) return { skip: setup.skip };
  log(`row 1: yo (as ${setup.asUser}), real vs. empty generator, ${COUNTS.yoPairs} alternated pairs`);
  const [command, args] = setup.prefix;
  const yo = (namespace, dir) => timedRun(command, [...args, YO_CLI, namespace, ...GENERATE_ARGS], dir);
  try {
    const result = await alternate(
      COUNTS.yoPairs,
      () => yo('configcat-amplitude-bench-empty', setup.project()),
      async () => {
        const dir = setup.project();
        const run = await yo('configcat-amplitude', dir);
        checkGenerated(dir);
        return run;
      },
    );
    return { ...result, asUser: setup.asUser };
  } finally {
    rmSync(setup.base, { recursive: true, force: true });
  }
}

async function phases() {
  log(`row 1: what the generator adds, cold, ${COUNTS.phases} runs`);
  const runs = [];
  for (let i = 0; i < COUNTS.phases; i += 1) {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bench/lib/phases-child.js'), freshProject(), PIPELINE_MODULE], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`phases-child failed:\n${result.stderr}`);
    runs.push(JSON.parse(result.stdout));
  }
  const sum = (run, field) => run.files.reduce((total, file) => total + file[field], 0);
  return {
    importMs: median(runs.map((run) => run.importMs)),
    renderMs: median(runs.map((run) => sum(run, 'renderMs'))),
    formatMs: median(runs.map((run) => sum(run, 'formatMs'))),
    byFile: runs[0].files.map((file, i) => ({
      path: file.path,
      renderMs: median(runs.map((run) => run.files[i].renderMs)),
      formatMs: median(runs.map((run) => run.files[i].formatMs)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Row 6: a cold start, the bin against Node itself (`node -e 0`).

const nodeAlone = () => timedRun(process.execPath, ['-e', '0'], scratch);

async function coldStart() {
  log(`row 6: bin generation vs. node -e 0, ${COUNTS.coldPairs} alternated pairs`);
  const generation = await alternate(COUNTS.coldPairs, nodeAlone, async () => {
    const dir = freshProject();
    const run = await timedRun(process.execPath, [REAL_BIN, ...GENERATE_ARGS], dir);
    checkGenerated(dir);
    return run;
  });
  log(`row 6: bin --help vs. node -e 0, ${COUNTS.coldPairs} alternated pairs`);
  const help = await alternate(COUNTS.coldPairs, nodeAlone, () => timedRun(process.execPath, [REAL_BIN, '--help'], scratch));
  return { generation, help };
}

// ---------------------------------------------------------------------------------------------
// Row 7: what `npx generator-configcat-amplitude` installs: the packed tarball against create-vite.

const CREATE_VITE = 'create-vite@9.3.0';

/** Packages under a node_modules folder (scoped and nested ones too), and the bytes of every file in it. */
function installedFootprint(nodeModules) {
  let packages = 0;
  let bytes = 0;
  const sizeOf = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) sizeOf(path);
      else if (entry.isFile()) bytes += statSync(path).size;
    }
  };
  const countIn = (folder) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.name.startsWith('@')) countIn(path);
      else {
        packages += 1;
        countIn(join(path, 'node_modules'));
      }
    }
  };
  if (existsSync(nodeModules)) sizeOf(nodeModules);
  countIn(nodeModules);
  return { packages, bytes };
}

/** `npm install <spec>` into a new empty project, with the bench's own npm cache. */
function npmInstall(spec, cache, offline) {
  const prefix = mkdtempSync(join(scratch, 'install-'));
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const args = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--cache', cache, ...(offline ? ['--offline'] : []), spec];
  return timedRun('npm', args, prefix).then((run) => ({ ...run, prefix }));
}

async function installFootprint() {
  log('row 7: packing the package');
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = join(scratch, packed.stdout.trim().split('\n').pop());
  const cache = join(scratch, 'npm-cache');
  log(`row 7: priming a local npm cache with what ${tarball.split('/').pop()} and ${CREATE_VITE} install (from the registry)`);
  const ours = await npmInstall(tarball, cache, false);
  const theirs = await npmInstall(CREATE_VITE, cache, false);
  log(`row 7: installs from the primed cache (--offline), ${COUNTS.installPairs} alternated pairs`);
  const install = await alternate(
    COUNTS.installPairs,
    () => npmInstall(CREATE_VITE, cache, true),
    () => npmInstall(tarball, cache, true),
  );
  return {
    tarballBytes: statSync(tarball).size,
    ours: installedFootprint(join(ours.prefix, 'node_modules')),
    theirs: installedFootprint(join(theirs.prefix, 'node_modules')),
    install,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows 2 and 3: the hook on the hot path, and the events it sends.

function runChild(script, nodeArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(REPO_ROOT, 'bench', script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}:\n${err.slice(-3000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function hookRounds(servers) {
  log(`rows 2-3: ${COUNTS.hookRounds} rounds of a/b (${COUNTS.repeats} repeats each), c in ${COUNTS.snippetRounds} of them (${COUNTS.snippetRepeats} repeats)`);
  const hook = async (variant, repeats) => {
    const settings = { variant, sdkKey: servers.sdkKey, baseUrl: servers.baseUrl, serverUrl: servers.serverUrl, flags: servers.flags, users: 1000, repeats, hookModule: HOOK_MODULE };
    servers.capture.take();
    const result = await runChild('hook-child.js', ['--expose-gc'], { BENCH_HOOK: JSON.stringify(settings) });
    return { ...result, sent: servers.capture.take(), workloadEvaluations: repeats * 1000 * Object.keys(servers.flags).length };
  };
  const rounds = [];
  for (let r = 0; r < COUNTS.hookRounds; r += 1) {
    const round = {};
    const order = [['a', 'n', 'b'], ['b', 'a', 'n'], ['n', 'b', 'a']][r % 3];
    for (const variant of order) round[variant] = await hook(variant, COUNTS.repeats);
    if (r < COUNTS.snippetRounds) round.c = await hook('c', COUNTS.snippetRepeats);
    log(`  round ${r + 1}: a ${fmt(round.a.perSecond)}/s, n ${fmt(round.n.perSecond)}/s, b ${fmt(round.b.perSecond)}/s${round.c ? `, c ${fmt(round.c.perSecond)}/s` : ''}`);
    rounds.push(round);
  }
  return rounds;
}

/** Row 2 again, a and b alternating repeat by repeat inside one process (see paired-child.js). */
async function pairedHook(servers) {
  log(`row 2: a and b paired in one process, ${COUNTS.repeats} repeats each`);
  const settings = { sdkKey: servers.sdkKey, otherSdkKey: servers.otherSdkKey, baseUrl: servers.baseUrl, serverUrl: servers.serverUrl, flags: servers.flags, users: 1000, repeats: COUNTS.repeats, hookModule: HOOK_MODULE };
  const result = await runChild('paired-child.js', ['--expose-gc'], { BENCH_PAIRED: JSON.stringify(settings) });
  servers.capture.take();
  return result;
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Row 4: the de-duplication cache's memory and lifetime.

async function memory(servers) {
  log(`row 4: ${fmt(COUNTS.memoryUsers)} distinct users on one flag`);
  const settings = { sdkKey: servers.sdkKey, baseUrl: servers.baseUrl, serverUrl: servers.serverUrl, hookModule: HOOK_MODULE, users: COUNTS.memoryUsers, flag: 'maintenanceMode' };
  return runChild('memory-child.js', ['--expose-gc', '--max-old-space-size=1024'], { BENCH_MEMORY: JSON.stringify(settings) });
}

// ---------------------------------------------------------------------------------------------
// Row 5: the edges: eviction cost at the cap, and memory with and without Amplitude initialised.

async function edges(servers, cap) {
  log(`row 5: a new user at the cache cap vs. below it, ${COUNTS.evictionRounds} alternated rounds of ${fmt(COUNTS.evictionBatch)} new users`);
  const common = { baseUrl: servers.baseUrl, serverUrl: servers.serverUrl, hookModule: HOOK_MODULE, flag: 'maintenanceMode' };
  const eviction = await runChild('edges-child.js', ['--expose-gc', '--max-old-space-size=1024'], {
    BENCH_EDGES: JSON.stringify({ ...common, mode: 'eviction', cap, batch: COUNTS.evictionBatch, rounds: COUNTS.evictionRounds }),
  });
  const heap = {};
  for (const initialise of [true, false]) {
    log(`row 5: ${fmt(COUNTS.memoryUsers)} distinct users, Amplitude ${initialise ? 'initialised' : 'never initialised'}`);
    heap[initialise ? 'initialised' : 'uninitialised'] = await runChild('edges-child.js', ['--expose-gc', '--max-old-space-size=1024'], {
      BENCH_EDGES: JSON.stringify({ ...common, mode: 'memory', initialise, users: COUNTS.memoryUsers }),
    });
  }
  servers.capture.take();
  return { eviction, heap };
}

// ---------------------------------------------------------------------------------------------

/** The cap the generated module documents (MAX_REMEMBERED_USERS), read from the module itself. */
function documentedCap() {
  const source = readFileSync(GENERATED_SOURCE, 'utf8');
  const match = source.match(/MAX_REMEMBERED_USERS\s*=\s*([\d_]+)/);
  return match ? Number(match[1].replaceAll('_', '')) : NaN;
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
  return { model, cores: cpus().length, node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), load };
}

const yesNo = (ok) => (ok ? 'yes' : '**no**');

function table({ bin, help, yo, rounds, paired, mem, cap, edge, cold, footprint }) {
  const rows = [];
  const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
  row('#', 'Measure', 'B vs. baseline A', 'Result: B/A median (min–max, n)', 'Target', 'Met?');
  row('---', '---', '---', '---', '---', '---');

  if (bin) {
    const wall = median(bin.wall);
    row(
      '1',
      `Generation wall time (\`--yes --platform react --skip-install\`, fresh copy of examples/react-app): B ${numberCell(bin.b.map((r) => r.ms), 'ms')}, A ${numberCell(bin.a.map((r) => r.ms), 'ms')}`,
      'bin + generator vs. bin + empty generator',
      ratioCell(bin.wall),
      '≤ 1.15×',
      yesNo(wall <= 1.15),
    );
    row(
      '1',
      `Generation CPU time (user + system): B ${numberCell(bin.b.map((r) => r.cpuMs), 'ms')}, A ${numberCell(bin.a.map((r) => r.cpuMs), 'ms')}`,
      'same runs',
      ratioCell(bin.cpu),
      '≤ 1.15×',
      yesNo(median(bin.cpu) <= 1.15),
    );
    row(
      '1',
      `Generation peak RSS: B ${numberCell(bin.b.map((r) => r.rssMb), 'MB')}, A ${numberCell(bin.a.map((r) => r.rssMb), 'MB')}`,
      'same runs',
      ratioCell(bin.rss),
      '—',
      '—',
    );
    if (yo.skip) row('1', 'Generation through yo', 'yo + generator vs. yo + empty generator', `not run: ${yo.skip}`, '—', '—');
    else {
      row(
        '1',
        `Generation through yo (as ${yo.asUser}): B ${numberCell(yo.b.map((r) => r.ms), 'ms')}, A ${numberCell(yo.a.map((r) => r.ms), 'ms')}`,
        'yo + generator vs. yo + empty generator',
        ratioCell(yo.wall),
        '≤ 1.15× (as the bin)',
        yesNo(median(yo.wall) <= 1.15),
      );
      row(
        '1',
        `Generation through yo, CPU time: B ${numberCell(yo.b.map((r) => r.cpuMs), 'ms')}, A ${numberCell(yo.a.map((r) => r.cpuMs), 'ms')}`,
        'same runs',
        ratioCell(yo.cpu),
        '—',
        '—',
      );
      row(
        '1',
        `Generation through yo, peak RSS: B ${numberCell(yo.b.map((r) => r.rssMb), 'MB')}, A ${numberCell(yo.a.map((r) => r.rssMb), 'MB')}`,
        'same runs',
        ratioCell(yo.rss),
        '—',
        '—',
      );
    }
    row(
      '1',
      `\`--help\` CPU time: B ${numberCell(help.b.map((r) => r.cpuMs), 'ms')}, A ${numberCell(help.a.map((r) => r.cpuMs), 'ms')} (wall ${ratioCell(help.wall)})`,
      'bin + generator vs. bin + empty generator',
      ratioCell(help.cpu),
      '—',
      '—',
    );
  }

  const cost = (variant) => rounds.filter((round) => round[variant]).map((round) => round.a.perSecond / round[variant].perSecond);
  const perSecond = (variant) => rounds.filter((round) => round[variant]).map((round) => round[variant].perSecond);
  const bCost = cost('b');
  const wallCost = rounds.map((round) => round.a.perWallSecond / round.b.perWallSecond);
  row(
    '2',
    `Hook overhead, CPU time per evaluation (median repeat of ${COUNTS.repeats - 1} timed, after a warm-up repeat; every (user, flag, variant) already seen): a ${numberCell(perSecond('a'), 'eval/CPU-s')}, b ${numberCell(perSecond('b'), 'eval/CPU-s')}; by wall time b/a ${ratioCell(wallCost)}`,
    '(b) generated hook vs. (a) no hook',
    ratioCell(bCost),
    '≤ 1.10×',
    yesNo(median(bCost) <= 1.1),
  );
  row(
    '2',
    `Hook overhead, the same paired inside one process: a and b are two clients (two SDK keys), their repeats alternating ABBA…, each pair within milliseconds`,
    '(b) generated hook vs. (a) no hook',
    `${paired.median.toFixed(2)}× (${paired.min.toFixed(2)}–${paired.max.toFixed(2)}, n=${paired.pairs})`,
    '≤ 1.10×',
    yesNo(paired.median <= 1.1),
  );
  row(
    '2',
    `Hook overhead of a listener that does nothing: n ${numberCell(perSecond('n'), 'eval/CPU-s')}`,
    '(n) no-op listener vs. (a) no hook',
    ratioCell(cost('n')),
    '—',
    '—',
  );
  const cWall = rounds.filter((round) => round.c).map((round) => round.a.perWallSecond / round.c.perWallSecond);
  row(
    '2',
    `Hook overhead: c ${numberCell(perSecond('c'), 'eval/CPU-s')} (${COUNTS.snippetRepeats - 1} timed repeat after the warm-up: Amplitude's SDK makes it too slow for more); by wall time c/a ${ratioCell(cWall, 0)}`,
    "(c) ConfigCat's documented snippet vs. (a) no hook",
    ratioCell(cost('c'), 0),
    '—',
    '—',
  );

  const b = rounds.map((round) => round.b);
  const c = rounds.filter((round) => round.c).map((round) => round.c);
  const workload = b[0].workloadEvaluations;
  const bEvents = b.map((run) => run.sent.events);
  const distinct = c.length ? c[0].sent.distinct : b[0].sent.distinct;
  const bExact = bEvents.every((events) => events === 2 * distinct) && b.every((run) => run.sent.distinct === distinct);
  const cPerEvaluation = c.map((run) => run.sent.events / run.workloadEvaluations);
  const cEvents = median(cPerEvaluation) * workload;
  row(
    '3',
    `Events sent for ${fmt(workload)} evaluations (10 flags × 1,000 users × ${COUNTS.repeats}): b ${fmt(median(bEvents))} (${fmt(distinct)} distinct (user, flag, variant) × 2, every run: ${bExact ? 'exact' : 'NOT exact'}); c ${fmt(cEvents)} (${median(cPerEvaluation).toFixed(2)} per evaluation, counted over ${fmt(c[0]?.workloadEvaluations ?? 0)}-evaluation runs)`,
    '(b) events vs. (c) events',
    `${(median(bEvents) / cEvents).toFixed(4)}× (${fmt(median(bEvents))} / ${fmt(cEvents)})`,
    'b = 2 × distinct',
    yesNo(bExact),
  );

  const atCap = mem.checkpoints.find((point) => point.users >= cap) ?? mem.checkpoints[0];
  // Once the cache is full, more users replace the oldest: growth from twice the cap onwards is flat.
  const steady = mem.checkpoints.find((point) => point.users >= 2 * cap) ?? atCap;
  const last = mem.checkpoints.at(-1);
  const bounded = last.heapGrowthMb - steady.heapGrowthMb <= 1;
  row(
    '4',
    `Heap growth of the de-duplication cache (heapUsed after full GCs, before/after) by distinct users on one flag: ${mem.checkpoints.map((p) => `${fmt(p.users)}: ${p.heapGrowthMb.toFixed(1)} MB`).join(', ')}; documented cap ${fmt(cap)} users = ${atCap.heapGrowthMb.toFixed(1)} MB when first full (${Math.round((atCap.heapGrowthMb * 2 ** 20) / cap)} B/user). First user evicted and sent again: ${mem.firstResent === 1 ? 'yes' : 'no'}; newest still remembered: ${mem.newestResent === 0 ? 'yes' : 'no'}`,
    `growth at ${fmt(last.users)} users vs. at ${fmt(steady.users)} (2 × cap)`,
    `${(last.heapGrowthMb / steady.heapGrowthMb).toFixed(2)}× (${last.heapGrowthMb.toFixed(1)} / ${steady.heapGrowthMb.toFixed(1)} MB)`,
    'flat (≤ +1 MB) past the cap',
    yesNo(bounded && mem.firstResent === 1 && mem.newestResent === 0),
  );
  const expiry = mem.resentNow === 0 && mem.resentAfterADay === mem.recentUsers;
  row(
    '4',
    `24-hour lifetime (Date.now moved 24 h + 1 s ahead in the child): of ${fmt(mem.recentUsers)} remembered users, sent again before: ${fmt(mem.resentNow)}, after: ${fmt(mem.resentAfterADay)}; heap growth after: ${mem.heapAfterADayMb.toFixed(1)} MB`,
    'before vs. after the clock jump',
    `${fmt(mem.resentNow)} → ${fmt(mem.resentAfterADay)}`,
    `0 → ${fmt(mem.recentUsers)}`,
    yesNo(expiry),
  );
  if (edge) {
    const ratios = edge.eviction.pairs.map((pair) => pair.atCap / pair.below);
    row(
      '5',
      `Evaluation for a new user (its exposure and Identify queued in Amplitude, events dropped by a plugin), CPU time: at the cap of ${fmt(cap)} users (each evicts the least recently active) ${numberCell(edge.eviction.pairs.map((pair) => pair.atCap), 'µs', 2)}, below it ${numberCell(edge.eviction.pairs.map((pair) => pair.below), 'µs', 2)}; ${fmt(edge.eviction.batch)} new users per round`,
      'new user at the cap vs. below it',
      ratioCell(ratios),
      '≤ 1.2×',
      yesNo(median(ratios) <= 1.2),
    );
    const describe = (run) => run.checkpoints.map((p) => `${fmt(p.users)}: ${p.heapGrowthMb.toFixed(1)} MB`).join(', ');
    const init = edge.heap.initialised.checkpoints;
    const uninit = edge.heap.uninitialised.checkpoints;
    const worst = Math.max(init.at(-1).heapGrowthMb, uninit.at(-1).heapGrowthMb);
    const flat = (points) => {
      const past = points.filter((p) => p.users >= 2 * cap);
      return past.length < 2 || past.at(-1).heapGrowthMb - past[0].heapGrowthMb <= 1;
    };
    row(
      '5',
      `Heap growth by distinct users (heapUsed after full GCs): Amplitude initialised ${describe(edge.heap.initialised)}; never initialised ${describe(edge.heap.uninitialised)}`,
      `never initialised vs. initialised, at ${fmt(init.at(-1).users)} users`,
      `${(uninit.at(-1).heapGrowthMb / init.at(-1).heapGrowthMb).toFixed(2)}× (${uninit.at(-1).heapGrowthMb.toFixed(1)} / ${init.at(-1).heapGrowthMb.toFixed(1)} MB)`,
      'flat past the cap, ≤ 20 MB',
      yesNo(worst <= 20 && flat(init) && flat(uninit)),
    );
  }
  if (cold) {
    const { generation, help: helpRuns } = cold;
    const wallB = median(generation.b.map((r) => r.ms));
    row(
      '6',
      `Generation through the bin, cold, wall time (\`--yes --platform react --skip-install\`, fresh copy of examples/react-app: no formatter configuration): B ${numberCell(generation.b.map((r) => r.ms), 'ms')}, A ${numberCell(generation.a.map((r) => r.ms), 'ms')}`,
      'bin generation vs. `node -e 0`',
      ratioCell(generation.wall),
      '≤ 4×, and B ≤ 500 ms on an idle machine',
      `${yesNo(median(generation.wall) <= 4)} (ratio), ${yesNo(wallB <= 500)} (B ≤ 500 ms)`,
    );
    row(
      '6',
      `Generation through the bin, cold, CPU time (user + system): B ${numberCell(generation.b.map((r) => r.cpuMs), 'ms')}, A ${numberCell(generation.a.map((r) => r.cpuMs), 'ms')}`,
      'same runs',
      ratioCell(generation.cpu),
      '≤ 4×',
      yesNo(median(generation.cpu) <= 4),
    );
    const rss = generation.b.map((r) => r.rssMb);
    row(
      '6',
      `Generation through the bin, peak RSS: B ${numberCell(rss, 'MB')}, A ${numberCell(generation.a.map((r) => r.rssMb), 'MB')}`,
      'same runs',
      ratioCell(generation.rss),
      'B ≤ 80 MB',
      yesNo(median(rss) <= 80),
    );
    row(
      '6',
      `\`--help\` through the bin, wall time: B ${numberCell(helpRuns.b.map((r) => r.ms), 'ms')}, A ${numberCell(helpRuns.a.map((r) => r.ms), 'ms')}; CPU time B ${numberCell(helpRuns.b.map((r) => r.cpuMs), 'ms')}, A ${numberCell(helpRuns.a.map((r) => r.cpuMs), 'ms')} (CPU ratio ${ratioCell(helpRuns.cpu)})`,
      '`--help` vs. `node -e 0`',
      ratioCell(helpRuns.wall),
      '≤ 2×',
      yesNo(median(helpRuns.wall) <= 2),
    );
  }
  if (footprint) {
    const { ours, theirs, install } = footprint;
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    row(
      '7',
      `What installing the packed tarball (${(footprint.tarballBytes / 1024).toFixed(0)} kB) puts in node_modules: ${ours.packages} packages, ${mb(ours.bytes)}; ${CREATE_VITE}: ${theirs.packages} packages, ${mb(theirs.bytes)}`,
      'generator-configcat-amplitude vs. create-vite',
      `${ours.packages} vs. ${theirs.packages} packages; ${(ours.bytes / theirs.bytes).toFixed(1)}× the bytes`,
      '≤ 15 packages',
      yesNo(ours.packages <= 15),
    );
    row(
      '7',
      `Install time from a primed local npm cache (\`npm install --offline\` into an empty project): B ${numberCell(install.b.map((r) => r.ms), 'ms')}, A ${numberCell(install.a.map((r) => r.ms), 'ms')}`,
      'the tarball vs. create-vite',
      ratioCell(install.wall),
      '—',
      '—',
    );
  }
  return rows.join('\n');
}

async function main() {
  const facts = machine();
  log(`${facts.model}, ${facts.cores} cores, Node ${facts.node}, load ${facts.load}${QUICK ? ' (--quick)' : ''}${HOOK_ONLY ? ' (--hook-only)' : ''}`);
  log('preparing: the Node wiring rendered by the bin and compiled with esbuild');
  await prepare();
  const cap = documentedCap();

  const bin = HOOK_ONLY ? undefined : await generationThroughBin();
  const yo = HOOK_ONLY ? undefined : await generationThroughYo();
  const help = HOOK_ONLY ? undefined : await helpThroughBin();
  const added = HOOK_ONLY ? undefined : await phases();
  const cold = HOOK_ONLY ? undefined : await coldStart();
  const footprint = HOOK_ONLY ? undefined : await installFootprint();

  const servers = await startServers();
  let rounds;
  let paired;
  let mem;
  let edge;
  try {
    rounds = await hookRounds(servers);
    paired = await pairedHook(servers);
    mem = await memory(servers);
    edge = await edges(servers, cap);
  } finally {
    await servers.close();
  }

  const loadAfter = machine().load;
  const body = table({ bin, help, yo, added, rounds, paired, mem, cap, edge, cold, footprint });
  const notes = [
    `Machine: ${facts.model}, ${facts.cores} cores, Node ${facts.node}, ${facts.date}; load average ${facts.load} before, ${loadAfter} after (the machine is shared).`,
    ...(added
      ? [
          `Row 1 detail, cold in one process (median of ${COUNTS.phases}): loading the generator's modules ${added.importMs.toFixed(0)} ms; rendering ${added.renderMs.toFixed(0)} ms (precompiled templates, Handlebars runtime); formatting ${added.formatMs.toFixed(0)} ms (Prettier load + plugins + format): ${added.byFile.map((f) => `${f.path} ${f.renderMs.toFixed(0)} + ${f.formatMs.toFixed(0)} ms`).join(', ')}.`,
        ]
      : []),
  ].join('\n\n');
  const output = `${body}\n\n${notes}\n`;
  process.stdout.write(`${output}`);
  if (!QUICK && !HOOK_ONLY) writeResults(output);
}

function writeResults(output) {
  const path = join(REPO_ROOT, 'bench/RESULTS.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const marker = '<!-- bench:table -->';
  const section = `${marker}\n${output}${marker}`;
  const next = previous.includes(marker) ? previous.replace(new RegExp(`${marker}[\\s\\S]*${marker}`), () => section) : `# Benchmark results\n\n${section}\n`;
  writeFileSync(path, next);
  log('wrote bench/RESULTS.md');
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
