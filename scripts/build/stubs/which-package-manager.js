// Stands in for which-package-manager: yeoman-environment's own install detects the manager with
// it, but this package's generators set `customInstallTask` and run the install themselves
// (generators/lib/install.ts, with package-manager-detector).
import { notBundled } from './not-bundled.js';

export async function whichPackageManager() {
  throw notBundled("Yeoman's package-manager install (which-package-manager)");
}
