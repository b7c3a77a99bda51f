import { ANNOTATIONS_OPTIONS } from './annotations-options.js';
import { ANSWER_SPECS } from './answers.js';

/**
 * What the command line offers, and how `--help` shows it. Yeoman adds options of its own to
 * every generator (and yeoman-environment more to every command); only those that mean something
 * here are offered, with descriptions of what they do in this generator.
 */

/** The bin's commands: the main one (`app`) and its subcommands. */
export type CommandName = 'app' | 'guide' | 'remove' | 'annotations';

/** Options of a run, beside the setup answers; `commands` are those that take it. */
export const RUN_OPTIONS = [
  { name: 'yes', alias: 'y', commands: ['app', 'remove'], group: 'run', description: 'Ask nothing: use options, saved answers and detected defaults' },
  {
    name: 'ask-answered',
    commands: ['app'],
    group: 'run',
    description: 'Ask every question again, also those answered in .yo-rc.json (the saved answers are the defaults)',
  },
  {
    name: 'dry-run',
    commands: ['app', 'guide', 'remove'],
    group: 'run',
    description: 'Show what would be written, with a diff of each file, and write and install nothing',
  },
  {
    name: 'force',
    commands: ['app', 'guide', 'remove'],
    group: 'run',
    description: 'Overwrite without asking, including generated files you edited and files of the same name',
  },
  { name: 'skip-install', commands: ['app', 'remove'], group: 'install', description: 'Change package.json without running the package manager' },
  {
    name: 'annotations',
    commands: ['remove'],
    group: 'run',
    description: "Also disconnect ConfigCat's Amplitude integration (chart annotations), as `annotations disconnect` does, with the same environment variables",
  },
  {
    name: 'base-url',
    commands: ['remove'],
    group: 'run',
    type: 'string',
    description: "With --annotations: the address of ConfigCat's Management API (another for a ConfigCat hosted elsewhere)",
  },
] as const satisfies readonly { name: string; alias?: string; type?: 'string'; commands: readonly CommandName[]; group: string; description: string }[];

export type OptionGroup = 'setup' | 'connect' | 'run' | 'install';

export const GROUP_HEADINGS: Readonly<Record<OptionGroup, string>> = {
  setup: 'What to generate (saved in .yo-rc.json; asked when not given):',
  connect: 'What to connect (asked when not given):',
  run: 'How to run:',
  install: 'Installing:',
};

/** Yeoman's own options that this generator does not offer. */
export const NOT_OFFERED = ['skip-cache', 'force-install'];

/** The group each offered option is shown in, by option name. */
export function optionGroups(command: CommandName): ReadonlyMap<string, OptionGroup> {
  const groups = new Map<string, OptionGroup>();
  if (command === 'annotations') {
    for (const option of ANNOTATIONS_OPTIONS) groups.set(option.name, option.group);
    return groups;
  }
  if (command === 'app') {
    for (const spec of ANSWER_SPECS) groups.set(spec.option, spec.option === 'package-manager' ? 'install' : 'setup');
  }
  for (const option of RUN_OPTIONS) if (takes(option, command)) groups.set(option.name, option.group);
  return groups;
}

interface OptionDeclaring {
  readonly _options: Record<string, { description?: string; hide?: boolean }>;
  option(name: string, config: { type: BooleanConstructor | StringConstructor; description: string; alias?: string; hide?: boolean }): unknown;
}

/** What an option does in this command, where it differs from what Yeoman says (e.g. --dry-run). */
export function optionDescription(command: CommandName, name: string): string | undefined {
  const options: readonly { name: string; description: string }[] = command === 'annotations' ? ANNOTATIONS_OPTIONS : RUN_OPTIONS;
  return options.find((option) => option.name === name)?.description;
}

/**
 * Declares the generator's options for `--help` (the bin's and yo's): the setup answers (hidden
 * for a command that rejects them), the run options, and Yeoman's own ones hidden.
 */
export function declareOptions(generator: OptionDeclaring, command: CommandName): void {
  if (command === 'annotations') {
    for (const { name, type, description, ...rest } of ANNOTATIONS_OPTIONS) {
      generator.option(name, { type, description, ...('alias' in rest ? { alias: rest.alias } : {}) });
    }
  } else {
    for (const spec of ANSWER_SPECS) {
      generator.option(spec.option, { type: spec.kind === 'flag' ? Boolean : String, description: spec.description, hide: command !== 'app' });
    }
  }
  for (const option of RUN_OPTIONS) {
    const { name, description } = option;
    // The annotations command declares its own --yes and --dry-run, with what they do there.
    if (command === 'annotations' && optionGroups(command).has(name)) continue;
    const hide = !takes(option, command);
    const existing = generator._options[name];
    // Yeoman declares skip-install and ask-answered itself, with descriptions of its own.
    if (existing) Object.assign(existing, { description, hide });
    else if (command !== 'annotations') {
      const type = 'type' in option ? String : Boolean;
      generator.option(name, { type, description, hide, ...('alias' in option ? { alias: option.alias } : {}) });
    }
  }
  for (const name of NOT_OFFERED) {
    const existing = generator._options[name];
    if (existing) existing.hide = true;
  }
}

function takes(option: (typeof RUN_OPTIONS)[number], command: CommandName): boolean {
  return (option.commands as readonly CommandName[]).includes(command);
}

/** The setup options given to a command that does not take them (`guide`), as typed. */
export function setupOptionsGiven(options: Readonly<Record<string, unknown>>): string[] {
  return ANSWER_SPECS.filter((spec) => (options[spec.option] ?? options[spec.name]) !== undefined).map((spec) => `--${spec.option}`);
}

export const SUBCOMMANDS = [
  { name: 'guide', description: 'Rewrite only the guide, from the saved answers' },
  { name: 'remove', description: 'Undo what the generator did: its files, its edits of your code, the SDKs it added' },
  { name: 'annotations', description: "Connect, show or disconnect ConfigCat's Amplitude integration (chart annotations)" },
] as const satisfies readonly { name: Exclude<CommandName, 'app'>; description: string }[];

/** The subcommand nearest to a mistyped one, when one is near enough to be meant. */
export function nearestSubcommand(word: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const { name } of SUBCOMMANDS) {
    const distance = editDistance(word.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 2)) ? best.name : undefined;
}

export function unknownSubcommandMessage(word: string): string {
  const nearest = nearestSubcommand(word);
  if (nearest) return `Unknown command ${word}: did you mean ${nearest}?`;
  const names = SUBCOMMANDS.map(({ name }) => name);
  const known = names.length === 1 ? `the only command is ${names[0]}` : `the commands are ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Unknown command ${word}: ${known}; options start with -- (see --help).`;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
