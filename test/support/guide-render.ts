import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './generate.js';

/** The compiled pure modules the generators use (`npm run build` first), loaded as the generator loads them. */
const lib = (name: string) => import(join(REPO_ROOT, 'dist/generators/lib', `${name}.js`));

export interface GuideCase {
  readonly name: string;
  readonly packageJson: Record<string, unknown>;
  /** Other files of the project, by path (e.g. tsconfig.json, src/main.tsx). */
  readonly files?: Readonly<Record<string, string>>;
  /** Generator options, camelCased as on `withOptions`. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface RenderedGuide {
  readonly markdown: string;
  /** The plan's template context, as the generator renders with it. */
  readonly context: GuideContext;
  readonly guidePath: string;
}

/** The context fields the guide tests check; the plan holds more. */
export interface GuideContext {
  readonly platform: 'js' | 'react' | 'node';
  readonly typescript: boolean;
  readonly wiringPath: string;
  readonly providerPath: string;
  readonly importLines: readonly string[];
  readonly attachImportLine: string;
  readonly codeFence: string;
  readonly sdkKeyEnv: string;
  readonly amplitudeKeyEnv: string;
  readonly initAmplitude: boolean;
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  readonly variantMode: 'auto' | 'value' | 'variationId';
  readonly serverSide: boolean;
  readonly framework: string;
  readonly sourceDir: string;
  readonly legacyConfigcatPackage: string;
  readonly newConfigcatPackage: string;
  readonly sdkPackages: readonly { name: string; version: string }[];
}

/** Writes the project to a new temporary folder and returns its path. */
export function writeProject(guideCase: GuideCase): string {
  const dir = mkdtempSync(join(tmpdir(), 'guide-case-'));
  const files = { 'package.json': `${JSON.stringify(guideCase.packageJson, null, 2)}\n`, ...guideCase.files };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/**
 * Renders the guide for a project exactly as the generators do (detect → resolve answers →
 * plan → render → format), without Yeoman: fast enough for a matrix of cases.
 */
export async function renderGuide(guideCase: GuideCase): Promise<RenderedGuide> {
  const dir = writeProject(guideCase);
  const [{ detectProject }, { resolveAnswers }, { planGeneration }, { renderTemplate }, { formatLikeProject }] = await Promise.all([
    lib('detect'),
    lib('resolve-answers'),
    lib('plan'),
    lib('render'),
    lib('format'),
  ]);
  const facts = await detectProject(dir);
  const answers = await resolveAnswers(facts, { options: { ...guideCase.options }, saved: {} });
  const plan = planGeneration(answers, facts);
  const template = readFileSync(join(REPO_ROOT, 'templates', plan.guide.template), 'utf8');
  const markdown = await formatLikeProject(join(dir, plan.guide.path), renderTemplate(template, plan.context), dir);
  return { markdown, context: plan.context as GuideContext, guidePath: plan.guide.path };
}
