import type * as t from '@babel/types';
import { addAfterImports, callsFunction, ensureImport, initAmplitudeStatement, type InitAmplitudeCall } from './imports.js';
import { ALREADY, composeEdits, edited, unrecognised, type EditResult } from './result.js';
import { end, findAll, indentFollowingLines, isRequireCall, lineIndent, parseSource, quoted, start, statement, text, topLevelNames, type CodeStyle, type Source } from './source.js';

export interface NodeEntryInput {
  readonly code: string;
  /** e.g. `src/index.ts`, `server.js`, `src/main.ts` (NestJS). */
  readonly file: string;
  /** How this file imports the wiring module, e.g. `./configcat-amplitude.js`. */
  readonly wiringModule: string;
  /** Also start Amplitude after the imports (the project had no Amplitude SDK), in this form. */
  readonly initAmplitude?: InitAmplitudeCall | false;
  /** package.json's `type`, for files whose module system the code does not show. */
  readonly packageType?: 'module' | 'commonjs';
  /** The flush joins a shutdown handler in another file (`addShutdownFlush` there): none here. */
  readonly shutdownElsewhere?: boolean;
  /**
   * The app creates its ConfigCat client in another file (`wireConfigCatClient` there): this file
   * only starts Amplitude, so that no second client is created.
   */
  readonly clientElsewhere?: boolean;
}

