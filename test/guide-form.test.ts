import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFile, plannedFiles, prepareRun } from '../generators/lib/pipeline.js';
import { renderPlannedFile } from '../generators/lib/render.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';

/**
 * In a project without a formatter configuration the guide is written without Prettier's Markdown
 * formatter (see generators/lib/markdown-form.ts): what it writes must be what that formatter prints
 * for the rendered template, in every case of the answer matrix.
 */
const root = mkdtempSync(join(tmpdir(), 'guide-form-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Prettier's Markdown output by rendered text: many cases render the same guide. */
const prettierOutput = new Map<string, Promise<string>>();

describe("the guide as written equals Prettier's Markdown output", () => {
  it.each(MATRIX.map((matrixCase, index) => [matrixCase.name, matrixCase, index] as const))('%s', async (_name, matrixCase, index) => {
    const dir = join(root, String(index));
    writeMatrixCase(dir, matrixCase);
    const { plan } = await prepareRun(dir, { options: { ...matrixCase.options }, saved: {} });
    const guides = plannedFiles(plan).filter((file) => file.path.endsWith('.md'));
    expect(guides.length).toBeGreaterThan(0);
    for (const guide of guides) {
      const rendered = renderPlannedFile(guide);
      let expected = prettierOutput.get(rendered);
      if (!expected) prettierOutput.set(rendered, (expected = prettier.format(rendered, { filepath: join(dir, guide.path) })));
      expect(await generateFile(dir, guide)).toBe(await expected);
    }
  });
});
