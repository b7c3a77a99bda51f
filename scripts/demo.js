#!/usr/bin/env node
/**
 * Runs the generator the way a user would, non-interactively, on a copy of the example project
 * in examples/react-app, then prints every file it wrote or changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = join(mkdtempSync(join(tmpdir(), 'configcat-amplitude-demo-')), 'react-app');
cpSync(join(root, 'examples/react-app'), project, { recursive: true });
const git = (...args) => execFileSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', ...args], { cwd: project, encoding: 'utf8' });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'example project');

console.log(`$ cd ${project}`);
console.log('$ npx generator-configcat-amplitude --yes --skip-install\n');
const run = spawnSync(process.execPath, [join(root, 'dist/bin/cli.js'), '--yes', '--skip-install'], {
  cwd: project,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
if (run.status !== 0) process.exit(run.status ?? 1);

git('add', '-A');
const changed = git('diff', '--cached', '--name-only').trim().split('\n');
for (const path of changed) {
  console.log(`\n───── ${path} ─────\n`);
  console.log(path === 'package.json' ? git('diff', '--cached', '--', path) : readFileSync(join(project, path), 'utf8'));
}
console.log(`\nThe project is left in ${project} for you to look at.`);
