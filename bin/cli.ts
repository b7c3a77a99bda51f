#!/usr/bin/env node
/**
 * Runs the generator without a global yo: `npx generator-configcat-amplitude [guide | annotations] [options]`.
 */
import { fileURLToPath } from 'node:url';
import { prepareCommand } from 'yeoman-environment';
import { ANNOTATIONS_DESCRIPTION, ANNOTATIONS_ENVIRONMENT_HELP } from '../generators/lib/annotations-options.js';
import { GROUP_HEADINGS, NOT_OFFERED, optionDescription, optionGroups, SUBCOMMANDS, unknownSubcommandMessage, type CommandName, type OptionGroup } from '../generators/lib/cli-options.js';
import { childHandlesInterrupts, INTERRUPTED_EXIT_CODE, interruptReport, isInterruption } from '../generators/lib/interrupt.js';
import { UserError } from '../generators/lib/user-error.js';

const PROGRAM = 'generator-configcat-amplitude';
type Command = Awaited<ReturnType<typeof prepareCommand>>;

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  // The main command takes no arguments: a word in first place is a subcommand, maybe mistyped.
  if (first !== undefined && !first.startsWith('-') && !SUBCOMMANDS.some(({ name }) => name === first)) {
    throw new UserError(unknownSubcommandMessage(first));
  }
  const name: CommandName = SUBCOMMANDS.find((subcommand) => subcommand.name === first)?.name ?? 'app';
  const resolved = fileURLToPath(new URL(`../generators/${name}/index.js`, import.meta.url));
  const command = await prepareCommand({ resolved, namespace: `configcat-amplitude:${name}` });
  command.name(name === 'app' ? PROGRAM : `${PROGRAM} ${name}`);
  describe(command, name);
  process.on('SIGINT', stopOnInterrupt);
  await command.parseAsync(name === 'app' ? argv : rest, { from: 'user' });
}

/**
 * `--help` as this generator's: its options in groups, with what they do here. yeoman-environment
 * adds options of Yeoman's to every command (`--bail`, `--whitespace`, …): those not offered are
 * removed, so they are rejected as unknown rather than listed or silently taken.
 */
function describe(command: Command, name: CommandName): void {
  const groups = optionGroups(name);
  const order = Object.keys(GROUP_HEADINGS) as OptionGroup[];
  const groupOf = (option: Command['options'][number]) => groups.get(option.long?.replace(/^--(no-)?/, '') ?? '');
  const options = command.options as Command['options'][number][];
  // Yeoman's hidden settings stay (e.g. --skip-local-cache); the hidden --no- twin of an option not offered goes with it.
  const visible = new Set(options.filter((option) => !option.hidden).map((option) => option.long?.replace(/^--/, '')));
  const internal = (option: Command['options'][number]) => {
    const base = option.long?.replace(/^--(no-)?/, '') ?? '';
    return option.hidden && !visible.has(base) && !NOT_OFFERED.includes(base);
  };
  const offered = options.filter((option) => groupOf(option) !== undefined || internal(option));
  // Stable: options keep their order within a group; commander shows groups in order of first appearance.
  offered.sort((a, b) => rank(a) - rank(b));
  options.splice(0, options.length, ...offered);
  function rank(option: Command['options'][number]): number {
    const group = groupOf(option);
    return group === undefined ? order.length : order.indexOf(group);
  }
  for (const option of offered) {
    const group = groupOf(option);
    if (option.hidden || !group) continue;
    option.helpGroup(GROUP_HEADINGS[group]);
    const text = optionDescription(name, option.long?.replace(/^--/, '') ?? '');
    // yeoman-environment declares these with its own descriptions ("Print conflicts" for --dry-run).
    if (text) option.description = text;
  }
  command.addHelpOption(command.createOption('-h, --help', 'Show this help').helpGroup(GROUP_HEADINGS.run));
  // Defaults are in the descriptions, in words ("detected from lockfiles"); "(default: false)" says nothing.
  command.configureHelp({ optionDescription: (option) => option.description });
  if (name === 'app') {
    command.description('Send ConfigCat feature-flag exposures to Amplitude: writes the wiring module and a guide, adds the SDKs.');
    const width = Math.max(...SUBCOMMANDS.map(({ name: sub }) => sub.length));
    const list = SUBCOMMANDS.map(({ name: sub, description }) => `  ${sub.padEnd(width)}  ${description} (see ${sub} --help)`);
    command.addHelpText('after', `\nCommands:\n${list.join('\n')}`);
  } else {
    command.description(SUBCOMMAND_DESCRIPTIONS[name]);
    if (name === 'annotations') command.addHelpText('after', `\n${ANNOTATIONS_ENVIRONMENT_HELP}`);
  }
}

const SUBCOMMAND_DESCRIPTIONS: Readonly<Record<Exclude<CommandName, 'app'>, string>> = {
  guide: 'Rewrite only the guide, from the answers saved in .yo-rc.json. To change an answer, run the main command.',
  remove:
    'Undo what the generator did, as recorded in .yo-rc.json: delete the files it generated (those you edited are kept), undo its edits of your code, remove the SDKs it added unless other code imports them.',
  annotations: ANNOTATIONS_DESCRIPTION,
};

/**
 * Ctrl-C outside a question (a question rejects instead, handled below). During the install the
 * package manager gets it and the run reports how the install ended.
 */
function stopOnInterrupt(): void {
  if (childHandlesInterrupts()) return;
  console.error(interruptReport());
  process.exit(INTERRUPTED_EXIT_CODE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isInterruption(error)) {
    console.error(interruptReport());
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return;
  }
  // A UserError already says what to do; anything else is a bug worth its stack.
  console.error(error instanceof UserError ? `Error: ${error.message}` : error);
  process.exitCode = error instanceof UserError ? error.exitCode : 1;
});
