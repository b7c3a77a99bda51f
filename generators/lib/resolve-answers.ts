import { ANSWER_SPECS, checkTypedAnswer, validateAnswers, type AnswerName, type Answers, type AnswerSpec } from './answers.js';
import type { ProjectFacts } from './detect.js';
import { UserError } from './user-error.js';

export type AnswerValue = string | boolean | undefined;
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
 * Options first, then saved answers, then questions, then detected defaults, answer by answer in
 * the order of ANSWER_SPECS (later defaults depend on earlier answers, e.g. the platform).
 */
export async function resolveAnswers(facts: ProjectFacts, sources: AnswerSources): Promise<Answers> {
  const resolved: Partial<Record<AnswerName, AnswerValue>> = {};
  for (const spec of ANSWER_SPECS) {
    const given = optionValue(sources.options, spec) ?? sources.saved[spec.name];
    if (given !== undefined) {
      resolved[spec.name] = given;
      continue;
    }
    const fallback = spec.default(facts, resolved as Partial<Answers>);
    if (sources.ask && spec.message && (spec.askWhen?.(facts) ?? true)) {
      const answers = await sources.ask([questionFor(spec, facts, fallback)]);
      resolved[spec.name] = answers[spec.name] as AnswerValue;
    } else {
      resolved[spec.name] = fallback;
    }
  }
  const { packageManager, ...rest } = resolved;
  return validateAnswers({ ...(rest as Omit<Answers, 'packageManager'>), ...(packageManager ? { packageManager } : {}) } as Answers, facts);
}

function optionValue(options: Readonly<Record<string, unknown>>, spec: AnswerSpec): AnswerValue {
  const value = options[spec.option] ?? options[spec.name];
  if (value === undefined || value === null) return undefined;
  if (spec.type === 'boolean') return value === true || value === 'true';
  return String(value);
}

function questionFor(spec: AnswerSpec, facts: ProjectFacts, fallback: AnswerValue): Question {
  const choices = spec.choices?.(facts);
  const type = spec.type === 'boolean' ? 'confirm' : choices ? 'select' : 'input';
  return {
    type,
    name: spec.name,
    message: spec.message ?? spec.description,
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(choices ? { choices } : {}),
    ...(type === 'input' ? { validate: (value: string) => validationMessage(() => checkTypedAnswer(spec.name, value, facts)) } : {}),
  };
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
