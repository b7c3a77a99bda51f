import type * as t from '@babel/types';
import { addAfterImports, callsFunction, ensureImport, initAmplitudeStatement, type InitAmplitudeCall } from './imports.js';
import { ALREADY, edited, unrecognised, type EditResult, type Unrecognised } from './result.js';
import { end, findAll, lineIndent, parseSource, quoted, start, statement, text, type CodeStyle, type Source } from './source.js';

export interface VueMainInput {
  readonly code: string;
  /** `src/main.ts` or `src/main.js`. */
  readonly file: string;
  /** How this file imports the wiring module, e.g. `./configcat-amplitude`. */
  readonly wiringModule: string;
  readonly initAmplitude?: InitAmplitudeCall | false;
}

const HOOKS = 'amplitudeExposureHooks';
const ENDPOINTS = 'configCatEndpointOptions';

/**
 * configcat-vue: `app.use(ConfigCatPlugin, { …, clientOptions: { … } })` gets
 * `setupHooks: amplitudeExposureHooks` in `clientOptions` (created when absent; an existing
 * `setupHooks` runs too), and `initAmplitude()` is called after the imports if asked. configcat-vue
 * bundles its own SDK, so its client is the one to hook. A file that does not install the plugin
 * gets no client of another SDK: the hook is left as a snippet to paste where the app installs it.
 */
export function wireVueMain(input: VueMainInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) {
    return unrecognised('the file does not parse', input.file, 'the import after your imports; the option in clientOptions of app.use(ConfigCatPlugin, …)', hooksSnippet(DEFAULT_STYLE, input.wiringModule));
  }
  const done: string[] = [];
  const statements: string[] = [];
  const names: string[] = [];
  if (input.initAmplitude && !callsFunction(source, 'initAmplitude')) {
    names.push('initAmplitude');
    statements.push(initAmplitudeStatement(source, input.initAmplitude));
    done.push('started Amplitude after the imports');
  }
  let missing: Unrecognised | undefined;
  if (!source.code.includes(HOOKS)) {
    const plugin = pluginName(source.ast);
    const options = plugin ? pluginOptions(source, plugin) : undefined;
    if (options) {
      names.push(...addHooks(source, options));
      done.push('hooked Amplitude exposures into ConfigCatPlugin');
    } else {
      const reason = plugin ? 'app.use(ConfigCatPlugin, …) has no options object written in place' : 'app.use(ConfigCatPlugin, …) was not found';
      missing = unrecognised(reason, input.file, 'the import after your imports; the option in clientOptions of app.use(ConfigCatPlugin, …)', hooksSnippet(source.style, input.wiringModule));
    }
  }
  ensureImport(source, input.wiringModule, names);
  addAfterImports(source, statements);
  if (done.length === 0) return missing ?? ALREADY;
  return { ...edited(source.out.toString(), `${input.file}: ${done.join(', ')}`), ...(missing ? { remaining: [missing] } : {}) };
}

const DEFAULT_STYLE: CodeStyle = { quote: "'", semicolon: true, indent: '  ', eol: '\n' };

function hooksSnippet(style: CodeStyle, wiringModule: string): string {
  return [statement(style, `import { ${HOOKS}, ${ENDPOINTS} } from ${quoted(style, wiringModule)}`), '', `clientOptions: { ...${ENDPOINTS}(), setupHooks: ${HOOKS} },`].join('\n');
}

function pluginName(ast: t.File): string | undefined {
  for (const node of ast.program.body) {
    if (node.type !== 'ImportDeclaration' || !/^configcat-vue/.test(node.source.value)) continue;
    for (const s of node.specifiers) {
      if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && s.imported.name === 'ConfigCatPlugin') return s.local.name;
    }
  }
  return undefined;
}

function pluginOptions(source: Source, plugin: string): t.ObjectExpression | undefined {
  const use = findAll(source.ast.program, (node): node is t.CallExpression =>
    node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'use' && node.arguments[0]?.type === 'Identifier' && node.arguments[0].name === plugin)[0]?.node;
  const options = use?.arguments[1];
  return options?.type === 'ObjectExpression' ? options : undefined;
}

