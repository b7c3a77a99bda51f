import { extname, join } from 'node:path';
import type { Answers } from '../../generators/lib/answers.js';
import { formatLikeProject } from '../../generators/lib/format.js';
import { plannedFiles, prepareRun } from '../../generators/lib/pipeline.js';
import type { GenerationPlan } from '../../generators/lib/plan.js';
import { renderPlannedFile } from '../../generators/lib/render.js';
import { summarize } from '../../generators/lib/summary.js';

export interface GeneratedOutput {
  readonly answers: Answers;
  readonly plan: GenerationPlan;
  /** Formatted content of every generated file, by path. */
  readonly files: Readonly<Record<string, string>>;
  readonly summary: string;
}

/**
 * Many cases render the same text; in projects without a formatter configuration the formatted
 * result depends only on the text and the file's extension, so it is computed once.
 */
const formatted = new Map<string, Promise<string>>();
function formatOnce(key: string, format: () => Promise<string>): Promise<string> {
  let result = formatted.get(key);
  if (!result) formatted.set(key, (result = format()));
  return result;
}

/**
 * What one non-interactive run in `dir` generates, through the generator's own pipeline, without
 * Yeoman. `sharedFormatting` formats each distinct text once (for projects with no formatter
 * configuration).
 */
export async function generateInMemory(
  dir: string,
  options: Readonly<Record<string, unknown>>,
  { sharedFormatting = false } = {},
): Promise<GeneratedOutput> {
  const { answers, plan } = await prepareRun(dir, { options: { ...options }, saved: {} });
  const files: Record<string, string> = {};
  for (const file of plannedFiles(plan)) {
    const rendered = renderPlannedFile(file);
    const format = () => formatLikeProject(join(dir, file.path), rendered, dir);
    files[file.path] = await (sharedFormatting ? formatOnce(`${extname(file.path)}\0${rendered}`, format) : format());
  }
  const written = [...Object.keys(files), ...(Object.keys(plan.dependenciesToAdd).length > 0 ? ['package.json'] : [])];
  return { answers, plan, files, summary: summarize({ plan, answers, written, kept: [] }) };
}
