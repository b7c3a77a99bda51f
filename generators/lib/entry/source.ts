import { parse, type ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import MagicString from 'magic-string';

/**
 * A parsed file and the edits made to it. Edits are splices at the original offsets (magic-string),
 * located through Babel's AST: every byte outside an edited range stays as the user wrote it.
 */
export interface Source {
  readonly code: string;
  readonly file: string;
  readonly ast: t.File;
  readonly style: CodeStyle;
  readonly moduleSystem: 'esm' | 'cjs';
  readonly out: MagicString;
}

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolon: boolean;
  /** One level of indentation: two or four spaces, or a tab. */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
}

/** Parses `code`; `undefined` when it does not parse (the edit then reports it unrecognised). */
export function parseSource(code: string, file: string, packageType?: 'module' | 'commonjs'): Source | undefined {
  let ast: t.File;
  try {
    ast = parse(code, {
      sourceType: 'unambiguous',
      plugins: parserPlugins(file),
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
    });
  } catch {
    return undefined;
  }
  return { code, file, ast, style: detectStyle(code, ast), moduleSystem: detectModuleSystem(ast, file, packageType), out: new MagicString(code) };
}

function parserPlugins(file: string): ParserPlugin[] {
  const plugins: ParserPlugin[] = [['decorators', { decoratorsBeforeExport: true }]];
  if (/\.[cm]?tsx?$/.test(file)) plugins.push('typescript');
  if (!/\.[cm]?ts$/.test(file)) plugins.push('jsx');
  return plugins;
}

/** The style of the file itself, so the lines we add look like the lines around them. */
export function detectStyle(code: string, ast: t.File): CodeStyle {
  let single = 0;
  let double = 0;
  walk(ast.program, (node) => {
    if (node.type === 'StringLiteral' || node.type === 'DirectiveLiteral') {
      const first = code[node.start ?? 0];
      if (first === "'") single += 1;
      else if (first === '"') double += 1;
    }
  });
  const statements = ast.program.body;
  const ended = statements.filter((statement) => code[(statement.end ?? 1) - 1] === ';').length;
  const semicolon = statements.length === 0 || ended * 2 >= statements.length;
  return { quote: double > single ? '"' : "'", semicolon, indent: detectIndent(code), eol: code.includes('\r\n') ? '\r\n' : '\n' };
}

function detectIndent(code: string): string {
  let smallest = Infinity;
  for (const line of code.split('\n')) {
    if (line.startsWith('\t')) return '\t';
    const spaces = /^( +)\S/.exec(line)?.[1]?.length;
    if (spaces !== undefined && spaces >= 2 && spaces < smallest) smallest = spaces;
  }
  return smallest === Infinity ? '  ' : ' '.repeat(Math.min(smallest, 8));
}

function detectModuleSystem(ast: t.File, file: string, packageType?: 'module' | 'commonjs'): 'esm' | 'cjs' {
  if (/\.m[jt]sx?$/.test(file)) return 'esm';
  if (/\.c[jt]sx?$/.test(file)) return 'cjs';
  if (ast.program.body.some((node) => node.type.startsWith('Import') || node.type.startsWith('Export'))) return 'esm';
  if (requireDeclarations(ast).length > 0) return 'cjs';
  return packageType === 'module' || /\.[jt]sx$/.test(file) || /\.ts$/.test(file) ? 'esm' : 'cjs';
}

type Visitor = (node: t.Node, parent: t.Node | undefined) => boolean | void;

/** Depth-first walk; a visitor returning `false` skips the node's children. */
export function walk(node: t.Node, visit: Visitor, parent?: t.Node): void {
  if (visit(node, parent) === false) return;
  for (const key of Object.keys(node) as (keyof t.Node)[]) {
    if (key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'loc') continue;
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, visit, node);
    } else if (isNode(value)) {
      walk(value, visit, node);
    }
  }
}

function isNode(value: unknown): value is t.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every node for which `test` holds, with its parent, in source order. */
export function findAll<N extends t.Node>(root: t.Node, test: (node: t.Node) => node is N): { node: N; parent: t.Node | undefined }[] {
  const found: { node: N; parent: t.Node | undefined }[] = [];
  walk(root, (node, parent) => {
    if (test(node)) found.push({ node, parent });
  });
  return found;
}

export function text(source: Source, node: t.Node): string {
  return source.code.slice(node.start ?? 0, node.end ?? 0);
}

export function start(node: t.Node): number {
  return node.start ?? 0;
}

export function end(node: t.Node): number {
  return node.end ?? 0;
}

/** The whitespace that starts the line `offset` is on. */
export function lineIndent(code: string, offset: number): string {
  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(code.slice(lineStart))?.[0] ?? '';
}

/** Adds one level of indentation to every line of `block` after the first. */
export function indentFollowingLines(block: string, indent: string): string {
  return block.replace(/\n(?=[^\r\n])/g, `\n${indent}`);
}

export function quoted(style: CodeStyle, value: string): string {
  return `${style.quote}${value.replaceAll('\\', '\\\\').replaceAll(style.quote, `\\${style.quote}`)}${style.quote}`;
}

export function statement(style: CodeStyle, code: string): string {
  return style.semicolon ? `${code};` : code;
}

/** Top-level `const x = require('…')` (and destructured) declarations. */
export function requireDeclarations(ast: t.File): t.VariableDeclaration[] {
  return ast.program.body.filter(
    (node): node is t.VariableDeclaration =>
      node.type === 'VariableDeclaration' &&
      node.declarations.some((declarator) => declarator.init !== null && declarator.init !== undefined && isRequireCall(declarator.init)),
  );
}

export function isRequireCall(node: t.Node): node is t.CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'StringLiteral'
  );
}

/** The name (`X` or `A.B`) of a JSX element, as written. */
export function jsxName(name: t.JSXOpeningElement['name']): string {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXNamespacedName') return `${name.namespace.name}:${name.name.name}`;
  return `${jsxName(name.object)}.${name.property.name}`;
}

/** Names bound at the top level of the file (imports, declarations): what a new name must avoid. */
export function topLevelNames(ast: t.File): Set<string> {
  const names = new Set<string>();
  for (const node of ast.program.body) {
    const declaration = node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' ? node.declaration : node;
    if (!declaration) continue;
    if (declaration.type === 'ImportDeclaration') {
      for (const specifier of declaration.specifiers) names.add(specifier.local.name);
    } else if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) walk(declarator.id, (child) => void (child.type === 'Identifier' && names.add(child.name)));
    } else if ('id' in declaration && declaration.id?.type === 'Identifier') {
      names.add(declaration.id.name);
    }
  }
  return names;
}

/** Whether `name` is referenced anywhere as an identifier or JSX name, outside `except`. */
export function isReferenced(root: t.Node, name: string, except: readonly t.Node[] = []): boolean {
  let found = false;
  walk(root.type === 'File' ? root.program : root, (node) => {
    if (found || except.includes(node)) return false;
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && node.name === name) found = true;
    return undefined;
  });
  return found;
}
