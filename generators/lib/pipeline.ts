import { join } from 'node:path';
import type { Answers } from './answers.js';
import { detectProject, type ProjectFacts } from './detect.js';
import { planGeneration, type GenerationPlan } from './plan.js';
import type { PlannedFile } from './platform.js';
import { checkGivenOptions, resolveAnswers, type AnswerSources } from './resolve-answers.js';

/**
 * The generation pipeline, without Yeoman: detect → answers → plan, then render → format each
 * file. The generators, the tests and the benchmark all go through it.
 */
export interface PreparedRun {
  readonly facts: ProjectFacts;
  readonly answers: Answers;
  readonly plan: GenerationPlan;
}

/**
 * `addedEarlier`: the dependencies an earlier run added (they do not count as the user's).
 * `onDetected` runs once the project is known and the given options are valid, before any
 * question (the generator says there what it detected).
 */
export async function prepareRun(
  root: string,
  sources: AnswerSources,
  addedEarlier: readonly string[] = [],
  onDetected?: (facts: ProjectFacts) => Promise<void> | void,
): Promise<PreparedRun> {
  const facts = await detectProject(root);
  checkGivenOptions(facts, sources.options);
  await onDetected?.(facts);
  const answers = await resolveAnswers(facts, sources);
  return { facts, answers, plan: planGeneration(answers, facts, addedEarlier) };
}

/** Every file the plan writes: the platform's, then the guide. */
export function plannedFiles(plan: GenerationPlan): readonly PlannedFile[] {
  return [...plan.files, plan.guide];
}

/**
 * A planned file's content as it is written: rendered, then formatted as the project formats its own.
 * Templates and formatters load here, on the first file: `--help` and runs that stop early never load them.
 */
export async function generateFile(root: string, file: PlannedFile): Promise<string> {
  const [{ renderPlannedFile }, { formatLikeProject }] = await Promise.all([import('./render.js'), import('./format.js')]);
  return formatLikeProject(join(root, file.path), renderPlannedFile(file), root);
}
