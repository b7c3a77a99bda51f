import type { ProjectFacts } from './detect.js';
import { describeProject } from './detected.js';
import { dirtyTreeWarning, uncommittedChanges } from './git-status.js';
import { UserError } from './user-error.js';

export interface IntroductionIo {
  log(line: string): void;
  /** Present when the run may ask. */
  confirm?(message: string): Promise<boolean>;
  readonly dryRun: boolean;
}

/**
 * What a run says before its first question (and in `--yes` runs): what it detected, and whether
 * the git work tree already has changes the run's own would mix with. Interactively that is a
 * question; a run that cannot ask, or writes nothing (`--dry-run`), only warns.
 */
export async function introduceRun(facts: ProjectFacts, io: IntroductionIo): Promise<void> {
  io.log(describeProject(facts));
  const changes = uncommittedChanges(facts.root);
  if (!changes || changes.length === 0) return;
  if (!io.confirm || io.dryRun) {
    io.log(dirtyTreeWarning(changes));
    return;
  }
  const count = changes.length === 1 ? '1 uncommitted change' : `${changes.length} uncommitted changes`;
  if (!(await io.confirm(`This git work tree has ${count} (${changes.slice(0, 3).join(', ')}${changes.length > 3 ? ', …' : ''}). Continue anyway?`))) {
    throw new UserError('Stopped at your answer: nothing was written. Commit or stash your changes, then run again.');
  }
}
