import type * as t from '@babel/types';
import { placeProvider, PROVIDER } from './configcat-provider.js';
import { addAfterImports, browserOnlyInitStatement, ensureImport } from './imports.js';
import { defaultExportReturn, isJsx, rendersElement, wrapChildren, wrapElement } from './jsx.js';
import { ALREADY, edited, unrecognised, type EditResult, type Unrecognised } from './result.js';
import { findAll, isReferenced, jsxName, parseSource, quoted, statement, topLevelNames, type CodeStyle, type Source } from './source.js';
import type { InitAmplitudeCall } from './imports.js';

export interface NextLayoutInput {
  readonly code: string;
  /** `app/layout.tsx` or `src/app/layout.tsx` (or .jsx/.js). */
  readonly file: string;
  /** How the layout imports the client providers file, e.g. `./configcat-amplitude-providers`. */
  readonly providersModule: string;
}

const PROVIDERS = 'Providers';

/**
 * App Router: wraps what `<body>` renders (it holds `{children}`) in `<Providers>`, a client component
 * (see `nextProvidersFile`). A layout that binds `Providers` already imports ours under another name.
 */
export function wrapNextLayout(input: NextLayoutInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) return layoutSnippet(input, undefined, 'the file does not parse');
  const ours = ourProvidersLocalName(source, input.providersModule);
  if (ours && rendersElement(source.ast.program, ours)) return ALREADY;
  const body = findAll(source.ast.program, (node): node is t.JSXElement => node.type === 'JSXElement' && jsxName(node.openingElement.name) === 'body')[0]?.node;
  if (!body) return layoutSnippet(input, source.style, 'no <body> element was found');
  if (!isReferenced(body, 'children')) return layoutSnippet(input, source.style, '<body> does not render {children}');
  const local = ours ?? (topLevelNames(source.ast).has(PROVIDERS) ? 'ConfigCatAmplitudeProviders' : PROVIDERS);
  wrapChildren(source, body, local);
  if (!ours) {
    const names = local === PROVIDERS ? PROVIDERS : `${PROVIDERS} as ${local}`;
    ensureImport(source, input.providersModule, [names]);
  }
  return edited(source.out.toString(), `${input.file}: wrapped the content of <body> in <${local}>`);
}

function ourProvidersLocalName(source: Source, module: string): string | undefined {
  for (const node of source.ast.program.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== module) continue;
    for (const specifier of node.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' && specifier.imported.name === PROVIDERS) return specifier.local.name;
    }
  }
  return undefined;
}

function layoutSnippet(input: NextLayoutInput, style: CodeStyle | undefined, reason: string): EditResult {
  const s = style ?? { quote: "'", semicolon: true, indent: '  ', eol: '\n' };
  return unrecognised(
    reason,
    input.file,
    'the import after your imports; <Providers> around {children} inside <body>',
    [statement(s, `import { ${PROVIDERS} } from ${quoted(s, input.providersModule)}`), '', `<body>`, `${s.indent}<${PROVIDERS}>{children}</${PROVIDERS}>`, `</body>`].join('\n'),
  );
}

export interface ProvidersFileInput {
  readonly typescript: boolean;
  /** How the providers file imports the provider component and the wiring module. */
  readonly providerModule: string;
  readonly wiringModule?: string;
  readonly initAmplitude?: InitAmplitudeCall | false;
  /** The layout's style, so the new file matches it (`parseSource(layout).style`); default: single quotes, semicolons. */
  readonly style?: Pick<CodeStyle, 'quote' | 'semicolon' | 'indent'>;
}

/** The `'use client'` file the layout imports `Providers` from. */
export function nextProvidersFile(input: ProvidersFileInput): string {
  const s = { quote: "'", semicolon: true, indent: '  ', ...input.style } as CodeStyle;
  const lines = [statement(s, quoted(s, 'use client')), ''];
  lines.push(statement(s, `import { ${PROVIDER} } from ${quoted(s, input.providerModule)}`));
  if (input.typescript) lines.push(statement(s, `import type { ReactNode } from ${quoted(s, 'react')}`));
  if (input.initAmplitude && input.wiringModule) {
    const call = input.initAmplitude === 'void' ? 'void initAmplitude()' : 'initAmplitude()';
    lines.push(
      statement(s, `import { initAmplitude } from ${quoted(s, input.wiringModule)}`),
      '',
      '// Client components also render on the server: Amplitude starts in the browser only.',
      statement(s, `if (typeof window !== ${quoted(s, 'undefined')}) ${call}`),
    );
  }
  const props = input.typescript ? '{ children }: { children: ReactNode }' : '{ children }';
  lines.push('', `export function ${PROVIDERS}(${props}) {`, `${s.indent}${statement(s, `return <${PROVIDER}>{children}</${PROVIDER}>`)}`, '}', '');
  return lines.join('\n');
}

