import { relative, sep } from 'node:path';
import { ExposureGenerator } from '../lib/base-generator.js';
import { formatEditedFile, planEntryEdits, type FileEdit } from '../lib/entry-edits.js';
import { commandLine, installCommandFor, installMessage, missingPackages, runInstall, type InstallResult } from '../lib/install.js';
import { formattingNotes } from '../lib/formatting-notes.js';
import { INTERRUPTED_EXIT_CODE } from '../lib/interrupt.js';
import { plannedFiles } from '../lib/pipeline.js';
import { addDependencies } from '../lib/package-json.js';
import { outcomeOnDisk, pickStaged, readFromDisk, stagedFiles, wouldWrite } from '../lib/staged-files.js';
import { summarize, summarizeDryRun } from '../lib/summary.js';
import { UserError } from '../lib/user-error.js';

/** `yo configcat-amplitude`: the wiring module, the guide and the SDK dependencies. */
export default class AppGenerator extends ExposureGenerator {
  private dependenciesChanged = false;
  private installResult: InstallResult | undefined;
  /** Edits of the user's code, and snippets for the code that was not recognised. */
  private readonly entryEdits: FileEdit[] = [];

  /** pnpm-workspace.yaml as it was, when this run added catalog entries to it. */
  #workspaceEdit: { readonly path: string; readonly before: string } | undefined;

  async initializing(): Promise<void> {
    await this.failClearly(() => this.detectAndResolve(true));
  }

  async writing(): Promise<void> {
    await this.failClearly(async () => {
      for (const file of plannedFiles(this.plan)) await this.writeGenerated(file);
      await this.#writePackageJson((await import('diff')).createPatch);
      if (this.answers.edit) await this.#editEntryCode();
      this.saveAnswers();
      await this.formatYoRc();
    });
  }

  async install(): Promise<void> {
    await this.failClearly(async () => {
      await this.#install();
      if (!this.options.dryRun) await this.#lintWrittenFiles();
    });
  }

  end(): Promise<void> {
    return this.failClearly(() => this.#end());
  }

  /**
   * Installs when package.json gained a dependency, or when an SDK it declares is not installed
   * (a re-run after a failed or skipped install). The outcome is reported at the end.
   */
  async #install(): Promise<void> {
    const missing = missingPackages(this.destinationRoot(), this.sdkPackages());
    if (!this.dependenciesChanged && missing.length === 0) return;
    const command = this.#installCommand();
    if (this.options.skipInstall || this.options.dryRun) {
      const reason = this.options.dryRun ? 'dry run' : '--skip-install';
      this.installResult = { status: 'skipped', command: commandLine(command), reason };
      return;
    }
    this.log(`Installing ${missing.join(', ') || Object.keys(this.plan.dependenciesToAdd).join(', ')} with ${commandLine(command)}…`);
    this.installResult = await runInstall(command, { cwd: this.destinationRoot() });
  }

