import { isAbsolute, relative, resolve } from 'node:path';
import type { ProjectFacts, PackageManagerName } from './detect.js';
import {
  defaultAmplitudeKeyVariable,
  defaultSdkKeyVariable,
  environmentConvention,
  ENVIRONMENT_VARIABLE_NAME,
} from './environment-variables.js';
import { PLATFORM_IDS, PLATFORMS, type PlatformId } from './platforms.js';
import { UserError } from './user-error.js';

export type Language = 'ts' | 'js';
export type VariantMode = 'auto' | 'value' | 'variationId';

/** What the user chose; stored in .yo-rc.json so a re-run makes the same files. */
export interface Answers {
  readonly platform: PlatformId;
  readonly language: Language;
  /** Folder of the wiring module, relative to the project root, with forward slashes. */
  readonly dir: string;
  readonly variant: VariantMode;
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  readonly sdkKeyEnv: string;
  readonly amplitudeKeyEnv: string;
  /** Path of the guide, relative to the project root, with forward slashes. */
  readonly guide: string;
  /** Only when given: otherwise it is detected on every run. */
  readonly packageManager?: PackageManagerName;
}

export type AnswerName = keyof Answers;
type Choice = { readonly value: string; readonly name: string };

/** One entry per answer: the command-line option, and the question when it can be asked. */
export interface AnswerSpec {
  readonly name: AnswerName;
  readonly option: string;
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly choices?: (facts: ProjectFacts) => readonly Choice[];
  /** The question; answers without one are taken from their default unless given. */
  readonly message?: string;
  readonly default: (facts: ProjectFacts, earlier: Partial<Answers>) => string | boolean | undefined;
  /** Asked only when this holds (e.g. the language only in a TypeScript project). */
  readonly askWhen?: (facts: ProjectFacts) => boolean;
}

export const LANGUAGES: readonly Language[] = ['ts', 'js'];
export const VARIANT_MODES: readonly VariantMode[] = ['auto', 'value', 'variationId'];
export const PACKAGE_MANAGERS: readonly PackageManagerName[] = ['npm', 'pnpm', 'yarn', 'bun'];

const conventionOf = (facts: ProjectFacts, earlier: Partial<Answers>) =>
  environmentConvention(earlier.platform ?? facts.defaultPlatform, facts.framework);

export const ANSWER_SPECS: readonly AnswerSpec[] = [
  {
    name: 'platform',
    option: 'platform',
    type: 'string',
    description: `Where the project runs: ${PLATFORM_IDS.join(', ')} (detected from its dependencies)`,
    message: 'Which platform does this project target?',
    choices: () => PLATFORMS.map((platform) => ({ value: platform.id, name: platform.title })),
    default: (facts) => facts.defaultPlatform,
  },
  {
    name: 'language',
    option: 'language',
    type: 'string',
    description: 'ts or js: TypeScript, or JavaScript typed with JSDoc (ts when the project uses TypeScript)',
    message: 'Write the wiring in TypeScript or JavaScript?',
    choices: () => [
      { value: 'ts', name: 'TypeScript' },
      { value: 'js', name: 'JavaScript (typed with JSDoc)' },
    ],
    default: (facts) => (facts.typescript ? 'ts' : 'js'),
    askWhen: (facts) => facts.typescript,
  },
  {
    name: 'dir',
    option: 'dir',
    type: 'string',
    description: 'Folder of the wiring module (src when it exists, else the project root)',
    message: 'Folder for the wiring module:',
    default: (facts) => facts.sourceDir,
  },
  {
    name: 'variant',
    option: 'variant',
    type: 'string',
    description: `What the exposure's variant holds: ${VARIANT_MODES.join(', ')} (auto: the variation ID for long or JSON-like text values, the value otherwise)`,
    message: "What should an exposure's variant hold?",
    choices: () => [
      { value: 'auto', name: 'auto: the value, or the variation ID for long or JSON-like text' },
      { value: 'value', name: 'value: always the flag value' },
      { value: 'variationId', name: 'variationId: always the variation ID' },
    ],
    default: () => 'auto',
  },
  {
    name: 'identify',
    option: 'identify',
    type: 'boolean',
    description: 'Also set the Amplitude user property configcat_<flagKey> (--no-identify to turn off)',
    message: 'Also set the user property configcat_<flagKey> in Amplitude?',
    default: () => true,
  },
  {
    name: 'trackDefaultValues',
    option: 'track-default-values',
    type: 'boolean',
    description: 'Also report evaluations that fell back to the default value (skipped otherwise)',
    message: 'Also report evaluations that fell back to the default value (usually errors)?',
    default: () => false,
  },
  {
    name: 'sdkKeyEnv',
    option: 'sdk-key-env',
    type: 'string',
    description: "Environment variable holding the ConfigCat SDK key (prefixed by the bundler's convention)",
    message: 'Environment variable holding the ConfigCat SDK key:',
    default: (facts, earlier) => defaultSdkKeyVariable(conventionOf(facts, earlier)),
  },
  {
    name: 'amplitudeKeyEnv',
    option: 'amplitude-key-env',
    type: 'string',
    description: 'Environment variable holding the Amplitude API key',
    message: 'Environment variable holding the Amplitude API key:',
    default: (facts, earlier) => defaultAmplitudeKeyVariable(conventionOf(facts, earlier)),
  },
  {
    name: 'guide',
    option: 'guide',
    type: 'string',
    description: 'Path of the chart-setup guide (docs/configcat-amplitude.md)',
    default: () => 'docs/configcat-amplitude.md',
  },
  {
    name: 'packageManager',
    option: 'package-manager',
    type: 'string',
    description: `Package manager to install with: ${PACKAGE_MANAGERS.join(', ')} (detected from lockfiles)`,
    default: () => undefined,
  },
];

