import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which versions of each ConfigCat and Amplitude SDK the generated code works with, and what it
 * can use from each. Every entry was established by installing the versions in `verified` from the
 * registry and running them (test/sdk-majors.e2e.test.ts checks each claim again).
 *
 * A project that already has an SDK keeps its package and major; an entry that is not supported
 * says why, and which version to upgrade to.
 */

export type ConfigcatPackageName =
  | '@configcat/sdk'
  | 'configcat-node'
  | 'configcat-js'
  | 'configcat-js-ssr'
  | 'configcat-react'
  | 'configcat-vue';

export type AmplitudePackageName = '@amplitude/analytics-browser' | '@amplitude/analytics-node' | '@amplitude/unified';

/** Amplitude's earlier SDKs, with another API altogether: projects move off them. */
export type LegacyAmplitudePackageName = 'amplitude-js' | '@amplitude/node';

export type SdkPackageName = ConfigcatPackageName | AmplitudePackageName | LegacyAmplitudePackageName;

/** What the generated code can use from a ConfigCat package. */
export interface ConfigcatCapabilities {
  readonly kind: 'configcat';
  /**
   * `flagEvaluated` through both the `setupHooks` option and `client.on`/`off`/`listeners`. Every
   * supported entry has both; entries without hooks are not supported.
   */
  readonly hooks: 'setupHooks+on';
  /**
   * Where the client comes from: `getClient(sdkKey, PollingMode.AutoPoll, options)` (one client per
   * SDK key), the React `ConfigCatProvider` (props `sdkKey`, `pollingMode`, `options`) with
   * `useConfigCatClient()`, or the Vue `ConfigCatPlugin` (options `sdkKey`, `pollingMode`,
   * `clientOptions`; the client is provided as `configCatClient`).
   */
  readonly clientFactory: 'getClient' | 'ConfigCatProvider' | 'ConfigCatPlugin';
  /** The exported type of a `flagEvaluated` argument. */
  readonly detailsType: 'EvaluationDetails' | 'IEvaluationDetails';
  /** The details carry `errorCode` (0 when the evaluation succeeded). */
  readonly errorCode: boolean;
  /** The type of `details.user`: the `User` class, or the `IUser` interface (plain objects). */
  readonly userType: 'User' | 'IUser';
  /** `client.snapshot()` exists (and its `getValue` fires `flagEvaluated`). */
  readonly snapshot: boolean;
  /**
   * Exported auto-polling option types, the package's own first: Node, browser (JS), React; every
   * package also exports the generic `IAutoPollOptions`.
   */
  readonly autoPollOptionsTypes: readonly AutoPollOptionsType[];
  /**
   * A flag served by flag overrides has `variationId: ''` (an empty string), not `undefined`: code
   * that picks the variation ID with `??` gets an empty variant.
   */
  readonly emptyVariationIdFromOverrides: boolean;
  /** configcat-react: the provider takes an `id` prop and `useConfigCatClient(providerId)` takes it. */
  readonly providerId?: boolean;
  /**
   * configcat-vue: the plugin runs its own bundled copy of the SDK, so a client from `@configcat/sdk`'s
   * `getClient` is a second, independent client (the type declarations still come from `@configcat/sdk`).
   */
  readonly bundlesOwnSdk?: boolean;
}

export type AutoPollOptionsType = 'INodeAutoPollOptions' | 'IJSAutoPollOptions' | 'IReactAutoPollOptions' | 'IAutoPollOptions';

