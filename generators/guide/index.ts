import { ExposureGenerator } from '../lib/base-generator.js';
import { UserError } from '../lib/user-error.js';

/** `yo configcat-amplitude:guide`: rewrites only the guide, from the answers in .yo-rc.json. */
export default class GuideGenerator extends ExposureGenerator {
  async initializing(): Promise<void> {
    await this.failClearly(async () => {
      if (!this.config.get('answers')) {
        throw new UserError('No saved answers in .yo-rc.json: run `yo configcat-amplitude` (or `npx generator-configcat-amplitude`) first.');
      }
      await this.detectAndResolve(false);
    });
  }

  async writing(): Promise<void> {
    await this.failClearly(() => this.writeGenerated(this.plan.guide));
  }

  end(): Promise<void> {
    return this.failClearly(() => {
      if (this.kept.length > 0) {
        throw new UserError(`${this.kept.join(', ')} changed since it was generated and was kept: run again with --force to replace it.`);
      }
      this.log(this.written.length > 0 ? `Wrote ${this.plan.guide.path}.` : `${this.plan.guide.path} is up to date.`);
    });
  }
}
