import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { loadBundledPrettier } from './bundled-prettier.js';
import { lintFixNeutral } from './lint-fix-neutral.js';

/**
 * One way of writing each program, whatever formatter touched it: the bundled Prettier with fixed
 * options, every construct on one line where it can be (no line width to hit, objects collapsed),
 * then without indentation or blank lines, and with each run of imports (and the names inside
 * their braces) sorted. Before printing, the spellings that linters' automatic fixes flip between
 * are written one way (lint-fix-neutral.ts). Quotes, semicolons, trailing commas, indentation, line
 * breaks, import order and those fixes are gone; what the code does, its comments and its strings stay.
 * Text Prettier cannot parse (a real edit) keeps its own words, so it never matches.
 * Markdown has a form of its own (`canonicalMarkdown`).
 */
export async function canonicalForm(path: string, text: string): Promise<string> {
  if (extname(path).toLowerCase() === '.md') return canonicalMarkdown(text);
  const parser = CANONICAL_PARSERS[extname(path).toLowerCase()];
  let printed = text;
  if (parser) {
    const prettier = await loadBundledPrettier();
    try {
      printed = await prettier.format(parser === 'json' ? text : neutralOrAsWritten(text, path), { ...CANONICAL_OPTIONS, parser });
    } catch {
      // Not valid code any more: compared as written.
    }
  }
  return sortImportRuns(
    printed
      .split(/\r?\n/)
      .map((line) => line.trim())
      // A linter's --fix deletes its directives that no longer suppress anything.
      .filter((line) => line !== '' && !LINTER_DIRECTIVE.test(line)),
  ).join('\n');
}

/** The program with linters' fixes undone (lint-fix-neutral.ts); as written if that cannot be done. */
function neutralOrAsWritten(text: string, path: string): string {
  try {
    return lintFixNeutral(text, path);
  } catch {
    // Two rewrites met in one place (magic-string refuses): compared without them.
    return text;
  }
}

/** The fingerprint stored in .yo-rc.json: of the canonical form, marked so as not to be taken for a plain one. */
export async function canonicalFingerprint(path: string, text: string): Promise<string> {
  return `${CANONICAL_PREFIX}${hash(await canonicalForm(path, text))}`;
}

const LINTER_DIRECTIVE = /^(?:\/\/\s*(?:eslint-disable|biome-ignore)|\/\*\s*eslint-disable[^*]*\*\/$)/;

export const CANONICAL_PREFIX = 'c1:';

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const CANONICAL_PARSERS: Readonly<Record<string, string>> = {
  '.ts': 'babel-ts',
  '.mts': 'babel-ts',
  '.cts': 'babel-ts',
  '.tsx': 'babel-ts',
  '.js': 'babel',
  '.mjs': 'babel',
  '.cjs': 'babel',
  '.jsx': 'babel',
  '.json': 'json',
};

const CANONICAL_OPTIONS = {
  printWidth: 100_000,
  objectWrap: 'collapse',
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  bracketSameLine: false,
  arrowParens: 'always',
  endOfLine: 'lf',
} as const;

/** An import on one line (they all are, at this width): `import … from "…";` or `import "…";`. */
const IMPORT_LINE = /^import\s.*["'];?$/;

/** Import sorters reorder imports and the names in their braces; the canonical form sorts both. */
function sortImportRuns(lines: string[]): string[] {
  const result: string[] = [];
  let run: string[] = [];
  const flush = () => {
    result.push(...run.map(sortSpecifiers).sort());
    run = [];
  };
  for (const line of lines) {
    if (IMPORT_LINE.test(line)) run.push(line);
    else {
      flush();
      result.push(line);
    }
  }
  flush();
  return result;
}

function sortSpecifiers(line: string): string {
  return line.replace(/\{([^}]*)\}/, (_braces, names: string) => {
    const sorted = names
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .sort();
    return `{ ${sorted.join(', ')} }`;
  });
}

/**
 * Markdown without what Markdown formatters (Prettier, Biome) choose: line wrapping, indentation,
 * blank lines, table padding, list and emphasis markers, escapes; and in code blocks every space,
 * the quote style, semicolons, trailing commas and parentheses around a lone arrow parameter.
 * Done by hand because printing the guide with Prettier costs a few hundred milliseconds, and
 * this form is only ever compared, never shown.
 */
export function canonicalMarkdown(text: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let code: string[] | undefined;
  const flushProse = () => {
    if (prose.length > 0) out.push(canonicalProse(prose.join(' ')));
    prose = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const fence = /^(?:[-*+]\s+|\d+[.)]\s+)?(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (code) {
      if (fence && !fence[2]) {
        out.push(`\`\`\`${canonicalCodeTokens(code.join('\n'))}\`\`\``);
        code = undefined;
      } else code.push(line);
      continue;
    }
    if (fence) {
      flushProse();
      out.push(fence[2] ?? '');
      code = [];
      continue;
    }
    // A list item or table row starts a new block; a plain line may be a wrapped paragraph.
    if (/^(?:[-*+]\s|\d+[.)]\s|#|\||>)/.test(line)) flushProse();
    if (line !== '') prose.push(line.replace(/^[-*+]\s+/, '- ').replace(/^\d+[.)]\s+/, '1. '));
    else flushProse();
  }
  flushProse();
  if (code) out.push(canonicalCodeTokens(code.join('\n')));
  return out.join('\n');
}

function canonicalProse(text: string): string {
  return text
    .replace(/\\([\\`*_{}\[\]()#+\-.!|<>])/g, '$1')
    .replace(/[*_]+/g, '')
    .replace(/\|\s*:?-{3,}:?\s*(?=\|)/g, '|---')
    .replace(/\s+/g, ' ')
    .replace(/\s*\|\s*/g, '|')
    .trim();
}

function canonicalCodeTokens(code: string): string {
  return code
    .replace(/\s+/g, '')
    .replace(/'/g, '"')
    .replace(/;/g, '')
    .replace(/,(?=[)\]}>])/g, '')
    .replace(/\(([\w$]+)\)=>/g, '$1=>');
}
