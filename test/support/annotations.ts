import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import helpers from 'yeoman-test';
import type AnnotationsGenerator from '../../generators/annotations/index.js';
import { REPO_ROOT } from './generate.js';
import { API_PASSWORD, API_USER } from './management-api-server.js';

export const ANNOTATIONS_GENERATOR = join(REPO_ROOT, 'dist/generators/annotations/index.js');

type RunSettings = Parameters<typeof helpers.run>[1];
export const runAnnotations = (settings?: RunSettings) => helpers.run<AnnotationsGenerator>(ANNOTATIONS_GENERATOR, settings);

/** The Amplitude keys of the tests: long and distinctive, so a leak is found by a plain search. */
export const AMPLITUDE_API_KEY = 'amp-api-key-3f9a1c7e5b2d4f60';
export const AMPLITUDE_SECRET_KEY = 'amp-secret-key-8d2e6b4a0c1f3e57';

/** Every secret a run is given, as environment variables. */
export const SECRET_ENVIRONMENT = {
  CONFIGCAT_API_USER: API_USER,
  CONFIGCAT_API_PASS: API_PASSWORD,
  AMPLITUDE_API_KEY,
  AMPLITUDE_SECRET_KEY,
} as const;

export const SECRETS = Object.values(SECRET_ENVIRONMENT);

/** The files under a folder (node_modules and .git aside) that contain any of the values, by path. */
export function filesContaining(dir: string, values: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      if (name === 'node_modules' || name === '.git') continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (values.some((value) => readFileSync(path, 'utf8').includes(value))) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found;
}

/** The values that appear in a text. */
export const secretsIn = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret));