/** Whether code registers a SIGTERM or SIGINT handler (`process.on('SIGTERM', …)`). */
export function registersSignalHandler(code: string): boolean {
  return /\bprocess\s*\.\s*(?:on|once)\s*\(\s*['"]SIG(?:TERM|INT)['"]/.test(code);
}

const CONFIGCAT_PACKAGES = new Set(['@configcat/sdk', '@configcat/sdk/node', 'configcat-node', 'configcat-js', 'configcat-js-ssr']);
/** ConfigCat's factories across majors: `getClient` (6+ of configcat-js, 8+ of configcat-node, the unified SDK), `createClient*` before. */
const FACTORY = /^(getClient|createClient(WithAutoPoll|WithLazyLoad|WithManualPoll)?)$/;
const CLIENT_NAME = 'configCatClient';

/**
 * A Node service's entry file: exposures attached to the ConfigCat client the code creates (or a
 * client created for it), Amplitude started if asked, and queued exposures flushed on shutdown.
 * Each part is skipped when present, so a re-run is `already`.
 */
export function wireNodeEntry(input: NodeEntryInput): EditResult {
  return composeEdits(input.code, [
    (code) => (input.clientElsewhere ? startAmplitude({ ...input, code }) : wireConfigCatClient({ ...input, code })),
    // NestJS owns the signals once its shutdown hooks are on: the flush goes in the module (addNestShutdownFlush).
    (code) =>
      isNestMain(code, input.file)
        ? enableNestShutdownHooks({ ...input, code })
        : usesNest(code) || input.shutdownElsewhere
          ? ALREADY
          : addShutdownFlush({ ...input, code }),
  ]);
}

/**
 * Where the file creates a ConfigCat client (`configcat.getClient(…)`, `getClient(…)`, the legacy
 * `createClient…(…)`), `attachAmplitudeExposures(<client>)` goes right after; in a NestJS provider
 * (`useFactory`, `useValue`) inside it. Otherwise `createConfigCatClient()` is added after the imports.
 */
export function wireConfigCatClient(input: NodeEntryInput): EditResult {
  const source = parseSource(input.code, input.file, input.packageType);
  if (!source) return unrecognised('the file does not parse', input.file, 'after the imports', clientSnippet(input, undefined));
  if (callsFunction(source, 'attachAmplitudeExposures') || callsFunction(source, 'createConfigCatClient')) {
    return initOnly(source, input);
  }
  const creations = clientCreations(source);
  if (creations.length === 0) {
    ensureImport(source, input.wiringModule, ['createConfigCatClient', ...(input.initAmplitude ? ['initAmplitude'] : [])]);
    const name = topLevelNames(source.ast).has(CLIENT_NAME) ? 'amplitudeConfigCatClient' : CLIENT_NAME;
    // Exported, so no-unused-vars and noUnusedLocals accept it before the app reads a flag.
    const declaration = source.moduleSystem === 'esm' ? `export const ${name} = createConfigCatClient()` : `const ${name} = createConfigCatClient()`;
    addAfterImports(source, [...initStatements(source, input), statement(source.style, declaration)]);
    return edited(source.out.toString(), `${input.file}: created a ConfigCat client with exposures wired (${name})`);
  }
  for (const creation of creations) {
    const placed = attachAfter(source, creation);
    if (!placed) {
      return unrecognised(
        'the ConfigCat client is created where a statement cannot follow it',
        input.file,
        isClassField(creation.ancestors[1])
          ? `the import after your imports; the call in the constructor of the class that creates the ConfigCat client (${text(source, creation.call).split('\n')[0]}…), after any super(…)`
          : `the import after your imports; the call right after the ConfigCat client is created (${text(source, creation.call).split('\n')[0]}…)`,
        clientSnippet(input, source, clientExpression(creation)),
      );
    }
  }
  ensureImport(source, input.wiringModule, ['attachAmplitudeExposures', ...(input.initAmplitude ? ['initAmplitude'] : [])]);
  addAfterImports(source, initStatements(source, input));
  return edited(source.out.toString(), `${input.file}: attached Amplitude exposures to the ConfigCat client`);
}

/** Whether the code creates a ConfigCat client that `wireConfigCatClient` finds (and attaches the exposures to). */
export function createsConfigCatClient(code: string, file: string, packageType?: NodeEntryInput['packageType']): boolean {
  // Most files never mention ConfigCat: they are not parsed.
  if (!/configcat/i.test(code)) return false;
  const source = parseSource(code, file, packageType);
  return source !== undefined && clientCreations(source).length > 0;
}

/** Amplitude started after the imports, when asked and not there yet; nothing else. */
function startAmplitude(input: NodeEntryInput): EditResult {
  const source = parseSource(input.code, input.file, input.packageType);
  if (source) return initOnly(source, input);
  if (!input.initAmplitude) return ALREADY;
  const s = { quote: "'" as const, semicolon: true, indent: '  ', eol: '\n' as const };
  return unrecognised('the file does not parse', input.file, 'after the imports', [statement(s, `import { initAmplitude } from ${quoted(s, input.wiringModule)}`), statement(s, 'void initAmplitude()')].join('\n'));
}

function initOnly(source: Source, input: NodeEntryInput): EditResult {
  const statements = initStatements(source, input);
  if (statements.length === 0) return ALREADY;
  ensureImport(source, input.wiringModule, ['initAmplitude']);
  addAfterImports(source, statements);
  return edited(source.out.toString(), `${input.file}: started Amplitude after the imports`);
}

function initStatements(source: Source, input: NodeEntryInput): string[] {
  return input.initAmplitude && !callsFunction(source, 'initAmplitude') ? [initAmplitudeStatement(source, input.initAmplitude)] : [];
}

interface Creation {
  readonly call: t.CallExpression;
  /** The nodes from the call up to the statement holding it, innermost first. */
  readonly ancestors: readonly t.Node[];
}

/** Calls of ConfigCat's factory, through a namespace/default import, a named import or `require`. */
function clientCreations(source: Source): Creation[] {
  const namespaces = new Set<string>();
  const factories = new Set<string>();
  const bind = (local: string, imported: string | undefined): void => {
    if (imported === undefined) namespaces.add(local);
    else if (FACTORY.test(imported)) factories.add(local);
  };
  for (const node of source.ast.program.body) {
    if (node.type === 'ImportDeclaration' && CONFIGCAT_PACKAGES.has(node.source.value)) {
      for (const s of node.specifiers) bind(s.local.name, s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value) : undefined);
    }
    if (node.type === 'VariableDeclaration') {
      for (const declarator of node.declarations) {
        const init = declarator.init;
        if (!init || !isRequireCall(init) || !CONFIGCAT_PACKAGES.has((init.arguments[0] as t.StringLiteral).value)) continue;
        if (declarator.id.type === 'Identifier') bind(declarator.id.name, undefined);
        if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type === 'ObjectProperty' && property.key.type === 'Identifier' && property.value.type === 'Identifier') bind(property.value.name, property.key.name);
          }
        }
      }
    }
  }
  const creations: Creation[] = [];
  const stack: t.Node[] = [];
  const visit = (node: t.Node): void => {
    stack.push(node);
    if (node.type === 'CallExpression' && isFactoryCall(node.callee, namespaces, factories)) creations.push({ call: node, ancestors: [...stack].reverse() });
    for (const key of Object.keys(node) as (keyof t.Node)[]) {
      if (key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'loc') continue;
      const value = node[key] as unknown;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) if (typeof child === 'object' && child !== null && typeof (child as t.Node).type === 'string') visit(child as t.Node);
    }
    stack.pop();
  };
  visit(source.ast.program);
  return creations;
}

