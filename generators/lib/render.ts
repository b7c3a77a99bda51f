import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TEMPLATES_ROOT } from './package-root.js';
import type HandlebarsNamespace from 'handlebars';

/** A JavaScript string literal for any text: JSON's escaping, plus the line separators JSON allows. */
export function jsStringLiteral(value: unknown): string {
  return JSON.stringify(String(value)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a block comment: nothing can close the comment or start a new line. */
export function commentText(value: unknown): string {
  return String(value).replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

type Handlebars = typeof HandlebarsNamespace;
let instance: Handlebars | undefined;

/**
 * Handlebars set up for code, not HTML: no escaping (it corrupts `&&` and quotes), and one helper,
 * `literal`, that every user-supplied string reaching code goes through. It is required (it is
 * CommonJS, so synchronously) on the first render: `--help` and runs that stop early never load it.
 */
function handlebars(): Handlebars {
  if (instance) return instance;
  const created = (createRequire(import.meta.url)('handlebars') as Handlebars).create();
  created.registerHelper('literal', (value: unknown) => jsStringLiteral(value));
  created.registerHelper('comment', (value: unknown) => commentText(value));
  created.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  created.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  /** `import.meta.env.NAME` or `process.env.NAME`: dot access, which bundlers replace at build time. */
  created.registerHelper('envAccess', function (name: unknown, options: HandlebarsNamespace.HelperOptions) {
    if (typeof name !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`Not an environment variable name: ${String(name)}`);
    return `${(options.data.root as { envAccessor: string }).envAccessor}.${name}`;
  });
  registerPartials(created);
  instance = created;
  return created;
}

/**
 * Code the Node and browser wiring share, one file per language: `partials/variant.ts.hbs` is
 * `{{> variant-ts}}`.
 */
function registerPartials(target: Handlebars): void {
  const folder = join(TEMPLATES_ROOT, 'partials');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.hbs'))) {
    target.registerPartial(file.slice(0, -'.hbs'.length).replace('.', '-'), readFileSync(join(folder, file), 'utf8'));
  }
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function renderTemplate(source: string, context: object): string {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars().compile(source, { noEscape: true, strict: true });
    compiled.set(source, template);
  }
  return template(context);
}
