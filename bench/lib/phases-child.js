// What the generator adds on top of Yeoman's floor, cold, in one process: loading its modules,
// then rendering (Handlebars, loaded on first use) and formatting (Prettier, loaded on first use)
// each file of `--platform react` for the project in argv[2]. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [project, repoRoot] = process.argv.slice(2);
const now = () => performance.now();
let start = now();
const lib = (name) => import(join(repoRoot, 'dist/generators/lib', name));
const [{ renderTemplate }, { formatLikeProject }, { detectProject }, { resolveAnswers }, { planGeneration }] = await Promise.all(
  ['render.js', 'format.js', 'detect.js', 'resolve-answers.js', 'plan.js'].map(lib),
);
const importMs = now() - start;
start = now();
const facts = await detectProject(project);
const answers = await resolveAnswers(facts, { options: { yes: true, platform: 'react' }, saved: {} });
const plan = planGeneration(answers, facts, []);
const planMs = now() - start;
const files = [];
for (const file of [plan.wiring, plan.provider, plan.guide].filter(Boolean)) {
  start = now();
  const rendered = renderTemplate(readFileSync(join(repoRoot, 'templates', file.template), 'utf8'), plan.context);
  const renderMs = now() - start;
  start = now();
  await formatLikeProject(join(project, file.path), rendered);
  files.push({ path: file.path, renderMs, formatMs: now() - start });
}
process.stdout.write(`${JSON.stringify({ importMs, planMs, files })}\n`);
