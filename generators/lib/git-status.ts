import { spawnSync } from 'node:child_process';

/**
 * The paths git reports as changed or untracked in the project's repository, or undefined when
 * the project is not in a git work tree (or git is not installed). A run on a clean tree leaves
 * `git diff` as the exact record of what it changed; on a dirty one its edits mix with the user's.
 */
export function uncommittedChanges(root: string): readonly string[] | undefined {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=normal', '.'], { cwd: root, encoding: 'utf8' });
  if (status.error || status.status !== 0) return undefined;
  return status.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}

/** The warning for a dirty tree: how many paths, and the first few. */
export function dirtyTreeWarning(changes: readonly string[]): string {
  const shown = changes.slice(0, 3).join(', ');
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : '';
  return `Warning: this git work tree has uncommitted changes (${shown}${more}); commit or stash them first to see this run's changes alone in \`git diff\`.`;
}