/**
 * Checks the resolved answers against the project; each problem is a one-line `UserError` that
 * names the fix. Returns the answers with paths normalised.
 */
export function validateAnswers(answers: Answers, facts: ProjectFacts): Answers {
  oneOf('--platform', answers.platform, PLATFORM_IDS);
  oneOf('--language', answers.language, LANGUAGES);
  oneOf('--variant', answers.variant, VARIANT_MODES);
  if (answers.packageManager !== undefined) oneOf('--package-manager', answers.packageManager, PACKAGE_MANAGERS);
  if (answers.language === 'ts' && !facts.typescript) {
    throw new UserError('--language ts needs TypeScript in the project: add a tsconfig.json (or the typescript package), or use --language js.');
  }
  environmentVariableName('--sdk-key-env', answers.sdkKeyEnv);
  environmentVariableName('--amplitude-key-env', answers.amplitudeKeyEnv);
  if (answers.sdkKeyEnv === answers.amplitudeKeyEnv) {
    throw new UserError('--sdk-key-env and --amplitude-key-env name the same variable: give each key its own.');
  }
  const guide = insideProject('--guide', answers.guide, facts.root);
  if (!guide.endsWith('.md')) throw new UserError(`--guide ${answers.guide} is not a Markdown file: give a path ending in .md.`);
  return { ...answers, dir: insideProject('--dir', answers.dir, facts.root) || '.', guide };
}

/**
 * Checks one typed-in answer as it is given, so a question can ask again at once; throws the
 * same `UserError` that `validateAnswers` would.
 */
export function checkTypedAnswer(name: AnswerName, value: string, facts: ProjectFacts): void {
  if (name === 'dir') insideProject('--dir', value, facts.root);
  if (name === 'sdkKeyEnv') environmentVariableName('--sdk-key-env', value);
  if (name === 'amplitudeKeyEnv') environmentVariableName('--amplitude-key-env', value);
}

function oneOf(option: string, value: string, valid: readonly string[]): void {
  if (!valid.includes(value)) {
    throw new UserError(`${option} ${JSON.stringify(value)} is not one of ${valid.join(', ')}: pick one of those.`);
  }
}

function environmentVariableName(option: string, name: string): void {
  if (!ENVIRONMENT_VARIABLE_NAME.test(name)) {
    throw new UserError(`${option} ${JSON.stringify(name)} is not an environment variable name: use capitals, digits and _ (like CONFIGCAT_SDK_KEY).`);
  }
}

/** The path relative to the project root, with forward slashes; outside the project is an error. */
function insideProject(option: string, path: string, root: string): string {
  const fromRoot = relative(root, resolve(root, path));
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new UserError(`${option} ${path} is outside the project: give a path inside ${root}.`);
  }
  return fromRoot.split('\\').join('/');
}
