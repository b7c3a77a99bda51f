import { resolveCommand } from 'package-manager-detector/commands';
import { ExposureGenerator } from '../lib/base-generator.js';
import { plannedFiles } from '../lib/pipeline.js';
import { addDependencies } from '../lib/package-json.js';
import { summarize } from '../lib/summary.js';
import { UserError } from '../lib/user-error.js';

/** `yo configcat-amplitude`: the wiring module, the guide and the SDK dependencies. */
export default class AppGenerator extends ExposureGenerator {
  private dependenciesChanged = false;

  async initializing(): Promise<void> {
    await this.failClearly(() => this.detectAndResolve(true));
  }

  async writing(): Promise<void> {
    await this.failClearly(async () => {
      for (const file of plannedFiles(this.plan)) await this.writeGenerated(file);
      this.#writePackageJson();
      this.saveAnswers();
    });
  }

  async install(): Promise<void> {
    await this.failClearly(() => this.#install());
  }

  end(): Promise<void> {
    return this.failClearly(() => this.#end());
  }

  async #install(): Promise<void> {
    if (!this.dependenciesChanged || this.options.skipInstall || this.options.dryRun) return;
    const { command, args } = this.#installCommand();
    this.log(`Installing ${Object.keys(this.plan.dependenciesToAdd).join(', ')} with ${command}…`);
    const { execa } = await import('execa');
    try {
      await execa(command, args, { cwd: this.destinationRoot(), stdio: 'inherit' });
    } catch {
      throw new UserError(`${[command, ...args].join(' ')} failed; the files were written: run it yourself in ${this.destinationRoot()}.`);
    }
  }

  #end(): void {
    const installCommand =
      this.dependenciesChanged && (this.options.skipInstall || this.options.dryRun) ? this.#installCommand() : undefined;
    this.log(
      summarize({
        plan: this.plan,
        answers: this.answers,
        written: this.written,
        kept: this.kept,
        ...(installCommand ? { installCommand: [installCommand.command, ...installCommand.args].join(' ') } : {}),
      }),
    );
    if (this.kept.length > 0) {
      throw new UserError(`${this.kept.join(', ')} changed since it was generated and was kept: run again with --force to replace it.`);
    }
  }

  /** package.json keeps its own indentation; it changes only when a dependency is missing. */
  #writePackageJson(): void {
    const updated = addDependencies(this.facts.packageJsonText, this.plan.dependenciesToAdd);
    if (updated === this.facts.packageJsonText) return;
    const path = this.destinationPath('package.json');
    this.fs.write(path, updated);
    // Adding the dependencies is what the user asked for; Yeoman would otherwise ask about it.
    this.forceWrite(path);
    this.dependenciesChanged = true;
    this.written.push('package.json');
  }

  #installCommand(): { command: string; args: string[] } {
    const agent = this.answers.packageManager ?? this.facts.packageManager.agent;
    const resolved = resolveCommand(agent as Parameters<typeof resolveCommand>[0], 'install', []);
    return resolved ?? { command: 'npm', args: ['install'] };
  }
}
