import { ANSWER_SPECS, checkAnswer, checkAnswerRelations, type AnswerName, type Answers, type AnswerSpec, type AnswerValue } from './answers.js';
import type { ProjectFacts } from './detect.js';
import { UserError } from './user-error.js';

/** Asks the given questions and returns the answers by name. */
export type Ask = (questions: readonly Question[]) => Promise<Record<string, unknown>>;

export interface Question {
  readonly type: 'select' | 'input' | 'confirm';
  readonly name: string;
  readonly message: string;
  readonly default?: string | boolean;
  readonly choices?: readonly { value: string; name: string }[];
  /** For typed-in answers: true, or the message to show before asking again. */
  readonly validate?: (value: string) => true | string;
}

export interface AnswerSources {
  /** Command-line options, by option name or its camelCase form. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Answers saved in .yo-rc.json by an earlier run. */
  readonly saved: Partial<Answers>;
  /** Undefined when nothing may be asked (`--yes`, or no terminal). */
  readonly ask?: Ask;
}

/**
 * Options first, then saved answers, then questions, then detected defaults, answer by answer;
 * an answer is resolved after the answers its default needs.
 */
export async function resolveAnswers(facts: ProjectFacts, sources: AnswerSources, specs: readonly AnswerSpec[] = ANSWER_SPECS): Promise<Answers> {
  const resolved: Partial<Record<AnswerName, AnswerValue>> = {};
  for (const answerSpec of inDependencyOrder(specs)) {
    const given = optionValue(sources.options, answerSpec) ?? sources.saved[answerSpec.name];
    let value: AnswerValue;
    if (given !== undefined) {
      value = given;
    } else {
      const fallback = answerSpec.default(facts, resolved as Answers) as AnswerValue;
      value =
        sources.ask && answerSpec.message && (answerSpec.askWhen?.(facts) ?? true)
          ? ((await sources.ask([questionFor(answerSpec, facts, fallback)]))[answerSpec.name] as AnswerValue)
          : fallback;
    }
    resolved[answerSpec.name] = checkAnswer(answerSpec, value, facts);
  }
  const { packageManager, ...rest } = resolved;
  const answers = { ...rest, ...(packageManager ? { packageManager } : {}) } as Answers;
  checkAnswerRelations(answers, facts);
  return answers;
}

/**
 * The specs ordered so that each comes after those it needs, otherwise in the order given (which
 * is the order of the questions).
 */
export function inDependencyOrder(specs: readonly AnswerSpec[]): AnswerSpec[] {
  const byName = new Map(specs.map((answerSpec) => [answerSpec.name, answerSpec]));
  const ordered: AnswerSpec[] = [];
  const visiting = new Set<AnswerName>();
  const visit = (answerSpec: AnswerSpec): void => {
    if (ordered.includes(answerSpec)) return;
    if (visiting.has(answerSpec.name)) throw new Error(`Answers depend on each other in a cycle through ${answerSpec.name}`);
    visiting.add(answerSpec.name);
    for (const name of answerSpec.needs ?? []) {
      const needed = byName.get(name);
      if (!needed) throw new Error(`Answer ${answerSpec.name} needs ${name}, which is not defined`);
      visit(needed);
    }
    visiting.delete(answerSpec.name);
    ordered.push(answerSpec);
  };
  specs.forEach(visit);
  return ordered;
}

function optionValue(options: Readonly<Record<string, unknown>>, answerSpec: AnswerSpec): AnswerValue {
  const value = options[answerSpec.option] ?? options[answerSpec.name];
  if (value === undefined || value === null) return undefined;
  if (answerSpec.kind === 'flag') return value === true || value === 'true';
  return String(value);
}

function questionFor(answerSpec: AnswerSpec, facts: ProjectFacts, fallback: AnswerValue): Question {
  const base = { name: answerSpec.name, message: answerSpec.message ?? answerSpec.description, ...(fallback !== undefined ? { default: fallback } : {}) };
  switch (answerSpec.kind) {
    case 'flag':
      return { ...base, type: 'confirm' };
    case 'choice':
      return { ...base, type: 'select', choices: answerSpec.choices.map((choice) => ({ value: choice.value, name: choice.label })) };
    case 'text':
      return { ...base, type: 'input', validate: (value: string) => validationMessage(() => answerSpec.check(value, facts)) };
  }
}

function validationMessage(check: () => void): true | string {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}
