import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Answers } from '../../generators/lib/answers.js';
import type { GuideContext } from '../../generators/lib/guide-context.js';
import { generateInMemory } from './pipeline.js';

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
  readonly answers: Answers;
  /** The guide's template context, as the generator renders with it. */
  readonly context: GuideContext;
  readonly guidePath: string;
  /** Paths of the generated code files, the wiring module first. */
  readonly codeFiles: readonly string[];
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

/** Renders the guide for a project exactly as the generators do, without Yeoman: fast enough for a matrix of cases. */
export async function renderGuide(guideCase: GuideCase): Promise<RenderedGuide> {
  const dir = writeProject(guideCase);
  const { answers, plan, files } = await generateInMemory(dir, guideCase.options ?? {});
  return {
    markdown: files[plan.guide.path]!,
    answers,
    context: plan.guide.context as GuideContext,
    guidePath: plan.guide.path,
    codeFiles: plan.files.map((file) => file.path),
  };
}
