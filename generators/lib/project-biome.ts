import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BiomeInstall } from './formatter-choice.js';

/**
 * Runs the project's own Biome on generated text, as `biome check --write` would on the file,
 * linter off: its formatter settings and its import organizer, with its configuration found
 * from the configuration file's folder. Resolves to Biome's output, or undefined for a file its
 * configuration ignores; rejects with Biome's message.
 *
 * Lint fixes are left to the user: even "safe" ones change the code that was tested (Biome's
 * noRedundantUseStrict deletes `"use strict"` from a CommonJS file, which makes it sloppy-mode).
 */
export async function formatWithBiome(biome: BiomeInstall, absolutePath: string, text: string): Promise<string | undefined> {
  const cwd = dirname(biome.configFile);
  const [command, prefix] = biomeCommand(biome);
  const args = [
    ...prefix,
    'check',
    // `--write` arrived in 1.8; earlier releases call it `--apply`.
    writeFlag(biome.version),
    '--linter-enabled=false',
    '--colors=off',
    `--stdin-file-path=${relative(cwd, absolutePath)}`,
  ];
  const { code, stdout, stderr } = await run(command, args, cwd, text);
  if (code !== 0) throw new Error(firstMeaningfulLine(stderr || stdout) || `biome exited with code ${code}`);
  // A file Biome's configuration ignores comes back as it went in (Biome 2 says so): Biome never checks it.
  if (/\bis ignored\b/.test(stderr) || stdout === '') return undefined;
  return stdout;
}

function writeFlag(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major > 1 || (major === 1 && minor >= 8) ? '--write' : '--apply';
}

/**
 * The platform binary that `@biomejs/biome`'s launcher would start, started directly (one Node
 * process less per file); the launcher itself when the binary is not where it expects.
 */
function biomeCommand(biome: BiomeInstall): [string, string[]] {
  const binary = `biome${process.platform === 'win32' ? '.exe' : ''}`;
  for (const name of [`@biomejs/cli-${process.platform}-${process.arch}`, `@biomejs/cli-${process.platform}-${process.arch}-musl`]) {
    const candidate = join(dirname(biome.packageDir), name.slice('@biomejs/'.length), binary);
    if (existsSync(candidate)) return [candidate, []];
  }
  return [process.execPath, [join(biome.packageDir, 'bin/biome')]];
}

function run(command: string, args: readonly string[], cwd: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(input);
  });
}

function firstMeaningfulLine(output: string): string {
  return (
    output
      .split('\n')
      .map((line) => line.replace(/^[\s×✖!i]+/u, '').trim())
      .find((line) => line !== '' && !/^[━─]+$/.test(line) && !/━━/.test(line)) ?? ''
  );
}