export interface NextAppInput {
  readonly code: string;
  /** `pages/_app.tsx` or `src/pages/_app.tsx` (or .jsx/.js). */
  readonly file: string;
  readonly providerModule: string;
  readonly wiringModule?: string;
  readonly initAmplitude?: InitAmplitudeCall | false;
}

/**
 * Pages Router: wraps the JSX the custom App returns (`<Component {...pageProps} />` or whatever its
 * root is; inside a fragment root) in the provider. A project without `_app` gets one from
 * `nextAppFile`.
 */
export function wrapNextApp(input: NextAppInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) return appSnippet(input, undefined, 'the file does not parse');
  const done: string[] = [];
  const placed = placeProvider(source, input.providerModule, () => {
    const returned = defaultExportReturn(source.ast);
    const target = returned && isJsx(returned) ? returned : returned && pageElement(returned);
    if (!target) return appSnippet(input, source.style, 'the default export does not return JSX this edit recognises');
    if (!(target.type === 'JSXFragment' && wrapChildren(source, target, PROVIDER))) wrapElement(source, target, PROVIDER);
    return `wrapped the page in <${PROVIDER}>`;
  });
  if (typeof placed === 'object') return placed;
  if (placed) done.push(placed);
  if (input.initAmplitude && input.wiringModule && !source.code.includes('initAmplitude(')) {
    ensureImport(source, input.wiringModule, ['initAmplitude']);
    addAfterImports(source, [browserOnlyInitStatement(source.style, input.initAmplitude)]);
    done.push('started Amplitude in the browser');
  }
  if (done.length === 0) return ALREADY;
  return edited(source.out.toString(), `${input.file}: ${done.join(', ')}`);
}

/** `getLayout(<Component {...pageProps} />)`: the page element inside a call. */
function pageElement(node: t.Node): t.JSXElement | undefined {
  return findAll(node, (child): child is t.JSXElement => child.type === 'JSXElement' && jsxName(child.openingElement.name) === 'Component')[0]?.node;
}

function appSnippet(input: NextAppInput, style: CodeStyle | undefined, reason: string): Unrecognised {
  const s = style ?? { quote: "'", semicolon: true, indent: '  ', eol: '\n' };
  return unrecognised(reason, input.file, 'the import after your imports; the provider around <Component {...pageProps} />', [
    statement(s, `import { ${PROVIDER} } from ${quoted(s, input.providerModule)}`),
    '',
    `<${PROVIDER}>`,
    `${s.indent}<Component {...pageProps} />`,
    `</${PROVIDER}>`,
  ].join('\n'));
}

/** A `pages/_app` for a project that has none: Next.js's default App, wrapped in the provider. */
export function nextAppFile(input: Omit<NextAppInput, 'code' | 'file'> & { typescript: boolean; style?: Pick<CodeStyle, 'quote' | 'semicolon' | 'indent'> }): string {
  const s = { quote: "'", semicolon: true, indent: '  ', ...input.style } as CodeStyle;
  const lines: string[] = [];
  if (input.typescript) lines.push(statement(s, `import type { AppProps } from ${quoted(s, 'next/app')}`));
  lines.push(statement(s, `import { ${PROVIDER} } from ${quoted(s, input.providerModule)}`));
  if (input.initAmplitude && input.wiringModule) {
    const call = input.initAmplitude === 'void' ? 'void initAmplitude()' : 'initAmplitude()';
    lines.push(statement(s, `import { initAmplitude } from ${quoted(s, input.wiringModule)}`), '', statement(s, `if (typeof window !== ${quoted(s, 'undefined')}) ${call}`));
  }
  const i = s.indent;
  lines.push(
    '',
    `export default function App({ Component, pageProps }${input.typescript ? ': AppProps' : ''}) {`,
    `${i}return (`,
    `${i}${i}<${PROVIDER}>`,
    `${i}${i}${i}<Component {...pageProps} />`,
    `${i}${i}</${PROVIDER}>`,
    `${i})${s.semicolon ? ';' : ''}`,
    '}',
    '',
  );
  return lines.join('\n');
}
