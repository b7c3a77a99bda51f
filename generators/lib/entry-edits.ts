import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { Answers } from './answers.js';
import type { ProjectFacts } from './detect.js';
import type { EditResult, Snippet } from './entry/index.js';
import type { GenerationPlan } from './plan.js';

/** What a run does to one file of the user's code. */
export type FileEdit =
  | {
      readonly kind: 'edited';
      readonly file: string;
      /** The file did not exist: the edit made it. */
      readonly created: boolean;
      readonly before: string;
      readonly after: string;
      readonly summary: string;
    }
  | { readonly kind: 'snippet'; readonly file: string; readonly reason: string; readonly snippet: Snippet };

/** Folders that hold the project's own source; everything else (dependencies, build output) is skipped. */
const SOURCE_FOLDERS = ['src', 'app', 'pages', 'lib', 'server'];
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', '.next', 'out', 'coverage', '.git']);
/** A bound on the files looked at, so a huge repository does not stall the run. */
const MAX_SOURCE_FILES = 2_000;

/**
 * The edits of the project's own code that wire the generated files in, each file's edits made in
 * order on the text the previous one left. `read` sees the run's own pending writes too.
 */
export async function planEntryEdits(
  plan: GenerationPlan,
  answers: Answers,
  facts: ProjectFacts,
  read: (path: string) => string | undefined,
): Promise<FileEdit[]> {
  const { platform } = plan;
  if (!platform.entryEdits) return [];
  const edits = await import('./entry/index.js');
  const tsconfig = parseJsonc(read('tsconfig.json') ?? '{}') as { compilerOptions?: { paths?: Record<string, string[]>; baseUrl?: string } } | undefined;
  const paths = tsconfig?.compilerOptions?.paths ?? {};
  const baseUrl = tsconfig?.compilerOptions?.baseUrl;
  const specifier = (fromFile: string, target: string): string => {
    const observed = edits.observedSpecifierStyle(read(fromFile) ?? '', Object.keys(paths));
    return edits.importSpecifier(fromFile, target, {
      extension: observed.extension ?? plan.importExtension,
      // An alias only where the file already uses one: a bundler may not read tsconfig's paths.
      ...(observed.usesAlias ? { paths, ...(baseUrl ? { baseUrl } : {}) } : {}),
    });
  };
  const steps = platform.entryEdits({
    answers,
    project: facts,
    files: plan.files,
    initAmplitude: plan.initAmplitude,
    read,
    sourceFiles: listSourceFiles(facts.root),
    specifier,
    edits,
  });
  const byFile = new Map<string, ((code: string) => EditResult)[]>();
  const results: FileEdit[] = [];
  for (const { file, edit, create } of steps) {
    if (!create && read(file) === undefined) {
      // No entry file where the platform looks for one: the user knows where the app starts.
      if (!results.some((result) => result.kind === 'snippet' && result.file === file)) {
        results.push({
          kind: 'snippet',
          file,
          reason: `${file} was not found`,
          snippet: { file: 'your entry file', place: 'where the app starts', code: plan.importLines.join('\n') },
        });
      }
      continue;
    }
    byFile.set(file, [...(byFile.get(file) ?? []), edit]);
  }
  for (const [file, fileSteps] of byFile) {
    const existing = read(file);
    const before = existing ?? '';
    const result = edits.composeEdits(before, fileSteps);
    if (result.kind === 'edited') {
      results.push({ kind: 'edited', file, created: existing === undefined, before, after: result.code, summary: result.summary });
      for (const rest of result.remaining ?? []) results.push({ kind: 'snippet', file, reason: rest.reason, snippet: rest.snippet });
    } else if (result.kind === 'unrecognised') {
      for (const part of [result, ...(result.remaining ?? [])]) results.push({ kind: 'snippet', file, reason: part.reason, snippet: part.snippet });
    }
  }
  return results;
}

/** The project's code files, relative to its root, with forward slashes. */
export function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (found.length >= MAX_SOURCE_FILES || depth > 8) return;
    let entries: string[];
    try {
      entries = readdirSync(join(root, dir)).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const path = dir === '' ? name : posix.join(dir, name);
      if (SKIPPED_FOLDERS.has(name) || name.startsWith('.')) continue;
      const isFolder = statSync(join(root, path)).isDirectory();
      if (isFolder && (dir !== '' || SOURCE_FOLDERS.includes(name))) visit(path, depth + 1);
      else if (!isFolder && CODE_FILE.test(name) && found.length < MAX_SOURCE_FILES) found.push(path);
    }
  };
  visit('', 0);
  return found;
}

/** Reads a project file from disk. */
export function readProjectFile(root: string, path: string): string | undefined {
  const absolute = join(root, path);
  return existsSync(absolute) && statSync(absolute).isFile() ? readFileSync(absolute, 'utf8') : undefined;
}

/**
 * The edited file as the project formats it: through the project's formatter when the file was
 * formatted with it before the edit (or is new), else exactly as edited, so a file the user keeps
 * unformatted is not reformatted as a whole.
 */
export async function formatEditedFile(absolutePath: string, before: string | undefined, after: string, root: string): Promise<string> {
  const { formatLikeProject } = await import('./format.js');
  if (before !== undefined) {
    const formattedBefore = await formatLikeProject(absolutePath, before, root).catch(() => undefined);
    if (formattedBefore !== before) return after;
  }
  return formatLikeProject(absolutePath, after, root).catch(() => after);
}
