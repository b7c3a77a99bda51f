/**
 * Version ranges written to package.json, so generating needs no network. A test checks each
 * against the version installed here as a devDependency.
 */
export const SDK_VERSION_RANGES: Readonly<Record<string, string>> = {
  '@configcat/sdk': '^1.1.0',
  'configcat-react': '^5.1.0',
  '@amplitude/analytics-browser': '^2.48.1',
  '@amplitude/analytics-node': '^1.5.73',
};

export function versionRangeOf(packageName: string): string {
  const range = SDK_VERSION_RANGES[packageName];
  if (!range) throw new Error(`No version range for ${packageName}`);
  return range;
}

/** Packages whose support ended (their READMEs name the package that supersedes them), by the date. */
const END_OF_SUPPORT: Readonly<Record<string, string>> = {
  'configcat-js': '2026-08-31',
  'configcat-node': '2026-08-31',
};

export function endOfSupportOf(packageName: string): string {
  const date = END_OF_SUPPORT[packageName];
  if (!date) throw new Error(`No end of support known for ${packageName}`);
  return date;
}
