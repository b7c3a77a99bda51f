import type { Answers } from './answers.js';
import type { Snippet } from './entry/index.js';
import { endpointVariables } from './environment-variables.js';
import type { GenerationPlan } from './plan.js';
import type { InstallResult } from './install.js';
import type { RemovalPlan } from './remove-plan.js';
import type { DiskOutcome } from './staged-files.js';

/** A change a dry run would make: the file, and its unified diff against the disk. */
export interface WouldWrite {
  readonly path: string;
  readonly isNew: boolean;
  /** Would be deleted (the remove command). */
  readonly isDeleted?: boolean;
  readonly diff: string;
}

export interface SummaryInput {
  readonly plan: GenerationPlan;
  readonly answers: Answers;
  /** Files this run wrote, as the disk shows them. */
  readonly written: readonly string[];
  /** Generated files the user edited, left alone by a run that could not ask. */
  readonly kept: readonly string[];
  /** Files the user declined at Yeoman's overwrite question. */
  readonly skipped?: readonly string[];
  readonly installCommand?: string;
  /** What the run did to the project's own code, when it was asked to wire it in. */
  readonly entry?: EntrySummary;
  /** What the project's own ESLint did to the generated files, when it has one. */
  readonly lint?: LintSummary;
  /** How the files were formatted, where that is not simply the project's own installed formatter. */
  readonly formatting?: readonly string[];
}

export interface LintSummary {
  /** "ESLint 9.39.1". */
  readonly tool: string;
  /** Files its fixes changed. */
  readonly fixed: string[];
  /** Rules a file breaks on purpose, exempted line by line with the reason. */
  readonly exempted: { readonly file: string; readonly rules: readonly string[] }[];
  /** What its lint still fails on. */
  readonly errors: { readonly file: string; readonly line: number; readonly ruleId: string; readonly message: string; readonly severity?: 'error' | 'warning' }[];
  readonly failed: { readonly file: string; readonly reason: string }[];
  /** Why nothing was linted. */
  notLinted?: string;
}

export interface EntrySummary {
  readonly edited: readonly { readonly file: string; readonly summary: string }[];
  /** Code the run did not recognise: what to paste, where. */
  readonly snippets: readonly { readonly file: string; readonly reason: string; readonly snippet: Snippet }[];
}

/** The closing message: what was written, the import to add, the variables to set, what next. */
export function summarize({ plan, answers, written, kept, skipped = [], installCommand, entry, lint, formatting = [] }: SummaryInput): string {
  const notWritten = [...kept, ...skipped].filter((path) => path === 'package.json' || plan.files.some((file) => file.path === path));
  const lines = [
    '',
    notWritten.length > 0
      ? `ConfigCat → Amplitude exposures are NOT set up: ${notWritten.join(', ')} ${notWritten.length > 1 ? 'were' : 'was'} not written.`
      : 'ConfigCat → Amplitude exposures are set up.',
    '',
  ];
  if (written.length > 0) lines.push('Wrote:', ...written.map((path) => `  ${path}`), '');
  else if (kept.length === 0 && skipped.length === 0) lines.push('Every file was already up to date: nothing changed.', '');
  if (skipped.length > 0) lines.push('Skipped (you chose not to overwrite them):', ...skipped.map((path) => `  ${path}`), '');
  if (kept.length > 0) lines.push('Kept (you edited them; run again with --force to replace):', ...kept.map((path) => `  ${path}`), '');
  if (entry) lines.push(...entryLines(entry));
  else lines.push('Add to your entry file:', ...plan.importLines.map((line) => `  ${line}`), '');
  for (const note of formatting) lines.push(note, '');
  if (lint) lines.push(...lintLines(lint));
  const endpoints = endpointVariables(plan.convention);
  const variables: [name: string, meaning: string][] = [
    [answers.sdkKeyEnv, 'your ConfigCat SDK key'],
    ...(plan.initAmplitude ? [[answers.amplitudeKeyEnv, 'your Amplitude API key'] as [string, string]] : []),
    [endpoints.configcatBaseUrl, "optional: a ConfigCat Proxy's URL, instead of ConfigCat's CDN"],
    ...(plan.initAmplitude ? [[endpoints.amplitudeServerUrl, "optional: a proxy of Amplitude's endpoint, instead of Amplitude's"] as [string, string]] : []),
  ];
  const nameWidth = Math.max(...variables.map(([name]) => name.length));
  lines.push('Set these environment variables (never commit the keys):', ...variables.map(([name, meaning]) => `  ${name.padEnd(nameWidth)}  ${meaning}`));
  if (plan.convention.prefix) lines.push(`  (${plan.convention.description}.)`);
  lines.push('');
  if (plan.legacyConfigcat) {
    const { name, replacement, endOfSupport } = plan.legacyConfigcat;
    lines.push(
      `${name} reached its end of support on ${endOfSupport}; the wiring keeps using it for now.`,
      `To move on: replace it with ${replacement} in package.json and the imports, then run this generator again.`,
      '',
    );
  }
  if (installCommand) lines.push(`The SDK packages are not installed yet; install them with: ${installCommand}`, '');
  lines.push(`Next: read ${answers.guide} to see the exposures in Amplitude and build the charts.`);
  return lines.join('\n');
}

