import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { gitSnapshot, gitStatus, makeTempProject, readText, runBin } from './support/temp-project.js';

const NODE_ESM = { 'package.json': { name: 'api', type: 'module', dependencies: { express: '^5.0.0' } }, 'src/server.js': '' };
const WIRING = 'src/configcat-amplitude.js';

async function generatedProject(): Promise<string> {
  const dir = makeTempProject(NODE_ESM);
  expect((await runBin(dir, ['--yes', '--skip-install'])).exitCode).toBe(0);
  return dir;
}

/** What the user's own `prettier --write` with other settings makes of a file. */
async function reformat(dir: string, path: string): Promise<void> {
  const text = readText(dir, path);
  const reformatted = await prettier.format(text, { filepath: join(dir, path), useTabs: true, semi: false, singleQuote: true, printWidth: 120 });
  expect(reformatted).not.toBe(text);
  writeFileSync(join(dir, path), reformatted);
}

describe('a re-run after the user touched a generated file', () => {
  it('leaves a reformatted file byte for byte and exits 0', async () => {
    const dir = await generatedProject();
    await reformat(dir, WIRING);
    await reformat(dir, 'docs/configcat-amplitude.md');
    await gitSnapshot(dir);
    const again = await runBin(dir, ['--yes', '--skip-install']);
    expect(again.exitCode, again.all).toBe(0);
    expect(await gitStatus(dir)).toBe('');
  });

  it('replaces a reformatted file when the answers change', async () => {
    const dir = await generatedProject();
    await reformat(dir, WIRING);
    const again = await runBin(dir, ['--yes', '--skip-install', '--variant', 'variationId']);
    expect(again.exitCode, again.all).toBe(0);
    expect(readText(dir, WIRING)).toContain('nonEmpty(details.variationId) ?? details.value');
    expect(readText(dir, WIRING)).not.toMatch(/^\t/m);
  });

  it('keeps real edits with a note, exit 0, when the run has nothing new for that file', async () => {
    const dir = await generatedProject();
    writeFileSync(join(dir, WIRING), `${readText(dir, WIRING)}\n// my change\n`);
    await gitSnapshot(dir);
    const again = await runBin(dir, ['--yes', '--skip-install']);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.all).toContain(`${WIRING} keeps your edits: this run generates what the last one did.`);
    expect(await gitStatus(dir)).toBe('');
  });
});
