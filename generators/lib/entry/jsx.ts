import type * as t from '@babel/types';
import { end, jsxName, lineIndent, start, walk, type Source } from './source.js';

/**
 * Wraps the source range [from, to) in `<tag>…</tag>`. A range that starts its own line gets the
 * wrapper on lines of its own, the content indented one level more; a range that starts mid-line
 * (`render(<App />)`, `<body>{children}</body>`) is wrapped in place, on the same line.
 */
export function wrapRange(source: Source, from: number, to: number, tag: string): void {
  const { code, out, style } = source;
  const indent = lineIndent(code, from);
  const lineStart = code.lastIndexOf('\n', from - 1) + 1;
  const startsLine = code.slice(lineStart, from).trim() === '';
  if (!startsLine) {
    out.appendLeft(from, `<${tag}>`);
    out.prependRight(to, `</${tag}>`);
    return;
  }
  out.appendLeft(from, `<${tag}>${style.eol}${indent}${style.indent}`);
  for (let offset = code.indexOf('\n', from); offset !== -1 && offset < to; offset = code.indexOf('\n', offset + 1)) {
    const next = code[offset + 1];
    if (next !== '\n' && next !== '\r') out.appendLeft(offset + 1, style.indent);
  }
  out.prependRight(to, `${style.eol}${indent}</${tag}>`);
}

/** The children of an element or fragment that are more than whitespace, as a range. */
export function meaningfulChildren(element: t.JSXElement | t.JSXFragment): { from: number; to: number } | undefined {
  const children = element.children.filter((child) => !(child.type === 'JSXText' && child.value.trim() === ''));
  const first = children[0];
  const last = children.at(-1);
  return first && last ? { from: start(first), to: end(last) } : undefined;
}

export function wrapElement(source: Source, node: t.Node, tag: string): void {
  wrapRange(source, start(node), end(node), tag);
}

/** Wraps the children of `element` when it has any; else nothing, and says so. */
export function wrapChildren(source: Source, element: t.JSXElement | t.JSXFragment, tag: string): boolean {
  const range = meaningfulChildren(element);
  if (!range) return false;
  wrapRange(source, range.from, range.to, tag);
  return true;
}

export function isJsx(node: t.Node | null | undefined): node is t.JSXElement | t.JSXFragment {
  return node?.type === 'JSXElement' || node?.type === 'JSXFragment';
}

/** `<StrictMode>` or `<React.StrictMode>` (whatever the namespace is called). */
export function isStrictMode(node: t.Node): node is t.JSXElement {
  if (node.type !== 'JSXElement') return false;
  const name = jsxName(node.openingElement.name);
  return name === 'StrictMode' || name.endsWith('.StrictMode');
}

/** Whether the file renders an element named `name` anywhere. */
export function rendersElement(root: t.Node, name: string): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node.type === 'JSXOpeningElement' && jsxName(node.name) === name) found = true;
    return undefined;
  });
  return found;
}

/** What the default-exported function returns (its last `return`, or an arrow's expression). */
export function defaultExportReturn(ast: t.File): t.Node | undefined {
  const exported = ast.program.body.find((node): node is t.ExportDefaultDeclaration => node.type === 'ExportDefaultDeclaration')?.declaration;
  if (!exported) return undefined;
  let fn: t.Node | undefined = exported;
  if (exported.type === 'Identifier') {
    fn = ast.program.body
      .flatMap((node): (t.FunctionDeclaration | t.VariableDeclarator)[] => (node.type === 'FunctionDeclaration' ? [node] : node.type === 'VariableDeclaration' ? node.declarations : []))
      .find((node) => node.id?.type === 'Identifier' && node.id.name === exported.name);
    if (fn?.type === 'VariableDeclarator') fn = fn.init ?? undefined;
  }
  if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const returns = fn.body.body.filter((node): node is t.ReturnStatement => node.type === 'ReturnStatement');
  return returns.at(-1)?.argument ?? undefined;
}
