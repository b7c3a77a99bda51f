import { ExposureGenerator } from '../lib/base-generator.js';
import { setupOptionsGiven } from '../lib/cli-options.js';
import { outcomeOnDisk, pickStaged, stagedFiles, wouldWrite } from '../lib/staged-files.js';
import { summarizeDryRun } from '../lib/summary.js';
import { UserError } from '../lib/user-error.js';

/** `yo configcat-amplitude:guide`: rewrites only the guide, from the answers in .yo-rc.json. */
export default class GuideGenerator extends ExposureGenerator {
  protected override get cliCommand(): 'guide' {
    return 'guide';
  }

  async initializing(): Promise<void> {
    await this.failClearly(async () => {
      // The guide describes the generated code: an answer given here would make it describe other code.
      const given = setupOptionsGiven(this.options);
      if (given.length > 0) {
        throw new UserError(
          `guide does not take ${given.join(', ')}: it rewrites the guide from the saved answers. To change them, run the main command instead (npx generator-configcat-amplitude ${given.join(' ')} …, or yo configcat-amplitude).`,
        );
      }
      if (!this.config.get('answers')) {
        throw new UserError('No saved answers in .yo-rc.json: run `yo configcat-amplitude` (or `npx generator-configcat-amplitude`) first.');
      }
      await this.detectAndResolve(false);
    });
  }

  async writing(): Promise<void> {
    await this.failClearly(async () => {
      await this.writeGenerated(this.plan.guide);
      await this.formatYoRc();
    });
  }

  end(): Promise<void> {
    return this.failClearly(() => {
      const root = this.destinationRoot();
      if (this.options.dryRun) {
        this.log(summarizeDryRun({ changes: wouldWrite(root, stagedFiles(this.fs, root)), kept: this.kept }));
        return;
      }
      if (this.kept.length > 0) {
        throw new UserError(`${this.kept.join(', ')} changed since it was generated and was kept: run again with --force to replace it.`);
      }
      const { written, notWritten } = outcomeOnDisk(root, pickStaged(stagedFiles(this.fs, root), this.written));
      if (notWritten.length > 0) this.log(`Skipped ${notWritten.join(', ')} (you chose not to overwrite it).`);
      else this.log(written.length > 0 ? `Wrote ${this.plan.guide.path}.` : `${this.plan.guide.path} is up to date.`);
    });
  }
}
