import { applyEdits, findNodeAtLocation, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';

/** How a JSON file is laid out, so that what is added to it looks like the rest of it. */
export interface JsonStyle {
  /** One level of indentation: a tab or some spaces. */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
}

/** What `npm init` and Yeoman write. */
export const DEFAULT_JSON_STYLE: JsonStyle = { indent: '  ', eol: '\n', finalNewline: true };

/** The style of `text`; anything it does not show (e.g. a one-line file's indentation) comes from `fallback`. */
export function detectJsonStyle(text: string, fallback: JsonStyle = DEFAULT_JSON_STYLE): JsonStyle {
  const firstIndented = /^([ \t]+)\S/m.exec(text);
  const hasLineBreak = /\n/.test(text);
  return {
    indent: firstIndented?.[1] ?? fallback.indent,
    eol: text.includes('\r\n') ? '\r\n' : hasLineBreak ? '\n' : fallback.eol,
    finalNewline: hasLineBreak ? /\n$/.test(text) : fallback.finalNewline,
  };
}

/** A whole JSON file in a style: for files the project does not have yet. */
export function stringifyJson(value: unknown, style: JsonStyle): string {
  const text = JSON.stringify(value, null, style.indent).replace(/\n/g, style.eol);
  return style.finalNewline ? text + style.eol : text;
}

/**
 * Edits `text` until it holds `value`, changing only what differs: untouched properties keep
 * their bytes (one-line arrays, key order, spacing), new ones are appended in the file's style.
 * With no text (or text that is not a JSON object), writes the whole file in `style`.
 *
 * jsonc-parser's own `modify` is not used for the edits: with formatting options it reformats
 * every line an edit touches, which would unfold a neighbouring one-line object or array.
 */
export function editJson(text: string | undefined, value: unknown, style: JsonStyle = DEFAULT_JSON_STYLE): string {
  const root = text === undefined ? undefined : parseObject(text);
  if (text === undefined || root === undefined || !isPlainObject(value)) return stringifyJson(value, text ? detectJsonStyle(text, style) : style);
  return editObject(text, [], value, detectJsonStyle(text, style));
}

function editObject(text: string, path: readonly string[], value: Record<string, unknown>, style: JsonStyle): string {
  let current = text;
  const existing = () => objectAt(current, path);
  for (const key of propertyKeys(existing())) {
    if (!(key in value)) current = removeProperty(current, path, key);
  }
  for (const [key, newValue] of Object.entries(value)) {
    if (newValue === undefined) continue;
    const node = findNodeAtLocation(existing(), [key]);
    if (node === undefined) {
      current = insertProperty(current, path, key, newValue, style, propertyKeys(existing()).length);
    } else if (node.type === 'object' && isPlainObject(newValue)) {
      current = editObject(current, [...path, key], newValue, style);
    } else if (!sameJson(parseValue(current, node), newValue)) {
      current = replaceValue(current, node, newValue, style);
    }
  }
  return current;
}

/**
 * Adds `key: value` as the `index`-th property of the object at `path`, in the style of its
 * neighbours: on its own line in a multi-line object, inline in a one-line one.
 */
export function insertProperty(text: string, path: readonly string[], key: string, value: unknown, style: JsonStyle, index: number): string {
  const object = objectAt(text, path);
  const properties = object.children ?? [];
  const eol = detectJsonStyle(text, style).eol;
  if (properties.length === 0) {
    const outer = lineIndent(text, object.offset);
    const inner = outer + style.indent;
    const content = `{${eol}${inner}${member(key, value, inner, style, eol)}${eol}${outer}}`;
    return applyEdits(text, [{ offset: object.offset, length: object.length, content }]);
  }
  const first = properties[0]!;
  const multiLine = /\n/.test(text.slice(object.offset, first.offset));
  const indent = lineIndent(text, first.offset);
  const added = multiLine ? member(key, value, indent, style, eol) : `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const edit: Edit =
    index < properties.length
      ? { offset: properties[index]!.offset, length: 0, content: multiLine ? `${added},${eol}${indent}` : `${added}, ` }
      : { offset: end(properties[properties.length - 1]!), length: 0, content: multiLine ? `,${eol}${indent}${added}` : `, ${added}` };
  return applyEdits(text, [edit]);
}

/** Removes `key` from the object at `path`, with the separator that joined it: what `insertProperty` added goes exactly. */
export function removeProperty(text: string, path: readonly string[], key: string): string {
  const object = objectAt(text, path);
  const properties = object.children ?? [];
  const index = properties.findIndex((property) => property.children?.[0]?.value === key);
  if (index < 0) return text;
  const property = properties[index]!;
  const edit: Edit =
    properties.length === 1
      ? { offset: object.offset, length: object.length, content: '{}' }
      : index > 0
        ? { offset: end(properties[index - 1]!), length: end(property) - end(properties[index - 1]!), content: '' }
        : { offset: property.offset, length: properties[1]!.offset - property.offset, content: '' };
  return applyEdits(text, [edit]);
}

function replaceValue(text: string, node: Node, value: unknown, style: JsonStyle): string {
  const property = node.parent!;
  const multiLine = /\n/.test(text.slice(property.parent!.offset, property.offset));
  const content = multiLine ? render(value, lineIndent(text, property.offset), style, detectJsonStyle(text, style).eol) : JSON.stringify(value);
  return applyEdits(text, [{ offset: node.offset, length: node.length, content }]);
}

function member(key: string, value: unknown, indent: string, style: JsonStyle, eol: string): string {
  return `${JSON.stringify(key)}: ${render(value, indent, style, eol)}`;
}

/** A value starting on a line indented by `indent`. */
function render(value: unknown, indent: string, style: JsonStyle, eol: string): string {
  return JSON.stringify(value, null, style.indent).replace(/\n/g, eol + indent);
}

/** The whitespace that starts the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function end(node: Node): number {
  return node.offset + node.length;
}

export function parseObject(text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return root?.type === 'object' && errors.length === 0 ? root : undefined;
}

/** The object node at `path`; the caller made sure it exists. */
export function objectAt(text: string, path: readonly string[]): Node {
  const root = parseObject(text);
  const node = root && (path.length === 0 ? root : findNodeAtLocation(root, [...path]));
  if (node?.type !== 'object') throw new Error(`No JSON object at ${path.join('.') || 'the root'}`);
  return node;
}

export function propertyKeys(object: Node): string[] {
  return (object.children ?? []).map((property) => property.children![0]!.value as string);
}

function parseValue(text: string, node: Node): unknown {
  return JSON.parse(text.slice(node.offset, end(node)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
