import type * as t from '@babel/types';
import { placeProvider, PROVIDER } from './configcat-provider.js';
import { addAfterImports, callsFunction, ensureImport, initAmplitudeStatement, type InitAmplitudeCall } from './imports.js';
import { isJsx, isStrictMode, wrapChildren, wrapElement } from './jsx.js';
import { ALREADY, edited, unrecognised, type EditResult, type Unrecognised } from './result.js';
import { findAll, parseSource, quoted, statement, type CodeStyle } from './source.js';

export interface ReactRootInput {
  readonly code: string;
  /** e.g. `src/main.tsx`: its extension picks the parser; it names the file in summaries and snippets. */
  readonly file: string;
  /** How this file imports the provider component, e.g. `./ConfigCatAmplitudeProvider`. */
  readonly providerModule: string;
  /** How this file imports the wiring module; needed when `initAmplitude` is set. */
  readonly wiringModule?: string;
  /** Also start Amplitude after the imports (the project had no Amplitude SDK), in this form. */
  readonly initAmplitude?: InitAmplitudeCall | false;
}

/**
 * The root render of a React app (Vite's `src/main.tsx`, Create React App's `src/index.js`):
 * the element given to `createRoot(…).render(…)`, `hydrateRoot(…, …)` or the legacy
 * `ReactDOM.render(…)` is wrapped in `<ConfigCatAmplitudeProvider>`, inside `<StrictMode>` when
 * there is one. An existing `<ConfigCatProvider>` is replaced instead of wrapped.
 */
export function wrapReactRoot(input: ReactRootInput): EditResult {
  const source = parseSource(input.code, input.file);
  if (!source) return reactRootSnippet(input, undefined, 'the file does not parse');
  const done: string[] = [];
  const placed = placeProvider(source, input.providerModule, () => {
    const roots = renderedElements(source.ast);
    if (roots.length === 0) return reactRootSnippet(input, source.style, 'no createRoot(…).render(…), hydrateRoot(…) or ReactDOM.render(…) call was found');
    const notJsx = roots.find((root) => !isJsx(root));
    if (notJsx) return reactRootSnippet(input, source.style, 'the element passed to render is not written as JSX in this file');
    for (const root of roots as (t.JSXElement | t.JSXFragment)[]) {
      const inside = isStrictMode(root) && wrapChildren(source, root, PROVIDER);
      if (!inside) wrapElement(source, root, PROVIDER);
    }
    return `wrapped the rendered app in <${PROVIDER}>`;
  });
  if (typeof placed === 'object') return placed;
  if (placed) done.push(placed);
  if (input.initAmplitude && input.wiringModule && !callsFunction(source, 'initAmplitude')) {
    ensureImport(source, input.wiringModule, ['initAmplitude']);
    addAfterImports(source, [initAmplitudeStatement(source, input.initAmplitude)]);
    done.push('started Amplitude after the imports');
  }
  if (done.length === 0) return ALREADY;
  return edited(source.out.toString(), `${input.file}: ${done.join(', ')}`);
}

/**
 * The elements the file renders at its root. Recognised: `<root>.render(x)` where `<root>` is a
 * `createRoot(…)` call or a variable holding one; `hydrateRoot(container, x)`; and the legacy
 * `render(x, container)` / `hydrate(x, container)` of react-dom (named or as `ReactDOM.render`).
 */
function renderedElements(ast: t.File): t.Node[] {
  const calls = findAll(ast.program, (node): node is t.CallExpression => node.type === 'CallExpression');
  const rootVariables = new Set(
    findAll(ast.program, (node): node is t.VariableDeclarator => node.type === 'VariableDeclarator')
      .filter(({ node }) => node.id.type === 'Identifier' && node.init && isCallOf(unwrapTs(node.init), 'createRoot'))
      .map(({ node }) => (node.id as t.Identifier).name),
  );
  const reactDom = reactDomNames(ast);
  const elements: t.Node[] = [];
  for (const { node: call } of calls) {
    const callee = call.callee;
    const [first, second] = call.arguments;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const method = callee.property.name;
      const object = unwrapTs(callee.object);
      const onRoot = isCallOf(object, 'createRoot') || (object.type === 'Identifier' && rootVariables.has(object.name));
      const onReactDom = object.type === 'Identifier' && reactDom.namespaces.has(object.name);
      if (method === 'render' && onRoot && first) elements.push(first);
      else if ((method === 'render' || method === 'hydrate') && onReactDom && first && second) elements.push(first);
      else if (method === 'hydrateRoot' && second) elements.push(second);
    } else if (callee.type === 'Identifier') {
      if (reactDom.hydrateRoot.has(callee.name) && second) elements.push(second);
      else if (reactDom.legacyRender.has(callee.name) && first && second) elements.push(first);
    }
  }
  return elements;
}

function isCallOf(node: t.Node, name: string): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === name;
  return callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === name;
}

/** `createRoot(x) as Root`, `createRoot(x)!`: the expression under TypeScript's assertions. */
function unwrapTs(node: t.Node): t.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') {
    current = current.expression;
  }
  return current;
}

function reactDomNames(ast: t.File): { namespaces: Set<string>; hydrateRoot: Set<string>; legacyRender: Set<string> } {
  const names = { namespaces: new Set<string>(), hydrateRoot: new Set<string>(), legacyRender: new Set<string>() };
  for (const node of ast.program.body) {
    if (node.type !== 'ImportDeclaration' || (node.source.value !== 'react-dom' && node.source.value !== 'react-dom/client')) continue;
    for (const specifier of node.specifiers) {
      if (specifier.type !== 'ImportSpecifier') {
        names.namespaces.add(specifier.local.name);
        continue;
      }
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (imported === 'hydrateRoot') names.hydrateRoot.add(specifier.local.name);
      if ((imported === 'render' || imported === 'hydrate') && node.source.value === 'react-dom') names.legacyRender.add(specifier.local.name);
    }
  }
  return names;
}

function reactRootSnippet(input: ReactRootInput, style: CodeStyle | undefined, reason: string): Unrecognised {
  const fallback: CodeStyle = { quote: "'", semicolon: true, indent: '  ', eol: '\n' };
  const s = style ?? fallback;
  const lines = [statement(s, `import { ${PROVIDER} } from ${quoted(s, input.providerModule)}`)];
  if (input.initAmplitude && input.wiringModule) {
    lines.push(statement(s, `import { initAmplitude } from ${quoted(s, input.wiringModule)}`), '', statement(s, input.initAmplitude === 'void' ? 'void initAmplitude()' : 'initAmplitude()'));
  }
  lines.push('', `// around the element your app renders:`, `<${PROVIDER}>`, `${s.indent}<App />`, `</${PROVIDER}>`);
  return unrecognised(reason, input.file, `the imports after your imports; the provider around the element given to render(), inside <StrictMode>`, lines.join('\n'));
}
