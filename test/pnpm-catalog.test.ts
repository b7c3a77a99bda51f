import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDependencies, resolveCatalogRanges } from '../generators/lib/pnpm-catalog.js';
import { makeTempProject } from './support/temp-project.js';

describe('catalogDependencies', () => {
  const workspace = 'packages:\n  - packages/*\ncatalog:\n  react: ^19.0.0\ncatalogs:\n  analytics:\n    \'@amplitude/analytics-browser\': ^2.40.0\n';

  it('takes a package from the catalog that has it, and adds the others to the default one, in a workspace package', () => {
    const root = makeTempProject({ 'pnpm-workspace.yaml': workspace, 'packages/web/package.json': { name: 'web' } });
    const result = catalogDependencies(join(root, 'packages/web'), { react: 'catalog:' }, { '@amplitude/analytics-browser': '^2.48.1', '@configcat/sdk': '^1.1.0' });
    expect(result?.specifiers).toEqual({ '@amplitude/analytics-browser': 'catalog:analytics', '@configcat/sdk': 'catalog:' });
    expect(result?.workspace?.path).toBe(join(root, 'pnpm-workspace.yaml'));
    expect(result?.workspace?.after).toBe(workspace.replace('catalog:\n', "catalog:\n  '@configcat/sdk': ^1.1.0\n"));
  });

  it('leaves a project whose package.json names no catalog, or that has no workspace file, to plain ranges', () => {
    const root = makeTempProject({ 'pnpm-workspace.yaml': workspace });
    expect(catalogDependencies(root, { react: '^19.0.0' }, { '@configcat/sdk': '^1.1.0' })).toBeUndefined();
    expect(catalogDependencies(makeTempProject({}), { react: 'catalog:' }, { '@configcat/sdk': '^1.1.0' })).toBeUndefined();
  });
});

describe('resolveCatalogRanges', () => {
  it('reads the default and named catalogs a specifier names, and leaves out what none has', () => {
    const root = makeTempProject({ 'pnpm-workspace.yaml': "catalog:\n  '@configcat/sdk': ^1.1.0\ncatalogs:\n  frontend:\n    vue: ^3.5.16\n" });
    expect(resolveCatalogRanges(root, { '@configcat/sdk': 'catalog:', vue: 'catalog:frontend', react: 'catalog:missing', lodash: '^4.0.0' })).toEqual({ '@configcat/sdk': '^1.1.0', vue: '^3.5.16' });
  });
});
