// Stands in for latest-version: yeoman-generator asks the registry with it for a dependency added
// without a version; these generators always write explicit ranges.
import { notBundled } from './not-bundled.js';

export default async function latestVersion() {
  throw notBundled('looking up the latest version of a package (latest-version)');
}
