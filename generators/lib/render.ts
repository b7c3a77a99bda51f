import type HandlebarsNamespace from 'handlebars';
import type { PlannedFile, TemplatePath } from './platform.js';
import { compileSource, loadHandlebars, sharedPartialPaths, templateAt, type Handlebars } from './templates.js';

/** A JavaScript string literal for any text: JSON's escaping, plus the line separators JSON allows. */
export function jsStringLiteral(value: unknown): string {
  return JSON.stringify(String(value)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a block comment: nothing can close the comment or start a new line. */
export function commentText(value: unknown): string {
  return String(value).replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** An integer grouped by thousands with `separator`: `50_000` in code, `50,000` in prose. */
export function groupedNumber(value: unknown, separator: string): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${String(value)}`);
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

type CompiledTemplate = HandlebarsTemplateDelegate;
let instance: Handlebars | undefined;

/**
 * Handlebars set up for code, not HTML: no escaping (it corrupts `&&` and quotes), and one helper,
 * `literal`, that every user-supplied string reaching code goes through. It is required (it is
 * CommonJS, so synchronously) on the first render: `--help` and runs that stop early never load it.
 */
function handlebars(): Handlebars {
  if (instance) return instance;
  const created = loadHandlebars().create();
  created.registerHelper('literal', (value: unknown) => jsStringLiteral(value));
  created.registerHelper('comment', (value: unknown) => commentText(value));
  created.registerHelper('numberLiteral', (value: unknown) => groupedNumber(value, '_'));
  created.registerHelper('thousands', (value: unknown) => groupedNumber(value, ','));
  created.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  created.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  /** `import.meta.env.NAME` or `process.env.NAME`: dot access, which bundlers replace at build time. */
  created.registerHelper('envAccess', (name: unknown, options: HandlebarsNamespace.HelperOptions) => envAccess(name, options));
  /** The same for a variable the build may leave unset: through `optionalEnv` where reading it may throw. */
  created.registerHelper('optionalEnvAccess', (name: unknown, options: HandlebarsNamespace.HelperOptions) => {
    const access = envAccess(name, options);
    return (options.data.root as { guardOptionalEnv?: boolean }).guardOptionalEnv ? `optionalEnv(() => ${access})` : access;
  });
  registerSharedPartials(created);
  instance = created;
  return created;
}

function envAccess(name: unknown, options: HandlebarsNamespace.HelperOptions): string {
  if (typeof name !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`Not an environment variable name: ${String(name)}`);
  return `${(options.data.root as { envAccessor: string }).envAccessor}.${name}`;
}

/**
 * Text more than one template uses, one file per language: `templates/partials/variant.ts.hbs` is
 * `{{> variant-ts}}`.
 */
function registerSharedPartials(target: Handlebars): void {
  for (const path of sharedPartialPaths()) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    target.registerPartial(file.slice(0, -'.hbs'.length).replace('.', '-'), templateAt(target, path));
  }
}

const compiled = new Map<TemplatePath, CompiledTemplate>();

function compiledTemplate(path: TemplatePath): CompiledTemplate {
  let template = compiled.get(path);
  if (!template) {
    template = templateAt(handlebars(), path);
    compiled.set(path, template);
  }
  return template;
}

/** Renders a planned file: its template with its context, and its partials (the guide's slots). */
export function renderPlannedFile(file: PlannedFile): string {
  const partials = Object.fromEntries(Object.entries(file.partials ?? {}).map(([name, path]) => [name, compiledTemplate(path)]));
  return compiledTemplate(file.template)(file.context, { partials });
}

/** Renders template text (not a file) with a context: for templates built at run time and tests. */
export function renderTemplate(source: string, context: object): string {
  return compileSource(handlebars(), source)(context);
}
