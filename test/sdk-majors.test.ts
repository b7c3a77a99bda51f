import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLATFORMS, SDK_PACKAGES } from '../generators/lib/platforms.js';
import {
  compareVersions,
  installedMajor,
  installedVersion,
  isKnownSdkPackage,
  lowestAdmittedVersion,
  parseVersion,
  SDK_MAJORS,
  sdkSupport,
  type SdkPackageName,
  type VersionEntry,
} from '../generators/lib/sdk-majors.js';
import { SDK_VERSION_RANGES } from '../generators/lib/sdk-versions.js';

const PACKAGES = Object.keys(SDK_MAJORS) as SdkPackageName[];

describe('lowestAdmittedVersion', () => {
  it.each([
    ['^7.0.0', '7.0.0'],
    ['~4.2', '4.2.0'],
    ['~>4.2.1', '4.2.1'],
    ['7.x', '7.0.0'],
    ['7.*', '7.0.0'],
    ['7', '7.0.0'],
    ['v9.1.0', '9.1.0'],
    ['=9.1.0', '9.1.0'],
    ['9.1.0', '9.1.0'],
    ['11.0.0-beta.1', '11.0.0'],
    ['>=9 <12', '9.0.0'],
    ['>= 9.1.0 < 12', '9.1.0'],
    ['>9', '10.0.0'],
    ['>9.1', '9.2.0'],
    ['>9.1.0', '9.1.1'],
    ['9.1.0 - 11', '9.1.0'],
    ['^6 || ^9', '6.0.0'],
    ['^11 || >=9.1 <10', '9.1.0'],
    ['<10', '0.0.0'],
    ['npm:configcat-node@^9.1.0', '9.1.0'],
  ])('%s → %s', (spec, expected) => {
    const version = lowestAdmittedVersion(spec, 'configcat-node');
    expect(version && version.join('.')).toBe(expected);
  });

  it.each([
    '',
    '*',
    'x',
    'latest',
    'next',
    'workspace:*',
    'workspace:^9.1.0',
    'catalog:',
    'file:../configcat-node',
    'link:../configcat-node',
    'github:configcat/js-sdk',
    'configcat/js-sdk#v9.1.0',
    'git+https://github.com/configcat/js-sdk.git#semver:^9',
    'https://example.com/configcat-node-9.1.0.tgz',
    'npm:some-fork@^9.1.0',
    'npm:configcat-node',
    '^9 || latest',
  ])('%j says nothing about the version', (spec) => {
    expect(lowestAdmittedVersion(spec, 'configcat-node')).toBeUndefined();
  });
});

