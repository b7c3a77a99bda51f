import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBiomeOutsideProject, prettierOptionsFromBiome } from '../generators/lib/biome-not-installed.js';
import { makeTempProject } from './support/temp-project.js';

describe('findBiomeOutsideProject', () => {
  const copies = () => {
    const dir = makeTempProject({
      'a/package.json': { name: '@biomejs/biome', version: '1.9.4' },
      'b/package.json': { name: '@biomejs/biome', version: '2.0.0' },
      'c/package.json': { name: '@biomejs/biome', version: '2.6.9' },
      'biome-1.json': { $schema: 'https://biomejs.dev/schemas/1.9.4/schema.json' },
      'biome-2.json': { $schema: 'https://biomejs.dev/schemas/2.0.0/schema.json' },
      'biome-3.json': { $schema: 'https://biomejs.dev/schemas/3.0.0/schema.json' },
      'biome.json': { formatter: { indentStyle: 'space' } },
    });
    return { dir, searched: ['a', 'b', 'c'].map((name) => join(dir, name, 'package.json')) };
  };

  it("takes the newest copy of the major the configuration's $schema names", () => {
    const { dir, searched } = copies();
    expect(findBiomeOutsideProject(join(dir, 'biome-2.json'), searched)).toBe(join(dir, 'c/package.json'));
    expect(findBiomeOutsideProject(join(dir, 'biome-1.json'), searched)).toBe(join(dir, 'a/package.json'));
  });

  it('takes the newest copy when the configuration names no schema, and none of another major', () => {
    const { dir, searched } = copies();
    expect(findBiomeOutsideProject(join(dir, 'biome.json'), searched)).toBe(join(dir, 'c/package.json'));
    expect(findBiomeOutsideProject(join(dir, 'biome-3.json'), searched)).toBeUndefined();
  });
});

describe('prettierOptionsFromBiome', () => {
  it("starts from Biome's defaults, not Prettier's: tabs, double quotes, semicolons, trailing commas everywhere", () => {
    expect(prettierOptionsFromBiome({})).toMatchObject({ useTabs: true, tabWidth: 2, printWidth: 80, singleQuote: false, semi: true, trailingComma: 'all', arrowParens: 'always' });
  });

  it('lets the JavaScript section override the general one', () => {
    const options = prettierOptionsFromBiome({
      formatter: { indentStyle: 'space', indentWidth: 4, lineWidth: 120 },
      javascript: { formatter: { quoteStyle: 'single', semicolons: 'asNeeded', trailingCommas: 'es5', arrowParentheses: 'asNeeded', lineWidth: 100 } },
    });
    expect(options).toMatchObject({ useTabs: false, tabWidth: 4, printWidth: 100, singleQuote: true, semi: false, trailingComma: 'es5', arrowParens: 'avoid' });
  });
});
