import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Generator, { type BaseOptions, type Storage } from 'yeoman-generator';
import type { Answers } from './answers.js';
import { declareOptions, type CommandName } from './cli-options.js';
import { labelCreatedFilesAsCreated } from './conflict-labels.js';
import type { ProjectFacts } from './detect.js';
import { decideWriteOf } from './edits.js';
import { introduceRun, type IntroductionIo } from './first-minute.js';
import { isInterruption, reportInterruptsWith } from './interrupt.js';
import { TEMPLATES_ROOT } from './package-root.js';
import { generateFile, prepareRun } from './pipeline.js';
import type { GenerationPlan } from './plan.js';
import type { PlannedFile } from './platform.js';
import type { Ask } from './resolve-answers.js';
import type { ProjectEslint } from './project-eslint.js';
import type { ProjectLintResult } from './project-lint.js';
import type { LintSummary } from './summary.js';
import { outcomeOnDisk, stagedFiles } from './staged-files.js';
import { interruptedLine } from './summary.js';
import { UserError } from './user-error.js';
import { ProjectStyleStorage, type StorageOptions } from './yo-rc.js';

export type ExposureGeneratorOptions = BaseOptions & {
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
  [option: string]: unknown;
};

/** Fingerprints of the files an earlier run generated, by path, to tell the user's edits apart. */
type Fingerprints = Record<string, string>;

/**
 * What the app and guide generators share: options, detection, answers, and writing generated
 * files without overwriting what the user edited.
 */
export abstract class ExposureGenerator extends Generator<Record<string, unknown>, ExposureGeneratorOptions> {
  protected facts!: ProjectFacts;
  protected answers!: Answers;
  protected plan!: GenerationPlan;
  protected readonly written: string[] = [];
  /** Files the user edited that a non-interactive run left alone. */
  protected readonly kept: string[] = [];
  /** What the project's own ESLint did to the generated files, for the summary. */
  protected lint: LintSummary | undefined;
  #projectEslint: ProjectEslint | undefined | null = null;
  /** Each file's text as the project's lint left it: linting that text again would only repeat the summary's lines. */
  readonly #linted = new Map<string, string>();

  constructor(args: string[], options: ExposureGeneratorOptions) {
    super(args, options, {
      // The install is run by this generator (package-manager-detector knows more managers, e.g. bun).
      customInstallTask: true,
      // A dry run commits nothing (Yeoman's would still print labels and ask): its summary shows each change as a diff.
      ...(options.dryRun ? { customCommitTask: async () => {} } : {}),
    });
    declareOptions(this, this.cliCommand);
    this.sourceRoot(TEMPLATES_ROOT);
    if (!options.help) this.#prepareTerminal();
  }

  /** Which command this generator is, for the options it offers (a getter: the constructor reads it). */
  protected get cliCommand(): CommandName {
    return 'app';
  }

