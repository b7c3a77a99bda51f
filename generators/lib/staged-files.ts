import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A file the run staged in Yeoman's in-memory file system, as mem-fs-editor's `dump` gives it:
 * `state` while it waits for the commit, `stateCleared` once the commit wrote or skipped it.
 */
export interface StagedFile {
  readonly contents: string | null;
  readonly state?: string;
  readonly stateCleared?: string;
}

/** Staged files by path relative to the project root. */
export type StagedFiles = Readonly<Record<string, StagedFile>>;

export interface DiskOutcome {
  /** On disk exactly as the run staged them. */
  readonly written: readonly string[];
  /** Staged, but the disk does not hold them: not committed yet, declined at the overwrite question, or a dry run. */
  readonly notWritten: readonly string[];
}

export function readFromDisk(root: string, path: string): string | undefined {
  const absolute = join(root, path);
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
}

/**
 * What the disk says about the staged files. The disk is the only witness that cannot be wrong:
 * Yeoman's overwrite question, its dry run and an interruption all end with files not written,
 * and none of them tells the generator. (Nor can the files' state: a commit stopped halfway
 * leaves files on disk that the in-memory store still holds as pending.) A file is only staged
 * when it differs from the disk, so the disk holding its content means this run wrote it.
 */
export function outcomeOnDisk(root: string, staged: StagedFiles): DiskOutcome {
  const written: string[] = [];
  const notWritten: string[] = [];
  for (const [path, file] of Object.entries(staged)) {
    const reached = (file.contents ?? undefined) === readFromDisk(root, path);
    (reached ? written : notWritten).push(path);
  }
  return { written, notWritten };
}

/** A unified diff of one file, from what is on disk to what the run would write (`/dev/null` for a new or deleted file). */
export function unifiedDiff(path: string, onDisk: string | undefined, staged: string | undefined): string {
  return createTwoFilesPatch(onDisk === undefined ? '/dev/null' : `a/${path}`, staged === undefined ? '/dev/null' : `b/${path}`, onDisk ?? '', staged ?? '', undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

interface DumpingFs {
  dump(cwd?: string): Record<string, { contents: string | null; state?: string; stateCleared?: string }>;
}

/** The files this run staged or committed inside the project, from Yeoman's in-memory file system. */
export function stagedFiles(fs: DumpingFs, root: string): StagedFiles {
  return Object.fromEntries(Object.entries(fs.dump(root)).filter(([path]) => !path.startsWith('../') && !isAbsolute(path)));
}

/** The changes a dry run would make, in the order they were staged; files the disk already matches are left out. */
export function wouldWrite(root: string, staged: StagedFiles): { path: string; isNew: boolean; isDeleted: boolean; diff: string }[] {
  return Object.entries(staged).flatMap(([path, file]) => {
    const onDisk = readFromDisk(root, path);
    const contents = file.contents ?? undefined;
    if (file.state === undefined || contents === onDisk) return [];
    return [{ path, isNew: onDisk === undefined, isDeleted: contents === undefined, diff: unifiedDiff(path, onDisk, contents) }];
  });
}

/** Only the given paths of the staged files. */
export function pickStaged(staged: StagedFiles, paths: readonly string[]): StagedFiles {
  return Object.fromEntries(paths.flatMap((path) => (staged[path] ? [[path, staged[path]] as const] : [])));
}
