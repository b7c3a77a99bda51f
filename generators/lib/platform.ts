import type { Answers, VariantMode } from './answers.js';
import type { Framework, ProjectFacts } from './detect.js';
import type { EnvironmentConvention } from './environment-variables.js';

/**
 * What a platform folder (platforms/<name>/) tells the core. The core (detection, answers,
 * planning, rendering, writing, summary, the guide's skeleton) knows platforms only through this.
 */
export interface PlatformDescriptor {
  /** The `--platform` value, stored in .yo-rc.json. */
  readonly id: string;
  /** How the platform is offered in the question. */
  readonly title: string;
  /** How much the project looks like this platform (0: not at all); the highest score is the default. */
  readonly detect: (signals: PlatformSignals) => number;
  /**
   * Its code goes through a bundler, which takes ES modules whatever the package's module type;
   * otherwise Node runs the files as the project's module system says.
   */
  readonly bundled: boolean;
  readonly sdks: PlatformSdks;
  /** How its code reads an environment variable, for the project's bundler. */
  readonly environment: (framework: Framework) => EnvironmentConvention;
  /** The files it writes beside the guide, what the entry file imports, and its part of the guide. */
  readonly plan: (input: PlatformInput) => PlatformPlan;
  /**
   * How the project's own code gets wired to the generated files: edits of its entry files (made
   * in order, file by file). A shape an edit does not recognise becomes a snippet to paste.
   */
  readonly entryEdits?: (input: EntryEditInput) => readonly EntryEdit[];
}

/** What a platform's entry edits can see of the project. */
export interface EntryEditInput {
  readonly answers: Answers;
  readonly project: ProjectFacts;
  /** The platform's generated files, as its `plan` named them. */
  readonly files: PlatformPlan['files'];
  /** The project had no Amplitude SDK: the entry starts it. */
  readonly initAmplitude: boolean;
  /** A project file's text (relative path, forward slashes), or undefined. */
  readonly read: (path: string) => string | undefined;
  /** The project's source files (src/, app/, pages/ and the root; no dependencies or build output). */
  readonly sourceFiles: readonly string[];
  /** How `fromFile` imports the generated file `target`, in the style `fromFile` already uses. */
  readonly specifier: (fromFile: string, target: string) => string;
  /** The editing functions (generators/lib/entry), loaded only for runs that edit. */
  readonly edits: typeof import('./entry/index.js');
}

/** One edit of one file; `code` is the file's text ('' when the file does not exist yet). */
export interface EntryEdit {
  readonly file: string;
  /** The edit may create the file (a new client component); otherwise a missing file is left for the user. */
  readonly create?: boolean;
  readonly edit: (code: string) => import('./entry/index.js').EditResult;
}

/** What detection offers a platform to recognise the project by. */
export interface PlatformSignals {
  readonly dependencies: ReadonlySet<string>;
  readonly framework: Framework;
  /** Whether the project has this file (a path relative to its root, with forward slashes). */
  readonly hasFile: (path: string) => boolean;
}

export interface PlatformSdks {
  /** The ConfigCat package new wiring uses. */
  readonly configcat: string;
  /** Earlier ConfigCat packages a project may already use; the wiring keeps using them. */
  readonly legacyConfigcat: readonly string[];
  /**
   * Other current ConfigCat packages for this platform, used in place of `configcat` when the
   * project already has one (configcat-vue, a plugin with its own copy of the SDK): the app's flags
   * are evaluated by that package's client, so the wiring hooks into it and adds no second SDK.
   */
  readonly keptConfigcat?: readonly string[];
  /** Amplitude packages that serve this platform, the one added to new projects first. */
  readonly amplitude: readonly [string, ...string[]];
}

/** What the core decided before the platform plans its files. */
export interface PlatformInput {
  readonly answers: Answers;
  readonly project: ProjectFacts;
  /** Values every template may use. */
  readonly common: CommonContext;
  /** The output path of a generated file named `fileName`, in the folder the user chose. */
  readonly outputPath: (fileName: string) => string;
  /** How a file in the folder `fromDir` imports the generated file at `path` in this project. */
  readonly specifier: (fromDir: string, path: string) => string;
}

export interface PlatformPlan {
  /** The wiring module first: the guide and the summary name it. */
  readonly files: readonly [PlannedFile, ...PlannedFile[]];
  /** What the entry file imports from the generated files, by path. */
  readonly entryPoints: readonly EntryPoint[];
  /** What `attachAmplitudeExposures` is imported from. */
  readonly attachFrom: string;
  readonly guide: PlatformGuide;
}

export interface EntryPoint {
  readonly names: readonly string[];
  readonly path: string;
}

/**
 * The platform's part of the guide: a file for each slot of the guide's skeleton (a Handlebars
 * partial, rendered with the guide's context), and the values those files read as `platform.…`.
 */
export interface PlatformGuide {
  readonly fragments: Readonly<Record<GuideSlot, TemplatePath>>;
  readonly values: object;
}

/** The places in templates/guide/configcat-amplitude.md.hbs that each platform fills. */
export const GUIDE_SLOTS = [
  /** The bullets under "What was added". */
  'added',
  /** Where the keys are set, after the list of variables. */
  'keys',
  /** "Use it": the entry-file code. */
  'usage',
  /** The data-flow diagram from the evaluation to the de-duplication check. */
  'flow',
  /** The de-duplication step of the data flow. */
  'deduplication',
  /** "Check that it works": evaluating, and watching the events leave. */
  'check',
  /** Fields the platform's SDK adds to the sample payloads. */
  'payload',
  /** "No events arrive": causes particular to the platform, before the key's. */
  'missing-events',
  /** "No events arrive": what blocks events on their way, after the key's. */
  'blocked-events',
  /** "Only one event per user": when an exposure is sent again. */
  'repeats',
  /** "Events under a different user". */
  'identity',
] as const;
export type GuideSlot = (typeof GUIDE_SLOTS)[number];

