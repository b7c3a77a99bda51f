import { isAbsolute, relative, resolve } from 'node:path';
import type { ProjectFacts } from './detect.js';
import { defaultAmplitudeKeyVariable, defaultSdkKeyVariable, endpointVariables, ENVIRONMENT_VARIABLE_NAME } from './environment-variables.js';
import { PLATFORMS, platformById, type PlatformId } from './platforms.js';
import { UserError } from './user-error.js';

/** The values a choice answer takes, each defined once with how the question shows it. */
interface ChoiceValue<Value extends string> {
  readonly value: Value;
  readonly label: string;
}
type ValueOf<Choices extends readonly ChoiceValue<string>[]> = Choices[number]['value'];

export const LANGUAGES = [
  { value: 'ts', label: 'TypeScript' },
  { value: 'js', label: 'JavaScript (typed with JSDoc)' },
] as const satisfies readonly ChoiceValue<string>[];
export type Language = ValueOf<typeof LANGUAGES>;

export const VARIANT_MODES = [
  { value: 'auto', label: 'auto: the value, or the variation ID for long or JSON-like text' },
  { value: 'value', label: 'value: always the flag value' },
  { value: 'variationId', label: 'variationId: always the variation ID' },
] as const satisfies readonly ChoiceValue<string>[];
export type VariantMode = ValueOf<typeof VARIANT_MODES>;

export const AMPLITUDE_SERVER_ZONES = [
  { value: 'us', label: "us: Amplitude's US data center (its default)" },
  { value: 'eu', label: "eu: Amplitude's EU data center, for a project created in Amplitude's EU region" },
] as const satisfies readonly ChoiceValue<string>[];
export type AmplitudeServerZone = ValueOf<typeof AMPLITUDE_SERVER_ZONES>;

export const CONFIGCAT_DATA_GOVERNANCES = [
  { value: 'global', label: "global: ConfigCat's CDN nearest to the user, worldwide (its default)" },
  { value: 'eu', label: "eu: ConfigCat's EU CDN only, as the product's Data Governance setting in the Dashboard says" },
] as const satisfies readonly ChoiceValue<string>[];
export type ConfigcatDataGovernance = ValueOf<typeof CONFIGCAT_DATA_GOVERNANCES>;

export const PACKAGE_MANAGERS = [
  { value: 'npm', label: 'npm' },
  { value: 'pnpm', label: 'pnpm' },
  { value: 'yarn', label: 'Yarn' },
  { value: 'bun', label: 'Bun' },
] as const satisfies readonly ChoiceValue<string>[];
export type PackageManagerName = ValueOf<typeof PACKAGE_MANAGERS>;

const PLATFORM_CHOICES: readonly ChoiceValue<PlatformId>[] = PLATFORMS.map((platform) => ({ value: platform.id, label: platform.title }));

/** What the user chose; stored in .yo-rc.json so a re-run makes the same files. */
export interface Answers {
  readonly platform: PlatformId;
  readonly language: Language;
  /** Folder of the wiring module, relative to the project root, with forward slashes. */
  readonly dir: string;
  readonly variant: VariantMode;
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  /** Flag keys reported as experiments, comma-separated; empty: every flag. */
  readonly flags: string;
  readonly sdkKeyEnv: string;
  readonly amplitudeKeyEnv: string;
  /** Amplitude's data center, for the `initAmplitude` the wiring writes. */
  readonly amplitudeServerZone: AmplitudeServerZone;
  /** Where the ConfigCat client the wiring creates downloads its config from. */
  readonly configcatDataGovernance: ConfigcatDataGovernance;
  /** Path of the guide, relative to the project root, with forward slashes. */
  readonly guide: string;
  /** Wire the generated code into the project's entry files (else the summary says what to add). */
  readonly edit: boolean;
  /** Only when given: otherwise it is detected on every run. */
  readonly packageManager?: PackageManagerName;
}

export type AnswerName = keyof Answers;
export type AnswerValue = string | boolean | undefined;

interface AnswerSpecBase<Name extends AnswerName, Needs extends AnswerName> {
  readonly name: Name;
  readonly option: string;
  readonly description: string;
  /** The question; answers without one are taken from their default unless given. */
  readonly message?: string;
  /** Answers this one's default depends on: they are resolved first, whatever the order of the list. */
  readonly needs?: readonly Needs[];
  readonly default: (facts: ProjectFacts, earlier: Pick<Answers, Needs>) => Answers[Name];
  /** Asked only when this holds (e.g. the language only in a TypeScript project). */
  readonly askWhen?: (facts: ProjectFacts) => boolean;
}

