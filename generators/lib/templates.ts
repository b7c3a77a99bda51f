import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HandlebarsNamespace from 'handlebars';
import { PACKAGE_ROOT } from './package-root.js';
import type { TemplatePath } from './platform.js';

/**
 * Where templates come from: here, the template files, compiled on first use (the sources, the
 * tests). The published bundle replaces this module with one of the same exports that holds every
 * template precompiled and loads only Handlebars' runtime (scripts/build/precompiled-templates.js).
 */
export type Handlebars = typeof HandlebarsNamespace;

/** Code, not HTML: no escaping (it corrupts `&&` and quotes); a missing value is an error. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Handlebars itself, required (it is CommonJS, so synchronously) on the first render. */
export function loadHandlebars(): Handlebars {
  return createRequire(import.meta.url)('handlebars') as Handlebars;
}

/** The template at `path` (from this package's root), ready to render. */
export function templateAt(handlebars: Handlebars, path: TemplatePath): HandlebarsTemplateDelegate {
  return handlebars.compile(readFileSync(join(PACKAGE_ROOT, path), 'utf8'), COMPILE_OPTIONS);
}

/** The templates every other template may include, `templates/partials/*.hbs`. */
export const SHARED_PARTIALS_FOLDER = 'templates/partials';
export function sharedPartialPaths(): TemplatePath[] {
  const folder = join(PACKAGE_ROOT, SHARED_PARTIALS_FOLDER);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.hbs'))
    .map((name) => `${SHARED_PARTIALS_FOLDER}/${name}`);
}

/** Template text built at run time (tests): needs Handlebars' compiler, which the bundle leaves out. */
export function compileSource(handlebars: Handlebars, source: string): HandlebarsTemplateDelegate {
  return handlebars.compile(source, COMPILE_OPTIONS);
}
