import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedFiles, prepareRun } from '../generators/lib/pipeline.js';
import { renderPlannedFile } from '../generators/lib/render.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';
import { REPO_ROOT } from './support/generate.js';

type Render = typeof import('../generators/lib/render.js');

/**
 * The published package renders with templates precompiled at build time (Handlebars' runtime
 * only); the tests render from the template files. Both must render the same text for every file
 * of every case of the answer matrix. The renderer is bundled as `npm run build` bundles it.
 */
const root = mkdtempSync(join(tmpdir(), 'precompiled-'));
let bundled: Render;

beforeAll(async () => {
  const { build } = await import('esbuild');
  const { BUNDLE_OPTIONS, bundlePlugins } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/build.js')).href)) as {
    BUNDLE_OPTIONS: object;
    bundlePlugins: () => [];
  };
  const outfile = join(root, 'render.mjs');
  await build({ ...BUNDLE_OPTIONS, entryPoints: [join(REPO_ROOT, 'generators/lib/render.ts')], outfile, plugins: bundlePlugins() });
  bundled = (await import(pathToFileURL(outfile).href)) as Render;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('precompiled templates render as the template files do', () => {
  it('cannot compile template text: the bundle has no compiler', () => {
    expect(() => bundled.renderTemplate('{{a}}', { a: 1 })).toThrow(/precompiled/);
  });

  it.each(MATRIX.map((matrixCase, index) => [matrixCase.name, matrixCase, index] as const))('%s', async (_name, matrixCase, index) => {
    const dir = join(root, String(index));
    writeMatrixCase(dir, matrixCase);
    const { plan } = await prepareRun(dir, { options: { ...matrixCase.options }, saved: {} });
    for (const file of plannedFiles(plan)) expect(bundled.renderPlannedFile(file), file.path).toBe(renderPlannedFile(file));
  });
});
