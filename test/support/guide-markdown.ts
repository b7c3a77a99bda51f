import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import ts from 'typescript';

/** A Markdown document as marked's lexer sees it: headings and fenced code blocks. */
export interface GuideStructure {
  readonly headings: readonly { depth: number; text: string }[];
  readonly codeBlocks: readonly { lang: string; text: string }[];
}

export function parseGuide(markdown: string): GuideStructure {
  const tokens = marked.lexer(markdown);
  const headings: { depth: number; text: string }[] = [];
  const codeBlocks: { lang: string; text: string }[] = [];
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === 'heading') headings.push({ depth: (token as Tokens.Heading).depth, text: (token as Tokens.Heading).text });
      if (token.type === 'code') codeBlocks.push({ lang: (token as Tokens.Code).lang ?? '', text: (token as Tokens.Code).text });
      // Code inside list items or block quotes still counts.
      const nested = (token as { tokens?: Token[]; items?: { tokens: Token[] }[] }).tokens;
      if (nested) visit(nested);
      for (const item of (token as { items?: { tokens: Token[] }[] }).items ?? []) visit(item.tokens);
    }
  };
  visit(tokens);
  return { headings, codeBlocks };
}

/** TypeScript's parser errors for a snippet (syntax only: snippets use names the reader's app defines). */
export function syntaxErrors(code: string, lang: string): string[] {
  const kind = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX }[lang];
  if (kind === undefined) throw new Error(`Not a script language: ${lang}`);
  const file = ts.createSourceFile(`snippet.${lang}`, code, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** The names a code block imports (or requires) from a specifier, or undefined when it does not. */
export function importedNames(code: string, specifier: string): string[] | undefined {
  const quoted = `["']${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']`;
  const match =
    new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${quoted}`).exec(code) ??
    new RegExp(`const\\s*\\{([^}]*)\\}\\s*=\\s*require\\(\\s*${quoted}\\s*\\)`).exec(code);
  return match?.[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

export interface FileState {
  readonly content: string;
  readonly mtimeMs: number;
}

/** Every file of a project (node_modules aside) with its content and modification time. */
export function snapshotProject(root: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), { content: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(root);
  return files;
}

/** Content only, for comparing what a run wrote. */
export function contents(snapshot: Map<string, FileState>): Record<string, string> {
  return Object.fromEntries([...snapshot].map(([path, { content }]) => [path, content]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}
