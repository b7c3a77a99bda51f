import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { REPO_ROOT } from './generate.js';

/** The compiled pure modules the generators use (`npm run build` first), loaded as the generator loads them. */
const lib = (name: string) => import(join(REPO_ROOT, 'dist/generators/lib', `${name}.js`));

export interface GeneratedOutput {
  /** Formatted content of every generated file, by path. */
  readonly files: Readonly<Record<string, string>>;
  readonly dependenciesToAdd: Readonly<Record<string, string>>;
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

/** What one non-interactive run in `dir` generates, without Yeoman. */
export async function generateInMemory(dir: string, options: Readonly<Record<string, unknown>>): Promise<GeneratedOutput> {
  const [{ detectProject }, { resolveAnswers }, { planGeneration }, { renderTemplate }, { formatLikeProject }, { summarize }] = await Promise.all([
    lib('detect'),
    lib('resolve-answers'),
    lib('plan'),
    lib('render'),
    lib('format'),
    lib('summary'),
  ]);
  const facts = await detectProject(dir);
  const answers = await resolveAnswers(facts, { options: { ...options }, saved: {} });
  const plan = planGeneration(answers, facts);
  const files: Record<string, string> = {};
  for (const file of [plan.wiring, plan.provider, plan.guide].filter(Boolean)) {
    const template = readFileSync(join(REPO_ROOT, 'templates', file.template), 'utf8');
    const rendered = renderTemplate(template, plan.context);
    files[file.path] = await formatOnce(`${extname(file.path)}\0${rendered}`, () => formatLikeProject(join(dir, file.path), rendered));
  }
  const written = [...Object.keys(files), ...(Object.keys(plan.dependenciesToAdd).length > 0 ? ['package.json'] : [])];
  return { files, dependenciesToAdd: plan.dependenciesToAdd, summary: summarize({ plan, answers, written, kept: [] }) };
}