function isFactoryCall(callee: t.Node, namespaces: Set<string>, factories: Set<string>): boolean {
  if (callee.type === 'Identifier') return factories.has(callee.name);
  return (
    callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && namespaces.has(callee.object.name) &&
    callee.property.type === 'Identifier' && FACTORY.test(callee.property.name)
  );
}

/**
 * Puts the attach call after the statement that creates the client: `const c = getClient(…)`,
 * `this.client = getClient(…)`, `return getClient(…)` and an arrow returning it (NestJS
 * `useFactory`) become a named client; `useValue: getClient(…)` is lifted to a top-level constant.
 */
function attachAfter(source: Source, { call, ancestors }: Creation): boolean {
  const { out, style } = source;
  const [, parent, grandparent] = ancestors;
  const attach = (target: string): string => statement(style, `attachAmplitudeExposures(${target})`);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    const declaration = ancestors[2];
    const holder = ancestors[3]?.type === 'ExportNamedDeclaration' ? ancestors[3] : declaration;
    if (!holder) return false;
    out.appendLeft(end(holder), `${style.eol}${lineIndent(source.code, start(holder))}${attach(parent.id.name)}`);
    return true;
  }
  if (parent?.type === 'AssignmentExpression' && grandparent?.type === 'ExpressionStatement') {
    out.appendLeft(end(grandparent), `${style.eol}${lineIndent(source.code, start(grandparent))}${attach(text(source, parent.left))}`);
    return true;
  }
  const name = CLIENT_NAME;
  if (parent?.type === 'ReturnStatement') {
    const indent = lineIndent(source.code, start(parent));
    out.overwrite(start(parent), end(parent), [
      statement(style, `const ${name} = ${text(source, call)}`),
      attach(name),
      statement(style, `return ${name}`),
    ].join(`${style.eol}${indent}`));
    return true;
  }
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === call) {
    const indent = lineIndent(source.code, start(parent));
    const inner = indent + style.indent;
    const callText = indentFollowingLines(text(source, call), style.indent);
    out.overwrite(start(call), end(call), [
      `{`,
      `${inner}${statement(style, `const ${name} = ${callText}`)}`,
      `${inner}${attach(name)}`,
      `${inner}${statement(style, `return ${name}`)}`,
      `${indent}}`,
    ].join(style.eol));
    return true;
  }
  if (isClassField(parent) && parent.value === call) {
    return attachInConstructor(source, parent, ancestors[2], ancestors[3]);
  }
  if (parent?.type === 'ObjectProperty' && parent.value === call) {
    const topLevel = ancestors.at(-2);
    if (!topLevel || !onlyTopLevelReferences(source, call)) return false;
    const lifted = topLevelNames(source.ast).has(name) ? 'amplitudeConfigCatClient' : name;
    out.overwrite(start(call), end(call), lifted);
    out.prependLeft(start(topLevel), `${statement(style, `const ${lifted} = ${text(source, call)}`)}${style.eol}${attach(lifted)}${style.eol}${style.eol}`);
    return true;
  }
  return false;
}

