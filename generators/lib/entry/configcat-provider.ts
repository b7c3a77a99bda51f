import type * as t from '@babel/types';
import { ensureImport, removeImportDeclaration } from './imports.js';
import { rendersElement } from './jsx.js';
import { ALREADY, edited, unrecognised, type EditResult, type Unrecognised } from './result.js';
import { end, findAll, isReferenced, parseSource, start, statement, quoted, type Source } from './source.js';

export const PROVIDER = 'ConfigCatAmplitudeProvider';

export interface ReplaceProviderInput {
  readonly code: string;
  /** The file's path (its extension picks the parser; it names the file in snippets). */
  readonly file: string;
  /** How this file imports the generated provider component, e.g. `./ConfigCatAmplitudeProvider`. */
  readonly providerModule: string;
}

/**
 * Turns every `<ConfigCatProvider …>` (imported from configcat-react, under any local name) into
 * `<ConfigCatAmplitudeProvider …>` with the same props and children, and fixes the imports.
 */
export function replaceConfigCatProvider(input: ReplaceProviderInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) {
    const style = { quote: "'", semicolon: true, indent: '  ', eol: '\n' } as const;
    return unrecognised('the file does not parse', input.file, 'after the imports, and in place of <ConfigCatProvider>', statement(style, `import { ${PROVIDER} } from ${quoted(style, input.providerModule)}`));
  }
  const count = replaceConfigCatProviderIn(source, input.providerModule);
  if (count > 0) return edited(source.out.toString(), `replaced <ConfigCatProvider> by <${PROVIDER}> in ${input.file}`);
  if (rendersElement(source.ast.program, PROVIDER)) return ALREADY;
  return unrecognised(
    'no <ConfigCatProvider> imported from configcat-react was found',
    input.file,
    'after the imports, and in place of <ConfigCatProvider>',
    statement(source.style, `import { ${PROVIDER} } from ${quoted(source.style, input.providerModule)}`),
  );
}

/**
 * The provider put in place once, as every React entry edit does it: nothing when the file renders it
 * already; the app's own `<ConfigCatProvider>` replaced when it has one; else `wrap()`, which wraps the
 * app and says what it did, or returns why it cannot (the snippet to paste). `undefined`: nothing to do.
 */
export function placeProvider(source: Source, providerModule: string, wrap: () => string | Unrecognised): string | Unrecognised | undefined {
  if (rendersElement(source.ast.program, PROVIDER)) return undefined;
  if (replaceConfigCatProviderIn(source, providerModule) > 0) return `replaced <ConfigCatProvider> by <${PROVIDER}>`;
  const wrapped = wrap();
  if (typeof wrapped === 'string') ensureImport(source, providerModule, [PROVIDER]);
  return wrapped;
}

/** The edit on a parsed file, for edits that compose it; returns how many elements it renamed. */
export function replaceConfigCatProviderIn(source: Source, providerModule: string): number {
  const binding = configcatProviderBinding(source.ast);
  if (!binding) return 0;
  const { local, declaration, specifier } = binding;
  const elements = findAll(
    source.ast.program,
    (node): node is t.JSXElement =>
      node.type === 'JSXElement' && node.openingElement.name.type === 'JSXIdentifier' && node.openingElement.name.name === local,
  );
  if (elements.length === 0) return 0;
  const renamed: t.Node[] = [];
  for (const { node } of elements) {
    source.out.overwrite(start(node.openingElement.name), end(node.openingElement.name), PROVIDER);
    renamed.push(node.openingElement.name);
    if (node.closingElement) {
      source.out.overwrite(start(node.closingElement.name), end(node.closingElement.name), PROVIDER);
      renamed.push(node.closingElement.name);
    }
  }
  if (!isReferenced(source.ast, local, [...renamed, declaration])) removeSpecifier(source, declaration, specifier);
  ensureImport(source, providerModule, [PROVIDER]);
  return elements.length;
}

function configcatProviderBinding(ast: t.File): { local: string; declaration: t.ImportDeclaration; specifier: t.ImportSpecifier } | undefined {
  for (const node of ast.program.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== 'configcat-react') continue;
    for (const specifier of node.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (imported === 'ConfigCatProvider') return { local: specifier.local.name, declaration: node, specifier };
    }
  }
  return undefined;
}

/** Drops one named import; the whole line when it was the only one. */
function removeSpecifier(source: Source, declaration: t.ImportDeclaration, specifier: t.ImportSpecifier): void {
  const { out } = source;
  if (declaration.specifiers.length === 1) {
    removeImportDeclaration(source, declaration);
    return;
  }
  const index = declaration.specifiers.indexOf(specifier);
  const next = declaration.specifiers[index + 1];
  const previous = declaration.specifiers[index - 1];
  // Remove the name with the comma that separates it from its neighbour.
  if (next) out.remove(start(specifier), start(next));
  else if (previous) out.remove(end(previous), end(specifier));
}
