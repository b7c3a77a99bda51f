import { describe, expect, it } from 'vitest';
import type { ProjectFacts } from '../generators/lib/detect.js';
import { ANSWER_SPECS, checkAnswer } from '../generators/lib/answers.js';
import { inDependencyOrder, resolveAnswers, type Question } from '../generators/lib/resolve-answers.js';
import { UserError } from '../generators/lib/user-error.js';

const viteReactTs: ProjectFacts = {
  root: '/projects/app',
  packageJsonText: '{}',
  packageJson: {},
  typescript: true,
  moduleSystem: 'esm',
  framework: 'vite',
  defaultPlatform: 'react',
  sourceDir: 'src',
  configcatPackages: [],
  amplitudePackages: [],
  installedVersions: {},
  resolvesLikeNode: false,
  packageManager: { name: 'npm', agent: 'npm' },
  parsesInlineTypeImports: true,
};
const plainNode: ProjectFacts = { ...viteReactTs, typescript: false, moduleSystem: 'cjs', framework: 'none', defaultPlatform: 'node', sourceDir: '.' };

const resolveWith = (options: Record<string, unknown>, facts = viteReactTs) => resolveAnswers(facts, { options, saved: {} });

describe('resolveAnswers', () => {
  it('takes detected defaults when nothing is given', async () => {
    expect(await resolveWith({})).toEqual({
      platform: 'react',
      language: 'ts',
      dir: 'src',
      variant: 'auto',
      identify: true,
      trackDefaultValues: false,
      flags: '',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY',
      amplitudeServerZone: 'us',
      configcatDataGovernance: 'global',
      guide: 'docs/configcat-amplitude.md',
      edit: true,
    });
  });

  it('takes the data center and the data governance from their options, as given', async () => {
    const answers = await resolveWith({ 'amplitude-server-zone': 'eu', configcatDataGovernance: 'eu' });
    expect(answers).toMatchObject({ amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' });
    expect(await resolveAnswers(viteReactTs, { options: {}, saved: { amplitudeServerZone: 'eu' } })).toMatchObject({ amplitudeServerZone: 'eu', configcatDataGovernance: 'global' });
  });

  it('names server variables without a prefix', async () => {
    const answers = await resolveWith({ platform: 'node' });
    expect(answers.sdkKeyEnv).toBe('CONFIGCAT_SDK_KEY');
    expect(answers.amplitudeKeyEnv).toBe('AMPLITUDE_API_KEY');
  });

  it('prefers options, then saved answers, then questions', async () => {
    const asked: string[] = [];
    const answers = await resolveAnswers(viteReactTs, {
      options: { platform: 'js', 'track-default-values': true, identify: false },
      saved: { platform: 'node', variant: 'value' },
      ask: async (questions: readonly Question[]) => {
        asked.push(...questions.map((question) => question.name));
        return Object.fromEntries(questions.map((question) => [question.name, question.default]));
      },
    });
    expect(answers).toMatchObject({ platform: 'js', variant: 'value', trackDefaultValues: true, identify: false });
    expect(asked).toEqual(['language', 'dir', 'sdkKeyEnv', 'amplitudeKeyEnv', 'edit']);
  });

  it('does not ask for the language in a JavaScript project', async () => {
    const asked: string[] = [];
    await resolveAnswers(plainNode, {
      options: {},
      saved: {},
      ask: async (questions) => {
        asked.push(...questions.map((question) => question.name));
        return Object.fromEntries(questions.map((question) => [question.name, question.default]));
      },
    });
    expect(asked).not.toContain('language');
  });

  it.each([
    [{ platform: 'angular' }, '--platform "angular" is not one of js, react, next, react-router, vue, node'],
    [{ language: 'coffee' }, '--language "coffee" is not one of ts, js'],
    [{ variant: 'name' }, '--variant "name" is not one of auto, value, variationId'],
    [{ 'package-manager': 'deno' }, '--package-manager "deno" is not one of npm, pnpm, yarn, bun'],
    [{ 'amplitude-server-zone': 'asia' }, '--amplitude-server-zone "asia" is not one of us, eu'],
    [{ 'configcat-data-governance': 'eu-only' }, '--configcat-data-governance "eu-only" is not one of global, eu'],
    [{ 'sdk-key-env': 'VITE_CONFIGCAT_BASE_URL' }, '--sdk-key-env VITE_CONFIGCAT_BASE_URL is the variable the wiring reads a URL from'],
    [{ platform: 'node', 'amplitude-key-env': 'AMPLITUDE_SERVER_URL' }, '--amplitude-key-env AMPLITUDE_SERVER_URL is the variable the wiring reads a URL from'],
    [{ 'sdk-key-env': 'configcat-key' }, '--sdk-key-env "configcat-key" is not an environment variable name'],
    [{ 'amplitude-key-env': '1KEY' }, '--amplitude-key-env "1KEY" is not an environment variable name'],
    [{ 'sdk-key-env': 'KEY', 'amplitude-key-env': 'KEY' }, 'name the same variable'],
    [{ dir: '../elsewhere' }, '--dir ../elsewhere is outside the project'],
    [{ guide: '/etc/guide.md' }, '--guide /etc/guide.md is outside the project'],
    [{ guide: 'docs/guide.txt' }, 'is not a Markdown file'],
  ])('rejects %j with a one-line error', async (options, message) => {
    const failure = resolveWith(options);
    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(message);
  });

  it('rejects TypeScript output in a project without TypeScript', async () => {
    await expect(resolveWith({ language: 'ts' }, plainNode)).rejects.toThrow('--language ts needs TypeScript in the project');
  });

  it('keeps paths relative to the project, with forward slashes', async () => {
    const answers = await resolveWith({ dir: './src/analytics/', guide: 'docs/../docs/flags.md' });
    expect(answers.dir).toBe('src/analytics');
    expect(answers.guide).toBe('docs/flags.md');
    expect((await resolveWith({ dir: '.' })).dir).toBe('.');
  });
});

describe('questions that take typed-in answers', () => {
  it('check each answer as it is typed, so a bad one is asked again', async () => {
    const validators = new Map<string, (value: string) => true | string>();
    await resolveAnswers(viteReactTs, {
      options: {},
      saved: {},
      ask: async (questions) => {
        for (const question of questions) if (question.validate) validators.set(question.name, question.validate);
        return Object.fromEntries(questions.map((question) => [question.name, question.default]));
      },
    });
    expect([...validators.keys()]).toEqual(['dir', 'sdkKeyEnv', 'amplitudeKeyEnv']);
    expect(validators.get('sdkKeyEnv')?.('VITE_FLAGS')).toBe(true);
    expect(validators.get('sdkKeyEnv')?.('vite-flags')).toContain('is not an environment variable name');
    expect(validators.get('dir')?.('../outside')).toContain('is outside the project');
    expect(validators.get('dir')?.('src/flags')).toBe(true);
  });
});

describe('answers that depend on others', () => {
  it('are resolved after what they need, whatever the order of the specs', async () => {
    const reversed = [...ANSWER_SPECS].reverse();
    expect(inDependencyOrder(reversed).findIndex((spec) => spec.name === 'platform')).toBeLessThan(
      inDependencyOrder(reversed).findIndex((spec) => spec.name === 'sdkKeyEnv'),
    );
    const options = { platform: 'node' };
    expect(await resolveAnswers(viteReactTs, { options, saved: {} }, reversed)).toEqual(await resolveAnswers(viteReactTs, { options, saved: {} }));
    expect((await resolveAnswers(viteReactTs, { options, saved: {} }, reversed)).sdkKeyEnv).toBe('CONFIGCAT_SDK_KEY');
  });

  it('keep the order of the questions otherwise', () => {
    expect(inDependencyOrder(ANSWER_SPECS).map((spec) => spec.name)).toEqual(ANSWER_SPECS.map((spec) => spec.name));
  });

  it('offer exactly the values they accept', async () => {
    for (const spec of ANSWER_SPECS) {
      if (spec.kind !== 'choice') continue;
      for (const { value } of spec.choices) expect(() => checkAnswer(spec, value, viteReactTs)).not.toThrow();
      expect(() => checkAnswer(spec, 'none-of-these', viteReactTs)).toThrow(UserError);
    }
  });
});

describe('--flags', () => {
  const flags = ANSWER_SPECS.find((answerSpec) => answerSpec.name === 'flags')!;
  const facts = { root: '/project' } as ProjectFacts;

  it('trims and de-duplicates the keys; empty means every flag', () => {
    expect(checkAnswer(flags, ' newCheckout, rollout,,newCheckout ', facts)).toBe('newCheckout,rollout');
    expect(checkAnswer(flags, '', facts)).toBe('');
  });

  it('rejects what is no flag key, naming the fix', () => {
    expect(() => checkAnswer(flags, 'newCheckout, new checkout', facts)).toThrow(/"new checkout" is not a ConfigCat flag key/);
  });
});
