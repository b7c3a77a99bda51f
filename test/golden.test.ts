import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/generate.js';
import { MATRIX, writeMatrixCase } from './support/golden-matrix.js';
import { generateInMemory } from './support/pipeline.js';

/**
 * Every case of the answer matrix produces exactly the output recorded in test/golden/outputs.json
 * (a fingerprint per generated file, the dependencies and the summary). A change of output is a
 * deliberate one: record it with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` and review
 * the diff. `GOLDEN_DUMP=<folder>` writes every output in full, to compare two versions.
 */
const GOLDEN_PATH = join(REPO_ROOT, 'test/golden/outputs.json');
const update = Boolean(process.env['UPDATE_GOLDEN']);
const dumpTo = process.env['GOLDEN_DUMP'];

interface Recorded {
  readonly files: Record<string, string>;
  readonly dependenciesToAdd: Record<string, string>;
  readonly summary: string;
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);
const recorded = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Record<string, Recorded>;
const observed: Record<string, Recorded> = {};
const root = mkdtempSync(join(tmpdir(), 'golden-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (update) writeFileSync(GOLDEN_PATH, `${JSON.stringify(observed, null, 1)}\n`);
});

describe('output over the whole answer matrix', () => {
  it.each(MATRIX.map((matrixCase, index) => [matrixCase.name, matrixCase, index] as const))('%s', async (_name, matrixCase, index) => {
    const dir = join(root, String(index));
    writeMatrixCase(dir, matrixCase);
    const output = await generateInMemory(dir, matrixCase.options, { sharedFormatting: true });
    if (dumpTo) {
      for (const [path, content] of Object.entries(output.files)) {
        const target = join(dumpTo, matrixCase.name.replace(/[^\w.-]+/g, '_'), path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
    const result: Recorded = {
      files: Object.fromEntries(Object.entries(output.files).map(([path, content]) => [path, fingerprint(content)])),
      dependenciesToAdd: { ...output.plan.dependenciesToAdd },
      summary: fingerprint(output.summary),
    };
    observed[matrixCase.name] = result;
    if (!update) expect(result).toEqual(recorded[matrixCase.name]);
  });
});
