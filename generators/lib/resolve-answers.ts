import { ANSWER_SPECS, checkAnswer, checkAnswerRelations, type AnswerName, type Answers, type AnswerSpec, type AnswerValue, type TextSpec } from './answers.js';
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
  /** `--ask-answered`: ask again what the saved answers answer, offering them as the defaults. */
  readonly askAnswered?: boolean;
}

/**
 * Options first, then saved answers, then questions, then detected defaults, answer by answer;
 * an answer is resolved after the answers its default needs.
 */
export async function resolveAnswers(facts: ProjectFacts, sources: AnswerSources, specs: readonly AnswerSpec[] = ANSWER_SPECS): Promise<Answers> {
  const resolved: Partial<Record<AnswerName, AnswerValue>> = {};
  for (const answerSpec of inDependencyOrder(specs)) {
    const option = optionValue(sources.options, answerSpec);
    const saved = sources.saved[answerSpec.name];
    const asked = sources.ask !== undefined && answerSpec.message !== undefined && (answerSpec.askWhen?.(facts) ?? true);
    let value: AnswerValue;
    if (option !== undefined) {
      value = option;
    } else if (saved !== undefined && !(asked && sources.askAnswered)) {
      value = saved;
    } else {
      const fallback = saved ?? (answerSpec.default(facts, resolved as Answers) as AnswerValue);
      value = asked && sources.ask ? await askOne(sources.ask, questionFor(answerSpec, facts, fallback)) : fallback;
    }
    resolved[answerSpec.name] = checkAnswer(answerSpec, value, facts);
  }
  const { packageManager, ...rest } = resolved;
  const answers = { ...rest, ...(packageManager ? { packageManager } : {}) } as Answers;
  checkAnswerRelations(answers, facts);
  return answers;
}

/**
 * Checks the options given on the command line before anything is printed or asked: a mistyped
 * option fails at once, in one line, instead of after the questions.
 */
export function checkGivenOptions(facts: ProjectFacts, options: Readonly<Record<string, unknown>>, specs: readonly AnswerSpec[] = ANSWER_SPECS): void {
  const given: Partial<Record<AnswerName, AnswerValue>> = {};
  for (const answerSpec of specs) given[answerSpec.name] = checkAnswer(answerSpec, optionValue(options, answerSpec), facts);
  checkAnswerRelations(given as Partial<Answers>, facts);
}

/** How many times a typed-in answer that fails its check is asked again before the run gives up. */
const MAX_ATTEMPTS = 5;

/**
 * Asks one question until its answer passes the question's own check. In a terminal Inquirer
 * already re-asks with the message; this covers adapters that do not validate (scripts, tests).
 */
async function askOne(ask: Ask, question: Question): Promise<AnswerValue> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = (await ask([question]))[question.name] as AnswerValue;
    const verdict = question.validate ? question.validate(String(answer ?? '')) : true;
    if (verdict === true || attempt === MAX_ATTEMPTS) return answer;
  }
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
      return {
        ...base,
        type: 'input',
        // Inquirer's input gives '' once its default is erased: an empty answer is never a choice.
        validate: (value: string) => (value.trim() === '' ? emptyAnswerMessage(answerSpec) : validationMessage(() => answerSpec.check(value, facts))),
      };
  }
}

function emptyAnswerMessage(answerSpec: TextSpec): string {
  return answerSpec.name === 'dir' ? 'Type a folder (. for the project root).' : 'Type a value.';
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
