import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

type Status = (...args: unknown[]) => unknown;
type StatusLogger = Status & { force?: Status; create?: Status; removed?: Status };
interface LoggingAdapter {
  readonly log?: StatusLogger;
  readonly actualAdapter?: { readonly log?: StatusLogger };
}

const relabelled = new WeakSet<object>();

/**
 * Yeoman labels every file it writes without asking `force`, including files that do not exist
 * yet (it always forces .yo-rc.json): a first run then reads as if it replaced the user's files.
 * The label is kept for files that are on disk, a new file is labelled `create`, and a file the
 * run deletes (`isDeleted`, the remove command) `removed`.
 *
 * `cwd` is the folder Yeoman's labels are relative to (the environment's).
 */
export function labelCreatedFilesAsCreated(adapter: LoggingAdapter, cwd: string, isDeleted: (absolutePath: string) => boolean = () => false): void {
  // The queued adapter copies the terminal adapter's status methods: both are used.
  for (const log of [adapter.log, adapter.actualAdapter?.log]) {
    if (!log?.force || !log.create || relabelled.has(log)) continue;
    relabelled.add(log);
    const { force, create, removed } = log;
    log.force = function (this: unknown, path: unknown, ...rest: unknown[]) {
      if (typeof path === 'string' && removed && isDeleted(resolve(cwd, path))) return removed.call(this, path, ...rest);
      const exists = typeof path !== 'string' || existsSync(resolve(cwd, path));
      return (exists ? force : create).call(this, path, ...rest);
    };
  }
}
