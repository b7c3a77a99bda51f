// Stands in for simple-git, behind yeoman-generator's `this.simpleGit`, which these generators never use.
import { notBundled } from './not-bundled.js';

export const CheckRepoActions = {};
export const CleanOptions = {};
export function simpleGit() {
  throw notBundled("the generator's git helper (simple-git)");
}
