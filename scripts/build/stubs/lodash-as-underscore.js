// Stands in for all of lodash, which yeoman-generator imports whole to offer it as `this._` (the
// whole of lodash-es is most of what Yeoman evaluates at start-up). These generators never use it;
// its other lodash imports are bundled function by function.
import { notBundled } from './not-bundled.js';

export default new Proxy(
  {},
  {
    get(target, key) {
      if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
      throw notBundled(`lodash as the generator's \`this._\` (this._.${key})`);
    },
  },
);