/** What the generated code can use from an Amplitude package. */
export interface AmplitudeCapabilities {
  readonly kind: 'amplitude';
  /**
   * How to start it:
   * - `init(apiKey, options)`: analytics-node, and analytics-browser 2.x (which also takes
   *   `init(apiKey, userId, options)`);
   * - `init(apiKey, userId, options)`: analytics-browser 0.x and 1.x, where a second argument is
   *   always the user ID (`init(apiKey, options)` type-fails, and at run time ignores the options and
   *   makes the options object the user ID);
   * - `initAll(apiKey, { analytics: options })`: @amplitude/unified, which has no `init`.
   */
  readonly init: 'init(apiKey, options)' | 'init(apiKey, userId, options)' | 'initAll(apiKey, { analytics })';
  /** What `init`/`initAll` returns: `{ promise }` (as `track`, `identify` and `flush` do), or a Promise. */
  readonly initResult: '{ promise }' | 'Promise';
  /** The options type under the package's `Types` namespace. */
  readonly optionsType: 'Types.NodeOptions' | 'Types.BrowserOptions';
  /** `flush()` exists (returning `{ promise }`). */
  readonly flush: boolean;
  /** `getDeviceId()` and `getUserId()` exist (browser SDKs). */
  readonly visitorIds: boolean;
  /**
   * `serverZone` accepts the string `'EU'` in every version of the range; the older releases type it as
   * the `ServerZone` enum only. (`serverUrl`, a string, is there in every entry.)
   */
  readonly serverZoneString: boolean;
}

export type SdkCapabilities = ConfigcatCapabilities | AmplitudeCapabilities;

export interface SupportedEntry<C extends SdkCapabilities = SdkCapabilities> {
  readonly supported: true;
  readonly capabilities: C;
}

export interface UnsupportedEntry {
  readonly supported: false;
  /** Why, in a few words after the package and version: "has no evaluation hooks". */
  readonly reason: string;
  /** What to install instead, as a package spec: `configcat-node@^11`. */
  readonly upgradeSpec: string;
  /** Another way out, appended in parentheses: "or move to @configcat/sdk". */
  readonly alternative?: string;
  /** The verb before the command: `upgrade` (the same package) or `migrate` (another one). */
  readonly verb?: 'upgrade' | 'migrate';
}

export type VersionEntry<C extends SdkCapabilities = SdkCapabilities> = (SupportedEntry<C> | UnsupportedEntry) & {
  /** First version covered (inclusive). */
  readonly from: string;
  /** First version no longer covered; absent: every later one. */
  readonly below?: string;
  /** The versions installed from the registry and checked; the last is the newest of the range there. */
  readonly verified: readonly string[];
};

const NODE_OPTIONS: readonly AutoPollOptionsType[] = ['INodeAutoPollOptions', 'IAutoPollOptions'];
const JS_OPTIONS: readonly AutoPollOptionsType[] = ['IJSAutoPollOptions', 'IAutoPollOptions'];
const REACT_OPTIONS: readonly AutoPollOptionsType[] = ['IReactAutoPollOptions', 'IAutoPollOptions'];

/** configcat-common 7 (the first with hooks and `getClient`): `IEvaluationDetails`, no snapshot, `''` variation IDs. */
const COMMON_7 = {
  kind: 'configcat',
  hooks: 'setupHooks+on',
  clientFactory: 'getClient',
  detailsType: 'IEvaluationDetails',
  errorCode: false,
  userType: 'User',
  snapshot: false,
  emptyVariationIdFromOverrides: true,
} as const;

/** configcat-common 8 and 9: snapshots, and no variation ID for overridden flags. */
const COMMON_8 = { ...COMMON_7, snapshot: true, emptyVariationIdFromOverrides: false } as const;

/** @configcat/sdk 1: `EvaluationDetails` (a union split on `isDefaultValue`), `errorCode`, `IUser`. */
const UNIFIED_SDK = { ...COMMON_8, detailsType: 'EvaluationDetails', errorCode: true, userType: 'IUser' } as const;

const NO_HOOKS = 'has no evaluation hooks';

const AMPLITUDE_NODE: AmplitudeCapabilities = {
  kind: 'amplitude',
  init: 'init(apiKey, options)',
  initResult: '{ promise }',
  optionsType: 'Types.NodeOptions',
  flush: true,
  visitorIds: false,
  serverZoneString: false,
};

const AMPLITUDE_BROWSER_1: AmplitudeCapabilities = {
  kind: 'amplitude',
  init: 'init(apiKey, userId, options)',
  initResult: '{ promise }',
  optionsType: 'Types.BrowserOptions',
  flush: true,
  visitorIds: true,
  serverZoneString: false,
};

