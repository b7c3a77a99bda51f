import type { LintError, ProjectEslint } from './project-eslint.js';

/**
 * Rules the generated code breaks on purpose, and why, written beside each exemption. The wiring
 * must say once that it failed (it never throws into the app): a project that bans `console`
 * gets a line-level exemption with the reason, not silence.
 */
const FROM_THE_ENVIRONMENT = 'keys and endpoints come from the environment, as the guide documents';
const DELIBERATE_BREAKS: Readonly<Record<string, string>> = {
  'no-console': 'the wiring reports its own failures, once each',
  // ESLint's own (deprecated), eslint-plugin-node's and eslint-plugin-n's (@antfu/eslint-config names it node/).
  'no-process-env': FROM_THE_ENVIRONMENT,
  'node/no-process-env': FROM_THE_ENVIRONMENT,
  'n/no-process-env': FROM_THE_ENVIRONMENT,
};

export type ProjectLintResult =
  | {
      readonly status: 'linted';
      readonly text: string;
      /** Rules whose exemption was written into the file, by line. */
      readonly exempted: readonly string[];
      /** What the project's lint still fails on (warnings too where they fail it). */
      readonly errors: readonly LintError[];
    }
  | { readonly status: 'not-linted' }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * A generated file as the project's own `eslint --fix` leaves it, then formatted by the project's
 * formatter (the formatter has the last word: the project's format check reads the file too), with
 * an exemption above each line that breaks a rule on purpose (`DELIBERATE_BREAKS`). Fixes such as
 * `curly` or a stylistic preset's are the project's choices; the generated code takes them.
 */
export async function finishWithProjectLint(
  eslint: ProjectEslint,
  absolutePath: string,
  text: string,
  format: (text: string) => Promise<string>,
  /** Whether to write exemptions (not into Markdown, whose lines are prose around the code). */
  { exempt }: { readonly exempt: boolean },
): Promise<ProjectLintResult> {
  const first = await eslint.fix(absolutePath, text);
  if (first.status !== 'linted') return first;
  let { output, errors } = first;
  if (output !== text) {
    const formatted = await format(output);
    if (formatted !== output) {
      // The formatter moved lines: the errors are found again, at the lines they are on now.
      const again = await eslint.fix(absolutePath, formatted);
      if (again.status !== 'linted') return again;
      ({ output, errors } = again);
      if (output !== formatted) output = await format(output);
    }
  }
  // A deliberate break is exempted whether it is an error or a warning: either shows in the project's lint.
  const deliberate = exempt ? errors.filter((error) => DELIBERATE_BREAKS[error.ruleId] !== undefined) : [];
  return {
    status: 'linted',
    text: withExemptions(output, deliberate),
    exempted: [...new Set(deliberate.map((error) => error.ruleId))],
    errors: errors.filter((error) => !deliberate.includes(error) && (error.severity === 'error' || eslint.warningsFail)),
  };
}

/** `// eslint-disable-next-line rule -- reason` above each line, in that line's indentation. */
export function withExemptions(text: string, errors: readonly LintError[]): string {
  if (errors.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const rulesByLine = new Map<number, Set<string>>();
  for (const { line, ruleId } of errors) rulesByLine.set(line, (rulesByLine.get(line) ?? new Set()).add(ruleId));
  // Bottom up, so that each insertion leaves the line numbers above it as they were.
  for (const [line, rules] of [...rulesByLine].sort(([a], [b]) => b - a)) {
    const target = lines[line - 1];
    if (target === undefined) continue;
    const indentation = /^\s*/.exec(target)?.[0] ?? '';
    const reasons = [...new Set([...rules].map((rule) => DELIBERATE_BREAKS[rule]))].join('; ');
    lines.splice(line - 1, 0, `${indentation}// eslint-disable-next-line ${[...rules].sort().join(', ')} -- ${reasons}`);
  }
  return lines.join(eol);
}
