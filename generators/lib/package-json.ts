import { findNodeAtLocation } from 'jsonc-parser';
import { detectJsonStyle, insertProperty, objectAt, parseObject, propertyKeys } from './json-edit.js';
import { UserError } from './user-error.js';

/** Blocks a new `dependencies` goes before, as `npm init` and most projects order them. */
const AFTER_DEPENDENCIES = ['devDependencies', 'peerDependencies', 'peerDependenciesMeta', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'];

/**
 * Adds dependencies to package.json text as a careful person would by hand: only the new lines
 * change, in the file's own indentation and line endings; the rest keeps its bytes (key order,
 * one-line arrays, final newline). A sorted block (npm keeps it sorted) stays sorted; a missing
 * one is created before `devDependencies`, or last.
 */
export function addDependencies(packageJsonText: string, dependencies: Readonly<Record<string, string>>): string {
  const names = Object.keys(dependencies).sort(compareNames);
  if (names.length === 0) return packageJsonText;
  const root = parseObject(packageJsonText);
  if (!root) throw new UserError('package.json must hold a JSON object: fix it, then run again.');
  const style = detectJsonStyle(packageJsonText);
  const block = findNodeAtLocation(root, ['dependencies']);
  if (block === undefined) {
    const keys = propertyKeys(root);
    const before = keys.findIndex((key) => AFTER_DEPENDENCIES.includes(key));
    const sorted = Object.fromEntries(names.map((name) => [name, dependencies[name]]));
    return insertProperty(packageJsonText, [], 'dependencies', sorted, style, before < 0 ? keys.length : before);
  }
  if (block.type !== 'object') throw new UserError('"dependencies" in package.json is not an object: fix it, then run again.');
  let text = packageJsonText;
  for (const name of names) {
    const keys = propertyKeys(objectAt(text, ['dependencies']));
    if (keys.includes(name)) continue;
    text = insertProperty(text, ['dependencies'], name, dependencies[name], style, insertionIndex(keys, name));
  }
  return text;
}

/** In order when the block is sorted, else last (where `npm install` would not reorder it either). */
function insertionIndex(keys: readonly string[], name: string): number {
  const sorted = keys.every((key, index) => index === 0 || compareNames(keys[index - 1]!, key) <= 0);
  if (!sorted) return keys.length;
  const after = keys.findIndex((key) => compareNames(key, name) > 0);
  return after < 0 ? keys.length : after;
}

/** npm's own order for dependency names. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