/**
 * A client held in an instance field (`private readonly client = getClient(…)`, a NestJS service):
 * the attach call goes into the constructor, which runs after the field initialisers, first thing
 * after its `super(…)`; a constructor is added to a class without one, unless it extends another
 * (whose constructor's parameters it would have to pass on).
 */
function attachInConstructor(source: Source, field: ClassField, body: t.Node | undefined, owner: t.Node | undefined): boolean {
  const target = fieldAccess(field);
  if (!target || field.static || body?.type !== 'ClassBody' || (owner?.type !== 'ClassDeclaration' && owner?.type !== 'ClassExpression')) return false;
  const { out, style } = source;
  const { eol } = style;
  const attach = statement(style, `attachAmplitudeExposures(${target})`);
  const constructor = body.body.find((member): member is t.ClassMethod => member.type === 'ClassMethod' && member.kind === 'constructor');
  const memberIndent = lineIndent(source.code, start(field));
  if (constructor) {
    const statements = constructor.body.body;
    const first = statements[0];
    const callsSuper = first?.type === 'ExpressionStatement' && first.expression.type === 'CallExpression' && first.expression.callee.type === 'Super';
    const bodyIndent = first ? lineIndent(source.code, start(first)) : lineIndent(source.code, start(constructor)) + style.indent;
    if (callsSuper) out.appendLeft(end(first), `${eol}${bodyIndent}${attach}`);
    else if (first) out.prependLeft(start(first), `${attach}${eol}${bodyIndent}`);
    else out.overwrite(start(constructor.body), end(constructor.body), `{${eol}${bodyIndent}${attach}${eol}${lineIndent(source.code, start(constructor))}}`);
    return true;
  }
  if (owner.superClass) return false;
  out.appendLeft(end(field), `${eol}${eol}${memberIndent}constructor() {${eol}${memberIndent}${style.indent}${attach}${eol}${memberIndent}}`);
  return true;
}

/** `this.client` or `this.#client` for an instance field named plainly. */
function fieldAccess(field: ClassField): string | undefined {
  if (field.type === 'ClassPrivateProperty') return `this.#${field.key.id.name}`;
  return field.key.type === 'Identifier' && !field.computed ? `this.${field.key.name}` : undefined;
}

/** Whether a call can move to the top level: it names only imports, top-level bindings and globals. */
function onlyTopLevelReferences(source: Source, call: t.CallExpression): boolean {
  const topLevel = topLevelNames(source.ast);
  const globals = new Set(['process', 'globalThis', 'undefined', 'Number', 'String', 'Boolean', 'JSON']);
  return findAll(call, (node): node is t.MemberExpression => node.type === 'MemberExpression')
    .every(({ node }) => node.object.type !== 'ThisExpression') &&
    findAll(call, (node): node is t.Identifier => node.type === 'Identifier')
      .filter(({ node, parent }) => !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) && !(parent?.type === 'ObjectProperty' && parent.key === node))
      .every(({ node }) => topLevel.has(node.name) || globals.has(node.name));
}

const DEFAULT_STYLE: CodeStyle = { quote: "'", semicolon: true, indent: '  ', eol: '\n' };

/**
 * The line that imports `names` from the wiring module, as the file imports: `require` in CommonJS.
 * A file that does not parse is judged by its name and package.json's `type`.
 */
function importLine(source: Source | undefined, input: NodeEntryInput, names: readonly string[]): string {
  const s = source?.style ?? DEFAULT_STYLE;
  const commonjs = source ? source.moduleSystem === 'cjs' : /\.c[jt]s$/.test(input.file) || (input.packageType !== 'module' && /\.js$/.test(input.file));
  const list = names.join(', ');
  return statement(s, commonjs ? `const { ${list} } = require(${quoted(s, input.wiringModule)})` : `import { ${list} } from ${quoted(s, input.wiringModule)}`);
}

