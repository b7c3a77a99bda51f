import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnv } from 'yeoman-environment';
import { filesContaining, SECRET_ENVIRONMENT, SECRETS, secretsIn } from './support/annotations.js';
import { REPO_ROOT } from './support/generate.js';
import { SHOP, startManagementApiServer, type ManagementApiServer } from './support/management-api-server.js';
import { gitSnapshot, gitStatus, makeTempProject, readText, runBin } from './support/temp-project.js';

/**
 * `npx generator-configcat-amplitude annotations` as a user runs it: the built bin in a child
 * process, secrets in its environment only, against the stand-in of ConfigCat's Management API.
 */

let api: ManagementApiServer | undefined;

afterEach(async () => {
  expect(api?.violations ?? []).toEqual([]);
  await api?.close();
  api = undefined;
});

const project = async () => {
  const dir = makeTempProject({ 'package.json': { name: 'shop-web', type: 'module' } }, 'cca-annotations-bin-');
  await gitSnapshot(dir);
  return dir;
};

describe('npx generator-configcat-amplitude annotations', () => {
  it('connects, shows, re-connects and disconnects; no secret reaches stdout, stderr or a file', async () => {
    api = await startManagementApiServer();
    const dir = await project();
    const run = (args: string[]) => runBin(dir, ['annotations', ...args, '--base-url', api!.baseUrl], SECRET_ENVIRONMENT);
    const outputs: string[] = [];
    const step = async (args: string[]) => {
      const result = await run(args);
      outputs.push(result.all ?? '');
      expect(result.exitCode, result.all).toBe(0);
      expect(secretsIn(`${result.stdout}\n${result.stderr}`)).toEqual([]);
      expect(filesContaining(dir, SECRETS)).toEqual([]);
      return result.all ?? '';
    };

    const dryRun = await step(['--product', 'Shop', '--yes', '--dry-run']);
    expect(dryRun).toContain('"parameters":{"apiKey":"<AMPLITUDE_API_KEY>","secretKey":"<AMPLITUDE_SECRET_KEY>"}');
    expect(api.integrations).toEqual([]);
    expect(await gitStatus(dir)).toBe('');

    expect(await step(['--product', 'Shop', '--yes'])).toContain('(integration "Amplitude", created).');
    const [integration] = api.integrations;
    expect(JSON.parse(readText(dir, '.yo-rc.json'))).toEqual({
      'generator-configcat-amplitude': { annotations: { productId: SHOP.productId, integrationId: integration!.integrationId } },
    });

    expect(await step(['status'])).toContain(`"Amplitude" (${integration!.integrationId}): all configs and all environments (saved in .yo-rc.json)`);
    expect(await step(['connect', '--environments', 'Production', '--yes'])).toContain('(integration "Amplitude", updated).');
    expect(api.integrations).toHaveLength(1);
    expect(api.integrations[0]!.environmentIds).toEqual([SHOP.environments[0]!.environmentId]);

    expect(await step(['disconnect'])).toContain('Disconnected: flag changes of product Shop are no longer annotated on Amplitude charts');
    expect(api.integrations).toEqual([]);
    // Back to the project as it was: .yo-rc.json held nothing else.
    expect(await gitStatus(dir)).toBe('');
    // Every request carried the credentials in its header only.
    expect(api.requests.every((request) => !request.path.includes(SECRET_ENVIRONMENT.CONFIGCAT_API_PASS))).toBe(true);
  });

  it('remove --annotations disconnects the integration too, and leaves the project as it was', async () => {
    api = await startManagementApiServer();
    const dir = makeTempProject({ 'package.json': { name: 'shop-api', type: 'module', dependencies: { express: '^5.0.0' } }, 'index.js': "console.log('up');\n" }, 'cca-annotations-remove-');
    await gitSnapshot(dir);
    expect((await runBin(dir, ['--yes', '--skip-install', '--platform', 'node'])).exitCode).toBe(0);
    const connect = await runBin(dir, ['annotations', '--product', 'Shop', '--yes', '--base-url', api.baseUrl], SECRET_ENVIRONMENT);
    expect(connect.exitCode, connect.all).toBe(0);
    expect(api.integrations).toHaveLength(1);

    // Without the credentials nothing is disconnected, and nothing is removed either.
    const generated = await gitStatus(dir);
    const refused = await runBin(dir, ['remove', '--annotations', '--yes', '--skip-install', '--base-url', api.baseUrl]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/^Error: .*CONFIGCAT_API_USER/);
    expect(await gitStatus(dir)).toBe(generated);
    expect(api.integrations).toHaveLength(1);

    const removed = await runBin(dir, ['remove', '--annotations', '--yes', '--skip-install', '--base-url', api.baseUrl], SECRET_ENVIRONMENT);
    expect(removed.exitCode, removed.all).toBe(0);
    expect(removed.all).toContain('Disconnected: flag changes of product Shop are no longer annotated on Amplitude charts');
    expect(secretsIn(removed.all ?? '')).toEqual([]);
    expect(api.integrations).toEqual([]);
    expect(await gitStatus(dir)).toBe('');
  });

  it('fails in one line on stderr, exit 1, naming a missing variable, with nothing sent', async () => {
    api = await startManagementApiServer();
    const dir = await project();
    const { CONFIGCAT_API_USER, CONFIGCAT_API_PASS } = SECRET_ENVIRONMENT;
    const result = await runBin(dir, ['annotations', '--product', 'Shop', '--yes', '--base-url', api.baseUrl], { CONFIGCAT_API_USER, CONFIGCAT_API_PASS });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Error: AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY are not set: export the API Key and the Secret Key of your Amplitude project (Amplitude → Settings → Projects → your project) in AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY.',
    );
    expect(api.requests).toEqual([]);
    expect(await gitStatus(dir)).toBe('');
  });

  it('--help lists its own options in groups, and the variables it reads', async () => {
    const { exitCode, stdout } = await runBin(makeTempProject({}), ['annotations', '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Usage: generator-configcat-amplitude annotations [options] [action]');
    expect(stdout.match(/^ {2}-.*$/gm)!.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      '--product',
      '--configs',
      '--environments',
      '--integration',
      '--dry-run',
      '--base-url',
      '-y,',
      '-h,',
    ]);
    expect(stdout).toMatch(/^What to connect \(asked when not given\):\n {2}--product/m);
    expect(stdout).toMatch(/--dry-run +Send only the reads; print the changes it would send,\s+with secrets masked/);
    expect(stdout).toContain('CONFIGCAT_API_USER, CONFIGCAT_API_PASS');
    expect(stdout).toContain('AMPLITUDE_API_KEY, AMPLITUDE_SECRET_KEY');
    for (const notOffered of ['--platform', '--skip-install', '--ask-answered', '--bail']) expect(stdout).not.toContain(notOffered);
  });

  it('is found by yo as configcat-amplitude:annotations', async () => {
    // yo derives the namespace from the installed package's folder name.
    const installed = join(mkdtempSync(join(tmpdir(), 'cca-lookup-')), 'node_modules', 'generator-configcat-amplitude');
    mkdirSync(dirname(installed), { recursive: true });
    symlinkSync(REPO_ROOT, installed, 'dir');
    const found = await createEnv().lookup({ packagePaths: [installed] });
    expect(found.map((meta) => meta.namespace)).toContain('configcat-amplitude:annotations');
  });
});