export interface ChoiceSpec<Name extends AnswerName = AnswerName, Needs extends AnswerName = AnswerName> extends AnswerSpecBase<Name, Needs> {
  readonly kind: 'choice';
  readonly choices: readonly ChoiceValue<string>[];
}
export interface TextSpec<Name extends AnswerName = AnswerName, Needs extends AnswerName = AnswerName> extends AnswerSpecBase<Name, Needs> {
  readonly kind: 'text';
  /** Throws a `UserError` naming the fix; returns the value normalised. Also checks typed-in answers. */
  readonly check: (value: string, facts: ProjectFacts) => string;
}
export interface FlagSpec<Name extends AnswerName = AnswerName, Needs extends AnswerName = AnswerName> extends AnswerSpecBase<Name, Needs> {
  readonly kind: 'flag';
}
export type AnswerSpec = ChoiceSpec | TextSpec | FlagSpec;

/** Defines a spec with its default typed by the answers it names in `needs`. */
const spec = <Name extends AnswerName, Needs extends AnswerName = never>(
  definition: ChoiceSpec<Name, Needs> | TextSpec<Name, Needs> | FlagSpec<Name, Needs>,
): AnswerSpec => definition as unknown as AnswerSpec;

const listed = (choices: readonly ChoiceValue<string>[]) => choices.map((choice) => choice.value).join(', ');

export const ANSWER_SPECS: readonly AnswerSpec[] = [
  spec({
    kind: 'choice',
    name: 'platform',
    option: 'platform',
    description: `Where the project runs: ${listed(PLATFORM_CHOICES)} (detected from its dependencies)`,
    message: 'Which platform does this project target?',
    choices: PLATFORM_CHOICES,
    default: (facts) => facts.defaultPlatform,
  }),
  spec({
    kind: 'choice',
    name: 'language',
    option: 'language',
    description: 'ts or js: TypeScript, or JavaScript typed with JSDoc (ts when the project uses TypeScript)',
    message: 'Write the wiring in TypeScript or JavaScript?',
    choices: LANGUAGES,
    default: (facts) => (facts.typescript ? 'ts' : 'js'),
    askWhen: (facts) => facts.typescript,
  }),
  spec({
    kind: 'text',
    name: 'dir',
    option: 'dir',
    description: 'Folder of the wiring module (src when it exists, else the project root)',
    message: 'Folder for the wiring module:',
    default: (facts) => facts.sourceDir,
    check: (value, facts) => {
      // An empty folder is a slip, not a choice: the project root is `.`.
      if (value.trim() === '') throw new UserError('--dir is empty: give a folder inside the project (. for its root).');
      return insideProject('--dir', value, facts.root) || '.';
    },
  }),
  spec({
    kind: 'choice',
    name: 'variant',
    option: 'variant',
    description: `What the exposure's variant holds: ${listed(VARIANT_MODES)} (auto: the variation ID for long or JSON-like text values, the value otherwise)`,
    message: "What should an exposure's variant hold?",
    choices: VARIANT_MODES,
    default: () => 'auto',
  }),
  spec({
    kind: 'flag',
    name: 'identify',
    option: 'identify',
    description: 'Also set the Amplitude user property configcat_<flagKey> (--no-identify to turn off)',
    message: 'Also set the user property configcat_<flagKey> in Amplitude?',
    default: () => true,
  }),
  spec({
    kind: 'flag',
    name: 'trackDefaultValues',
    option: 'track-default-values',
    description: 'Also report evaluations that fell back to the default value (skipped otherwise)',
    message: 'Also report evaluations that fell back to the default value (usually errors)?',
    default: () => false,
  }),
  spec({
    kind: 'text',
    name: 'flags',
    option: 'flags',
    description: 'Flag keys to report as experiments, comma-separated (empty, the default: every flag evaluated)',
    default: () => '',
    check: (value) => {
      const keys = value.split(',').map((key) => key.trim()).filter((key) => key !== '');
      const invalid = keys.find((key) => !/^[A-Za-z][\w-]*$/.test(key));
      if (invalid !== undefined) throw new UserError(`--flags ${JSON.stringify(invalid)} is not a ConfigCat flag key: give keys like newCheckout, separated by commas.`);
      return [...new Set(keys)].join(',');
    },
  }),
  spec({
    kind: 'text',
    name: 'sdkKeyEnv',
    option: 'sdk-key-env',
    description: "Environment variable holding the ConfigCat SDK key (prefixed by the bundler's convention)",
    message: 'Environment variable holding the ConfigCat SDK key:',
    needs: ['platform'],
    default: (facts, { platform }) => defaultSdkKeyVariable(platformById(platform).environment(facts.framework)),
    check: (value) => environmentVariableName('--sdk-key-env', value),
  }),
  spec({
    kind: 'text',
    name: 'amplitudeKeyEnv',
    option: 'amplitude-key-env',
    description: 'Environment variable holding the Amplitude API key',
    message: 'Environment variable holding the Amplitude API key:',
    needs: ['platform'],
    default: (facts, { platform }) => defaultAmplitudeKeyVariable(platformById(platform).environment(facts.framework)),
    check: (value) => environmentVariableName('--amplitude-key-env', value),
  }),
  // Not asked: most projects use the defaults, and a wrong zone shows in the guide's troubleshooting.
  spec({
    kind: 'choice',
    name: 'amplitudeServerZone',
    option: 'amplitude-server-zone',
    description: `Amplitude data center that initAmplitude sends events to: ${listed(AMPLITUDE_SERVER_ZONES)} (us)`,
    choices: AMPLITUDE_SERVER_ZONES,
    default: () => 'us',
  }),
  spec({
    kind: 'choice',
    name: 'configcatDataGovernance',
    option: 'configcat-data-governance',
    description: `ConfigCat CDN the generated client downloads from: ${listed(CONFIGCAT_DATA_GOVERNANCES)}, as in the Dashboard (global)`,
    choices: CONFIGCAT_DATA_GOVERNANCES,
    default: () => 'global',
  }),
  spec({
    kind: 'flag',
    name: 'edit',
    option: 'edit',
    description: "Wire the generated code into the project's entry files (--no-edit: print what to add instead)",
    message: 'Wire it into your entry code now (the summary lists every change)?',
    default: () => true,
  }),
  spec({
    kind: 'text',
    name: 'guide',
    option: 'guide',
    description: 'Path of the chart-setup guide (docs/configcat-amplitude.md)',
    default: () => 'docs/configcat-amplitude.md',
    check: (value, facts) => {
      const guide = insideProject('--guide', value, facts.root);
      if (!guide.endsWith('.md')) throw new UserError(`--guide ${value} is not a Markdown file: give a path ending in .md.`);
      return guide;
    },
  }),
  spec({
    kind: 'choice',
    name: 'packageManager',
    option: 'package-manager',
    description: `Package manager to install with: ${listed(PACKAGE_MANAGERS)} (detected from lockfiles)`,
    choices: PACKAGE_MANAGERS,
    default: () => undefined,
  }),
];

