import type { Answers } from './answers.js';
import type { Snippet } from './entry/index.js';
import type { GenerationPlan } from './plan.js';

export interface SummaryInput {
  readonly plan: GenerationPlan;
  readonly answers: Answers;
  readonly written: readonly string[];
  readonly kept: readonly string[];
  readonly installCommand?: string;
  /** What the run did to the project's own code, when it was asked to wire it in. */
  readonly entry?: EntrySummary;
}

export interface EntrySummary {
  readonly edited: readonly { readonly file: string; readonly summary: string }[];
  /** Code the run did not recognise: what to paste, where. */
  readonly snippets: readonly { readonly file: string; readonly reason: string; readonly snippet: Snippet }[];
}

/** The closing message: what was written, the import to add, the variables to set, what next. */
export function summarize({ plan, answers, written, kept, installCommand, entry }: SummaryInput): string {
  const lines = ['', 'ConfigCat → Amplitude exposures are set up.', ''];
  if (written.length > 0) lines.push('Wrote:', ...written.map((path) => `  ${path}`), '');
  else if (kept.length === 0) lines.push('Every file was already up to date: nothing changed.', '');
  if (kept.length > 0) lines.push('Kept (you edited them; run again with --force to replace):', ...kept.map((path) => `  ${path}`), '');
  if (entry) lines.push(...entryLines(entry));
  else lines.push('Add to your entry file:', ...plan.importLines.map((line) => `  ${line}`), '');
  lines.push('Set these environment variables (never commit the keys):', `  ${answers.sdkKeyEnv}  your ConfigCat SDK key`);
  if (plan.initAmplitude) lines.push(`  ${answers.amplitudeKeyEnv}  your Amplitude API key`);
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

function entryLines({ edited, snippets }: EntrySummary): string[] {
  const lines: string[] = [];
  if (edited.length > 0) lines.push('Wired into your code:', ...edited.map(({ file, summary }) => `  ${summary.startsWith(file) ? summary : `${file}: ${summary}`}`), '');
  for (const { file, reason, snippet } of snippets) {
    lines.push(`Add to ${snippet.file || file}, ${snippet.place} (not edited: ${reason}):`, ...snippet.code.split('\n').map((line) => (line ? `  ${line}` : '')), '');
  }
  return lines;
}
