import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareRun } from '../generators/lib/pipeline.js';
import type { PlatformDescriptor } from '../generators/lib/platform.js';
import { PLATFORMS } from '../generators/lib/platforms.js';
import { renderPlannedFile } from '../generators/lib/render.js';

/**
 * Each code file exists as a TypeScript template and a JavaScript one (typed with JSDoc). Rendered
 * with the same answers, the TypeScript with its types stripped must be the same program as the
 * JavaScript: the two cannot drift apart.
 */
const root = mkdtempSync(join(tmpdir(), 'parity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * The program without types, comments or the template's line breaks: esbuild's output, printed by Prettier.
 * Whitespace is minified so that no comment survives, JSDoc type assertions included.
 */
function program(code: string, path: string): Promise<string> {
  const loader = path.endsWith('.tsx') ? 'tsx' : path.endsWith('.ts') ? 'ts' : path.endsWith('.jsx') ? 'jsx' : 'js';
  return prettier.format(transformSync(code, { loader, jsx: 'preserve', legalComments: 'none', minifyWhitespace: true, format: 'esm' }).code, { parser: 'babel' });
}

async function renderedFiles(projectFiles: Record<string, string>, options: Record<string, unknown>): Promise<string[]> {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [path, content] of Object.entries(projectFiles)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const { plan } = await prepareRun(dir, { options, saved: {} });
  return Promise.all(plan.files.map((file) => program(renderPlannedFile(file), file.path)));
}

const ANSWERS: readonly Record<string, unknown>[] = [
  ...['auto', 'value', 'variationId'].flatMap((variant) =>
    [true, false].flatMap((identify) => [true, false].map((trackDefaultValues) => ({ variant, identify, trackDefaultValues }))),
  ),
  { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' },
  { amplitudeServerZone: 'eu', configcatDataGovernance: 'global' },
  { amplitudeServerZone: 'us', configcatDataGovernance: 'eu' },
];

describe.each(PLATFORMS.map((platform) => [platform.id, platform] as const))('--platform %s', (id, platform) => {
  const sdkSets = [
    {},
    { [platform.sdks.amplitude[0]]: '^2.0.0' },
    ...platform.sdks.legacyConfigcat.map((legacy) => ({ [legacy]: '^9.0.0' })),
    // configcat-vue: the wiring hooks the plugin's client (no client of its own).
    ...((platform as PlatformDescriptor).sdks.keptConfigcat ?? []).map((kept) => ({ [kept]: '*' })),
  ];
  it.each(sdkSets.flatMap((sdks) => ANSWERS.map((answers) => [JSON.stringify({ sdks, ...answers }), sdks, answers] as const)))(
    'TypeScript and JavaScript make the same program: %s',
    async (_name, sdks, answers) => {
      const project = {
        'package.json': JSON.stringify({ name: 'parity', type: 'module', dependencies: { ...sdks, vite: '^8.0.0' } }),
        'tsconfig.json': '{}',
      };
      const typescript = await renderedFiles(project, { platform: id, language: 'ts', ...answers });
      const javascript = await renderedFiles(project, { platform: id, language: 'js', ...answers });
      expect(typescript).toEqual(javascript);
    },
  );
});

describe('bundlers without a convention of their own (variables read through a guard)', () => {
  it.each(['js', 'react'])('--platform %s with webpack: TypeScript and JavaScript make the same program', async (id) => {
    const project = {
      'package.json': JSON.stringify({ name: 'parity', dependencies: { webpack: '^5.0.0', ...(id === 'react' ? { react: '^19.0.0' } : {}) } }),
      'tsconfig.json': '{}',
    };
    const answers = { amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' };
    // Outside Vite a TypeScript import names no extension, and a JavaScript one names `.js`.
    const withoutExtensions = (files: string[]) => files.map((file) => file.replace(/(from "\.\/[^"]+)\.js"/g, '$1"'));
    const typescript = withoutExtensions(await renderedFiles(project, { platform: id, language: 'ts', ...answers }));
    expect(typescript.join('\n')).toContain('optionalEnv(() => process.env.CONFIGCAT_BASE_URL)');
    expect(typescript).toEqual(withoutExtensions(await renderedFiles(project, { platform: id, language: 'js', ...answers })));
  });
});
