// Stands in for globby: yeoman-environment globs node_modules folders with it to look generators up
// by name (yo's way); the bin registers its generator by path and never looks up.
import { notBundled } from './not-bundled.js';

const unavailable = () => {
  throw notBundled('looking generators up (globby)');
};
export const globby = unavailable;
export const globbySync = unavailable;
export const globbyStream = unavailable;
export const isDynamicPattern = unavailable;
export const generateGlobTasks = unavailable;
export const generateGlobTasksSync = unavailable;
export const isGitIgnored = unavailable;
export const isGitIgnoredSync = unavailable;
export const convertPathToPattern = unavailable;