  #end(): void {
    const result = this.installResult;
    const root = this.destinationRoot();
    const installCommand = result?.status === 'skipped' ? { installCommand: result.command } : {};
    if (this.options.dryRun) {
      this.log(summarizeDryRun({ changes: wouldWrite(root, stagedFiles(this.fs, root)), kept: this.kept, ...installCommand }));
      return;
    }
    // What reached the disk: Yeoman's overwrite question may have been answered "no".
    const { written, notWritten } = outcomeOnDisk(root, pickStaged(stagedFiles(this.fs, root), this.written));
    const entry = this.answers.edit
      ? {
          entry: {
            edited: this.entryEdits.filter((edit) => edit.kind === 'edited'),
            snippets: this.entryEdits.filter((edit) => edit.kind === 'snippet'),
          },
        }
      : {};
    const lint = this.lint ? { lint: this.lint } : {};
    this.log(summarize({ plan: this.plan, answers: this.answers, written, kept: this.kept, skipped: notWritten, ...installCommand, ...entry, ...lint, formatting: [...formattingNotes] }));
    const problems: string[] = [];
    if (this.kept.length > 0) {
      problems.push(`${this.kept.join(', ')} changed since it was generated and was kept: run again with --force to replace it.`);
    }
    if (result?.status === 'failed' || result?.status === 'interrupted') problems.push(installMessage(result, this.destinationRoot())!);
    // Ctrl-C during the install ends the run as an interruption does (exit 130), after saying what to run.
    if (problems.length > 0) throw new UserError(problems.join('\n'), result?.status === 'interrupted' ? INTERRUPTED_EXIT_CODE : 1);
  }

  /**
   * Wires the generated files into the project's own entry code. An edited file is formatted by
   * the project's formatter when it was formatted before; each edit is recorded (as a patch) in
   * .yo-rc.json so that it can be undone.
   */
  async #editEntryCode(): Promise<void> {
    const read = (path: string): string | undefined => {
      const absolute = this.destinationPath(path);
      return this.fs.exists(absolute) ? (this.fs.read(absolute) ?? undefined) : undefined;
    };
    const edits = await planEntryEdits(this.plan, this.answers, this.facts, read);
    const recorded = { ...((this.config.get('entryEdits') as Record<string, string> | undefined) ?? {}) };
    const { createPatch } = await import('diff');
    for (const edit of edits) {
      this.entryEdits.push(edit);
      if (edit.kind !== 'edited') continue;
      const absolute = this.destinationPath(edit.file);
      const after = await formatEditedFile(absolute, edit.created ? undefined : edit.before, edit.after, this.destinationRoot());
      this.fs.write(absolute, after);
      // The user agreed to the edits (the `edit` answer); Yeoman would otherwise ask about each file.
      if (!edit.created) this.forceWrite(absolute);
      recorded[edit.file] = createPatch(edit.file, edit.before, after);
    }
    if (Object.keys(recorded).length > 0) this.setConfig('entryEdits', recorded);
  }

  /** package.json keeps its own indentation; it changes only when a dependency is missing. */
  async #writePackageJson(createPatch: typeof import('diff').createPatch): Promise<void> {
    // pnpm-workspace.yaml's editor (and its YAML parser) loads only for a pnpm project.
    const cataloged = (this.answers.packageManager ?? this.facts.packageManager.name) === 'pnpm'
      ? (await import('../lib/pnpm-catalog.js')).catalogDependencies(this.destinationRoot(), { ...this.facts.packageJson.dependencies, ...this.facts.packageJson.devDependencies }, this.plan.dependenciesToAdd)
      : undefined;
    const updated = addDependencies(this.facts.packageJsonText, cataloged?.specifiers ?? this.plan.dependenciesToAdd);
    if (updated === this.facts.packageJsonText) return;
    if (cataloged?.workspace) {
      const { path, before, after } = cataloged.workspace;
      const relativePath = relative(this.destinationRoot(), path).split(sep).join('/');
      if (this.config.get('pnpmWorkspacePatch') === undefined) this.setConfig('pnpmWorkspacePatch', createPatch(relativePath, before, after));
      this.#workspaceEdit = { path: relativePath, before };
      this.fs.write(path, after);
      this.forceWrite(path);
      this.written.push(relativePath);
    }
    const path = this.destinationPath('package.json');
    // For `remove`: the first addition's patch undoes it exactly (a later one is undone key by key).
    if (this.config.get('packageJsonPatch') === undefined) this.setConfig('packageJsonPatch', createPatch('package.json', this.facts.packageJsonText, updated));
    this.fs.write(path, updated);
    // Adding the dependencies is what the user asked for; Yeoman would otherwise ask about it.
    this.forceWrite(path);
    this.dependenciesChanged = true;
    this.written.push('package.json');
  }

  #installCommand() {
    return installCommandFor(this.answers.packageManager ?? this.facts.packageManager.agent);
  }

  /**
   * The project's own ESLint fixes on the files this run wrote, once they are on disk and their SDKs
   * installed: a type-aware configuration needs both. An edited entry file takes them only when the
   * project's ESLint fixes nothing in it as it was, so that they touch only the lines the edit
   * added. What changed is staged again (Yeoman writes it before `end`), with the fingerprint, or
   * the entry edit's patch, of the text that is now the generator's.
   */
  async #lintWrittenFiles(): Promise<void> {
    const root = this.destinationRoot();
    const onDiskAsStaged = (path: string): string | undefined => {
      const absolute = this.destinationPath(path);
      const staged = this.fs.exists(absolute) ? this.fs.read(absolute) : undefined;
      // An overwrite question may have been declined: only what the disk holds is linted.
      return staged !== undefined && staged !== null && readFromDisk(root, path) === staged ? staged : undefined;
    };
    const fingerprints = { ...((this.config.get('fingerprints') as Record<string, string> | undefined) ?? {}) };
    const patches = { ...((this.config.get('entryEdits') as Record<string, string> | undefined) ?? {}) };
    const { canonicalFingerprint } = await import('../lib/canonical.js');
    const { createPatch } = await import('diff');
    const restage = (path: string, text: string) => {
      this.fs.write(this.destinationPath(path), text);
      this.forceWrite(this.destinationPath(path));
      this.lint?.fixed.push(path);
    };
    let changed = false;
    for (const file of plannedFiles(this.plan)) {
      const staged = this.written.includes(file.path) ? onDiskAsStaged(file.path) : undefined;
      if (staged === undefined) continue;
      const linted = await this.lintGenerated(file.path, staged);
      if (linted === staged) continue;
      restage(file.path, linted);
      fingerprints[file.path] = await canonicalFingerprint(this.destinationPath(file.path), linted);
      changed = true;
    }
    for (const edit of this.entryEdits) {
      const staged = edit.kind === 'edited' ? onDiskAsStaged(edit.file) : undefined;
      if (edit.kind !== 'edited' || staged === undefined) continue;
      const linted = await this.lintEdited(edit.file, edit.created ? undefined : edit.before, staged);
      if (linted === staged) continue;
      restage(edit.file, linted);
      patches[edit.file] = createPatch(edit.file, edit.before, linted);
      changed = true;
    }
    // The catalog entries take the project's lint fixes too (eslint-plugin-yaml's key order, say).
    const workspace = this.#workspaceEdit;
    const stagedWorkspace = workspace ? onDiskAsStaged(workspace.path) : undefined;
    if (workspace && stagedWorkspace !== undefined) {
      const linted = await this.lintEdited(workspace.path, workspace.before, stagedWorkspace);
      if (linted !== stagedWorkspace) {
        restage(workspace.path, linted);
        this.setConfig('pnpmWorkspacePatch', createPatch(workspace.path, workspace.before, linted));
        changed = true;
      }
    }
    if (!changed) return;
    this.setConfig('fingerprints', fingerprints);
    if (Object.keys(patches).length > 0) this.setConfig('entryEdits', patches);
    await this.formatYoRc();
    const yoRc = this.destinationPath('.yo-rc.json');
    if (this.fs.exists(yoRc)) this.forceWrite(yoRc);
  }
}
