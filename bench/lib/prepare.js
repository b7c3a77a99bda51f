// Builds what the hook and memory benchmarks load: the real Node wiring module, rendered by the
// generator's own bin into a scratch project and compiled with esbuild, and the test servers'
// helpers (TypeScript in test/support) compiled the same way. Output goes to bench/.out/, inside
// the repository, so the compiled modules resolve the SDKs from this repository's node_modules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, bundlePlugins } from '../../scripts/build.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = join(REPO_ROOT, 'bench/.out');
export const HOOK_MODULE = join(OUT_DIR, 'generated-hook.mjs');
export const SERVERS_MODULE = join(OUT_DIR, 'config-server.mjs');
// The generation pipeline bundled as the package bundles it (precompiled templates), for row 1's detail.
export const PIPELINE_MODULE = join(OUT_DIR, 'pipeline.mjs');
// The generated source, kept to read; not named .ts, since tsconfig.test.json type-checks bench's .ts files.
export const GENERATED_SOURCE = join(OUT_DIR, 'generated-hook.source.txt');

export async function prepare() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const project = mkdtempSync(join(tmpdir(), 'bench-node-project-'));
  try {
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'bench-node-app', private: true, type: 'module' }, null, 2)}\n`);
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext' } }, null, 2)}\n`);
    // The defaults a user gets: variant auto, Identify on, default values skipped.
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/bin/cli.js'), '--yes', '--platform', 'node', '--skip-install'], {
      cwd: project,
      encoding: 'utf8',
    });
    if (generated.status !== 0) throw new Error(`The generator failed:\n${generated.stdout}${generated.stderr}`);
    const wiring = join(project, 'configcat-amplitude.ts');
    writeFileSync(GENERATED_SOURCE, readFileSync(wiring, 'utf8'));
    await build({ entryPoints: [wiring], outfile: HOOK_MODULE, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
  await build({
    ...BUNDLE_OPTIONS,
    stdin: {
      contents: [
        "export { prepareRun, plannedFiles } from './generators/lib/pipeline.ts';",
        "export { renderPlannedFile } from './generators/lib/render.ts';",
        "export { formatLikeProject } from './generators/lib/format.ts';",
      ].join('\n'),
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    outfile: PIPELINE_MODULE,
    plugins: bundlePlugins(),
  });
  await build({
    entryPoints: [join(REPO_ROOT, 'test/support/config-server.ts')],
    outfile: SERVERS_MODULE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
