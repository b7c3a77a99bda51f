import type { AmplitudeCapabilities, ConfigcatCapabilities, SdkPackageName, VersionEntry } from '../../generators/lib/sdk-majors.js';

/**
 * The type-level claims of SDK_MAJORS as small TypeScript files, one set per installed version:
 * what must compile, and, for every capability an entry lacks, a file that must not.
 */

export interface TypeCheck {
  /** Short name for failure messages. */
  readonly name: string;
  readonly extension: 'ts' | 'tsx';
  readonly code: string;
  /** false: the file must have at least one error (the entry claims the API is absent). */
  readonly compiles: boolean;
  /** For a file that must not compile: what one of its errors says (not, say, a missing module). */
  readonly expectedError?: RegExp;
}

/** The npm alias a version is installed under: `sdk--configcat-node--9.1.0`. */
export function aliasOf(packageName: SdkPackageName, version: string): string {
  return `sdk--${packageName.replace(/^@/, '').replace('/', '__')}--${version}`;
}

const ALL_OPTIONS_TYPES = ['INodeAutoPollOptions', 'IJSAutoPollOptions', 'IReactAutoPollOptions', 'IAutoPollOptions'] as const;

export function configcatTypeChecks(alias: string, capabilities: ConfigcatCapabilities): TypeCheck[] {
  const c = capabilities;
  const checks: TypeCheck[] = [];
  const must = (name: string, code: string, extension: 'ts' | 'tsx' = 'ts') => checks.push({ name, code, extension, compiles: true });
  const mustNot = (name: string, code: string, expectedError: RegExp, extension: 'ts' | 'tsx' = 'ts') =>
    checks.push({ name, code, extension, compiles: false, expectedError });

  // What the wiring module does with the details, and how it registers.
  const wiring = `import type { ${c.detailsType} as Details, IConfigCatClient, IProvidesHooks, SettingValue } from '${alias}';
export function send(details: Details): void {
  const key: string = details.key;
  const value: SettingValue = details.value;
  const variationId: string | null | undefined = details.variationId;
  const userId: string | undefined = details.user?.identifier;
  const isDefault: boolean = details.isDefaultValue;
  void [key, value, variationId, userId, isDefault];
}
export function hooks(h: IProvidesHooks): void {
  h.on('flagEvaluated', send);
}
export function attach(client: IConfigCatClient): () => void {
  if (!client.listeners('flagEvaluated').includes(send)) client.on('flagEvaluated', send);
  return () => {
    client.off('flagEvaluated', send);
  };
}
`;
  must('wiring', wiring);

  if (c.clientFactory !== 'ConfigCatPlugin') {
    // What `configCatEndpointOptions` returns with --configcat-data-governance eu, spread into each factory's options.
    must(
      'endpoint options',
      `import { DataGovernance, type IAutoPollOptions } from '${alias}';
export function endpoints(baseUrl: string | undefined): Pick<IAutoPollOptions, 'baseUrl' | 'dataGovernance'> {
  return { dataGovernance: DataGovernance.EuOnly, ...(baseUrl ? { baseUrl } : {}) };
}
`,
    );
  }

  if (c.clientFactory === 'getClient') {
    const options = c.autoPollOptionsTypes[0]!;
    must(
      'getClient',
      `import { getClient, PollingMode, type ${c.detailsType} as Details, type IConfigCatClient, type ${options} } from '${alias}';
function send(details: Details): void { void details; }
export function create(sdkKey: string, options?: ${options}): IConfigCatClient {
  const withEndpoint: ${options} = { baseUrl: 'https://proxy.example', ...options };
  const client = getClient(sdkKey, PollingMode.AutoPoll, { ...withEndpoint, setupHooks: (hooks) => hooks.on('flagEvaluated', send) });
  client.on('flagEvaluated', send);
  return client;
}
`,
    );
  } else {
    mustNot('no getClient', `import { getClient } from '${alias}';\nvoid getClient;\n`, /has no exported member .*'getClient'/);
  }

  if (c.clientFactory === 'ConfigCatProvider') {
    must(
      'provider',
      `import type { ComponentProps, ReactNode } from 'react';
import { ConfigCatProvider, useConfigCatClient, type IAutoPollOptions, type IProvidesHooks, type IReactAutoPollOptions } from '${alias}';
function hooks(h: IProvidesHooks): void { h.on('flagEvaluated', () => undefined); }
declare function endpoints(): Pick<IAutoPollOptions, 'baseUrl' | 'dataGovernance'>;
type Props = Omit<ComponentProps<typeof ConfigCatProvider>, 'sdkKey'> & { sdkKey?: string; children?: ReactNode };
export function Wired({ sdkKey = 'key', options, children, ...props }: Props) {
  const withHooks: IReactAutoPollOptions = { ...options, setupHooks: hooks };
  return <ConfigCatProvider {...props} sdkKey={sdkKey} options={withHooks}><Child />{children}</ConfigCatProvider>;
}
export function WithEndpoints({ sdkKey = 'key', options, children, ...props }: Props) {
  return <ConfigCatProvider {...props} sdkKey={sdkKey} options={ { ...endpoints(), ...options, setupHooks: hooks } }>{children}</ConfigCatProvider>;
}
function Child() {
  const client = useConfigCatClient();
  client.on('flagEvaluated', () => undefined);
  return null;
}
`,
      'tsx',
    );
    const providerId = `import type { ComponentProps } from 'react';
import { ConfigCatProvider, useConfigCatClient } from '${alias}';
type Props = Omit<ComponentProps<typeof ConfigCatProvider>, 'sdkKey'>;
export function id(props: Props): string | undefined { return props.id; }
export function Second() {
  useConfigCatClient('second');
  return <ConfigCatProvider id="second" sdkKey="key" />;
}
`;
    if (c.providerId) must('provider id', providerId, 'tsx');
    else mustNot('no provider id', providerId, /Property 'id' does not exist|Expected 0 arguments/, 'tsx');
  }

  if (c.clientFactory === 'ConfigCatPlugin') {
    must(
      'plugin',
      `import { createApp } from 'vue';
import { ConfigCatPlugin, type ConfigCatPluginOptions, type IProvidesHooks } from '${alias}';
function hooks(h: IProvidesHooks): void { h.on('flagEvaluated', () => undefined); }
const options: ConfigCatPluginOptions = { sdkKey: 'key', clientOptions: { setupHooks: hooks } };
createApp({}).use(ConfigCatPlugin, options);
`,
    );
  }

  for (const type of ALL_OPTIONS_TYPES) {
    const code = `import type { ${type}, IProvidesHooks } from '${alias}';\nexport const options = (setupHooks: (hooks: IProvidesHooks) => void): ${type} => ({ setupHooks });\n`;
    if (c.autoPollOptionsTypes.includes(type)) must(`options type ${type}`, code);
    else mustNot(`no options type ${type}`, code, new RegExp(`has no exported member .*'${type}'`));
  }

  if (c.detailsType === 'IEvaluationDetails') mustNot('no EvaluationDetails', `import type { EvaluationDetails } from '${alias}';\nexport type T = EvaluationDetails;\n`, /has no exported member .*'EvaluationDetails'/);

  const errorCode = `import type { ${c.detailsType} as Details } from '${alias}';\nexport const code = (details: Details): number => details.errorCode;\n`;
  if (c.errorCode) must('errorCode', errorCode);
  else mustNot('no errorCode', errorCode, /Property 'errorCode' does not exist/);

  if (c.userType === 'User') {
    must('user is User', `import type { ${c.detailsType} as Details, User } from '${alias}';\nexport const user = (details: Details): User | undefined => details.user;\n`);
    mustNot('no IUser', `import type { IUser } from '${alias}';\nexport type T = IUser;\n`, /has no exported member .*'IUser'/);
  } else {
    must('user is IUser', `import type { ${c.detailsType} as Details, IUser } from '${alias}';\nexport const user = (details: Details): IUser | undefined => details.user;\n`);
  }

  const snapshot = `import type { IConfigCatClient } from '${alias}';\nexport const value = (client: IConfigCatClient): boolean => client.snapshot().getValue('flag', false);\n`;
  if (c.snapshot) must('snapshot', snapshot);
  else mustNot('no snapshot', snapshot, /Property 'snapshot' does not exist/);

  return checks;
}

