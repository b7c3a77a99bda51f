import { readFileSync } from 'node:fs';
import { parsePnpmWorkspaceYaml } from 'pnpm-workspace-yaml';
import { findUp } from './find-up.js';

export interface CatalogedDependencies {
  /** What package.json declares for each added package: `catalog:`, or `catalog:<name>` of a catalog that has it. */
  readonly specifiers: Readonly<Record<string, string>>;
  /** pnpm-workspace.yaml with the packages added to its default catalog, when it needed them. */
  readonly workspace?: { readonly path: string; readonly before: string; readonly after: string };
}

/**
 * A pnpm project whose package.json takes its versions from the workspace's catalogs (`"vue":
 * "catalog:frontend"`) gets the added packages the same way: into pnpm-workspace.yaml's default
 * catalog (comments and order kept; a package some catalog has already is taken from there), and
 * `catalog:` in package.json, as eslint-plugin-pnpm's `json-enforce-catalog` wants. Undefined for
 * any other project: the ranges go into package.json as they are.
 */
export function catalogDependencies(
  projectRoot: string,
  declared: Readonly<Record<string, string>>,
  dependencies: Readonly<Record<string, string>>,
): CatalogedDependencies | undefined {
  if (Object.keys(dependencies).length === 0 || !Object.values(declared).some((spec) => spec.startsWith('catalog:'))) return undefined;
  const path = findWorkspaceFile(projectRoot);
  if (!path) return undefined;
  const before = readFileSync(path, 'utf8');
  let workspace: ReturnType<typeof parsePnpmWorkspaceYaml>;
  try {
    workspace = parsePnpmWorkspaceYaml(before);
  } catch {
    // pnpm itself reports a broken workspace file on install; the ranges go into package.json.
    return undefined;
  }
  const specifiers: Record<string, string> = {};
  for (const [name, range] of Object.entries(dependencies)) {
    const existing = workspace.getPackageCatalogs(name)[0];
    if (existing === undefined) workspace.setPackage('default', name, range);
    specifiers[name] = existing === undefined || existing === 'default' ? 'catalog:' : `catalog:${existing}`;
  }
  const after = workspace.hasChanged() ? workspace.toString() : before;
  return { specifiers, ...(after === before ? {} : { workspace: { path, before, after } }) };
}

/**
 * The ranges package.json's `catalog:` specifiers stand for (`catalog:` is the default catalog,
 * `catalog:<name>` a named one), by package, from the workspace's pnpm-workspace.yaml; the
 * specifiers it does not resolve are left out.
 */
export function resolveCatalogRanges(projectRoot: string, declared: Readonly<Record<string, string>>): Record<string, string> {
  const cataloged = Object.entries(declared).filter(([, spec]) => spec.startsWith('catalog:'));
  const path = cataloged.length > 0 ? findWorkspaceFile(projectRoot) : undefined;
  if (!path) return {};
  let catalogs: { catalog?: Record<string, string>; catalogs?: Record<string, Record<string, string>> };
  try {
    catalogs = parsePnpmWorkspaceYaml(readFileSync(path, 'utf8')).toJSON();
  } catch {
    return {};
  }
  const ranges: Record<string, string> = {};
  for (const [name, spec] of cataloged) {
    const catalog = spec.slice('catalog:'.length).trim();
    const range = catalog === '' || catalog === 'default' ? (catalogs.catalog?.[name] ?? catalogs.catalogs?.['default']?.[name]) : catalogs.catalogs?.[catalog]?.[name];
    if (typeof range === 'string') ranges[name] = range;
  }
  return ranges;
}

/** The nearest pnpm-workspace.yaml at or above the project (a workspace package's is at the workspace root). */
function findWorkspaceFile(projectRoot: string): string | undefined {
  return findUp(projectRoot, ['pnpm-workspace.yaml']);
}
