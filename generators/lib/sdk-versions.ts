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
