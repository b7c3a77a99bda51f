import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExposureGenerator } from '../lib/base-generator.js';
import { setupOptionsGiven, type CommandName } from '../lib/cli-options.js';
import { detectProjectPackageManager } from '../lib/detect.js';
import { isRecordedVersion } from '../lib/edits.js';
import { listSourceFiles } from '../lib/entry-edits.js';
import { commandLine, installCommandFor, installMessage, runInstall, type InstallResult } from '../lib/install.js';
import { INTERRUPTED_EXIT_CODE } from '../lib/interrupt.js';
import { objectAt, parseObject, propertyKeys, removeProperty } from '../lib/json-edit.js';
import { planRemoval, type Recorded, type RemovalPlan } from '../lib/remove-plan.js';
import { stagedFiles, wouldWrite } from '../lib/staged-files.js';
import { summarizeDryRun, summarizeRemoval } from '../lib/summary.js';
import { UserError } from '../lib/user-error.js';

/** Where the annotations command saves the integration's ids (see generators/annotations). */
const ANNOTATIONS_KEY = 'annotations';

/**
 * `yo configcat-amplitude:remove`: undoes what earlier runs recorded in .yo-rc.json, through the
 * same staged, all-or-nothing write as the generator (and its `--dry-run`).
 */
export default class RemoveGenerator extends ExposureGenerator {
  #removal!: RemovalPlan;
  #installResult: InstallResult | undefined;

  protected override get cliCommand(): CommandName {
    return 'remove';
  }

