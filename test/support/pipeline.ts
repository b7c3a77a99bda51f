import { join } from 'node:path';
import type * as Pipeline from '../../generators/lib/pipeline.js';
import type * as Render from '../../generators/lib/render.js';
import type * as Format from '../../generators/lib/format.js';
import type * as Summary from '../../generators/lib/summary.js';
import type { GenerationPlan } from '../../generators/lib/plan.js';
import type { Answers } from '../../generators/lib/answers.js';
import { extname } from 'node:path';
import { REPO_ROOT } from './generate.js';

/** The compiled modules the generators use (`npm run build` first), loaded as the generator loads them. */
const lib = <Module>(name: string) => import(join(REPO_ROOT, 'dist/generators/lib', `${name}.js`)) as Promise<Module>;

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
  const [{ prepareRun, plannedFiles }, { renderPlannedFile }, { formatLikeProject }, { summarize }] = await Promise.all([
    lib<typeof Pipeline>('pipeline'),
    lib<typeof Render>('render'),
    lib<typeof Format>('format'),
    lib<typeof Summary>('summary'),
  ]);
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
