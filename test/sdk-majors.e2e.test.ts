import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_MAJORS, type AmplitudeCapabilities, type ConfigcatCapabilities, type SdkPackageName, type VersionEntry } from '../generators/lib/sdk-majors.js';
import { REPO_ROOT } from './support/generate.js';
import { amplitudeTypeChecks, configcatTypeChecks, verifiedVersions, type TypeCheck } from './support/sdk-majors-checks.js';
import { installToolchain, linkToolchain } from './support/toolchain.js';

/**
 * Every claim of SDK_MAJORS against the real packages: each version an entry lists as verified is
 * installed from the registry (all of them in one toolchain, under npm aliases), type-checked
 * against the entry's capabilities, and run: ConfigCat clients with flag overrides in LocalOnly
 * mode (no network) must fire `flagEvaluated` as claimed; Amplitude must deliver a `$exposure`
 * and an Identify to a local server when started the claimed way.
 */

const VERSIONS = verifiedVersions(SDK_MAJORS);
const PROBE = join(REPO_ROOT, 'test/support/sdk-probe.mjs');

const TOOLCHAIN = {
  dependencies: {
    ...Object.fromEntries(VERSIONS.map(({ packageName, version, alias }) => [alias, `npm:${packageName}@${version}`])),
    react: '^19.3.1',
    'react-dom': '^19.3.1',
    vue: '^3.5.13',
    '@types/react': '^19.3.3',
    '@types/node': '^20.19.43',
  },
};

type Probe = Record<string, unknown> & { exports: Record<string, string>; error?: string };

let project: string;
const typeErrors = new Map<string, string[]>();
const probes = new Map<string, Probe>();

function checksOf(alias: string, entry: VersionEntry): TypeCheck[] {
  if (!entry.supported) return [];
  return entry.capabilities.kind === 'configcat' ? configcatTypeChecks(alias, entry.capabilities) : amplitudeTypeChecks(alias, entry.capabilities);
}

/**
 * How a project resolves the packages: ESM and CommonJS under `NodeNext` (one program: a `.cts`
 * file is CommonJS, so packages give their `require` types), and `Bundler` (Vite, Next.js).
 */
const SETUPS = ['nodenext-esm', 'nodenext-cjs', 'bundler'] as const;
type Setup = (typeof SETUPS)[number];

function appliesTo(setup: Setup, check: TypeCheck): boolean {
  return setup !== 'nodenext-cjs' || check.extension === 'ts';
}

function fileOf(setup: Setup, alias: string, index: number, check: TypeCheck): string {
  const extension = setup === 'nodenext-cjs' ? 'cts' : check.extension;
  return join(project, setup === 'bundler' ? 'bundler' : 'nodenext', `${alias}--${index}.${extension}`);
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  // The SDKs' own declaration files are not what is checked (some need DOM types, some fail under
  // settings a project may use): the check files' errors are still reported.
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
};

function typeCheck(files: readonly string[], options: ts.CompilerOptions): void {
  const program = ts.createProgram(files, { ...COMPILER_OPTIONS, typeRoots: [join(project, 'node_modules/@types')], ...options });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '(global)';
    const list = typeErrors.get(file) ?? [];
    list.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    typeErrors.set(file, list);
  }
}

/** One program per resolution mode for every check file: the packages' declarations are read once. */
function typeCheckAll(): void {
  const files = new Map<'nodenext' | 'bundler', string[]>([
    ['nodenext', []],
    ['bundler', []],
  ]);
  mkdirSync(join(project, 'nodenext'));
  mkdirSync(join(project, 'bundler'));
  for (const { alias, entry } of VERSIONS) {
    checksOf(alias, entry).forEach((check, index) => {
      for (const setup of SETUPS.filter((candidate) => appliesTo(candidate, check))) {
        const file = fileOf(setup, alias, index, check);
        writeFileSync(file, check.code);
        files.get(setup === 'bundler' ? 'bundler' : 'nodenext')!.push(file);
      }
    });
  }
  typeCheck(files.get('nodenext')!, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  typeCheck(files.get('bundler')!, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler });
}