export function amplitudeTypeChecks(alias: string, capabilities: AmplitudeCapabilities): TypeCheck[] {
  const c = capabilities;
  const checks: TypeCheck[] = [];
  const must = (name: string, code: string) => checks.push({ name, code, extension: 'ts', compiles: true });
  const mustNot = (name: string, code: string, expectedError: RegExp) => checks.push({ name, code, extension: 'ts', compiles: false, expectedError });
  const head = `import * as amplitude from '${alias}';\n`;
  const options = `amplitude.${c.optionsType}`;
  const start = {
    'init(apiKey, options)': 'amplitude.init(apiKey, options).promise',
    'init(apiKey, userId, options)': 'amplitude.init(apiKey, undefined, options).promise',
    'initAll(apiKey, { analytics })': 'amplitude.initAll(apiKey, { analytics: options })',
  }[c.init];

  must(
    'wiring',
    `${head}export function start(apiKey: string, options: ${options} = {}): Promise<void> {
  return ${start};
}
export function send(userId?: string): void {
  const eventProperties: Record<string, string> = { flag_key: 'newCheckout', variant: 'on' };
  amplitude.track('$exposure', eventProperties, userId === undefined ? undefined : { user_id: userId });
  amplitude.identify(new amplitude.Identify().set('configcat_newCheckout', 'on'), userId === undefined ? undefined : { user_id: userId });
}
export const proxied: ${options} = { serverUrl: 'https://example.com/2/httpapi' };
`,
  );
  if (c.init === 'init(apiKey, userId, options)') {
    mustNot('no init(apiKey, options)', `${head}export const start = (apiKey: string, options: ${options}) => amplitude.init(apiKey, options);\n`, /is not assignable to parameter of type 'string'/);
  }
  if (c.init === 'init(apiKey, options)' && c.optionsType === 'Types.BrowserOptions') {
    must('init(apiKey, userId, options) too', `${head}export const start = (apiKey: string, options: ${options}): Promise<void> => amplitude.init(apiKey, undefined, options).promise;\n`);
  }
  if (c.init === 'initAll(apiKey, { analytics })') mustNot('no init', `${head}export const start = amplitude.init;\n`, /Property 'init' does not exist/);

  const flush = `${head}export async function flush(): Promise<void> {\n  await amplitude.flush().promise;\n}\n`;
  if (c.flush) must('flush', flush);
  else mustNot('no flush', flush, /Property 'flush' does not exist/);

  const visitor = `${head}export const visitor = (): [string | undefined, string | undefined] => [amplitude.getDeviceId(), amplitude.getUserId()];\n`;
  if (c.visitorIds) must('getDeviceId/getUserId', visitor);
  else mustNot('no getDeviceId/getUserId', visitor, /Property 'get(DeviceId|UserId)' does not exist/);

  // The wiring's plugin, as the TypeScript module writes it for every release (see `watchAmplitudeStart`).
  must(
    'plugin',
    `${head}type AmplitudePlugin = Parameters<typeof amplitude.add>[0];
let minIdLength: number | undefined;
export function watch(): void {
  const plugin = {
    name: 'watch',
    type: 'enrichment',
    setup: (config) => {
      minIdLength = config.minIdLength;
      return Promise.resolve();
    },
    execute: (event) => Promise.resolve(event),
  } as AmplitudePlugin;
  amplitude.add(plugin);
}
export const idLength = (): number | undefined => minIdLength;
`,
  );
  // Without the assertion, the releases typed by @amplitude/analytics-types 0.x reject the string.
  if (alias.endsWith('--0.6.0') || alias.endsWith('--0.5.1')) {
    mustNot('plugin without the assertion', `${head}export const watch = (): void => {\n  amplitude.add({ name: 'watch', type: 'enrichment', setup: () => Promise.resolve(undefined), execute: (event) => Promise.resolve(event) });\n};\n`, /PluginType/);
  }

  const zone = `${head}export const eu: ${options} = { serverZone: 'EU' };\n`;
  if (c.serverZoneString) must("serverZone 'EU'", zone);
  else mustNot("no serverZone 'EU'", zone, /Type '"EU"' is not assignable to type 'ServerZone/);
  return checks;
}

/** Every (package, entry, version) of the table, in order. */
export function verifiedVersions(table: Readonly<Record<SdkPackageName, readonly VersionEntry[]>>) {
  return (Object.entries(table) as [SdkPackageName, readonly VersionEntry[]][]).flatMap(([packageName, entries]) =>
    entries.flatMap((entry) => entry.verified.map((version) => ({ packageName, entry, version, alias: aliasOf(packageName, version) }))),
  );
}