/**
 * Checks one answer's value; each problem is a one-line `UserError` that names the fix. Returns
 * the value normalised (paths relative to the project, with forward slashes).
 */
export function checkAnswer(answerSpec: AnswerSpec, value: AnswerValue, facts: ProjectFacts): AnswerValue {
  if (value === undefined) return value;
  if (answerSpec.kind === 'choice') {
    const valid = answerSpec.choices.map((choice) => choice.value);
    if (!valid.includes(String(value))) {
      throw new UserError(`--${answerSpec.option} ${JSON.stringify(value)} is not one of ${valid.join(', ')}: pick one of those.`);
    }
  }
  if (answerSpec.kind === 'text') return answerSpec.check(String(value), facts);
  return value;
}

/** Checks between answers, once each is valid on its own; answers not known yet are not checked. */
export function checkAnswerRelations(answers: Partial<Answers>, facts: ProjectFacts): void {
  if (answers.language === 'ts' && !facts.typescript) {
    throw new UserError('--language ts needs TypeScript in the project: add a tsconfig.json (or the typescript package), or use --language js.');
  }
  if (answers.sdkKeyEnv !== undefined && answers.sdkKeyEnv === answers.amplitudeKeyEnv) {
    throw new UserError('--sdk-key-env and --amplitude-key-env name the same variable: give each key its own.');
  }
  if (answers.platform !== undefined) {
    // The wiring also reads these optional URLs; a key in one of them would be sent as a URL.
    const endpoints = Object.values(endpointVariables(platformById(answers.platform).environment(facts.framework)));
    for (const [option, name] of [['--sdk-key-env', answers.sdkKeyEnv], ['--amplitude-key-env', answers.amplitudeKeyEnv]] as const) {
      if (name !== undefined && endpoints.includes(name)) throw new UserError(`${option} ${name} is the variable the wiring reads a URL from: give the key another variable.`);
    }
  }
}

function environmentVariableName(option: string, name: string): string {
  if (!ENVIRONMENT_VARIABLE_NAME.test(name)) {
    throw new UserError(`${option} ${JSON.stringify(name)} is not an environment variable name: use capitals, digits and _ (like CONFIGCAT_SDK_KEY).`);
  }
  return name;
}

/** The path relative to the project root, with forward slashes; outside the project is an error. */
function insideProject(option: string, path: string, root: string): string {
  const fromRoot = relative(root, resolve(root, path));
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new UserError(`${option} ${path} is outside the project: give a path inside ${root}.`);
  }
  return fromRoot.split('\\').join('/');
}