  /** Labels that say what happened to each file, and a one-line answer to Ctrl-C. */
  #prepareTerminal(): void {
    const environment = this.env as unknown as { adapter: Parameters<typeof labelCreatedFilesAsCreated>[0]; logCwd?: string; cwd: string };
    const isDeleted = (absolutePath: string) => (this.fs as unknown as { store: { get(path: string): { state?: string } } }).store.get(absolutePath).state === 'deleted';
    labelCreatedFilesAsCreated(environment.adapter, environment.logCwd ?? environment.cwd, isDeleted);
    reportInterruptsWith(() => this.interruptReport());
  }

  /** The line printed when Ctrl-C stops the run: the files on disk, and those not written. */
  interruptReport(): string {
    return interruptedLine(outcomeOnDisk(this.destinationRoot(), stagedFiles(this.fs, this.destinationRoot())));
  }

  /**
   * Yeoman reads package.json for an app name while constructing; a malformed one would crash
   * there, before detection can explain it. The name is not used.
   */
  override determineAppname(): string {
    return basename(this.destinationRoot());
  }

  /**
   * Runs a task so that a `UserError` or Ctrl-C at a question reads as one line: Yeoman would
   * print "An error occured while running …" above it.
   */
  protected async failClearly(task: () => Promise<void> | void): Promise<void> {
    try {
      await task();
    } catch (error) {
      if (error instanceof UserError || isInterruption(error)) {
        const log = this.log;
        const quiet = Object.assign((...args: Parameters<typeof log>) => log(...args), log, { error: () => log });
        (this as { log: typeof log }).log = quiet;
      }
      throw error;
    }
  }

  protected async detectAndResolve(ask: boolean): Promise<void> {
    const run = await prepareRun(
      this.destinationRoot(),
      {
        options: this.options,
        saved: (this.config.get('answers') as Partial<Answers> | undefined) ?? {},
        ...(ask && this.canAsk() ? { ask: this.askQuestions } : {}),
        askAnswered: this.options.askAnswered === true,
      },
      this.addedEarlier(),
      ask ? (facts) => introduceRun(facts, this.#introductionIo()) : undefined,
    );
    ({ facts: this.facts, answers: this.answers, plan: this.plan } = run);
  }

  /** What the run says (and asks) before its questions: see first-minute.ts. */
  #introductionIo(): IntroductionIo {
    const confirm = async (message: string) => {
      const answers = await this.askQuestions([{ type: 'confirm', name: 'continueAnyway', message, default: true }]);
      return answers.continueAnyway === true;
    };
    return { log: (line) => this.log(line), dryRun: this.options.dryRun === true, ...(this.canAsk() ? { confirm } : {}) };
  }

  /** Questions need a terminal (or a test adapter); `--yes` turns them off. */
  protected canAsk(): boolean {
    if (this.options.yes) return false;
    const adapter = this.env.adapter as { actualAdapter?: { stdin?: NodeJS.ReadStream } };
    const stdin = adapter.actualAdapter?.stdin;
    return stdin === undefined || Boolean(stdin.isTTY);
  }

  private readonly askQuestions: Ask = (questions) => this.prompt(questions as never) as Promise<Record<string, unknown>>;

  /** Renders, formats and stages one file; what the user edited is asked about or kept. */
  protected async writeGenerated(file: PlannedFile): Promise<void> {
    const absolutePath = this.destinationPath(file.path);
    let generated = await generateFile(this.destinationRoot(), file);
    const onDisk = this.fs.exists(absolutePath) ? this.fs.read(absolutePath) ?? undefined : undefined;
    const fingerprints = (this.config.get('fingerprints') as Fingerprints | undefined) ?? {};
    let decision = await decideWriteOf(absolutePath, onDisk, generated, fingerprints[file.path]);
    // A re-run compares with what its lint fixes make of the file, as the first run wrote it (see `lintWrittenFiles`).
    let linted = false;
    if (decision.action !== 'unchanged' && onDisk !== undefined) {
      const fixed = await this.lintGenerated(file.path, generated);
      if (fixed !== generated) {
        generated = fixed;
        linted = true;
        decision = await decideWriteOf(absolutePath, onDisk, generated, fingerprints[file.path]);
      }
    }
    if (decision.action === 'ask' && !this.options.force && !this.canAsk()) {
      this.kept.push(file.path);
      return;
    }
    this.setConfig('fingerprints', { ...fingerprints, [file.path]: decision.fingerprint });
    if (decision.action === 'unchanged') return;
    if (decision.action === 'keep' && !this.options.force) {
      this.log(`${file.path} keeps your edits: this run generates what the last one did.`);
      return;
    }
    this.fs.write(absolutePath, generated);
    if (linted) this.lint?.fixed.push(file.path);
    // An earlier run's own output is replaced without a question; the user's edits go to Yeoman's.
    if (decision.action === 'replace') this.forceWrite(absolutePath);
    this.written.push(file.path);
  }

  /**
   * A generated file after the project's own ESLint fixes (see project-lint.ts), noted for the
   * summary; as it was when the project has no ESLint for it, or when the SDKs the file imports are
   * not installed (a type-aware configuration would then lint against missing types).
   */
  protected async lintGenerated(path: string, text: string): Promise<string> {
    // Markdown too: a configuration with a Markdown processor lints the guide's code blocks.
    if (!/\.(?:[cm]?[jt]sx?|md)$/.test(path) || this.#linted.get(path) === text) return text;
    const result = await this.#projectLint(path, text, !path.endsWith('.md'));
    if (result?.status !== 'linted') return text;
    if (result.exempted.length > 0) this.lint?.exempted.push({ file: path, rules: result.exempted });
    this.lint?.errors.push(...result.errors.map((error) => ({ file: path, ...error })));
    return result.text;
  }

  /**
   * An edited file of the user's after the project's ESLint fixes, only when that ESLint fixes
   * nothing in the file as it was before the edit (`before`; undefined when the edit created it):
   * then every fix is in what the edit added. Errors the edit did not bring are not reported.
   */
  protected async lintEdited(path: string, before: string | undefined, text: string): Promise<string> {
    const eslint = await this.#findEslint();
    let errorsBefore: readonly string[] = [];
    if (before !== undefined && eslint) {
      const unedited = await eslint.fix(this.destinationPath(path), before);
      if (unedited.status !== 'linted' || unedited.output !== before) return text;
      errorsBefore = unedited.errors.map((error) => `${error.ruleId} ${error.message}`);
    }
    const result = await this.#projectLint(path, text, false);
    if (result?.status !== 'linted') return text;
    const unexplained = [...errorsBefore];
    for (const error of result.errors) {
      const index = unexplained.indexOf(`${error.ruleId} ${error.message}`);
      if (index >= 0) unexplained.splice(index, 1);
      else this.lint?.errors.push({ file: path, ...error });
    }
    return result.text;
  }

  async #findEslint(): Promise<ProjectEslint | undefined> {
    if (this.#projectEslint === null) {
      const { findProjectEslint } = await import('./project-eslint.js');
      this.#projectEslint = findProjectEslint(this.destinationRoot());
    }
    return this.#projectEslint;
  }

  /** The project's lint of one file (see `finishWithProjectLint`), with what it fixed or failed on noted for the summary. */
  async #projectLint(path: string, text: string, exempt: boolean): Promise<ProjectLintResult | undefined> {
    const eslint = await this.#findEslint();
    if (!eslint) return undefined;
    const lint = (this.lint ??= { tool: eslint.name, fixed: [], exempted: [], errors: [], failed: [] });
    const { missingPackages } = await import('./install.js');
    const missing = missingPackages(this.destinationRoot(), this.sdkPackages());
    if (missing.length > 0) {
      lint.notLinted = `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not installed`;
      return undefined;
    }
    const [{ finishWithProjectLint }, { formatLikeProject, formatsWithOwnTool }] = await Promise.all([import('./project-lint.js'), import('./format.js')]);
    const absolutePath = this.destinationPath(path);
    const root = this.destinationRoot();
    // The project's formatter has the last word; without one, its ESLint does (a stylistic preset).
    const format = (await formatsWithOwnTool(absolutePath, root)) ? (fixed: string) => formatLikeProject(absolutePath, fixed, root) : async (fixed: string) => fixed;
    const result = await finishWithProjectLint(eslint, absolutePath, text, format, { exempt });
    // Markdown that a configuration without a Markdown processor fails to parse is Markdown the project does not lint.
    if (result.status === 'failed' && !path.endsWith('.md')) lint.failed.push({ file: path, reason: result.reason });
    if (result.status !== 'linted') return result;
    this.#linted.set(path, result.text);
    return result;
  }

  /** The SDKs the wiring imports, whether this run added them or the project had them. */
  protected sdkPackages(): string[] {
    return [...new Set([...Object.keys(this.plan.dependenciesToAdd), ...this.plan.sdkPackages])];
  }

  /** .yo-rc.json in the project's own JSON style, edited in place (Yeoman's storage rewrites it with two spaces). */
  override createStorage<Stored extends Record<string, unknown>>(storePath: string, options?: StorageOptions | string): Storage<Stored> {
    const storageOptions = typeof options === 'string' ? { name: options } : options;
    return new ProjectStyleStorage(this.fs, this.destinationPath(storePath), storageOptions) as Storage<Stored>;
  }

  /** Changes .yo-rc.json only when the value differs, so a re-run leaves it untouched. */
  protected setConfig(key: string, value: unknown): void {
    if (JSON.stringify(this.config.get(key)) !== JSON.stringify(value)) this.config.set(key, value);
  }

  protected forceWrite(absolutePath: string): void {
    (this.env.sharedFs.get(absolutePath) as { conflicter?: string }).conflicter = 'force';
  }

  protected saveAnswers(): void {
    this.setConfig('answers', this.answers);
    const added = [...new Set([...this.addedEarlier(), ...Object.keys(this.plan.dependenciesToAdd)])].sort();
    if (added.length > 0) this.setConfig('addedDependencies', added);
  }

  /**
   * .yo-rc.json as the project's formatter prints it (a format check over the whole tree reads it
   * too), once this run's changes to it are made. Untouched when this run did not change it.
   */
  protected async formatYoRc(): Promise<void> {
    const path = this.destinationPath('.yo-rc.json');
    const staged = this.fs.exists(path) ? this.fs.read(path) : undefined;
    if (staged === undefined || staged === null) return;
    const onDisk = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (staged === onDisk) return;
    const { formatLikeProject, projectFormats } = await import('./format.js');
    if (!(await projectFormats(path, this.destinationRoot()))) return;
    const formatted = await formatLikeProject(path, staged, this.destinationRoot()).catch(() => staged);
    if (formatted !== onDisk && formatted !== staged) this.fs.write(path, formatted);
    if (formatted === onDisk) this.fs.write(path, onDisk);
  }

  private addedEarlier(): string[] {
    return (this.config.get('addedDependencies') as string[] | undefined) ?? [];
  }
}
