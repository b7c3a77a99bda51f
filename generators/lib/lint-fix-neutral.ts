import type * as t from '@babel/types';
import { parseSource, walk, type Source } from './entry/source.js';

/**
 * The program with the choices that linters' automatic fixes make written one way, so that a file
 * the user ran `eslint --fix` or `biome lint --write` over is still recognised as the generator's
 * own. Each rewrite keeps what the code does; it only picks one of two spellings that popular
 * rules flip between:
 *
 * - `obj["name"]` → `obj.name` (ESLint `dot-notation`, Biome `useLiteralKeys`)
 * - `let` → `const` (ESLint `prefer-const`, Biome `useConst`)
 * - `value!` → `value` (typescript-eslint `no-unnecessary-type-assertion`, `no-non-null-assertion`)
 * - `import type { A }`, `import { type A }` → `import { A }` (`consistent-type-imports`, Biome `useImportType`)
 * - `"fs"` → `"node:fs"` in module sources (`unicorn/prefer-node-protocol`, Biome `useNodejsImportProtocol`)
 * - `Array<T>` → `T[]` (typescript-eslint `array-type`)
 * - `interface X { … }` → `type X = { … }` (`consistent-type-definitions`)
 * - `{ a: a }` → `{ a }` (ESLint `object-shorthand`)
 * - `() => { return x; }` → `() => (x)` (ESLint `arrow-body-style`)
 * - a lone statement after `if`/`else`/a loop gets braces (ESLint `curly`)
 * - `` `text` `` without substitutions → `"text"` (Biome `noUnusedTemplateLiteral`, ESLint `quotes`)
 *
 * The result is only ever compared (see canonical.ts), never written. Text that does not parse is
 * returned as it is.
 */
export function lintFixNeutral(code: string, file: string): string {
  const source = parseSource(code, file);
  if (!source) return code;
  walk(source.ast.program, (node, parent) => neutralise(source, node, parent));
  return source.out.toString();
}

const NODE_BUILTINS = new Set(['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib']);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function neutralise(source: Source, node: t.Node, parent: t.Node | undefined): void {
  const { out, code } = source;
  switch (node.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const key = node.property;
      if (node.computed && key.type === 'StringLiteral' && IDENTIFIER.test(key.value)) {
        out.overwrite(end(node.object), end(node), `${node.type === 'OptionalMemberExpression' && node.optional ? '?.' : '.'}${key.value}`);
      }
      return;
    }
    case 'VariableDeclaration':
      if (node.kind === 'let' && code.startsWith('let', start(node))) out.overwrite(start(node), start(node) + 3, 'const');
      return;
    case 'TSNonNullExpression':
      out.remove(end(node.expression), end(node));
      return;
    case 'ImportDeclaration': {
      if (node.importKind === 'type') {
        const keyword = /^import(\s+)type\s+/.exec(code.slice(start(node)));
        if (keyword) out.remove(start(node) + 'import'.length + (keyword[1]?.length ?? 0), start(node) + keyword[0].length);
      }
      for (const specifier of node.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') out.remove(start(specifier), start(specifier.imported));
      }
      withNodeProtocol(source, node.source);
      return;
    }
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
      if (node.source) withNodeProtocol(source, node.source);
      return;
    case 'CallExpression':
      if ((node.callee.type === 'Identifier' && node.callee.name === 'require') || node.callee.type === 'Import') {
        const [argument] = node.arguments;
        if (argument?.type === 'StringLiteral') withNodeProtocol(source, argument);
      }
      return;
    case 'TSTypeReference': {
      const [element, ...rest] = node.typeParameters?.params ?? [];
      if (node.typeName.type === 'Identifier' && element && rest.length === 0 && (node.typeName.name === 'Array' || node.typeName.name === 'ReadonlyArray')) {
        const readonly = node.typeName.name === 'ReadonlyArray' ? 'readonly ' : '';
        out.overwrite(start(node), start(element), `${readonly}(`);
        out.overwrite(end(element), end(node), ')[]');
      }
      return;
    }
    case 'TSInterfaceDeclaration':
      if (!node.extends || node.extends.length === 0) {
        const typeParameters = node.typeParameters ? code.slice(start(node.typeParameters), end(node.typeParameters)) : '';
        out.overwrite(start(node), start(node.body), `type ${node.id.name}${typeParameters} = `);
      }
      return;
    case 'ObjectProperty':
      if (!node.shorthand && !node.computed && node.key.type === 'Identifier' && node.value.type === 'Identifier' && node.key.name === node.value.name) {
        out.remove(end(node.key), end(node.value));
      }
      return;
    case 'ArrowFunctionExpression': {
      const body = node.body;
      const [only, ...more] = body.type === 'BlockStatement' ? body.body : [];
      if (body.type === 'BlockStatement' && only?.type === 'ReturnStatement' && only.argument && more.length === 0) {
        // Comments before `return` stay where the linter's fix leaves them: before the expression.
        out.overwrite(start(body), start(body) + 1, '(');
        out.remove(start(only), start(only.argument));
        out.overwrite(end(only.argument), end(body), ')');
      }
      return;
    }
    case 'IfStatement':
      braced(source, node.consequent);
      // `else if` stays a chain.
      if (node.alternate && node.alternate.type !== 'IfStatement') braced(source, node.alternate);
      return;
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      braced(source, node.body);
      return;
    case 'TemplateLiteral':
      if (node.expressions.length === 0 && parent?.type !== 'TaggedTemplateExpression' && parent?.type !== 'TSLiteralType') {
        const cooked = node.quasis[0]?.value.cooked;
        if (cooked !== undefined && cooked !== null) out.overwrite(start(node), end(node), JSON.stringify(cooked));
      }
      return;
    default:
      return;
  }
}

function withNodeProtocol(source: Source, literal: t.StringLiteral): void {
  if (NODE_BUILTINS.has(literal.value)) source.out.overwrite(start(literal) + 1, end(literal) - 1, `node:${literal.value}`);
}

function braced(source: Source, body: t.Statement): void {
  if (body.type === 'BlockStatement') return;
  source.out.appendLeft(start(body), '{ ');
  source.out.appendRight(end(body), ' }');
}

function start(node: t.Node): number {
  return node.start ?? 0;
}

function end(node: t.Node): number {
  return node.end ?? 0;
}
