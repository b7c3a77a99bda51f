import type { Framework, ProjectFacts } from './detect.js';

const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  next: 'Next.js',
  cra: 'Create React App',
  vite: 'Vite',
  bundler: 'a browser bundler',
  none: 'no browser bundler',
};

const PACKAGE_MANAGER_NAMES: Readonly<Record<string, string>> = {
  npm: 'npm',
  pnpm: 'pnpm',
  'pnpm@6': 'pnpm 6',
  yarn: 'Yarn 1',
  'yarn@berry': 'Yarn 2+',
  bun: 'Bun',
};

/**
 * One line of what detection found, shown before the first question (and in `--yes` runs), so
 * a wrong guess is seen before it shapes the answers' defaults.
 */
export function describeProject(facts: ProjectFacts): string {
  const sdks = [...facts.configcatPackages, ...facts.amplitudePackages];
  return [
    `Detected: ${FRAMEWORK_NAMES[facts.framework]}`,
    facts.typescript ? 'TypeScript' : 'JavaScript',
    facts.moduleSystem === 'esm' ? 'ES modules' : 'CommonJS',
    PACKAGE_MANAGER_NAMES[facts.packageManager.agent] ?? facts.packageManager.name,
    `SDKs present: ${sdks.length > 0 ? sdks.join(', ') : 'none'}`,
  ].join(', ');
}
