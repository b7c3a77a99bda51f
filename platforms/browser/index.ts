import { bundlerConvention } from '../../generators/lib/environment-variables.js';
import {
  endpointGuideValues,
  experimentFlagsOf,
  guideFragments,
  importStatements,
  plannedFile,
  template,
  type CommonContext,
  type EntryEdit,
  type EntryEditInput,
  type PlatformDescriptor,
  type PlatformInput,
} from '../../generators/lib/platform.js';

/** A page evaluates a bounded set of flags; the guide quotes the same number. */
const MAX_REMEMBERED_FLAGS = 1_000;

export interface BrowserWiringContext extends CommonContext {
  /** The module exports `createConfigCatClient` (React gets its client from the provider instead). */
  readonly createClient: boolean;
  /** The module reads a key from the environment, and says so when it is missing. */
  readonly needsMissingEnv: boolean;
  readonly maxRememberedFlags: number;
  /** Flag keys reported as experiments (`--flags`); empty: every flag. */
  readonly experimentFlags: readonly string[];
  /** Optional variables are read through a guard: the bundler may leave `process` undefined. */
  readonly guardOptionalEnv: boolean;
  /** The ES module import of the ConfigCat SDK (see `importStatements`). */
  readonly configcatImports: string;
}

const WIRING = {
  ts: template<BrowserWiringContext>('platforms/browser/configcat-amplitude.ts.hbs'),
  js: template<BrowserWiringContext>('platforms/browser/configcat-amplitude.js.hbs'),
};

export const BROWSER_GUIDE_FRAGMENTS = guideFragments('platforms/browser');

/** What browser code sends with every exposure, as the guide describes it. */
export const BROWSER_GUIDE_VALUES = {
  maxRememberedFlags: MAX_REMEMBERED_FLAGS,
  maxPendingExposures: MAX_REMEMBERED_FLAGS,
  firstCheck: 'seen',
  addedFields: '; the browser SDK adds `session_id` and `platform`',
  userIdNote: '`user_id` is there only when your app has set one (`amplitude.setUserId`).',
  keysReadWhen: 'was built',
  amplitudeProxy: "a proxy of Amplitude's HTTP API on your own domain (ad blockers block Amplitude's host, not yours)",
} as const;

/**
 * The browser wiring module: exposures go to the visitor Amplitude tracks. Other browser platforms
 * (React) build on it.
 */
export function planBrowserWiring({ answers, common, outputPath }: PlatformInput, createClient: boolean) {
  return plannedFile('Wiring module', outputPath(`configcat-amplitude.${answers.language}`), WIRING[answers.language], {
    ...common,
    createClient,
    configcatImports: importStatements(
      common.configcatPackage,
      [...(common.configcatEuOnly ? ['DataGovernance'] : []), ...(createClient ? ['getClient', 'PollingMode'] : [])],
      [common.detailsType, 'IAutoPollOptions', 'IConfigCatClient', ...(createClient ? ['IJSAutoPollOptions'] : []), 'IProvidesHooks', 'SettingValue'],
      common.inlineTypeImports,
    ),
    needsMissingEnv: createClient || common.initAmplitude,
    maxRememberedFlags: MAX_REMEMBERED_FLAGS,
    experimentFlags: experimentFlagsOf(answers),
    // Vite always defines `import.meta.env`, Create React App all of `process.env`, and Next.js polyfills
    // `process`; another bundler may replace only the variables it was told about.
    guardOptionalEnv: common.envAccessor === 'process.env' && (common.framework === 'bundler' || common.framework === 'none'),
  });
}

/** Where a bundled app starts: Vite's `src/main`, webpack's `src/index`. */
const ENTRY_FILES = ['src/main', 'src/index', 'main', 'index'].flatMap((name) => ['ts', 'js', 'mts', 'mjs'].map((extension) => `${name}.${extension}`));

/** The app's entry: exposures attached to the client it creates, or a wired client created there. */
function browserEntryEdits({ files: [wiring], read, specifier, initAmplitude, edits, answers }: EntryEditInput): EntryEdit[] {
  const file = ENTRY_FILES.find((path) => read(path) !== undefined) ?? `src/main.${answers.language}`;
  return [
    {
      file,
      edit: (code) =>
        edits.wireConfigCatClient({ code, file, wiringModule: specifier(file, wiring.path), initAmplitude: initAmplitude ? 'void' : false, packageType: 'module' }),
    },
  ];
}

/** Browser JavaScript with any bundler. */
export const browser = {
  id: 'js',
  title: 'Browser JavaScript (any bundler)',
  detect: ({ dependencies, framework }) =>
    // A bundler means browser code; without one, a browser SDK alone still says where the code runs.
    framework !== 'none' || dependencies.has('configcat-js') || dependencies.has('@amplitude/analytics-browser') ? 2 : 0,
  bundled: true,
  sdks: {
    configcat: '@configcat/sdk',
    legacyConfigcat: ['configcat-js'],
    amplitude: ['@amplitude/analytics-browser', '@amplitude/unified'],
  },
  environment: bundlerConvention,
  entryEdits: browserEntryEdits,
  plan: (input) => {
    const wiring = planBrowserWiring(input, true);
    return {
      files: [wiring],
      entryPoints: [{ names: ['createConfigCatClient', ...(input.common.initAmplitude ? ['initAmplitude'] : [])], path: wiring.path }],
      attachFrom: wiring.path,
      guide: {
        fragments: BROWSER_GUIDE_FRAGMENTS,
        values: {
          ...BROWSER_GUIDE_VALUES,
          ...endpointGuideValues('`createConfigCatClient`', '`createConfigCatClient(undefined, { baseUrl })`', input.common.initAmplitude, 'getClient'),
          experimentFlags: experimentFlagsOf(input.answers),
          codeFence: input.answers.language,
          evaluationCall: 'getValueAsync(key, default)',
          evaluatesOften: 'every page view',
        },
      },
    };
  },
} as const satisfies PlatformDescriptor;
