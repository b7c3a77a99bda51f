import type * as t from '@babel/types';
import { placeProvider, PROVIDER } from './configcat-provider.js';
import { addAfterImports, browserOnlyInitStatement, callsFunction, ensureImport, type InitAmplitudeCall } from './imports.js';
import { defaultExportReturn, isJsx, wrapChildren, wrapElement } from './jsx.js';
import { ALREADY, edited, unrecognised, type EditResult, type Unrecognised } from './result.js';
import { end, indentFollowingLines, lineIndent, parseSource, quoted, start, statement, type CodeStyle, type Source } from './source.js';

export interface RouteRootInput {
  readonly code: string;
  /** `app/root.tsx` (or .jsx/.ts/.js): the root route of React Router's framework mode or Remix. */
  readonly file: string;
  /** How this file imports the provider component, e.g. `./ConfigCatAmplitudeProvider`. */
  readonly providerModule: string;
  /** How this file imports the wiring module; needed when `initAmplitude` is set. */
  readonly wiringModule?: string;
  /** Also start Amplitude, in the browser only (the project had no Amplitude SDK), in this form. */
  readonly initAmplitude?: InitAmplitudeCall | false;
}

/** Says why the start of Amplitude is guarded, above the guarded call. */
const SERVER_COMMENT = '// The root route also renders on the server: Amplitude starts in the browser only.';

/**
 * The root route (`app/root.tsx`): what its default-exported `App` returns (`<Outlet />` in the
 * templates) is wrapped in `<ConfigCatAmplitudeProvider>`, inside a fragment when it returns one; an
 * existing `<ConfigCatProvider>` is replaced instead. The file runs on the server too (rendering,
 * prerendering), so Amplitude is started behind a `typeof window` check, as in a Next.js custom App.
 */
export function wrapRouteRoot(input: RouteRootInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) return routeRootSnippet(input, undefined, 'the file does not parse');
  const done: string[] = [];
  const placed = placeProvider(source, input.providerModule, () => {
    const returned = defaultExportReturn(source.ast);
    if (!isJsx(returned)) return routeRootSnippet(input, source.style, 'its default export (the App component) does not return JSX this edit recognises');
    if (!(returned.type === 'JSXFragment' && wrapChildren(source, returned, PROVIDER))) wrapReturned(source, returned, PROVIDER);
    return `wrapped what App renders in <${PROVIDER}>`;
  });
  if (typeof placed === 'object') return placed;
  if (placed) done.push(placed);
  const started = addBrowserOnlyInit(source, input);
  if (started) done.push(started);
  if (done.length === 0) return ALREADY;
  return edited(source.out.toString(), `${input.file}: ${done.join(', ')}`);
}

export interface BrowserOnlyInitInput {
  readonly code: string;
  readonly file: string;
  readonly wiringModule: string;
  readonly initAmplitude: InitAmplitudeCall;
}

/**
 * Starts Amplitude, in the browser only, in a root route whose provider is rendered elsewhere (a
 * `<ConfigCatProvider>` in another route was replaced).
 */
export function addBrowserOnlyAmplitude(input: BrowserOnlyInitInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) {
    const s: CodeStyle = { quote: "'", semicolon: true, indent: '  ', eol: '\n' };
    return unrecognised('the file does not parse', input.file, 'after the imports', initLines(s, input.wiringModule, input.initAmplitude).join('\n'));
  }
  const started = addBrowserOnlyInit(source, input);
  return started ? edited(source.out.toString(), `${input.file}: ${started}`) : ALREADY;
}

function addBrowserOnlyInit(source: Source, input: Pick<RouteRootInput, 'wiringModule' | 'initAmplitude'>): string | undefined {
  if (!input.initAmplitude || !input.wiringModule || callsFunction(source, 'initAmplitude')) return undefined;
  ensureImport(source, input.wiringModule, ['initAmplitude']);
  addAfterImports(source, [SERVER_COMMENT, browserOnlyInitStatement(source.style, input.initAmplitude)]);
  return 'started Amplitude in the browser';
}


function initLines(style: CodeStyle, wiringModule: string, call: InitAmplitudeCall): string[] {
  return [statement(style, `import { initAmplitude } from ${quoted(style, wiringModule)}`), '', SERVER_COMMENT, browserOnlyInitStatement(style, call)];
}

/**
 * `return <Outlet />;` becomes a parenthesised block with the provider on lines of its own, as
 * the templates write a multi-line return; anything else is wrapped where it stands.
 */
function wrapReturned(source: Source, node: t.JSXElement | t.JSXFragment, tag: string): void {
  const { code, out, style } = source;
  const before = code.slice(0, start(node)).trimEnd();
  if (!/\breturn$/.test(before)) {
    wrapElement(source, node, tag);
    return;
  }
  const indent = lineIndent(code, start(node));
  const inner = `${indent}${style.indent}`;
  const element = indentFollowingLines(code.slice(start(node), end(node)), `${style.indent}${style.indent}`);
  out.overwrite(
    start(node),
    end(node),
    ['(', `${inner}<${tag}>`, `${inner}${style.indent}${element}`, `${inner}</${tag}>`, `${indent})`].join(style.eol),
  );
}

function routeRootSnippet(input: RouteRootInput, style: CodeStyle | undefined, reason: string): Unrecognised {
  const s = style ?? { quote: "'", semicolon: true, indent: '  ', eol: '\n' };
  const lines = [statement(s, `import { ${PROVIDER} } from ${quoted(s, input.providerModule)}`)];
  if (input.initAmplitude && input.wiringModule) lines.push(...initLines(s, input.wiringModule, input.initAmplitude));
  lines.push('', '// what the default-exported App returns:', `<${PROVIDER}>`, `${s.indent}<Outlet />`, `</${PROVIDER}>`);
  return unrecognised(reason, input.file, 'the imports after your imports; the provider around what App returns (its <Outlet />)', lines.join('\n'));
}
