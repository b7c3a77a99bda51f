import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { biomeFormats, biomeFormatterEnabled, chooseFormatter } from '../generators/lib/formatter-choice.js';

describe('choosing the project formatter', () => {
  it.each([
    ['no Biome', { biome: false, commands: ['biome check .'], dependencies: [] }, 'prettier'],
    ['Biome alone', { biome: true, commands: [], dependencies: [] }, 'biome'],
    ['Biome, its formatter in the scripts', { biome: true, commands: ['biome check --write .', 'prettier --write "**/*.md"'], dependencies: [] }, 'biome'],
    ['Biome for linting, Prettier for formatting', { biome: true, commands: ['biome lint .', 'prettier --check .'], dependencies: [] }, 'prettier'],
    ['Biome and eslint-plugin-prettier', { biome: true, commands: ['eslint .'], dependencies: ['eslint-plugin-prettier'] }, 'prettier'],
    ['Biome, Prettier named only inside another word', { biome: true, commands: ['eslint --config eslint-config-prettier.js .'], dependencies: [] }, 'biome'],
    ['Biome and Prettier through npx', { biome: true, commands: ['npx prettier --check .'], dependencies: [] }, 'prettier'],
  ] as const)('%s', (_case, signals, expected) => {
    expect(chooseFormatter(signals)).toBe(expected);
  });

  it('leaves Markdown to Prettier when Biome has no Markdown formatter', () => {
    const biome = { packageDir: join(tmpdir(), 'no-biome-here'), version: '1.9.4', configFile: join(tmpdir(), 'biome.json') };
    expect(biomeFormats('/p/src/configcat-amplitude.ts', biome)).toBe(true);
    expect(biomeFormats('/p/src/Provider.jsx', biome)).toBe(true);
    expect(biomeFormats('/p/docs/configcat-amplitude.md', biome)).toBe(false);
    expect(biomeFormats('/p/docs/notes.yaml', biome)).toBe(false);
  });

  it.each([
    ['no formatter section', '{ "linter": { "enabled": true } }', true],
    ['the formatter off', '{ "formatter": { "enabled": false } }', false],
    ['the JavaScript formatter off, in JSONC', '{\n  // Prettier formats\n  "javascript": { "formatter": { "enabled": false, }, },\n  "files": { "includes": ["src/**", "!**/*.gen.ts"] }\n}', false],
    ['only the JSON formatter off', '{ "json": { "formatter": { "enabled": false } } }', true],
    ['a comment marker inside a string', '{ "files": { "includes": ["http://x/*"] }, "formatter": { "enabled": false } }', false],
    ['text Biome will reject', '{ "formatter": ', true],
  ])('reads a Biome configuration with %s', (_case, text, enabled) => {
    expect(biomeFormatterEnabled(text)).toBe(enabled);
  });
});