function probeRequest(packageName: SdkPackageName, entry: VersionEntry, alias: string): Record<string, unknown> {
  const kind =
    packageName === 'configcat-react' ? 'react' : packageName === 'configcat-vue' ? 'vue' : packageName.startsWith('@configcat') || packageName.startsWith('configcat') ? 'configcat' : 'amplitude';
  const request: Record<string, unknown> = { kind, module: alias };
  if (entry.supported && entry.capabilities.kind === 'configcat') request['providerId'] = entry.capabilities.providerId === true;
  if (entry.supported && entry.capabilities.kind === 'amplitude') request['initForm'] = entry.capabilities.init;
  // An analytics-browser release that fails to start: started the way its major is.
  if (!entry.supported && packageName === '@amplitude/analytics-browser') request['initForm'] = 'init(apiKey, userId, options)';
  return request;
}

const run = promisify(execFile);

async function probe(request: Record<string, unknown>): Promise<Probe> {
  const { stdout } = await run(process.execPath, [PROBE, JSON.stringify(request)], { cwd: project, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Probe;
}

/** Runs the probes a few at a time (each is mostly waiting on module loading and a local server). */
async function probeAll(): Promise<void> {
  const jobs: (() => Promise<void>)[] = [];
  for (const { packageName, entry, alias } of VERSIONS) {
    const request = probeRequest(packageName, entry, alias);
    jobs.push(async () => {
      probes.set(alias, await probe(request));
    });
    // analytics-browser 0.x and 1.x: the two-argument form is what the entry warns about.
    if (entry.supported && entry.capabilities.kind === 'amplitude' && entry.capabilities.init === 'init(apiKey, userId, options)') {
      jobs.push(async () => {
        probes.set(`${alias} two-argument init`, await probe({ ...request, initForm: 'init(apiKey, options)' }));
      });
    }
  }
  const workers = Array.from({ length: 3 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  });
  await Promise.all(workers);
}

beforeAll(async () => {
  const toolchain = installToolchain(TOOLCHAIN);
  project = mkdtempSync(join(tmpdir(), 'cca-sdk-majors-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sdk-majors', private: true, type: 'module' }));
  linkToolchain(toolchain, project);
  // Type checking is CPU-bound and the probes mostly wait: both at once.
  const probing = probeAll();
  typeCheckAll();
  await probing;
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe.each(VERSIONS.map((version) => [`${version.packageName}@${version.version}`, version] as const))('%s', (_, { packageName, entry, alias, version }) => {
  if (entry.supported) {
    // A capability an entry lacks is what its lowest version lacks (a later release of the range may
    // have it): those checks run against the first version listed.
    const lowest = version === entry.verified[0];
    const checks = checksOf(alias, entry)
      .flatMap((check, index) => SETUPS.filter((setup) => appliesTo(setup, check)).map((setup) => [setup, check.name, check, index] as const))
      .filter(([, , check]) => check.compiles || lowest);
    it.each(checks)('types (%s): %s', (setup, _name, check, index) => {
      const errors = typeErrors.get(fileOf(setup, alias, index, check)) ?? [];
      if (check.compiles) expect(errors, check.code).toEqual([]);
      else expect(errors.join('\n'), `expected a type error:\n${check.code}`).toMatch(check.expectedError!);
    });
  }

  it('runs as claimed', () => {
    const result = probes.get(alias)!;
    if (!entry.supported) {
      expectUnsupported(packageName, result);
      return;
    }
    expect(result.error).toBeUndefined();
    if (entry.capabilities.kind === 'configcat') {
      expectConfigcat(entry.capabilities, result);
    } else {
      expectAmplitude(entry.capabilities, result, probes.get(`${alias} two-argument init`));
    }
  });
});

function expectUnsupported(packageName: SdkPackageName, result: Probe): void {
  if (packageName === '@amplitude/analytics-browser') {
    expect(result.error).toMatch(/Cannot read properties of undefined \(reading 'call'\)/);
    return;
  }
  expect(result.error).toBeUndefined();
  if (packageName === 'amplitude-js' || packageName === '@amplitude/node') {
    // No `track`/`Identify`-based API as the wiring uses it.
    expect(result.exports['track']).toBe('undefined');
    return;
  }
  if (packageName === 'configcat-react') {
    // The provider's client has no `on`, and `setupHooks` never runs.
    expect(result['on']).toBe('undefined');
    expect(result['viaSetupHooks']).toBe(0);
    return;
  }
  expect(result.exports['getClient']).toBe('undefined');
  expect(result.exports['PollingMode']).toBe('undefined');
  expect(result.exports['createClientWithAutoPoll']).toBe('function');
}

interface ObservedDetails {
  key: string;
  value: unknown;
  variationId: unknown;
  userIdentifier: string | null;
  isDefaultValue: boolean;
  hasErrorCode: boolean;
  errorCode: number | null;
}

function expectConfigcat(c: ConfigcatCapabilities, result: Probe): void {
  expect(['function', 'object']).toContain(result.exports[c.clientFactory]);
  if (c.clientFactory !== 'ConfigCatPlugin') {
    // The wiring imports it for --configcat-data-governance eu, from the project's own package.
    expect(result.exports['DataGovernance']).toBe('object');
    expect(result['dataGovernanceEuOnly']).toBe(1);
  }
  if (c.clientFactory === 'getClient') {
    expect(result.exports['PollingMode']).toBe('object');
    expect(result['oneClientPerKey']).toBe(true);
    expect(result['listenerCountAfterOff']).toBe(1);
  }
  // Hooks: both ways fire, for a served value and for a failed evaluation (default value).
  expect([result['on'], result['off'], result['listeners']]).toEqual(['function', 'function', 'function']);
  const evaluations = c.snapshot ? 3 : 2;
  expect(result['viaSetupHooks']).toBe(evaluations);
  expect(result['viaOn']).toBe(evaluations);
  expect(result['listenerCount']).toBe(2);
  const details = result['details'] as ObservedDetails;
  expect(details).toMatchObject({ key: 'flag', value: true, userIdentifier: 'user-123', isDefaultValue: false, hasErrorCode: c.errorCode });
  expect(details.variationId).toBe(c.emptyVariationIdFromOverrides ? '' : '(undefined)');
  const missing = result['missing'] as ObservedDetails;
  expect(missing).toMatchObject({ key: 'missing', value: 'fallback', userIdentifier: 'user-456', isDefaultValue: true, hasErrorCode: c.errorCode });
  if (c.errorCode) expect([details.errorCode, missing.errorCode]).toEqual([0, 1001]);
  expect(result['snapshot']).toBe(c.snapshot ? 'function' : 'undefined');
  if (c.snapshot) expect(result['snapshotFired']).toBe(true);
  if (c.providerId) {
    expect(result['secondProviderClientIsOther']).toBe(true);
    expect(result['secondProviderValue']).toBe(false);
  }
  if (c.clientFactory === 'ConfigCatPlugin') {
    expect(result['providedAs']).toBe('configCatClient');
    expect(result['sameClientAsConfigcatSdk']).toBe(!c.bundlesOwnSdk);
  }
}

function expectAmplitude(c: AmplitudeCapabilities, result: Probe, twoArgument: Probe | undefined): void {
  for (const name of ['track', 'identify', 'Identify']) expect(result.exports[name], name).toBe('function');
  expect(result.exports['flush']).toBe(c.flush ? 'function' : 'undefined');
  expect([result.exports['getDeviceId'], result.exports['getUserId']]).toEqual(c.visitorIds ? ['function', 'function'] : ['undefined', 'undefined']);
  expect(result['initResult']).toBe(c.initResult);
  if (c.init === 'initAll(apiKey, { analytics })') {
    expect(result.exports['init']).toBe('undefined');
    // initAll needs a page (its engagement plugin); Chromium tests cover what it sends.
    return;
  }
  expect(result['trackResult']).toBe('{ promise }');
  expect(result['identifyResult']).toBe('{ promise }');
  if (c.flush) expect(result['flushResult']).toBe('{ promise }');
  expect(result['received']).toEqual([
    { event_type: '$exposure', user_id: 'user-123', event_properties: { flag_key: 'newCheckout', variant: 'on' }, user_properties: null },
    { event_type: '$identify', user_id: 'user-123', event_properties: null, user_properties: { $set: { configcat_newCheckout: 'on' } } },
  ]);
  if (c.init === 'init(apiKey, userId, options)') {
    // Called with (apiKey, options), the options become the user ID: serverUrl is ignored, and the
    // events go to Amplitude's default endpoint (answered in the probe, never sent).
    expect(twoArgument?.error).toBeUndefined();
    expect(twoArgument?.['received']).toEqual([]);
    expect(twoArgument?.['elsewhere']).toContain('https://api2.amplitude.com/2/httpapi');
  }
}