export const SDK_MAJORS: { readonly [P in SdkPackageName]: readonly VersionEntry[] } = {
  '@configcat/sdk': [
    {
      from: '1.0.0',
      below: '2.0.0',
      supported: true,
      capabilities: { ...UNIFIED_SDK, autoPollOptionsTypes: ['INodeAutoPollOptions', 'IJSAutoPollOptions', 'IAutoPollOptions'] },
      verified: ['1.0.1', '1.1.0'],
    },
  ],
  'configcat-node': [
    // 2.x does not even load (it requires `semver` without depending on it); 3.x–8.x have
    // `createClient*` only: no `getClient`, `PollingMode` or `client.on`.
    { from: '0.0.0', below: '9.0.0', supported: false, reason: NO_HOOKS, upgradeSpec: 'configcat-node@^11', alternative: 'or move to @configcat/sdk', verified: ['3.1.2', '5.0.2', '6.10.0', '7.0.0', '8.0.0'] },
    { from: '9.0.0', below: '10.0.0', supported: true, capabilities: { ...COMMON_7, autoPollOptionsTypes: NODE_OPTIONS }, verified: ['9.1.0', '9.1.1'] },
    { from: '10.0.0', below: '11.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: NODE_OPTIONS }, verified: ['10.1.1'] },
    { from: '11.0.0', below: '12.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: NODE_OPTIONS }, verified: ['11.2.0', '11.4.1'] },
  ],
  'configcat-js': [
    { from: '0.0.0', below: '7.0.0', supported: false, reason: NO_HOOKS, upgradeSpec: 'configcat-js@^9', alternative: 'or move to @configcat/sdk', verified: ['2.1.3', '3.1.0', '4.0.5', '5.10.0', '6.0.1'] },
    { from: '7.0.0', below: '8.0.0', supported: true, capabilities: { ...COMMON_7, autoPollOptionsTypes: JS_OPTIONS }, verified: ['7.0.0', '7.0.1'] },
    { from: '8.0.0', below: '9.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: JS_OPTIONS }, verified: ['8.0.1'] },
    { from: '9.0.0', below: '10.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: JS_OPTIONS }, verified: ['9.0.0', '9.6.1'] },
  ],
  'configcat-js-ssr': [
    { from: '0.0.0', below: '6.0.0', supported: false, reason: NO_HOOKS, upgradeSpec: 'configcat-js-ssr@^8', alternative: 'or move to @configcat/sdk', verified: ['3.10.0', '5.6.1'] },
    { from: '6.0.0', below: '7.0.0', supported: true, capabilities: { ...COMMON_7, autoPollOptionsTypes: JS_OPTIONS }, verified: ['6.0.0'] },
    { from: '7.0.0', below: '8.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: JS_OPTIONS }, verified: ['7.1.1', '7.1.2'] },
    { from: '8.0.0', below: '9.0.0', supported: true, capabilities: { ...COMMON_8, autoPollOptionsTypes: JS_OPTIONS }, verified: ['8.1.0', '8.5.4'] },
  ],
  'configcat-react': [
    { from: '0.0.0', below: '2.0.0', supported: false, reason: NO_HOOKS, upgradeSpec: 'configcat-react@^5', verified: ['1.0.2'] },
    { from: '2.0.0', below: '3.0.0', supported: true, capabilities: { ...COMMON_7, clientFactory: 'ConfigCatProvider', autoPollOptionsTypes: REACT_OPTIONS, providerId: false }, verified: ['2.0.0', '2.3.0'] },
    { from: '3.0.0', below: '4.0.0', supported: true, capabilities: { ...COMMON_8, clientFactory: 'ConfigCatProvider', autoPollOptionsTypes: REACT_OPTIONS, providerId: false }, verified: ['3.0.0', '3.1.1'] },
    // The provider's `id` prop (several providers) came in 4.7.
    { from: '4.0.0', below: '4.7.0', supported: true, capabilities: { ...COMMON_8, clientFactory: 'ConfigCatProvider', autoPollOptionsTypes: REACT_OPTIONS, providerId: false }, verified: ['4.0.0', '4.6.0'] },
    { from: '4.7.0', below: '5.0.0', supported: true, capabilities: { ...COMMON_8, clientFactory: 'ConfigCatProvider', autoPollOptionsTypes: REACT_OPTIONS, providerId: true }, verified: ['4.7.0', '4.9.0'] },
    { from: '5.0.0', below: '6.0.0', supported: true, capabilities: { ...UNIFIED_SDK, clientFactory: 'ConfigCatProvider', autoPollOptionsTypes: REACT_OPTIONS, providerId: true }, verified: ['5.0.3', '5.1.0'] },
  ],
  'configcat-vue': [
    // The registry has 2.6.4 only; older versions are not known to work.
    { from: '0.0.0', below: '2.6.4', supported: false, reason: 'is older than the versions this generator was checked with', upgradeSpec: 'configcat-vue@^2.6.4', verified: [] },
    {
      from: '2.6.4',
      below: '3.0.0',
      supported: true,
      capabilities: { ...UNIFIED_SDK, clientFactory: 'ConfigCatPlugin', autoPollOptionsTypes: ['IAutoPollOptions'], bundlesOwnSdk: true },
      verified: ['2.6.4'],
    },
  ],
  '@amplitude/analytics-node': [
    { from: '0.0.0', below: '1.0.0', supported: true, capabilities: AMPLITUDE_NODE, verified: ['0.6.0'] },
    { from: '1.0.0', below: '2.0.0', supported: true, capabilities: AMPLITUDE_NODE, verified: ['1.0.0', '1.5.73'] },
  ],
  '@amplitude/analytics-browser': [
    { from: '0.0.0', below: '1.0.0', supported: true, capabilities: { ...AMPLITUDE_BROWSER_1, flush: false }, verified: ['0.5.1'] },
    // 1.0.2 (the first 1.x release) declares `@amplitude/analytics-core@^0.6.3`; installed today that
    // resolves to a core whose client has no `init`, and `init` fails ("reading 'call'").
    { from: '1.0.0', below: '1.0.3', supported: false, reason: 'fails to start when installed today', upgradeSpec: '@amplitude/analytics-browser@^2', verified: ['1.0.2'] },
    { from: '1.0.3', below: '2.0.0', supported: true, capabilities: AMPLITUDE_BROWSER_1, verified: ['1.0.3', '1.14.0'] },
    {
      from: '2.0.0',
      below: '3.0.0',
      supported: true,
      capabilities: { ...AMPLITUDE_BROWSER_1, init: 'init(apiKey, options)', serverZoneString: true },
      verified: ['2.0.0', '2.48.1'],
    },
  ],
  '@amplitude/unified': [
    {
      from: '1.0.0',
      below: '2.0.0',
      supported: true,
      capabilities: { kind: 'amplitude', init: 'initAll(apiKey, { analytics })', initResult: 'Promise', optionsType: 'Types.BrowserOptions', flush: true, visitorIds: true, serverZoneString: true },
      verified: ['1.0.3', '1.1.35'],
    },
  ],
  'amplitude-js': [
    {
      from: '0.0.0',
      supported: false,
      reason: "is Amplitude's legacy browser SDK (`getInstance().logEvent`), which this wiring does not use",
      upgradeSpec: '@amplitude/analytics-browser@^2',
      verb: 'migrate',
      verified: ['8.21.10'],
    },
  ],
  '@amplitude/node': [
    {
      from: '0.0.0',
      supported: false,
      reason: "is Amplitude's legacy Node SDK (`init(apiKey).logEvent`), which this wiring does not use",
      upgradeSpec: '@amplitude/analytics-node@^1',
      verb: 'migrate',
      verified: ['1.10.2'],
    },
  ],
};

/** The packages of SDK_MAJORS, for callers that hold a plain string. */
export function isKnownSdkPackage(name: string): name is SdkPackageName {
  return Object.prototype.hasOwnProperty.call(SDK_MAJORS, name);
}

// ---------------------------------------------------------------------------------------------
// Versions and ranges (a small subset of semver: what package.json files hold in practice).

/** `[major, minor, patch]`. */
export type Version = readonly [number, number, number];

const VERSION = /^v?(\d+)(?:\.(\d+|x|X|\*))?(?:\.(\d+|x|X|\*))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), numberOrZero(match[2]), numberOrZero(match[3])];
}

function numberOrZero(part: string | undefined): number {
  return part === undefined || !/^\d+$/.test(part) ? 0 : Number(part);
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

/**
 * The lowest version a package.json spec admits, or `undefined` when the spec says nothing about
 * the version: `*`, `latest` and other dist-tags, `workspace:`, `file:`, `link:`, git and URL specs.
 * `npm:<name>@<range>` is read for the range when `<name>` is `packageName`.
 *
 * The lowest, because a lockfile may hold any version the range admits: what is generated must
 * work with all of them (features are only added within a major).
 */
export function lowestAdmittedVersion(spec: string, packageName?: string): Version | undefined {
  let range = spec.trim();
  const alias = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)(?:@(.*))?$/.exec(range);
  if (alias) {
    if (packageName !== undefined && alias[1] !== packageName) return undefined;
    range = (alias[2] ?? '').trim();
  }
  if (range === '' || range === '*' || range === 'x' || range === 'X') return undefined;
  let lowest: Version | undefined;
  for (const alternative of range.split('||')) {
    const bound = lowestOfComparatorSet(alternative.trim());
    if (bound === 'unknown') return undefined;
    if (bound !== 'none' && (!lowest || compareVersions(bound, lowest) < 0)) lowest = bound;
  }
  return lowest;
}

/** `none`: the set admits nothing that can be told (e.g. only `<` bounds, which start at 0.0.0 anyway). */
function lowestOfComparatorSet(set: string): Version | 'unknown' | 'none' {
  if (set === '' || set === '*' || set === 'x' || set === 'X') return 'unknown';
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
  if (hyphen) return parseVersion(hyphen[1]!) ?? 'unknown';
  let lowest: Version = [0, 0, 0];
  // `>= 9.1.0` is `>=9.1.0`.
  for (const comparator of set.replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/)) {
    const match = /^(\^|~>?|>=|<=|>|<|=)?\s*(.+)$/.exec(comparator);
    if (!match) return 'unknown';
    const operator = match[1] ?? '';
    const text = match[2]!;
    if (text === '*' || text === 'x' || text === 'X') continue;
    const version = parseVersion(text);
    if (!version) return 'unknown';
    if (operator === '<' || operator === '<=') continue;
    const bound = operator === '>' ? nextAfter(text, version) : version;
    if (compareVersions(bound, lowest) > 0) lowest = bound;
  }
  return lowest;
}

/** The lowest version above `>text`: `>9` is `>=10.0.0`, `>9.1` is `>=9.2.0`, `>9.1.0` is `>=9.1.1`. */
function nextAfter(text: string, version: Version): Version {
  const parts = text.replace(/^v/, '').split(/[-+]/)[0]!.split('.').filter((part) => /^\d+$/.test(part)).length;
  if (parts <= 1) return [version[0] + 1, 0, 0];
  if (parts === 2) return [version[0], version[1] + 1, 0];
  return [version[0], version[1], version[2] + 1];
}

// ---------------------------------------------------------------------------------------------
// Support.

export interface SdkSupported<C extends SdkCapabilities = SdkCapabilities> {
  readonly supported: true;
  readonly capabilities: C;
  /** The version judged, and where it came from. */
  readonly version: string;
  /**
   * `installed`: node_modules; `declared`: the lowest version the declared range admits;
   * `newest`: neither tells (e.g. `latest`, `workspace:*`, nothing installed), so the newest
   * supported entry is assumed, as a fresh install would give it.
   */
  readonly basis: 'installed' | 'declared' | 'newest';
}

export interface SdkUnsupported {
  readonly supported: false;
  /** One line for the user, ending in the upgrade command. */
  readonly message: string;
  /** What to install instead: `configcat-node@^11`. */
  readonly upgradeSpec: string;
  readonly version: string;
  readonly basis: 'installed' | 'declared';
}

export type SdkSupport<C extends SdkCapabilities = SdkCapabilities> = SdkSupported<C> | SdkUnsupported;

export interface SdkSupportOptions {
  /** The version installed in the project (see `installedVersion`): it beats the declared range. */
  readonly installedVersion?: string;
  /** The project's install command for a package spec; `npm install <spec>` when not given. */
  readonly installCommand?: (packageSpec: string) => string;
}

/**
 * Whether the generated code works with `packageName` as the project declares it (`declaredRange`,
 * the package.json spec) or, better, as installed (`options.installedVersion`).
 */
export function sdkSupport(packageName: ConfigcatPackageName, declaredRange: string | undefined, options?: SdkSupportOptions): SdkSupport<ConfigcatCapabilities>;
export function sdkSupport(packageName: AmplitudePackageName | LegacyAmplitudePackageName, declaredRange: string | undefined, options?: SdkSupportOptions): SdkSupport<AmplitudeCapabilities>;
export function sdkSupport(packageName: SdkPackageName, declaredRange: string | undefined, options?: SdkSupportOptions): SdkSupport;
export function sdkSupport(packageName: SdkPackageName, declaredRange: string | undefined, options: SdkSupportOptions = {}): SdkSupport {
  const entries = SDK_MAJORS[packageName];
  if (!entries) throw new Error(`Unknown SDK package ${packageName}`);
  const installed = options.installedVersion === undefined ? undefined : parseVersion(options.installedVersion);
  const declared = installed ? undefined : declaredRange === undefined ? undefined : lowestAdmittedVersion(declaredRange, packageName);
  const judged = installed ?? declared;
  if (!judged) {
    const newest = [...entries].reverse().find((entry): entry is VersionEntry & SupportedEntry => entry.supported);
    if (newest) return { supported: true, capabilities: newest.capabilities, version: newest.verified.at(-1) ?? newest.from, basis: 'newest' };
    // A legacy package: every version is unsupported.
    return unsupported(packageName, entries[entries.length - 1] as VersionEntry & UnsupportedEntry, undefined, 'declared', options);
  }
  const basis = installed ? 'installed' : 'declared';
  // Outside the table (a major released later, or before the first one listed): the nearest range.
  const entry = entryFor(entries, judged) ?? (compareVersions(judged, parseVersion(entries[0]!.from)!) < 0 ? entries[0]! : entries[entries.length - 1]!);
  if (entry.supported) return { supported: true, capabilities: entry.capabilities, version: formatVersion(judged), basis };
  return unsupported(packageName, entry, judged, basis, options);
}

/** The entry covering `version`, if any. */
export function entryFor(entries: readonly VersionEntry[], version: Version): VersionEntry | undefined {
  return entries.find(
    (entry) =>
      compareVersions(version, parseVersion(entry.from)!) >= 0 && (entry.below === undefined || compareVersions(version, parseVersion(entry.below)!) < 0),
  );
}

function unsupported(
  packageName: SdkPackageName,
  entry: UnsupportedEntry,
  version: Version | undefined,
  basis: 'installed' | 'declared',
  options: SdkSupportOptions,
): SdkUnsupported {
  const install = (options.installCommand ?? ((spec: string) => `npm install ${spec}`))(entry.upgradeSpec);
  const shown = version === undefined ? '' : ` ${basis === 'installed' ? formatVersion(version) : `${version[0]}.x`}`;
  const alternative = entry.alternative ? ` (${entry.alternative})` : '';
  return {
    supported: false,
    message: `${packageName}${shown} ${entry.reason}: ${entry.verb ?? 'upgrade'} with \`${install}\`${alternative}, then run again.`,
    upgradeSpec: entry.upgradeSpec,
    version: version === undefined ? '' : formatVersion(version),
    basis,
  };
}

/**
 * The version of `packageName` installed for the project in `projectDir`: node_modules/<name>/package.json
 * in the project or a folder above it (workspaces hoist), or `undefined`.
 */
export function installedVersion(projectDir: string, packageName: string): string | undefined {
  for (let dir = projectDir; ; ) {
    const path = join(dir, 'node_modules', packageName, 'package.json');
    if (existsSync(path)) {
      try {
        const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
        return typeof version === 'string' && parseVersion(version) ? version : undefined;
      } catch {
        return undefined;
      }
    }
    const parent = join(dir, '..');
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The major of the installed version (see `installedVersion`), or `undefined`. */
export function installedMajor(projectDir: string, packageName: string): number | undefined {
  const version = installedVersion(projectDir, packageName);
  return version === undefined ? undefined : parseVersion(version)![0];
}
