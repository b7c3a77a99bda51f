import { posix } from 'node:path';
import Handlebars from 'handlebars';

/**
 * Handlebars set up for code, not HTML: no escaping (it corrupts `&&` and quotes), and one helper,
 * `literal`, that every user-supplied string reaching code goes through.
 */
const handlebars = Handlebars.create();

/** A JavaScript string literal for any text: JSON's escaping, plus the line separators JSON allows. */
export function jsStringLiteral(value: unknown): string {
  return JSON.stringify(String(value)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a block comment: nothing can close the comment or start a new line. */
export function commentText(value: unknown): string {
  return String(value).replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

handlebars.registerHelper('literal', (value: unknown) => jsStringLiteral(value));
handlebars.registerHelper('comment', (value: unknown) => commentText(value));
handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
handlebars.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
/** A project path from its parts, with forward slashes and no `./` (the guide names files this way). */
handlebars.registerHelper('joinPath', (...parts: unknown[]) => posix.join(...parts.slice(0, -1).map(String)));

const compiled = new Map<string, HandlebarsTemplateDelegate>();

export function renderTemplate(source: string, context: object): string {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(source, template);
  }
  return template(context);
}

/** `import.meta.env.NAME` or `process.env.NAME`: dot access, which bundlers replace at build time. */
handlebars.registerHelper('envAccess', function (name: unknown, options: Handlebars.HelperOptions) {
  if (typeof name !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`Not an environment variable name: ${String(name)}`);
  return `${(options.data.root as { envAccessor: string }).envAccessor}.${name}`;
});
