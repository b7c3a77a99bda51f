import { applyPatch, parsePatch, reversePatch } from 'diff';
import { findNodeAtLocation } from 'jsonc-parser';
import { parseObject, propertyKeys, removeProperty } from './json-edit.js';

/** What earlier runs recorded in .yo-rc.json, as the remove command reads it. */
export interface Recorded {
  /** Generated files by path, with the fingerprint of what was generated (edits.ts). */
  readonly fingerprints: Readonly<Record<string, string>>;
  /** Entry-code edits by path, each a unified patch from the user's text to the edited one. */
  readonly entryEdits: Readonly<Record<string, string>>;
  /** Dependencies the generator added to package.json. */
  readonly addedDependencies: readonly string[];
  /** package.json before and after the dependencies were added, as a unified patch. */
  readonly packageJsonPatch?: string;
  /** pnpm-workspace.yaml before and after the dependencies went into its catalog, as a unified patch named by its path. */
  readonly pnpmWorkspacePatch?: string;
}

/** What the remove command reads of the project. */
export interface ProjectReader {
  /** A file's text by path relative to the project root; `undefined` when absent. */
  read(path: string): string | undefined;
  /** Whether `text` is still the version whose fingerprint was recorded (formatting aside). */
  isRecordedVersion(path: string, text: string, fingerprint: string): Promise<boolean>;
  /** The project's source files (relative paths), to find other imports of an SDK. */
  sourceFiles(): readonly string[];
}

export interface RemovalPlan {
  /** Generated files still as generated: deleted. */
  readonly deleted: readonly string[];
  /** Generated files the user edited: kept (`--force` deletes them too). */
  readonly keptEdited: readonly string[];
  /** Entry files with the generator's edits undone (`text` undefined: the generator created the file). */
  readonly restored: readonly { readonly path: string; readonly text: string | undefined }[];
  /** Entry files changed since the edit so that it cannot be undone mechanically. */
  readonly notRestored: readonly { readonly path: string; readonly reason: string }[];
  /** package.json without the dependencies removed, when it changes. */
  readonly packageJson: string | undefined;
  /** pnpm-workspace.yaml without the catalog entries added, when every added dependency goes and it can be undone. */
  readonly pnpmWorkspace?: { readonly path: string; readonly text: string };
  readonly dependenciesRemoved: readonly string[];
  /** Added dependencies still imported elsewhere in the project, with one file that imports each. */
  readonly dependenciesKept: readonly { readonly name: string; readonly importedBy: string }[];
}

/**
 * What `remove` does, decided before anything is written: the generated files the user did not
 * edit go; entry edits are undone by reversing their recorded patches; the dependencies the
 * generator added go from package.json unless other code of the project imports them.
 */
export async function planRemoval(recorded: Recorded, project: ProjectReader, { force = false } = {}): Promise<RemovalPlan> {
  const deleted: string[] = [];
  const keptEdited: string[] = [];
  for (const [path, fingerprint] of Object.entries(recorded.fingerprints)) {
    const text = project.read(path);
    if (text === undefined) continue;
    if (force || (await project.isRecordedVersion(path, text, fingerprint))) deleted.push(path);
    else keptEdited.push(path);
  }

  const restored: { path: string; text: string | undefined }[] = [];
  const notRestored: { path: string; reason: string }[] = [];
  for (const [path, patch] of Object.entries(recorded.entryEdits)) {
    const text = project.read(path);
    if (text === undefined) continue;
    const undone = undoPatch(text, patch);
    if (undone === undefined) notRestored.push({ path, reason: 'it changed since the generator edited it' });
    else restored.push({ path, text: undone === '' ? undefined : undone });
  }

  // Other code that imports an SDK keeps it: the project's code as it will be after the removal.
  const gone = new Set([...deleted, ...restored.filter(({ text }) => text === undefined).map(({ path }) => path)]);
  const after = new Map(restored.flatMap(({ path, text }) => (text === undefined ? [] : [[path, text] as const])));
  const dependenciesRemoved: string[] = [];
  const dependenciesKept: { name: string; importedBy: string }[] = [];
  const sourceFiles = recorded.addedDependencies.length > 0 ? project.sourceFiles() : [];
  for (const name of recorded.addedDependencies) {
    const importedBy = sourceFiles.find((path) => !gone.has(path) && imports(after.get(path) ?? project.read(path) ?? '', name));
    if (importedBy === undefined) dependenciesRemoved.push(name);
    else dependenciesKept.push({ name, importedBy });
  }

  const packageJsonText = project.read('package.json');
  const packageJson = packageJsonText === undefined ? undefined : withoutDependencies(packageJsonText, dependenciesRemoved, recorded);
  const pnpmWorkspace = dependenciesKept.length === 0 ? withoutCatalogEntries(recorded, project) : undefined;
  return {
    deleted,
    keptEdited,
    restored,
    notRestored,
    packageJson: packageJson === packageJsonText ? undefined : packageJson,
    ...(pnpmWorkspace ? { pnpmWorkspace } : {}),
    dependenciesRemoved,
    dependenciesKept,
  };
}

/** The catalog entries a run added to pnpm-workspace.yaml, undone; kept while some added dependency stays (it names them). */
function withoutCatalogEntries(recorded: Recorded, project: ProjectReader): { path: string; text: string } | undefined {
  const patch = recorded.pnpmWorkspacePatch;
  const path = patch === undefined ? undefined : parsePatch(patch)[0]?.oldFileName;
  const text = path === undefined ? undefined : project.read(path);
  const undone = text === undefined ? undefined : undoPatch(text, patch!);
  return path !== undefined && undone !== undefined && undone !== text ? { path, text: undone } : undefined;
}

/** The text before a recorded edit, or `undefined` when the file changed so that the patch no longer applies. */
export function undoPatch(text: string, patch: string): string | undefined {
  const [parsed] = parsePatch(patch);
  if (!parsed) return undefined;
  const undone = applyPatch(text, reversePatch(parsed));
  return undone === false ? undefined : undone;
}

/**
 * package.json as it was before the generator added the dependencies: the recorded patch undone
 * when all of them go and nothing else changed in those lines; otherwise each one's line removed
 * in place (and the `dependencies` block, if the generator created it and it is now empty).
 */
function withoutDependencies(text: string, names: readonly string[], recorded: Recorded): string {
  if (names.length === 0) return text;
  if (recorded.packageJsonPatch && names.length === recorded.addedDependencies.length) {
    const undone = undoPatch(text, recorded.packageJsonPatch);
    if (undone !== undefined) return undone;
  }
  let result = text;
  for (const name of names) {
    if (dependencyNames(result)?.includes(name)) result = removeProperty(result, ['dependencies'], name);
  }
  const createdBlock = recorded.packageJsonPatch !== undefined && /^\+\s*"dependencies":\s*\{/m.test(recorded.packageJsonPatch);
  if (createdBlock && dependencyNames(result)?.length === 0) result = removeProperty(result, [], 'dependencies');
  return result;
}

/** The names in package.json's `dependencies`; `undefined` when there is no such object. */
function dependencyNames(text: string): string[] | undefined {
  const root = parseObject(text);
  const block = root && findNodeAtLocation(root, ['dependencies']);
  return block?.type === 'object' ? propertyKeys(block) : undefined;
}

/** Whether code imports a package (or a subpath of it): ES imports, re-exports, `require`, `import()`. */
export function imports(code: string, name: string): boolean {
  const quoted = `['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^'"]*)?['"]`;
  return new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*)${quoted}`).test(code);
}