function property(object: t.ObjectExpression, name: string): t.ObjectProperty | undefined {
  return object.properties.find((p): p is t.ObjectProperty => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === name);
}

/**
 * `setupHooks` in the plugin's `clientOptions`, and the endpoint options the wiring reads from the
 * environment (a ConfigCat Proxy's URL, EU data governance) unless the app sets them itself: its
 * own `baseUrl` or `dataGovernance` stays the one used. Returns the names it imports.
 */
function addHooks(source: Source, options: t.ObjectExpression): string[] {
  const clientOptions = property(options, 'clientOptions');
  if (!clientOptions) {
    addProperty(source, options, `clientOptions: { ...${ENDPOINTS}(), setupHooks: ${HOOKS} }`);
    return [HOOKS, ENDPOINTS];
  }
  if (clientOptions.value.type !== 'ObjectExpression') {
    // `clientOptions: options` written elsewhere: spread it after the endpoints, and add ours.
    source.out.overwrite(start(clientOptions.value), end(clientOptions.value), `{ ...${ENDPOINTS}(), ...${text(source, clientOptions.value)}, setupHooks: ${HOOKS} }`);
    return [HOOKS, ENDPOINTS];
  }
  const ownEndpoint = property(clientOptions.value, 'baseUrl') ?? property(clientOptions.value, 'dataGovernance');
  const endpoints = ownEndpoint ? [] : [`...${ENDPOINTS}()`];
  const existing = property(clientOptions.value, 'setupHooks');
  if (!existing) {
    addProperty(source, clientOptions.value, ...endpoints, `setupHooks: ${HOOKS}`);
    return ownEndpoint ? [HOOKS] : [HOOKS, ENDPOINTS];
  }
  if (!ownEndpoint) addProperty(source, clientOptions.value, ...endpoints);
  // Both run: ours first, then the app's own.
  const theirs = text(source, existing.value);
  // Without semicolons, a line starting with `(` would call the line before it: Standard style's `;(`.
  const call = existing.value.type === 'Identifier' ? `${theirs}(hooks)` : `${source.style.semicolon ? '' : ';'}(${theirs})(hooks)`;
  source.out.overwrite(start(existing.value), end(existing.value), `(hooks) => {${source.style.eol}${lineIndent(source.code, start(existing))}${source.style.indent}${statement(source.style, `${HOOKS}(hooks)`)}${source.style.eol}${lineIndent(source.code, start(existing))}${source.style.indent}${statement(source.style, call)}${source.style.eol}${lineIndent(source.code, start(existing))}}`);
  return ownEndpoint ? [HOOKS] : [HOOKS, ENDPOINTS];
}

/** Adds `entries` as the last properties, each on its own line when the object spans lines, keeping a trailing comma style. */
function addProperty(source: Source, object: t.ObjectExpression, ...entries: string[]): void {
  const { code, out, style } = source;
  const last = object.properties.at(-1);
  if (!last) {
    out.appendLeft(start(object) + 1, ` ${entries.join(', ')} `);
    return;
  }
  const afterLast = code.slice(end(last), end(object) - 1);
  const trailingComma = /^\s*,/.test(afterLast.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''));
  const multiline = code.slice(start(object), end(object)).includes('\n');
  const comma = trailingComma ? '' : ',';
  if (!multiline) {
    out.appendLeft(end(last), `${comma} ${entries.join(', ')}${trailingComma ? ',' : ''}`);
    return;
  }
  // After the last property's line (and its trailing comma and comment).
  const lineEnd = code.indexOf('\n', end(last));
  const at = lineEnd === -1 || lineEnd > end(object) ? end(last) : code[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const indent = lineIndent(code, start(last));
  if (!trailingComma) out.appendLeft(end(last), ',');
  out.appendLeft(at, entries.map((entry) => `${style.eol}${indent}${entry}`).join(',') + (trailingComma ? ',' : ''));
}
