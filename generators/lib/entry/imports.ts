import type * as t from '@babel/types';
import { end, findAll, isRequireCall, quoted, requireDeclarations, start, statement, topLevelNames, type Source } from './source.js';

/**
 * Adds `names` imported from `specifier`: into an existing import of that module when there is one,
 * else as a new line after the last import (`require` in CommonJS files). Names the file binds
 * already are left alone, so a re-run adds nothing.
 */
export function ensureImport(source: Source, specifier: string, names: readonly string[]): void {
  const bound = topLevelNames(source.ast);
  const missing = names.filter((name) => !bound.has(name));
  if (missing.length === 0) return;
  if (source.moduleSystem === 'cjs') {
    ensureRequire(source, specifier, missing);
    return;
  }
  const existing = source.ast.program.body.find(
    (node): node is t.ImportDeclaration =>
      node.type === 'ImportDeclaration' && node.source.value === specifier && node.importKind !== 'type' &&
      node.specifiers.some((s) => s.type === 'ImportSpecifier'),
  );
  const last = existing?.specifiers.at(-1);
  if (last) {
    source.out.appendLeft(end(last), missing.map((name) => `, ${name}`).join(''));
    return;
  }
  addTopLine(source, statement(source.style, `import { ${missing.join(', ')} } from ${quoted(source.style, specifier)}`));
}

function ensureRequire(source: Source, specifier: string, names: readonly string[]): void {
  for (const declaration of requireDeclarations(source.ast)) {
    for (const declarator of declaration.declarations) {
      const init = declarator.init;
      if (init && isRequireCall(init) && (init.arguments[0] as t.StringLiteral).value === specifier && declarator.id.type === 'ObjectPattern') {
        const last = declarator.id.properties.at(-1);
        if (last) {
          source.out.appendLeft(end(last), names.map((name) => `, ${name}`).join(''));
          return;
        }
      }
    }
  }
  addTopLine(source, statement(source.style, `const { ${names.join(', ')} } = require(${quoted(source.style, specifier)})`));
}

/** Import declarations an edit removed: "after the imports" then means after the last one kept. */
const removedImports = new WeakSet<t.Node>();

/** Removes an import declaration with its line ending. */
export function removeImportDeclaration(source: Source, declaration: t.ImportDeclaration): void {
  const lineEnd = source.code.indexOf('\n', end(declaration));
  source.out.remove(start(declaration), lineEnd === -1 ? source.code.length : lineEnd + 1);
  removedImports.add(declaration);
}

/** Where lines go "after the imports": the end of the last import kept, else the top of the code. */
function topAnchor(source: Source): { at: number; afterImports: boolean } {
  const { body, directives } = source.ast.program;
  const imports: t.Node[] = (source.moduleSystem === 'cjs' ? requireDeclarations(source.ast) : body.filter((node) => node.type === 'ImportDeclaration')).filter(
    (node) => !removedImports.has(node),
  );
  const lastImport = imports.at(-1);
  if (lastImport) return { at: end(lastImport), afterImports: true };
  const lastDirective = directives.at(-1);
  if (lastDirective) return { at: end(lastDirective), afterImports: true };
  const first = body[0];
  return { at: first ? start(first) : source.code.length, afterImports: false };
}

function addTopLine(source: Source, line: string): void {
  const { at, afterImports } = topAnchor(source);
  const { eol } = source.style;
  source.out.appendLeft(at, afterImports ? `${eol}${line}` : `${line}${eol}`);
}

/** Adds statements after the imports (and after any import this edit added), set off by a blank line. */
export function addAfterImports(source: Source, statements: readonly string[]): void {
  if (statements.length === 0) return;
  const { at, afterImports } = topAnchor(source);
  const { eol } = source.style;
  // Without semicolons, a next line starting with `(`, `[` or a backtick would continue our statement.
  const next = /\S/.exec(source.code.slice(at))?.[0] ?? '';
  const guarded = !source.style.semicolon && '([`'.includes(next) && next !== '' ? statements.map((line) => `${line};`) : statements;
  const block = guarded.join(eol);
  source.out.appendRight(at, afterImports ? `${eol}${eol}${block}` : `${block}${eol}${eol}`);
}

/** How the app starts Amplitude: `void initAmplitude();` passes typescript-eslint's no-floating-promises. */
export type InitAmplitudeCall = 'void' | 'plain';

export function initAmplitudeStatement(source: Source, call: InitAmplitudeCall): string {
  return statement(source.style, call === 'void' ? 'void initAmplitude()' : 'initAmplitude()');
}

/** The start for code that also runs on a server (rendering, prerendering): in the browser only. */
export function browserOnlyInitStatement(style: Source['style'], call: InitAmplitudeCall): string {
  return statement(style, `if (typeof window !== ${quoted(style, 'undefined')}) ${call === 'void' ? 'void initAmplitude()' : 'initAmplitude()'}`);
}

/** Whether the file calls `name(…)` anywhere. */
export function callsFunction(source: Source, name: string): boolean {
  return findAll(source.ast.program, (node): node is t.CallExpression => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name).length > 0;
}