/** A platform folder's guide fragments: `<folder>/guide/<slot>.md.hbs` for every slot. */
export function guideFragments(folder: string): Record<GuideSlot, TemplatePath> {
  return Object.fromEntries(GUIDE_SLOTS.map((slot) => [slot, `${folder}/guide/${slot}.md.hbs`])) as Record<GuideSlot, TemplatePath>;
}

/** A template file, by its path from this package's root, typed by the context it renders with. */
export interface Template<Context extends object> {
  readonly path: TemplatePath;
  /** Never set: it carries the context type. */
  readonly context?: Context;
}
export type TemplatePath = string;

export function template<Context extends object>(path: TemplatePath): Template<Context> {
  return { path };
}

/** A file the run writes: a template and the context it renders with, checked against each other. */
export interface PlannedFile {
  /** Output path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly template: TemplatePath;
  readonly context: object;
  /** How the guide's settings table names it. */
  readonly label: string;
  /** Partials by name, for a template with slots (the guide). */
  readonly partials?: Readonly<Record<string, TemplatePath>>;
}

export function plannedFile<Context extends object>(label: string, path: string, file: Template<Context>, context: Context): PlannedFile {
  return { label, path, template: file.path, context };
}

/** Values every template may use, decided by the core from the answers and the project. */
export interface CommonContext {
  readonly typescript: boolean;
  /** The generated code is an ES module (else CommonJS). */
  readonly esm: boolean;
  readonly configcatPackage: string;
  readonly amplitudePackage: string;
  /**
   * Type and value names from one module share one import (`import { type A, b }`), as linters'
   * `no-duplicate-imports` asks; in statements of their own where the project's toolchain is too
   * old to parse that.
   */
  readonly inlineTypeImports: boolean;
  /** The evaluation details type the ConfigCat package exports. */
  readonly detailsType: 'EvaluationDetails' | 'IEvaluationDetails';
  /** The project had no Amplitude SDK: the wiring exports `initAmplitude`. */
  readonly initAmplitude: boolean;
  readonly variantMode: VariantMode;
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  readonly sdkKeyEnv: string;
  readonly amplitudeKeyEnv: string;
  /** Optional: a ConfigCat Proxy's URL, the client's `baseUrl` when set and not empty. */
  readonly configcatBaseUrlEnv: string;
  /** Optional: a proxy of Amplitude's endpoint, `initAmplitude`'s `serverUrl` when set and not empty. */
  readonly amplitudeServerUrlEnv: string;
  /** `initAmplitude` sends to Amplitude's EU data center (`serverZone: 'EU'`). */
  readonly amplitudeEu: boolean;
  /** The client the wiring creates downloads from ConfigCat's EU CDN only (`DataGovernance.EuOnly`). */
  readonly configcatEuOnly: boolean;
  /** The expression environment variables are read from, e.g. `import.meta.env`. */
  readonly envAccessor: EnvironmentConvention['accessor'];
  /** Text values longer than this are reported by variation ID in `auto` mode. */
  readonly autoTextLimit: number;
  readonly guidePath: string;
  /** The project's bundler, or `none`. */
  readonly framework: Framework;
  /** The project declares dotenv: the guide says to load `.env` with it (else with `node --env-file`). */
  readonly dotenv: boolean;
}

/**
 * The guide's values about the endpoint variables: what creates the ConfigCat client that reads them,
 * the options in code that take precedence over them (`initAmplitude`'s too, when it is written), and
 * whether an app's own client comes from `getClient` (else from a provider the wiring replaces).
 */
export function endpointGuideValues(clientCreator: string, clientOptions: string, initAmplitude: boolean, ownClient: 'getClient' | 'provider' | 'plugin') {
  return {
    clientCreator,
    optionsInCode: initAmplitude ? `${clientOptions} and \`initAmplitude(undefined, { serverUrl })\`` : clientOptions,
    ownClientFromGetClient: ownClient === 'getClient',
    ownClientFromPlugin: ownClient === 'plugin',
  };
}

/**
 * TypeScript's import of `values` and `types` from one module: one statement, with `type` on the
 * type names, as linters' `no-duplicate-imports` asks (`import type` when all are types); or, when
 * the project's toolchain is too old to parse that (`inline` false), a statement for each.
 */
export function importStatements(from: string, values: readonly string[], types: readonly string[], inline: boolean): string {
  const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
  const statement = (names: readonly string[], typeOnly = false) => `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${from}';`;
  if (values.length === 0) return types.length === 0 ? '' : statement([...types].sort(byName), true);
  if (types.length === 0) return statement([...values].sort(byName));
  if (inline) {
    const names = [...values.map((name) => ({ name, text: name })), ...types.map((name) => ({ name, text: `type ${name}` }))];
    return statement(names.sort((a, b) => byName(a.name, b.name)).map(({ text }) => text));
  }
  return [
    statement([...values].sort(byName)),
    "// Type-only imports in a statement of their own: this project's Prettier (before 2.5) or Create React App (before 5) reads no others.",
    statement([...types].sort(byName), true),
  ].join('\n');
}

/** The `--flags` answer as a list of flag keys (empty: every flag is reported). */
export function experimentFlagsOf(answers: Answers): readonly string[] {
  return answers.flags ? answers.flags.split(',') : [];
}
