import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject, REPO_ROOT, runGuide } from './support/generate.js';
import { contents, importedNames, parseGuide, snapshotProject, syntaxErrors, type FileState } from './support/guide-markdown.js';
import { CASES, TSCONFIG } from './support/guide-cases.js';
import { renderGuide, writeProject, type RenderedGuide } from './support/guide-render.js';

const run = promisify(execFile);
const CLI = join(REPO_ROOT, 'dist/bin/cli.js');
const GUIDE_PATH = 'docs/configcat-amplitude.md';
const NO_ANSWERS_ERROR = 'Error: No saved answers in .yo-rc.json: run `yo configcat-amplitude` (or `npx generator-configcat-amplitude`) first.';
const TOP_HEADINGS = [
  'ConfigCat feature-flag exposures in Amplitude',
  'What was added and how to use it',
  'How the data flows',
  'Check that it works',
  'Usage with Amplitude Experiment',
  'Usage with a custom chart',
  'Usage with enriched user properties',
  'Long text flags and variation IDs',
  'Chart annotations for flag changes',
  'Troubleshooting',
];

const guides = new Map<string, RenderedGuide>();

/**
 * `yo configcat-amplitude:guide` in an existing project. yeoman-test restores the working directory of
 * the previous run when the next one starts, so it starts from this repository, and the destination is
 * given explicitly.
 */
function runGuideGenerator(dir: string) {
  process.chdir(REPO_ROOT);
  return runGuide({ tmpdir: false, cwd: dir, forwardCwd: true }).withOptions({ yes: true, destinationRoot: dir });
}

/**
 * Same files, same contents, and untouched on disk (same modification time) apart from `rewritten`.
 * `.yo-rc.json` is compared by content only: Yeoman rewrites it on every run, with the same text.
 */
function expectUnchanged(before: Map<string, FileState>, after: Map<string, FileState>, rewritten: readonly string[] = []): void {
  expect(contents(after)).toEqual(contents(before));
  for (const [path, state] of after) {
    if (path === '.yo-rc.json' || rewritten.includes(path)) continue;
    expect(state.mtimeMs, `${path} was rewritten`).toBe(before.get(path)!.mtimeMs);
  }
}

beforeAll(async () => {
  for (const guideCase of CASES) guides.set(guideCase.name, await renderGuide(guideCase));
});