describe('sdkSupport', () => {
  it('rejects a major without hooks, in one line naming the upgrade', () => {
    const result = sdkSupport('configcat-node', '^7.0.0');
    expect(result).toEqual({
      supported: false,
      message: 'configcat-node 7.x has no evaluation hooks: upgrade with `npm install configcat-node@^11` (or move to @configcat/sdk), then run again.',
      upgradeSpec: 'configcat-node@^11',
      version: '7.0.0',
      basis: 'declared',
    });
  });

  it("builds the message with the project's own install command", () => {
    const result = sdkSupport('configcat-js', '~6.0.1', { installCommand: (spec) => `pnpm add ${spec}` });
    expect(result.supported).toBe(false);
    if (!result.supported) {
      expect(result.message).toBe('configcat-js 6.x has no evaluation hooks: upgrade with `pnpm add configcat-js@^9` (or move to @configcat/sdk), then run again.');
    }
  });

  it('names the exact version when it is the installed one', () => {
    const result = sdkSupport('configcat-react', '^1.0.0', { installedVersion: '1.0.2' });
    expect(result).toMatchObject({ supported: false, version: '1.0.2', basis: 'installed' });
    if (!result.supported) expect(result.message).toBe('configcat-react 1.0.2 has no evaluation hooks: upgrade with `npm install configcat-react@^5`, then run again.');
  });

  it('prefers the installed version to the declared range', () => {
    expect(sdkSupport('configcat-node', '^7.0.0', { installedVersion: '9.1.1' })).toMatchObject({
      supported: true,
      version: '9.1.1',
      basis: 'installed',
      capabilities: { detailsType: 'IEvaluationDetails', clientFactory: 'getClient', snapshot: false, emptyVariationIdFromOverrides: true },
    });
    expect(sdkSupport('configcat-node', '^11.4.1', { installedVersion: '8.0.0' }).supported).toBe(false);
  });

  it('judges a range by the lowest version it admits', () => {
    expect(sdkSupport('configcat-react', '^4.0.0')).toMatchObject({ supported: true, basis: 'declared', capabilities: { providerId: false, detailsType: 'IEvaluationDetails' } });
    expect(sdkSupport('configcat-react', '^4.7.0')).toMatchObject({ supported: true, capabilities: { providerId: true, detailsType: 'IEvaluationDetails' } });
    expect(sdkSupport('configcat-react', '^4.0.0', { installedVersion: '4.9.0' })).toMatchObject({ capabilities: { providerId: true } });
    expect(sdkSupport('configcat-react', '^5.1.0')).toMatchObject({ capabilities: { providerId: true, detailsType: 'EvaluationDetails', errorCode: true } });
    expect(sdkSupport('configcat-node', '>=8.0.0').supported).toBe(false);
    expect(sdkSupport('configcat-node', '>8.0.0')).toMatchObject({ supported: false, version: '8.0.1' });
    expect(sdkSupport('configcat-node', '>8')).toMatchObject({ supported: true, version: '9.0.0' });
  });

  it('assumes the newest supported release when neither the range nor node_modules tells', () => {
    for (const spec of ['latest', '*', 'workspace:*', 'file:../sdk', undefined]) {
      expect(sdkSupport('configcat-node', spec)).toMatchObject({ supported: true, basis: 'newest', version: '11.4.1', capabilities: { snapshot: true } });
    }
    expect(sdkSupport('@configcat/sdk', 'latest')).toMatchObject({ supported: true, capabilities: { detailsType: 'EvaluationDetails' } });
  });

  it('treats a version outside the table as the nearest range', () => {
    expect(sdkSupport('configcat-node', '^12.0.0')).toMatchObject({ supported: true, version: '12.0.0', capabilities: { detailsType: 'IEvaluationDetails', snapshot: true } });
    expect(sdkSupport('@configcat/sdk', '^0.9.0')).toMatchObject({ supported: true, version: '0.9.0', capabilities: { detailsType: 'EvaluationDetails' } });
  });

  it("tells how each Amplitude package is started", () => {
    expect(sdkSupport('@amplitude/analytics-node', '^1.5.73')).toMatchObject({
      capabilities: { init: 'init(apiKey, options)', optionsType: 'Types.NodeOptions', flush: true, visitorIds: false },
    });
    expect(sdkSupport('@amplitude/analytics-browser', '^2.0.0')).toMatchObject({ capabilities: { init: 'init(apiKey, options)', visitorIds: true } });
    expect(sdkSupport('@amplitude/analytics-browser', '^1.5.0')).toMatchObject({ capabilities: { init: 'init(apiKey, userId, options)' } });
    expect(sdkSupport('@amplitude/analytics-browser', '^0.5.1')).toMatchObject({ capabilities: { init: 'init(apiKey, userId, options)', flush: false } });
    expect(sdkSupport('@amplitude/unified', '^1.1.35')).toMatchObject({ capabilities: { init: 'initAll(apiKey, { analytics })', initResult: 'Promise' } });
    expect(sdkSupport('@amplitude/analytics-browser', '^1.0.0', { installedVersion: '1.0.2' }).supported).toBe(false);
  });

  it("sends projects on Amplitude's legacy SDKs to the current ones", () => {
    const browser = sdkSupport('amplitude-js', '^8.21.0');
    expect(browser).toMatchObject({ supported: false, upgradeSpec: '@amplitude/analytics-browser@^2' });
    if (!browser.supported) {
      expect(browser.message).toBe(
        "amplitude-js 8.x is Amplitude's legacy browser SDK (`getInstance().logEvent`), which this wiring does not use: migrate with `npm install @amplitude/analytics-browser@^2`, then run again.",
      );
    }
    const node = sdkSupport('@amplitude/node', 'latest');
    expect(node).toMatchObject({ supported: false, upgradeSpec: '@amplitude/analytics-node@^1', version: '' });
    if (!node.supported) expect(node.message).toMatch(/^@amplitude\/node is Amplitude's legacy Node SDK .*: migrate with `npm install @amplitude\/analytics-node@\^1`, then run again\.$/);
  });

  it('gives one-line messages for every unsupported entry', () => {
    for (const name of PACKAGES) {
      for (const entry of SDK_MAJORS[name].filter((candidate) => !candidate.supported)) {
        const result = sdkSupport(name, entry.from);
        expect(result.supported).toBe(false);
        if (!result.supported) {
          expect(result.message).not.toMatch(/[\r\n]/);
          expect(result.message).toContain(`\`npm install ${result.upgradeSpec}\``);
        }
      }
    }
  });

  it('throws for a package it does not know', () => {
    expect(() => sdkSupport('left-pad' as SdkPackageName, '^1.0.0')).toThrow(/Unknown SDK package left-pad/);
    expect(isKnownSdkPackage('left-pad')).toBe(false);
    expect(isKnownSdkPackage('configcat-node')).toBe(true);
  });
});

describe('SDK_MAJORS', () => {
  it.each(PACKAGES)('%s: ranges in order, without gaps, each verified version inside its range', (name) => {
    const entries: readonly VersionEntry[] = SDK_MAJORS[name];
    entries.forEach((entry, index) => {
      const from = parseVersion(entry.from)!;
      expect(from, entry.from).toBeDefined();
      if (entry.below !== undefined) expect(compareVersions(from, parseVersion(entry.below)!)).toBeLessThan(0);
      const next = entries[index + 1];
      if (next) expect(next.from).toBe(entry.below);
      else if (entry.supported) expect(entry.below, 'the last supported range ends at the next major').toBeDefined();
      const versions = entry.verified.map((version) => parseVersion(version)!);
      for (const version of versions) {
        expect(compareVersions(version, from)).toBeGreaterThanOrEqual(0);
        if (entry.below !== undefined) expect(compareVersions(version, parseVersion(entry.below)!)).toBeLessThan(0);
      }
      if (entry.supported) expect(entry.verified.length, 'a supported range was checked').toBeGreaterThan(0);
    });
    expect(entries[0]!.from === '0.0.0' || name === '@configcat/sdk' || name === '@amplitude/unified').toBe(true);
  });

  it.each(PACKAGES.flatMap((name) => SDK_MAJORS[name].filter((entry) => !entry.supported).map((entry) => [name, entry] as const)))(
    '%s: the upgrade of an unsupported range is supported',
    (_name, entry) => {
      if (entry.supported) return;
      const match = /^((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(entry.upgradeSpec)!;
      expect(isKnownSdkPackage(match[1]!)).toBe(true);
      expect(sdkSupport(match[1] as SdkPackageName, match[2]).supported).toBe(true);
    },
  );

  it('covers every SDK package the generator detects or adds', () => {
    const used = [...SDK_PACKAGES.configcat, ...SDK_PACKAGES.amplitude, ...PLATFORMS.flatMap((platform) => [platform.sdks.configcat, ...platform.sdks.legacyConfigcat, ...platform.sdks.amplitude])];
    for (const name of new Set(used)) expect(isKnownSdkPackage(name), name).toBe(true);
  });

  it.each(Object.entries(SDK_VERSION_RANGES))('supports %s %s, the range the generator writes', (name, range) => {
    expect(isKnownSdkPackage(name)).toBe(true);
    expect(sdkSupport(name as SdkPackageName, range).supported).toBe(true);
  });
});

describe('installedVersion and installedMajor', () => {
  const root = mkdtempSync(join(tmpdir(), 'cca-installed-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function install(dir: string, name: string, packageJson: unknown): void {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), typeof packageJson === 'string' ? packageJson : JSON.stringify(packageJson));
  }

  const project = join(root, 'packages/app');
  mkdirSync(project, { recursive: true });
  install(project, 'configcat-node', { name: 'configcat-node', version: '9.1.1' });
  install(project, '@configcat/sdk', { name: '@configcat/sdk', version: '1.1.0' });
  // Hoisted to the workspace root.
  install(root, 'configcat-react', { name: 'configcat-react', version: '4.6.0' });
  install(project, 'configcat-js', '{ not json');
  install(project, 'configcat-vue', { name: 'configcat-vue' });

  it('reads node_modules/<name>/package.json, from the project up', () => {
    expect(installedVersion(project, 'configcat-node')).toBe('9.1.1');
    expect(installedMajor(project, 'configcat-node')).toBe(9);
    expect(installedVersion(project, '@configcat/sdk')).toBe('1.1.0');
    expect(installedMajor(project, 'configcat-react')).toBe(4);
  });

  it('says nothing when the package is missing or its package.json is unreadable', () => {
    expect(installedVersion(project, '@amplitude/analytics-node')).toBeUndefined();
    expect(installedMajor(project, '@amplitude/analytics-node')).toBeUndefined();
    expect(installedVersion(project, 'configcat-js')).toBeUndefined();
    expect(installedVersion(project, 'configcat-vue')).toBeUndefined();
  });

  it('feeds sdkSupport, where it beats the declared range', () => {
    const installed = installedVersion(project, 'configcat-react');
    expect(sdkSupport('configcat-react', '^4.7.0', installed === undefined ? {} : { installedVersion: installed })).toMatchObject({
      supported: true,
      basis: 'installed',
      capabilities: { providerId: false },
    });
  });
});
