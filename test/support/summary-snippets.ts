import { runApp } from './generate.js';
import { makeTempProject } from './temp-project.js';

/** A block of code the run's summary tells the user to paste. */
export interface PrintedSnippet {
  /** The file it names, or undefined for "your entry file" (none was found, or none was looked for). */
  readonly file: string | undefined;
  /** Where in that file, in the summary's words (undefined for the plain "Add to your entry file:"). */
  readonly place: string | undefined;
  readonly code: string;
}

/**
 * The summary's "Add to <file>, <place> (not edited: …):" blocks and its "Add to your entry file:" block,
 * with their indented lines.
 */
export function printedSnippets(summary: string): PrintedSnippet[] {
  const snippets: PrintedSnippet[] = [];
  const lines = summary.split('\n');
  lines.forEach((line, index) => {
    const heading = /^Add to (.+?)(?:, (.*) \(not edited: .*\))?:$/.exec(line);
    if (!heading) return;
    const code: string[] = [];
    for (const next of lines.slice(index + 1)) {
      if (next !== '' && !next.startsWith('  ')) break;
      code.push(next.slice(2));
    }
    const file = heading[1] === 'your entry file' ? undefined : heading[1];
    snippets.push({ file, place: heading[2], code: code.join('\n').trim() });
  });
  return snippets;
}

/** Runs the generator in a new project made of `files`, without installing; returns the project and what it logged. */
export async function summaryOfRun(files: Record<string, string | object>, options: Record<string, unknown>, prefix = 'cca-snippets-'): Promise<{ dir: string; summary: string }> {
  const dir = makeTempProject(files, prefix);
  const logged: string[] = [];
  await runApp()
    .cd(dir)
    .withOptions({ yes: true, skipInstall: true, ...options })
    .onGenerator((generator) => {
      const log = generator.log;
      (generator as { log: typeof log }).log = Object.assign((message: string) => {
        logged.push(message);
      }, log);
    });
  return { dir, summary: logged.join('\n') };
}