function lintLines({ tool, fixed, exempted, errors, failed, notLinted }: LintSummary): string[] {
  const lines: string[] = [];
  if (notLinted) lines.push(`Not linted with your ${tool}: ${notLinted}. Run your lint's --fix once they are.`, '');
  if (fixed.length > 0) lines.push(`Fixed as your ${tool} fixes (--fix): ${fixed.join(', ')}.`, '');
  const exemptedRules = [...new Set(exempted.flatMap(({ rules }) => rules))].sort();
  for (const rule of exemptedRules) {
    const files = exempted.filter(({ rules }) => rules.includes(rule)).map(({ file }) => file);
    lines.push(`Exempted from ${rule} on purpose, with the reason beside each line: ${files.join(', ')}.`, '');
  }
  for (const { file, reason } of failed) lines.push(`Not linted: your ${tool} failed on ${file} (${reason}).`, '');
  if (errors.length > 0) {
    const problems = errors.map(({ file, line, ruleId, message, severity }) => `  ${file}:${line}  ${message} (${ruleId}${severity === 'warning' ? ', a warning: your lint runs with --max-warnings 0' : ''})`);
    lines.push(`Your ${tool} still reports errors in the generated files (its fixes cannot change them):`, ...problems, '');
  }
  return lines;
}

function entryLines({ edited, snippets }: EntrySummary): string[] {
  const lines: string[] = [];
  // Several edits of one file say its name once: `a.ts: did this, did that`.
  const described = ({ file, summary }: { readonly file: string; readonly summary: string }) => (summary.startsWith(file) ? summary : `${file}: ${summary}`).replaceAll(`; ${file}: `, ', ');
  if (edited.length > 0) lines.push('Wired into your code:', ...edited.map((edit) => `  ${described(edit)}`), '');
  for (const { file, reason, snippet } of snippets) {
    lines.push(`Add to ${snippet.file || file}, ${snippet.place} (not edited: ${reason}):`, ...snippet.code.split('\n').map((line) => (line ? `  ${line}` : '')), '');
  }
  return lines;
}

export interface DryRunInput {
  readonly changes: readonly WouldWrite[];
  /** Generated files the user edited, which a run without a terminal would keep. */
  readonly kept: readonly string[];
  /** The install a real run would start, when it would start one. */
  readonly installCommand?: string;
}

/** What `--dry-run` ends with: nothing is claimed as done; each change is shown as a diff against the disk. */
export function summarizeDryRun({ changes, kept, installCommand }: DryRunInput): string {
  const lines = ['', 'Dry run: nothing was written and nothing was installed.', ''];
  if (changes.length === 0) {
    lines.push('Every file is already up to date: a run would change nothing.', '');
  } else {
    lines.push('Would write:', ...changes.map(({ path, isNew, isDeleted }) => `  ${path}${isDeleted ? ' (deleted)' : isNew ? ' (new)' : ''}`), '');
    for (const { diff } of changes) lines.push(diff.trimEnd(), '');
  }
  if (kept.length > 0) lines.push('Would keep (you edited them; --force replaces them):', ...kept.map((path) => `  ${path}`), '');
  if (installCommand) lines.push(`Would then install the SDK packages with: ${installCommand}`, '');
  if (changes.length > 0) lines.push('Run again without --dry-run to make these changes.');
  return lines.join('\n');
}

/** What `remove` ends with: what went, what was undone, what stayed and why. */
export function summarizeRemoval(removal: RemovalPlan, install: InstallResult | undefined): string {
  const lines = [''];
  const list = (heading: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(heading, ...items.map((item) => `  ${item}`), '');
  };
  list('Deleted:', [...removal.deleted, ...removal.restored.filter(({ text }) => text === undefined).map(({ path }) => path)]);
  list('Restored as it was before the generator edited it:', removal.restored.filter(({ text }) => text !== undefined).map(({ path }) => path));
  list('Kept (you edited it):', removal.keptEdited);
  list('Not restored:', removal.notRestored.map(({ path, reason }) => `${path}: ${reason}`));
  list('Removed from package.json:', removal.dependenciesRemoved);
  list('Kept in package.json (other code imports it):', removal.dependenciesKept.map(({ name, importedBy }) => `${name} (imported by ${importedBy})`));
  if (install?.status === 'installed') lines.push(`Lockfile updated with ${install.command}.`, '');
  if (install?.status === 'skipped') lines.push(`Lockfile NOT updated (${install.reason}): run \`${install.command}\`.`, '');
  const nothing = lines.length === 1;
  lines.push(nothing ? 'Nothing was left to remove.' : 'ConfigCat → Amplitude exposures are removed.');
  return lines.join('\n');
}

/** The one line printed when Ctrl-C stops the run: what is on disk, and what is not. */
export function interruptedLine({ written, notWritten }: DiskOutcome): string {
  if (written.length === 0) return 'Stopped: nothing was written.';
  return `Stopped: wrote ${written.join(', ')}${notWritten.length > 0 ? `; not written: ${notWritten.join(', ')}` : ''}.`;
}