function clientSnippet(input: NodeEntryInput, source: Source | undefined, client?: string): string {
  return [
    importLine(source, input, ['attachAmplitudeExposures']),
    '',
    client ? '// right after your ConfigCat client is created:' : '// right after your ConfigCat client is created, with that client:',
    statement(source?.style ?? DEFAULT_STYLE, `attachAmplitudeExposures(${client ?? CLIENT_NAME})`),
  ].join('\n');
}

type ClassField = t.ClassProperty | t.ClassPrivateProperty;

function isClassField(node: t.Node | undefined): node is ClassField {
  return node?.type === 'ClassProperty' || node?.type === 'ClassPrivateProperty';
}

/** How the code names the client a call creates, where it keeps it in a variable, a property or a field. */
function clientExpression({ ancestors }: Creation): string | undefined {
  const parent = ancestors[1];
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (isClassField(parent)) return parent.static ? undefined : fieldAccess(parent);
  return undefined;
}

const SIGNALS = new Set(['SIGTERM', 'SIGINT']);

/**
 * Flushes queued exposures on shutdown. An existing `process.on('SIGTERM' | 'SIGINT', handler)` is
 * joined: an async handler awaits the flush first; a synchronous one runs its own body once the
 * flush settles (`void flushAmplitudeExposures().finally(…)`, so no-misused-promises and
 * no-floating-promises stay quiet). Without a handler, one is added at the end of the file.
 */
export function addShutdownFlush(input: NodeEntryInput): EditResult {
  const source = parseSource(input.code, input.file, input.packageType);
  if (!source) {
    const snippet = [importLine(undefined, input, ['flushAmplitudeExposures']), '', newHandler(undefined)].join('\n');
    return unrecognised('the file does not parse', input.file, 'the import after your imports; the handler at the end of the file', snippet);
  }
  if (callsFunction(source, 'flushAmplitudeExposures')) return ALREADY;
  const handlers = signalHandlers(source);
  if (handlers.length === 0) {
    source.out.append(`${source.code.endsWith('\n') ? '' : source.style.eol}${source.style.eol}${newHandler(source)}${source.style.eol}`);
    ensureImport(source, input.wiringModule, ['flushAmplitudeExposures']);
    return edited(source.out.toString(), `${input.file}: flushes Amplitude exposures on SIGTERM`);
  }
  for (const handler of handlers) {
    if (!joinHandler(source, handler)) {
      const { style } = source;
      const snippet = [importLine(source, input, ['flushAmplitudeExposures']), '', 'void flushAmplitudeExposures().finally(() => {', `${style.indent}// the handler's own code`, statement(style, '})')].join('\n');
      return unrecognised('a shutdown handler has a shape this edit does not handle', input.file, 'the import after your imports; in your SIGTERM handler, around its code', snippet);
    }
  }
  ensureImport(source, input.wiringModule, ['flushAmplitudeExposures']);
  return edited(source.out.toString(), `${input.file}: flushes Amplitude exposures in the existing shutdown handler`);
}

type Handler = t.ArrowFunctionExpression | t.FunctionExpression | t.FunctionDeclaration;

