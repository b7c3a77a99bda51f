// Stands in for execa: Yeoman runs commands with it for generator lookups (`npm root -g`) and its
// `spawnCommand` helpers; this package runs its one child process, the install, with node:child_process
// (generators/lib/install.ts).
import { notBundled } from './not-bundled.js';

const unavailable = () => {
  throw notBundled("Yeoman's command runner (execa)");
};
export const execa = unavailable;
export const execaSync = unavailable;
export const execaCommand = unavailable;
export const execaCommandSync = unavailable;
export const execaNode = unavailable;
export const $ = unavailable;