  async initializing(): Promise<void> {
    await this.failClearly(async () => {
      const given = setupOptionsGiven(this.options);
      if (given.length > 0) throw new UserError(`remove does not take ${given.join(', ')}: it undoes what .yo-rc.json records.`);
      if (this.options.annotations) await this.#disconnectAnnotations();
      const recorded = this.#recorded();
      if (!recorded) {
        throw new UserError(`Nothing to remove: ${this.destinationPath('.yo-rc.json')} records no run of this generator. Run remove in the folder where the generator ran.`);
      }
      this.#removal = await planRemoval(
        recorded,
        {
          read: (path) => {
            const absolute = this.destinationPath(path);
            return this.fs.exists(absolute) ? (this.fs.read(absolute) ?? undefined) : undefined;
          },
          isRecordedVersion: (path, text, fingerprint) => isRecordedVersion(this.destinationPath(path), text, fingerprint),
          sourceFiles: () => listSourceFiles(this.destinationRoot()),
        },
        { force: this.options.force === true },
      );
    });
  }

  writing(): Promise<void> {
    return this.failClearly(() => {
      const removal = this.#removal;
      for (const path of removal.deleted) this.#delete(path);
      for (const { path, text } of removal.restored) {
        if (text === undefined) this.#delete(path);
        else this.#write(path, text);
      }
      if (removal.packageJson !== undefined) this.#write('package.json', removal.packageJson);
      if (removal.pnpmWorkspace) this.#write(removal.pnpmWorkspace.path, removal.pnpmWorkspace.text);
      this.#forgetRuns();
    });
  }

  async install(): Promise<void> {
    await this.failClearly(async () => {
      if (this.#removal.packageJson === undefined) return;
      const command = installCommandFor((await detectProjectPackageManager(this.destinationRoot())).agent);
      if (this.options.skipInstall || this.options.dryRun) {
        this.#installResult = { status: 'skipped', command: commandLine(command), reason: this.options.dryRun ? 'dry run' : '--skip-install' };
        return;
      }
      this.log(`Updating the lockfile with ${commandLine(command)}…`);
      this.#installResult = await runInstall(command, { cwd: this.destinationRoot() });
    });
  }

  end(): Promise<void> {
    return this.failClearly(() => {
      const root = this.destinationRoot();
      const result = this.#installResult;
      const installCommand = result?.status === 'skipped' ? { installCommand: result.command } : {};
      if (this.options.dryRun) {
        this.log(summarizeDryRun({ changes: wouldWrite(root, stagedFiles(this.fs, root)), kept: this.#removal.keptEdited, ...installCommand }));
        return;
      }
      this.#removeEmptyFolders();
      this.log(summarizeRemoval(this.#removal, result));
      if (this.#annotationsConnected()) {
        this.log(
          "ConfigCat's Amplitude integration (chart annotations) is still connected, and its ids stay in .yo-rc.json: run `npx generator-configcat-amplitude annotations disconnect` to remove it.",
        );
      }
      const problems: string[] = [];
      if (this.#removal.keptEdited.length > 0) problems.push(`${this.#removal.keptEdited.join(', ')} changed since it was generated and was kept: delete it yourself, or run remove again with --force.`);
      if (this.#removal.notRestored.length > 0) problems.push(`${this.#removal.notRestored.map(({ path }) => path).join(', ')} changed since the generator edited it: remove its ConfigCat–Amplitude lines yourself (see .yo-rc.json's entryEdits for what was added).`);
      if (result?.status === 'failed' || result?.status === 'interrupted') problems.push(installMessage(result, root)!);
      if (problems.length > 0) throw new UserError(problems.join('\n'), result?.status === 'interrupted' ? INTERRUPTED_EXIT_CODE : 1);
    });
  }

  /**
   * `--annotations`: the annotations command's `disconnect` runs within this run. Its one change (the
   * DELETE) comes after its reads and before anything is written: if it fails, nothing is removed.
   */
  async #disconnectAnnotations(): Promise<void> {
    const annotations = fileURLToPath(new URL('../annotations/index.js', import.meta.url));
    await this.composeWith(annotations, {
      generatorArgs: ['disconnect'],
      generatorOptions: {
        yes: true,
        ...(this.options.dryRun ? { dryRun: true } : {}),
        ...(typeof this.options['baseUrl'] === 'string' ? { baseUrl: this.options['baseUrl'] } : {}),
      } as Record<string, unknown>,
    });
  }

  /** Whether `annotations connect` saved an integration here (`annotations disconnect` removes it from ConfigCat). */
  #annotationsConnected(): boolean {
    const saved = this.config.get(ANNOTATIONS_KEY) as { integrationId?: string } | undefined;
    return saved?.integrationId !== undefined;
  }

  /** What earlier runs recorded; `undefined` when there is nothing (no run here, or already removed). */
  #recorded(): Recorded | undefined {
    const fingerprints = (this.config.get('fingerprints') as Record<string, string> | undefined) ?? {};
    const entryEdits = (this.config.get('entryEdits') as Record<string, string> | undefined) ?? {};
    const addedDependencies = (this.config.get('addedDependencies') as string[] | undefined) ?? [];
    const packageJsonPatch = this.config.get('packageJsonPatch') as string | undefined;
    const pnpmWorkspacePatch = this.config.get('pnpmWorkspacePatch') as string | undefined;
    if (Object.keys(fingerprints).length + Object.keys(entryEdits).length + addedDependencies.length === 0) return undefined;
    return { fingerprints, entryEdits, addedDependencies, ...(packageJsonPatch ? { packageJsonPatch } : {}), ...(pnpmWorkspacePatch ? { pnpmWorkspacePatch } : {}) };
  }

  /** Folders the deleted files leave empty (`docs/`, say) go too: nothing the generator added remains. */
  #removeEmptyFolders(): void {
    const gone = [...this.#removal.deleted, ...this.#removal.restored.filter(({ text }) => text === undefined).map(({ path }) => path)];
    for (const path of gone) {
      for (let folder = dirname(path); folder !== '.' && folder !== ''; folder = dirname(folder)) {
        const absolute = this.destinationPath(folder);
        if (!existsSync(absolute) || readdirSync(absolute).length > 0) break;
        rmdirSync(absolute);
      }
    }
  }

  #delete(path: string): void {
    const absolute = this.destinationPath(path);
    this.fs.delete(absolute);
    // Deleting what the user asked to remove needs no question of Yeoman's.
    this.forceWrite(absolute);
  }

  #write(path: string, text: string): void {
    const absolute = this.destinationPath(path);
    this.fs.write(absolute, text);
    this.forceWrite(absolute);
  }

  /**
   * .yo-rc.json without this generator's entry: deleted when nothing else is in it (another
   * generator's entry stays, with the file's other bytes).
   */
  #forgetRuns(): void {
    const path = this.destinationPath('.yo-rc.json');
    const text = this.fs.exists(path) ? this.fs.read(path) : undefined;
    if (!text) return;
    const root = parseObject(text);
    if (!root || !propertyKeys(root).includes(this.rootGeneratorName())) return;
    if (this.#annotationsConnected()) {
      // ConfigCat's Amplitude integration lives in ConfigCat, not here: its ids stay, so that
      // `annotations disconnect` can still find it.
      let kept = text;
      for (const key of propertyKeys(objectAt(text, [this.rootGeneratorName()]))) {
        if (key !== ANNOTATIONS_KEY) kept = removeProperty(kept, [this.rootGeneratorName()], key);
      }
      this.#write('.yo-rc.json', kept);
      return;
    }
    const remaining = removeProperty(text, [], this.rootGeneratorName());
    const others = parseObject(remaining);
    if (others && propertyKeys(others).length === 0) this.#delete('.yo-rc.json');
    else this.#write('.yo-rc.json', remaining);
  }
}