/** Handlers of `process.on|once('SIGTERM' | 'SIGINT', …)`, inline or a function declared by name. */
function signalHandlers(source: Source): Handler[] {
  const calls = findAll(source.ast.program, (node): node is t.CallExpression =>
    node.type === 'CallExpression' && node.callee.type === 'MemberExpression' &&
    node.callee.object.type === 'Identifier' && node.callee.object.name === 'process' &&
    node.callee.property.type === 'Identifier' && (node.callee.property.name === 'on' || node.callee.property.name === 'once') &&
    node.arguments[0]?.type === 'StringLiteral' && SIGNALS.has(node.arguments[0].value));
  const handlers: Handler[] = [];
  for (const { node } of calls) {
    const handler = node.arguments[1];
    if (handler?.type === 'ArrowFunctionExpression' || handler?.type === 'FunctionExpression') handlers.push(handler);
    else if (handler?.type === 'Identifier') {
      const declared = findAll(source.ast.program, (n): n is t.FunctionDeclaration => n.type === 'FunctionDeclaration' && n.id?.name === handler.name)[0]?.node;
      const assigned = findAll(source.ast.program, (n): n is t.VariableDeclarator => n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === handler.name)[0]?.node.init;
      const fn = declared ?? (assigned?.type === 'ArrowFunctionExpression' || assigned?.type === 'FunctionExpression' ? assigned : undefined);
      if (fn && !handlers.includes(fn)) handlers.push(fn);
    }
  }
  return handlers;
}

function joinHandler(source: Source, handler: Handler): boolean {
  const { out, style, code } = source;
  const body = handler.body;
  if (body.type !== 'BlockStatement') {
    out.prependRight(start(body), 'void flushAmplitudeExposures().finally(() => ');
    out.appendLeft(end(body), ')');
    return true;
  }
  const first = body.body[0];
  if (handler.async) {
    const line = statement(style, 'await flushAmplitudeExposures()');
    if (first) out.prependLeft(start(first), `${line}${style.eol}${lineIndent(code, start(first))}`);
    else out.appendLeft(start(body) + 1, `${style.eol}${lineIndent(code, start(handler))}${style.indent}${line}${style.eol}${lineIndent(code, start(handler))}`);
    return true;
  }
  if (!first) {
    out.appendLeft(start(body) + 1, `${style.eol}${lineIndent(code, start(handler))}${style.indent}${statement(style, 'void flushAmplitudeExposures()')}${style.eol}${lineIndent(code, start(handler))}`);
    return true;
  }
  // The body moves into the callback: `return` there returns from the callback, which is the same.
  const last = body.body.at(-1)!;
  // A comment that ends the last line (`…; // why`) stays with its statement, inside the callback.
  const sameLineComments = (last.trailingComments ?? []).filter((comment) => !code.slice(end(last), comment.start ?? 0).includes('\n'));
  const bodyEnd = Math.max(end(last), ...sameLineComments.map((comment) => comment.end ?? 0));
  const indent = lineIndent(code, start(first));
  out.prependLeft(start(first), `void flushAmplitudeExposures().finally(() => {${style.eol}${indent}${style.indent}`);
  for (let offset = code.indexOf('\n', start(first)); offset !== -1 && offset < bodyEnd; offset = code.indexOf('\n', offset + 1)) {
    if (code[offset + 1] !== '\n' && code[offset + 1] !== '\r') out.appendLeft(offset + 1, style.indent);
  }
  out.appendLeft(bodyEnd, `${style.eol}${indent}${statement(style, '})')}`);
  return true;
}

function newHandler(source: Source | undefined): string {
  const s = source?.style ?? DEFAULT_STYLE;
  return [
    '// Sends the exposures Amplitude still queues before the process ends.',
    `process.on(${quoted(s, 'SIGTERM')}, () => {`,
    `${s.indent}${statement(s, 'void flushAmplitudeExposures().finally(() => process.exit(0))')}`,
    statement(s, '})'),
  ].join(s.eol);
}

