#!/usr/bin/env node
// `npm run build` (after type-checking): bundles the bin and the generators with esbuild into dist/,
// which is what the package ships. Everything they import is bundled except Prettier, which stays a dependency: a project's
// own Prettier is used when it has one, the bundled one otherwise, and both load on first use.
// Yeoman features this package never uses are replaced by small modules that throw if ever reached
// (scripts/build/stubs/), and the templates are precompiled (scripts/build/precompiled-templates.js).
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { precompiledTemplatesModule } from './build/precompiled-templates.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STUBS = join(ROOT, 'scripts/build/stubs');

/** Left out of the bundle: loaded from node_modules at run time. */
const EXTERNAL = ['prettier'];

/**
 * Packages replaced wherever they are imported, and why (each stub says it again):
 * - fly-import (npm's Arborist, pacote, sigstore: about a third of what Yeoman loads): installs
 *   generators on the fly, which a package that ships its own generators never does;
 * - which-package-manager: Yeoman's own package-manager install, off here (`customInstallTask`:
 *   generators/lib/install.ts runs the install);
 * - execa: Yeoman's command runner, for generator lookups and `spawnCommand`, never called here;
 * - globby: generator lookups by name (yo looks up with its own copy of Yeoman);
 * - simple-git, latest-version: yeoman-generator helpers these generators never call.
 * And inquirer, wherever it is imported but by the stand-in itself: the same API, which imports
 * Inquirer (its prompts, rxjs…) on the first question.
 */
const REPLACED = {
  'fly-import': 'fly-import.js',
  'which-package-manager': 'which-package-manager.js',
  execa: 'execa.js',
  globby: 'globby.js',
  'simple-git': 'simple-git.js',
  'latest-version': 'latest-version.js',
};
const LAZY_INQUIRER = join(STUBS, 'lazy-inquirer.js');

/**
 * Packages evaluated on the first call of one of these functions rather than at start-up (esbuild
 * evaluates a module that is `require`d, not imported, when it is first required):
 * - string-width compiles Unicode-set regular expressions as it loads (most of what `--help` cost);
 *   only ora's spinner measures text with it, in a terminal;
 * - read-package-up (normalize-package-data, hosted-git-info, spdx…) is yeoman-generator's fallback
 *   for finding a generator's package.json, unused when the environment knows it.
 */
const LOADED_ON_FIRST_CALL = {
  'string-width': ['default'],
  'read-package-up': ['readPackageUpSync'],
};

/**
 * Edits of Yeoman's code, made as it is bundled; the build fails if the code an edit replaces has
 * changed (an upgrade), rather than bundle something else.
 * - Its packages read their own package.json beside their files (for their version, or name); in the
 *   bundle that file is this package's, or missing: what they read is written in.
 * - yeoman-generator imports all of lodash to offer it as `this._`; these generators never use it.
 */
const SOURCE_EDITS = [
  {
    file: 'yeoman-environment/dist/environment-base.js',
    code: "require('../package.json').version",
    replacement: () => JSON.stringify(packageVersion('yeoman-environment')),
  },
  {
    file: 'yeoman-environment/dist/module-lookup.js',
    code: "JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json')).toString()).name",
    replacement: () => JSON.stringify('yeoman-environment'),
  },
  {
    file: 'yeoman-generator/dist/generator.js',
    code: "JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))",
    replacement: () => `(${JSON.stringify({ version: packageVersion('yeoman-generator') })})`,
  },
  {
    file: 'yeoman-generator/dist/generator.js',
    code: "import * as _ from 'lodash-es';",
    replacement: () => `import _ from ${JSON.stringify(join(STUBS, 'lodash-as-underscore.js'))};`,
  },
];

const packageVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The plugins, shared with the benchmark, which bundles the pipeline the same way. */
export function bundlePlugins() {
  return [
    {
      name: 'replaced-packages',
      setup(builder) {
        const names = Object.keys(REPLACED).map((name) => name.replace(/[-/]/g, '\\$&'));
        builder.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: join(STUBS, REPLACED[args.path]) }));
        builder.onResolve({ filter: /^inquirer$/ }, (args) => (args.importer === LAZY_INQUIRER ? undefined : { path: LAZY_INQUIRER }));
      },
    },
    {
      name: 'loaded-on-first-call',
      setup(builder) {
        const names = Object.keys(LOADED_ON_FIRST_CALL).map((name) => name.replace(/[-/]/g, '\\$&'));
        builder.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
          args.namespace === 'first-call' ? undefined : { path: args.path, namespace: 'first-call' },
        );
        builder.onLoad({ filter: /.*/, namespace: 'first-call' }, (args) => {
          const functions = LOADED_ON_FIRST_CALL[args.path].map((name) => {
            const declaration = name === 'default' ? 'export default function' : `export function ${name}`;
            return `${declaration}(...args) {\n  return load().${name}(...args);\n}`;
          });
          const contents = `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n${functions.join('\n')}\n`;
          return { contents, resolveDir: ROOT, loader: 'js' };
        });
      },
    },
    {
      name: 'source-edits',
      setup(builder) {
        for (const file of new Set(SOURCE_EDITS.map((edit) => edit.file))) {
          const filter = new RegExp(`node_modules/${file.replace(/[.\/]/g, '\\$&')}$`);
          builder.onLoad({ filter }, (args) => {
            let source = readFileSync(args.path, 'utf8');
            for (const { code, replacement } of SOURCE_EDITS.filter((edit) => edit.file === file)) {
              if (!source.includes(code)) throw new Error(`${args.path} no longer contains \`${code}\`: update SOURCE_EDITS in scripts/build.js`);
              source = source.replace(code, replacement());
            }
            return { contents: source, loader: 'js' };
          });
        }
      },
    },
    {
      name: 'precompiled-templates',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/templates\.js$/ }, (args) =>
          args.importer.endsWith(join('generators', 'lib', 'render.ts')) ? { path: 'precompiled-templates', namespace: 'templates' } : undefined,
        );
        builder.onLoad({ filter: /.*/, namespace: 'templates' }, () => ({ contents: precompiledTemplatesModule(ROOT), resolveDir: ROOT, loader: 'js' }));
      },
    },
  ];
}

/** Options shared by every bundle of this package's code. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // ES module builds first (jsonc-parser's `main` is a UMD build esbuild cannot follow).
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  // CommonJS modules in the bundle (Handlebars' runtime, debug…) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * The bin and every generator (generators/<name>/index.ts, found, not listed), each where yo and
 * the bin look for it: dist/bin/cli.js, dist/generators/<name>/index.js.
 */
function entryPoints() {
  const generators = readdirSync(join(ROOT, 'generators'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'generators', entry.name, 'index.ts')))
    .map((entry) => [`generators/${entry.name}/index`, join(ROOT, 'generators', entry.name, 'index.ts')]);
  return Object.fromEntries([['bin/cli', join(ROOT, 'bin/cli.ts')], ...generators]);
}

async function main() {
  const outdir = join(ROOT, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: entryPoints(),
    outdir,
    // The bin and the generators share one copy of each module (yo loads the generators alone).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: bundlePlugins(),
    metafile: process.argv.includes('--analyze'),
  });
  chmodSync(join(outdir, 'bin/cli.js'), 0o755);
  if (result.metafile) {
    const { analyzeMetafile } = await import('esbuild');
    process.stdout.write(await analyzeMetafile(result.metafile));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
