// The floor for row 1 of the benchmark: a generator that does nothing, run through the same
// yeoman-environment machinery as the real one (its own bin, or yo). It declares the options the
// benchmark passes so the command line parses the same way.
import Generator from 'yeoman-generator';

export default class EmptyGenerator extends Generator {
  constructor(args, options) {
    super(args, options);
    this.option('yes', { type: Boolean, alias: 'y' });
    this.option('platform', { type: String });
  }

  writing() {}
}