function usesNest(code: string): boolean {
  return /from\s*['"]@nestjs\//.test(code);
}

/** NestJS's `main.ts`: it creates the app with `NestFactory.create`. */
export function isNestMain(code: string, file: string): boolean {
  return /main\.[cm]?[jt]s$/.test(file) && /\bNestFactory\s*\.\s*create/.test(code);
}

/**
 * NestJS handles SIGTERM itself once `app.enableShutdownHooks()` is called, and then runs the
 * providers' shutdown hooks: the flush belongs there (see `addNestShutdownFlush`).
 */
export function enableNestShutdownHooks(input: NodeEntryInput): EditResult {
  const source = parseSource(input.code, input.file, input.packageType);
  if (!source) return unrecognised('the file does not parse', input.file, 'after NestFactory.create', 'app.enableShutdownHooks();');
  if (/\.enableShutdownHooks\s*\(/.test(source.code)) return ALREADY;
  const created = findAll(source.ast.program, (node): node is t.VariableDeclaration =>
    node.type === 'VariableDeclaration' && node.declarations.length === 1 && node.declarations[0]!.id.type === 'Identifier' &&
    /NestFactory\s*\.\s*create/.test(text(source, node)))[0]?.node;
  if (!created) return unrecognised('no `const app = await NestFactory.create(…)` was found', input.file, 'after NestFactory.create', statement(source.style, 'app.enableShutdownHooks()'));
  const app = (created.declarations[0]!.id as t.Identifier).name;
  source.out.appendLeft(end(created), `${source.style.eol}${lineIndent(source.code, start(created))}${statement(source.style, `${app}.enableShutdownHooks()`)}`);
  return edited(source.out.toString(), `${input.file}: enabled NestJS shutdown hooks`);
}

/** In a NestJS module file: `onApplicationShutdown` on the `@Module` class awaits the flush. */
export function addNestShutdownFlush(input: Omit<NodeEntryInput, 'initAmplitude'>): EditResult {
  const source = parseSource(input.code, input.file, input.packageType);
  const method = (s: Source['style'], typed: boolean, indent: string): string =>
    [`async onApplicationShutdown()${typed ? ': Promise<void>' : ''} {`, `${indent}${s.indent}${statement(s, 'await flushAmplitudeExposures()')}`, `${indent}}`].join(s.eol);
  const moduleSnippet = (code: string): string => [importLine(source, input, ['flushAmplitudeExposures']), '', code].join('\n');
  const inModule = 'the import after your imports; the method in your @Module class';
  if (!source) return unrecognised('the file does not parse', input.file, inModule, moduleSnippet(method(DEFAULT_STYLE, /\.[cm]?ts$/.test(input.file), '')));
  if (callsFunction(source, 'flushAmplitudeExposures')) return ALREADY;
  const moduleClass = findAll(source.ast.program, (node): node is t.ClassDeclaration =>
    node.type === 'ClassDeclaration' && (node.decorators ?? []).some((d) => /^Module\b/.test(text(source, d.expression))))[0]?.node;
  const typed = /\.[cm]?ts$/.test(input.file);
  if (!moduleClass) return unrecognised('no @Module class was found', input.file, inModule, moduleSnippet(method(source.style, typed, '')));
  const existing = moduleClass.body.body.find((member) => member.type === 'ClassMethod' && member.key.type === 'Identifier' && member.key.name === 'onApplicationShutdown');
  if (existing) {
    const place = `the import after your imports; first thing in onApplicationShutdown${existing.type === 'ClassMethod' && existing.async ? '' : ', made async'}`;
    return unrecognised('the module has its own onApplicationShutdown', input.file, place, moduleSnippet(statement(source.style, 'await flushAmplitudeExposures()')));
  }
  const classIndent = lineIndent(source.code, start(moduleClass));
  const memberIndent = classIndent + source.style.indent;
  const last = moduleClass.body.body.at(-1);
  const { eol } = source.style;
  if (last) source.out.appendLeft(end(last), `${eol}${eol}${memberIndent}${method(source.style, typed, memberIndent)}`);
  else source.out.overwrite(start(moduleClass.body), end(moduleClass.body), `{${eol}${memberIndent}${method(source.style, typed, memberIndent)}${eol}${classIndent}}`);
  ensureImport(source, input.wiringModule, ['flushAmplitudeExposures']);
  return edited(source.out.toString(), `${input.file}: flushes Amplitude exposures when NestJS shuts down`);
}