describe.each(CASES)('guide for $name', ({ name, expected }) => {
  const guide = () => guides.get(name)!;
  const structure = () => parseGuide(guide().markdown);
  const codeOf = (lang: string) => structure().codeBlocks.filter((block) => block.lang === lang);

  it('is planned with what the case expects (the plan and this test agree)', () => {
    const { context, answers, codeFiles } = guide();
    expect(answers.platform).toBe(expected.platform);
    expect(context.wiringPath).toBe(expected.wiringPath);
    expect(codeFiles[1]).toBe(expected.providerPath);
    expect(context.variantMode).toBe(expected.variant);
    expect(context.identify).toBe(expected.identify);
    expect(context.trackDefaultValues).toBe(expected.trackDefaultValues);
    expect(context.initAmplitude).toBe(expected.amplitudeKeyEnv !== undefined);
    expect(guide().guidePath).toBe(GUIDE_PATH);
  });

  it('has every section, in order, and nothing left of the template', () => {
    const { headings } = structure();
    expect(headings.filter((heading) => heading.depth <= 2).map((heading) => heading.text)).toEqual(TOP_HEADINGS);
    expect(headings[0]).toEqual({ depth: 1, text: TOP_HEADINGS[0] });
    expect(headings.filter((heading) => heading.depth === 3).map((heading) => heading.text)).toEqual([
      'Environment variables',
      'Use it',
      'Proxies and data residency',
      'SDK packages',
      'Which flags are experiments',
      'No events arrive',
      'Only one event per user',
      'Events under a different user',
    ]);
    expect(guide().markdown).not.toMatch(/\{\{|\}\}/);
    expect(guide().markdown).not.toMatch(/\n{3,}/);
  });

  it('has code blocks only in languages a viewer highlights, and each parses', () => {
    const { codeBlocks } = structure();
    const languages = new Set(codeBlocks.map((block) => block.lang));
    // sh: the annotations commands, and the command that turns the Identify on when it is off.
    const components = expected.platform === 'vue' ? ['vue'] : [];
    expect([...languages].sort()).toEqual([expected.fence, 'json', 'mermaid', 'sh', ...components].sort());
    for (const block of codeOf(expected.fence)) expect(syntaxErrors(block.text, expected.fence), block.text).toEqual([]);
    // A Vue single-file component: its script, in the project's language.
    for (const block of codeOf('vue')) {
      const script = /<script setup( lang="ts")?>\n([\s\S]*?)<\/script>/.exec(block.text);
      expect(script?.[1] ? 'ts' : 'js', block.text).toBe(expected.fence);
      expect(syntaxErrors(script?.[2] ?? '', expected.fence), block.text).toEqual([]);
    }
    for (const block of codeOf('json')) expect(() => JSON.parse(block.text), block.text).not.toThrow();
    expect(codeOf('mermaid')).toHaveLength(1);
  });

  it('names the files, the import paths and the snippet for this platform', () => {
    const { markdown } = guide();
    const code = codeOf(expected.fence).map((block) => block.text);
    expect(markdown).toContain(`\`${expected.wiringPath}\``);
    if (expected.providerPath) expect(markdown).toContain(`\`${expected.providerPath}\``);
    else expect(markdown).not.toContain('ConfigCatAmplitudeProvider');

    const usage = code.find((text) => Object.entries(expected.imports).every(([from]) => importedNames(text, from)));
    expect(usage, 'a snippet that imports everything the entry file needs').toBeDefined();
    for (const [from, names] of Object.entries(expected.imports)) expect(importedNames(usage!, from)).toEqual(names);
    expect(code.some((text) => importedNames(text, expected.attachFrom)?.join() === 'attachAmplitudeExposures')).toBe(true);
    expect(code.some((text) => text.includes('attachAmplitudeExposures(configCatClient)'))).toBe(true);
    const cjs = expected.mentions?.includes('require(') ?? false;
    expect(usage).toMatch(cjs ? /require\(/ : /^import /m);
    if (expected.amplitudeKeyEnv) expect(usage).toContain('initAmplitude()');
    else expect(usage).toContain('Initialise Amplitude as your app already does');

    if (expected.platform === 'react') {
      expect(usage).toMatch(/<ConfigCatAmplitudeProvider>/);
      expect(code.some((text) => text.includes('useFeatureFlag('))).toBe(true);
      expect(code.join('\n')).not.toContain('createConfigCatClient');
    } else if (expected.platform === 'vue') {
      const components = codeOf('vue').map((block) => block.text).join('\n');
      expect(components).toMatch(/inject(<IConfigCatClient>)?\("configCatClient"\)/);
      expect(components).toContain('getValueAsync(');
      if (expected.imports['./configcat-amplitude.js']?.includes('amplitudeExposureHooks')) {
        expect(usage).toContain('setupHooks: amplitudeExposureHooks');
        expect(code.join('\n')).not.toContain('createConfigCatClient');
      } else {
        expect(usage).toContain('createConfigCatClient()');
      }
    } else {
      expect(usage).toContain('createConfigCatClient()');
      expect(usage).toContain('getValueAsync(');
    }
    if (expected.platform === 'node') {
      // A SIGTERM listener returns nothing: the flush is chained, not awaited in an async listener.
      expect(usage).toContain('void flushAmplitudeExposures({ timeoutMs: 5_000 }).finally(');
      expect(usage).not.toMatch(/process\.on\(\s*["']SIGTERM["'],\s*async/);
      expect(usage).toMatch(/identifier: userId/);
    } else {
      expect(markdown).not.toContain('flushAmplitudeExposures');
    }
    for (const text of expected.mentions ?? []) expect(markdown).toContain(text);
  });

  it('names the environment variables, and no key', () => {
    const { markdown } = guide();
    expect(markdown).toContain(`\`${expected.sdkKeyEnv}\``);
    if (expected.amplitudeKeyEnv) expect(markdown).toContain(`\`${expected.amplitudeKeyEnv}\``);
    else expect(markdown).toMatch(/read by your own Amplitude set-up/);
    // The optional endpoints: the Amplitude one only where the wiring starts Amplitude.
    expect(markdown).toContain(`- \`${expected.baseUrlEnv}\`: the \`baseUrl\``);
    const serverUrlEnv = expected.baseUrlEnv.replace('CONFIGCAT_BASE_URL', 'AMPLITUDE_SERVER_URL');
    expect(markdown.includes(`- \`${serverUrlEnv}\`: the \`serverUrl\``)).toBe(expected.amplitudeKeyEnv !== undefined);
    if (!expected.mentions?.some((text) => text.includes('EU data center'))) expect(markdown).not.toMatch(/sends to Amplitude's EU data center|DataGovernance\.EuOnly/);
    // Neither a ConfigCat SDK key nor a 32-hex Amplitude key.
    expect(markdown).not.toMatch(/configcat-sdk-1\/|[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{22}|\b[0-9a-f]{32}\b/);
  });

  it('shows the exposure (and the Identify) this configuration sends', () => {
    const events = codeOf('json').map((block) => JSON.parse(block.text) as Record<string, unknown>);
    const exposure = events.find((event) => event['event_type'] === '$exposure')!;
    const variant = expected.variant === 'variationId' ? 'a1b2c3d4' : 'true';
    expect(exposure['event_properties']).toEqual({ flag_key: 'newCheckout', variant, variation_id: 'a1b2c3d4' });
    expect(exposure['user_id']).toBe('user-123');
    expect('device_id' in exposure).toBe(expected.platform !== 'node');
    const identify = events.find((event) => event['event_type'] === '$identify');
    if (expected.identify) {
      expect(identify?.['user_properties']).toEqual({ $set: { configcat_newCheckout: variant } });
    } else {
      expect(identify).toBeUndefined();
      expect(codeOf('sh').map((block) => block.text)).toContain('npx generator-configcat-amplitude --identify');
    }
  });

  it('explains the variant mode, default values and de-duplication of this configuration', () => {
    const { markdown } = guide();
    const section = (title: string) => markdown.split(`## ${title}`)[1]!.split('\n## ')[0]!;
    const longText = section('Long text flags and variation IDs');
    expect(longText).toContain('Show VariationIDs to support A/B testing');
    if (expected.variant === 'auto') expect(longText).toMatch(/over\s+40 characters, or starts with `\{` or `\[`/);
    if (expected.variant === 'value') expect(longText).toContain('`--variant auto`');
    if (expected.variant === 'variationId') expect(longText).toContain('In `variationId` mode the variant is always the variation ID');
    expect(markdown).toContain(expected.trackDefaultValues ? 'reported too, because this project opted in' : 'skipped on purpose');

    const enriched = section('Usage with enriched user properties');
    if (expected.identify) expect(enriched).toMatch(/group the segment by `configcat_newCheckout`/);
    else expect(enriched).toContain('does not send the Identify');
    expect(section('Usage with a custom chart')).toMatch(/Event Segmentation[\s\S]*`\[Experiment\] Exposure`[\s\S]*Flag Key[\s\S]*Variant/);
    const annotations = section('Chart annotations for flag changes');
    expect(annotations).toContain('npx generator-configcat-amplitude annotations status');
    expect(annotations).toMatch(/Secret Key[\s\S]*Integrations[\s\S]*Connect[\s\S]*Disconnect/);
    const troubleshooting = section('Troubleshooting');
    expect(troubleshooting.includes('without a ConfigCat User')).toBe(expected.platform === 'node');
    expect(troubleshooting.includes('ad blocker')).toBe(expected.platform !== 'node');
  });

  it('lists the SDK packages with their versions, and the legacy note only when it applies', () => {
    const { markdown } = guide();
    for (const [name, version] of Object.entries(expected.packages)) expect(markdown).toMatch(new RegExp(`\\| \`${name}\`\\s+\\| \`\\${version}\`\\s+\\|`));
    if (expected.legacy) {
      expect(markdown).toMatch(new RegExp(`\`${expected.legacy}\` is superseded by\\s+\`@configcat/sdk\`; its support ended on\\s+(> )?2026-08-31`));
    } else {
      expect(markdown).not.toContain('superseded');
    }
  });
});


describe('yo configcat-amplitude:guide', () => {
  it('rewrites only the guide from the saved answers, and a re-run changes nothing', async () => {
    const spec = {
      packageJson: { name: 'vite-app', type: 'module', devDependencies: { vite: '~8.3.8', typescript: '~5.9.3' } },
      files: { 'tsconfig.json': TSCONFIG, 'src/main.ts': '' },
      options: { identify: false },
    };
    const project = await generateProject({ ...spec, linkNodeModules: false });
    // The app generator writes the very guide the template renders for these answers.
    expect(project.read(GUIDE_PATH)).toBe((await renderGuide({ name: 'same answers', ...spec })).markdown);

    // The app run's project, copied: yeoman-test deletes a run's temporary folder when the next run starts.
    const dir = mkdtempSync(join(tmpdir(), 'guide-rerun-'));
    cpSync(project.dir, dir, { recursive: true });
    const afterApp = snapshotProject(dir);
    // Saved answers changed by hand: the guide follows them, the wiring module is left alone.
    const yoRc = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'));
    yoRc['generator-configcat-amplitude'].answers.identify = true;
    writeFileSync(join(dir, '.yo-rc.json'), `${JSON.stringify(yoRc, null, 2)}\n`);
    rmSync(join(dir, GUIDE_PATH));
    const before = snapshotProject(dir);

    await runGuideGenerator(dir);
    const after = snapshotProject(dir);
    const changed = [...after.keys()].filter((path) => before.get(path)?.content !== after.get(path)!.content);
    expect(changed.sort()).toEqual([GUIDE_PATH, '.yo-rc.json'].sort());
    expect(JSON.parse(after.get('.yo-rc.json')!.content)['generator-configcat-amplitude'].answers.identify).toBe(true);
    for (const [path, state] of after) {
      if (path !== GUIDE_PATH && path !== '.yo-rc.json') expect(state, `${path} was touched`).toEqual(afterApp.get(path));
    }
    expect(after.get(GUIDE_PATH)!.content).toContain('group the segment by `configcat_newCheckout`');

    // Contents only here: yeoman-test runs with `force`, which rewrites identical files; the bin test
    // below checks that a user's re-run leaves the files untouched on disk.
    await runGuideGenerator(dir);
    expect(contents(snapshotProject(dir))).toEqual(contents(after));
  });

  it('through the bin (`npx generator-configcat-amplitude guide`) rewrites only the guide, then finds it up to date', async () => {
    const dir = writeProject({
      name: 'bin',
      packageJson: { name: 'node-service', type: 'module', dependencies: { express: '^5.0.0' } },
      files: { 'tsconfig.json': TSCONFIG, 'src/server.ts': '' },
    });
    const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
    await run(process.execPath, [CLI, '--yes', '--skip-install', '--platform', 'node'], { cwd: dir, env });
    const generated = snapshotProject(dir);
    expect([...generated.keys()]).toContain(GUIDE_PATH);

    rmSync(join(dir, GUIDE_PATH));
    const first = await run(process.execPath, [CLI, 'guide', '--yes'], { cwd: dir, env });
    expect(first.stdout + first.stderr).toContain(`Wrote ${GUIDE_PATH}.`);
    const rewritten = snapshotProject(dir);
    expect(contents(rewritten)).toEqual(contents(generated));
    expectUnchanged(generated, rewritten, [GUIDE_PATH]);

    const second = await run(process.execPath, [CLI, 'guide', '--yes'], { cwd: dir, env });
    expect(second.stdout + second.stderr).toContain(`${GUIDE_PATH} is up to date.`);
    expectUnchanged(rewritten, snapshotProject(dir));
  });

  it('says in one line what to do when the project has no saved answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-no-answers-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "fresh" }\n');
    const failure = await run(process.execPath, [CLI, 'guide', '--yes'], { cwd: dir, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(NO_ANSWERS_ERROR);
    expect(existsSync(join(dir, 'docs'))).toBe(false);

    await expect(runGuide().withFiles({ 'package.json': '{ "name": "fresh" }\n' }).withOptions({ yes: true })).rejects.toThrow(
      NO_ANSWERS_ERROR.replace('Error: ', ''),
    );
  });
});
