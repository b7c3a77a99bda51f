import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../generators/lib/platforms.js';
import { SDK_VERSION_RANGES } from '../generators/lib/sdk-versions.js';
import { REPO_ROOT } from './support/generate.js';

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('SDK version ranges', () => {
  it.each(Object.entries(SDK_VERSION_RANGES))('%s %s accepts the version tested here', (name, range) => {
    expect(semver.satisfies(installedVersion(name), range)).toBe(true);
  });

  it('has a range for every package a platform adds', () => {
    const added = PLATFORMS.flatMap((platform) => [platform.sdks.configcat, platform.sdks.amplitude[0]]);
    expect(Object.keys(SDK_VERSION_RANGES).sort()).toEqual([...new Set(added)].sort());
  });
});
