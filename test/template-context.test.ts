import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../generators/lib/package-root.js';
import { prepareRun } from '../generators/lib/pipeline.js';
import type { PlannedFile, PlatformDescriptor } from '../generators/lib/platform.js';
import { PLATFORMS } from '../generators/lib/platforms.js';

/**
 * Every variable a template names, in every branch (not only the branches a case renders), is a
 * field of the typed context it is rendered with: a renamed field cannot hide in a branch.
 */
const HELPERS = new Set(['if', 'unless', 'each', 'literal', 'comment', 'eq', 'concat', 'envAccess', 'optionalEnvAccess', 'numberLiteral', 'thousands']);
type Node = hbs.AST.Node;

/** Paths the template reads, each with the context it is read from (an `each` block reads its items). */
function unknownPaths(source: string, context: object): string[] {
  const unknown: string[] = [];
  const visit = (node: Node | undefined | null, scope: unknown): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement, scope);
        return;
      case 'MustacheStatement':
      case 'SubExpression': {
        const { path, params } = node as hbs.AST.MustacheStatement;
        if (path.type === 'PathExpression' && !HELPERS.has((path as hbs.AST.PathExpression).original)) check(path as hbs.AST.PathExpression, scope);
        for (const param of params) visit(param, scope);
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        for (const param of block.params) visit(param, scope);
        const name = (block.path as hbs.AST.PathExpression).original;
        const inner = name === 'each' ? firstItem(block.params[0], scope) : scope;
        visit(block.program, inner);
        visit(block.inverse, scope);
        return;
      }
      case 'PathExpression':
        check(node as hbs.AST.PathExpression, scope);
        return;
      default:
        return;
    }
  };
  const check = (path: hbs.AST.PathExpression, scope: unknown): void => {
    if (path.original === 'this' || path.data) return;
    let value: unknown = scope;
    for (const part of path.parts) {
      // An absent optional object (null) has no fields to check here; a case where it is set does.
      if (value === null) return;
      if (typeof value !== 'object' || !(part in value)) {
        unknown.push(path.original);
        return;
      }
      value = (value as Record<string, unknown>)[part];
    }
  };
  const firstItem = (param: Node | undefined, scope: unknown): unknown => {
    if (param?.type !== 'PathExpression') return undefined;
    const items = (param as hbs.AST.PathExpression).parts.reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], scope);
    return Array.isArray(items) ? items[0] : undefined;
  };
  visit(Handlebars.parse(source), context);
  return unknown;
}

const root = mkdtempSync(join(tmpdir(), 'template-context-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function plannedFilesOf(platform: PlatformDescriptor, language: string, configcat: Record<string, string>): Promise<readonly PlannedFile[]> {
  const dir = mkdtempSync(join(root, 'case-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', type: 'module', dependencies: { vite: '^8.0.0', ...configcat } }));
  writeFileSync(join(dir, 'tsconfig.json'), '{}');
  const { plan } = await prepareRun(dir, { options: { platform: platform.id, language }, saved: {} });
  return [...plan.files, plan.guide];
}

/**
 * The ConfigCat packages a project of the platform may already have: the older ones (so the guide's
 * note about them has its fields), and each one kept in place of the platform's own (configcat-vue).
 */
function configcatSets(platform: PlatformDescriptor): Record<string, string>[] {
  const legacy = Object.fromEntries(platform.sdks.legacyConfigcat.map((name) => [name, '^9.0.0']));
  return [legacy, ...(platform.sdks.keptConfigcat ?? []).map((name) => ({ [name]: '*' }))];
}

const read = (path: string) => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

describe.each(PLATFORMS.flatMap((platform) => ['ts', 'js'].map((language) => [platform.id, language, platform] as const)))('--platform %s --language %s', (_id, language, platform) => {
  it('names only fields of the context, in every branch of every template and partial', async () => {
    for (const configcat of configcatSets(platform)) {
      for (const file of await plannedFilesOf(platform, language, configcat)) {
        expect(unknownPaths(read(file.template), file.context), file.template).toEqual([]);
        for (const partial of Object.values(file.partials ?? {})) expect(unknownPaths(read(partial), file.context), partial).toEqual([]);
      }
    }
  });
});

it('finds a field the context does not have', () => {
  expect(unknownPaths('{{#if ready}}{{#each items}}{{name}}{{size}}{{/each}}{{else}}{{platform.gone}}{{/if}}', { ready: true, items: [{ name: 'a' }], platform: {} })).toEqual([
    'size',
    'platform.gone',
  ]);
});
