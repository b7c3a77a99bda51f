/**
 * Markdown written in the form Prettier prints it (the guide's templates are), finished the way
 * Prettier's Markdown formatter would finish it with its default options: tables padded to their
 * columns, and fenced code formatted with the parser Prettier picks for its language. The rest of
 * the text is kept as written. This spares a run Prettier's Markdown formatter and the TypeScript
 * parser its ```ts blocks would load: the code is formatted with the Babel parsers the generated
 * code files load anyway. test/guide-form.test.ts holds the result equal to Prettier's over the
 * whole answer matrix.
 */
export interface MarkdownTools {
  /** The code formatted with Prettier's `parser` (its default options), or undefined if it does not parse. */
  readonly formatCode: (code: string, parser: string) => Promise<string | undefined>;
  /** How many columns a text takes, as Prettier counts them (wide characters take two). */
  readonly stringWidth: (text: string) => number;
}

/**
 * Fenced-code languages and the parser for each, as Prettier infers them; others (mermaid, sh…)
 * have no formatter and are kept as written. Babel's TypeScript parser stands in for TypeScript's:
 * both print the same for these snippets.
 */
const CODE_PARSERS: Readonly<Record<string, string>> = {
  js: 'babel',
  javascript: 'babel',
  jsx: 'babel',
  mjs: 'babel',
  cjs: 'babel',
  ts: 'babel-ts',
  typescript: 'babel-ts',
  tsx: 'babel-ts',
  mts: 'babel-ts',
  cts: 'babel-ts',
  json: 'json',
  vue: 'vue',
};

export async function finishMarkdown(markdown: string, tools: MarkdownTools): Promise<string> {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length; ) {
    const line = lines[index]!;
    const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      const [, marker, info] = fence as unknown as [string, string, string];
      const end = lines.findIndex((candidate, at) => at > index && closesFence(candidate, marker));
      if (end === -1) {
        out.push(...lines.slice(index));
        break;
      }
      const code = lines.slice(index + 1, end).join('\n');
      out.push(line, ...(await formatFencedCode(code, info.trim().split(/\s/)[0]!.toLowerCase(), tools)), lines[end]!);
      index = end + 1;
      continue;
    }
    if (line.startsWith('|') && isDelimiterRow(lines[index + 1])) {
      let end = index + 2;
      while (end < lines.length && lines[end]!.startsWith('|')) end += 1;
      out.push(...padTable(lines.slice(index, end), tools.stringWidth));
      index = end;
      continue;
    }
    out.push(line);
    index += 1;
  }
  return out.join('\n');
}

function closesFence(line: string, opening: string): boolean {
  const closing = /^(`{3,}|~{3,})\s*$/.exec(line)?.[1];
  return closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

async function formatFencedCode(code: string, language: string, tools: MarkdownTools): Promise<string[]> {
  const parser = CODE_PARSERS[language];
  // Prettier leaves code that does not parse as it was.
  const formatted = parser ? await tools.formatCode(code, parser) : undefined;
  return (formatted === undefined ? code : formatted.replace(/\n$/, '')).split('\n');
}

function isDelimiterRow(line: string | undefined): boolean {
  return line !== undefined && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line);
}

type Align = 'left' | 'right' | 'center' | 'none';

/** A GFM table as Prettier prints it: every column as wide as its widest cell (at least 3). */
function padTable(rows: readonly string[], stringWidth: (text: string) => number): string[] {
  const cells = rows.map(splitRow);
  const aligns = cells[1]!.map(alignOf);
  const content = cells.filter((_, row) => row !== 1);
  const widths = aligns.map((_, column) => Math.max(3, ...content.map((row) => stringWidth(row[column] ?? ''))));
  const printRow = (row: readonly string[]) =>
    `| ${widths
      .map((width, column) => {
        const text = row[column] ?? '';
        const spaces = width - stringWidth(text);
        const before = aligns[column] === 'right' ? spaces : aligns[column] === 'center' ? Math.floor(spaces / 2) : 0;
        return `${' '.repeat(before)}${text}${' '.repeat(spaces - before)}`;
      })
      .join(' | ')} |`;
  const delimiter = `| ${widths
    .map((width, column) => {
      const align = aligns[column];
      const first = align === 'center' || align === 'left' ? ':' : '-';
      const last = align === 'center' || align === 'right' ? ':' : '-';
      return `${first}${'-'.repeat(width - 2)}${last}`;
    })
    .join(' | ')} |`;
  return [printRow(content[0]!), delimiter, ...content.slice(1).map(printRow)];
}

/** The cells of a row, split on pipes that are not escaped. */
function splitRow(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function alignOf(delimiter: string): Align {
  const left = delimiter.startsWith(':');
  const right = delimiter.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
}
