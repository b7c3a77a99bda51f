// What the generator adds on top of Yeoman's floor, cold, in one process: loading its modules,
// then rendering (precompiled templates, Handlebars' runtime) and formatting (Prettier, loaded on
// first use) each file of `--platform react` for the project in argv[2], through the generator's
// own pipeline, bundled as the package bundles it (bench/lib/prepare.js). Prints one JSON line.
import { pathToFileURL } from 'node:url';

const [project, pipelineModule] = process.argv.slice(2);
const now = () => performance.now();
let start = now();
const { prepareRun, plannedFiles, renderPlannedFile, formatLikeProject } = await import(pathToFileURL(pipelineModule).href);
const importMs = now() - start;
start = now();
const { plan } = await prepareRun(project, { options: { yes: true, platform: 'react' }, saved: {} });
const planMs = now() - start;
const files = [];
for (const file of plannedFiles(plan)) {
  start = now();
  const rendered = renderPlannedFile(file);
  const renderMs = now() - start;
  start = now();
  await formatLikeProject(`${project}/${file.path}`, rendered, project);
  files.push({ path: file.path, renderMs, formatMs: now() - start });
}
process.stdout.write(`${JSON.stringify({ importMs, planMs, files })}\n`);
