import { posix } from 'node:path';
import type { Answers } from './answers.js';
import type { ProjectFacts } from './detect.js';
import { environmentConvention, type EnvironmentConvention } from './environment-variables.js';
import { platformById, type Platform } from './platforms.js';
import { versionRangeOf } from './sdk-versions.js';

/** Text values longer than this are reported by variation ID in `auto` mode. */
export const AUTO_TEXT_LIMIT = 40;

export interface PlannedFile {
  /** Template path under templates/. */
  readonly template: string;
  /** Output path relative to the project root, with forward slashes. */
  readonly path: string;
}

/** Everything a run writes and says, decided from the answers and the project alone. */
export interface GenerationPlan {
  readonly platform: Platform;
  readonly convention: EnvironmentConvention;
  readonly wiring: PlannedFile;
  readonly provider?: PlannedFile;
  readonly guide: PlannedFile;
  /** Packages (name → range) to add to package.json's dependencies. */
  readonly dependenciesToAdd: Readonly<Record<string, string>>;
  /** A ConfigCat package that reached its end of support and is kept, if the project uses one. */
  readonly legacyConfigcatPackage?: string;
  /** The project had no Amplitude SDK, so the wiring also exports `initAmplitude`. */
  readonly initAmplitude: boolean;
  /** What the user adds to their entry file. */
  readonly importLines: readonly string[];
  /** The values templates are rendered with. */
  readonly context: Readonly<Record<string, unknown>>;
}

/**
 * `addedEarlier` lists the dependencies an earlier run added: they do not count as the user's
 * own, so a re-run plans exactly what the first run did.
 */
export function planGeneration(answers: Answers, facts: ProjectFacts, addedEarlier: readonly string[] = []): GenerationPlan {
  const platform = platformById(answers.platform);
  const convention = environmentConvention(platform.id, facts.framework);
  const typescript = answers.language === 'ts';
  const codeExtension = typescript ? 'ts' : 'js';
  const wiring = {
    template: `${platform.templateFolder}/configcat-amplitude.${codeExtension}.hbs`,
    path: posix.join(answers.dir, `configcat-amplitude.${codeExtension}`),
  };
  const provider = platform.provider
    ? {
        template: `react/ConfigCatAmplitudeProvider.${codeExtension}x.hbs`,
        path: posix.join(answers.dir, `ConfigCatAmplitudeProvider.${codeExtension}x`),
      }
    : undefined;

  const legacyConfigcatPackage = platform.legacyConfigcatPackages.find((name) => facts.configcatPackages.includes(name));
  const configcatPackage = legacyConfigcatPackage ?? platform.configcatPackage;
  const existingAmplitude = platform.amplitudePackages.find(
    (name) => facts.amplitudePackages.includes(name) && !addedEarlier.includes(name),
  );
  const amplitudePackage = existingAmplitude ?? platform.amplitudePackages[0]!;
  const dependenciesToAdd = Object.fromEntries(
    [configcatPackage, amplitudePackage]
      .filter((name) => !isDeclared(facts, name))
      .map((name) => [name, versionRangeOf(name)]),
  );
  const initAmplitude = existingAmplitude === undefined;
  // Node's ES modules (`nodenext`) want the `.js` a TypeScript file compiles to; Vite maps it back to
  // the source, so Vite projects name it too and also type-check under `nodenext`.
  const runtimeExtension = (platform.serverSide && facts.moduleSystem === 'esm') || facts.framework === 'vite';
  const importLine = (names: readonly string[], file: PlannedFile): string => {
    const from = moduleSpecifier(facts.sourceDir, file.path, typescript, runtimeExtension);
    return !typescript && platform.id === 'node' && facts.moduleSystem === 'cjs'
      ? `const { ${names.join(', ')} } = require('${from}');`
      : `import { ${names.join(', ')} } from '${from}';`;
  };
  const importLines = entryPoints(platform, initAmplitude, provider, wiring).map(({ names, file }) => importLine(names, file));

  const context = {
    platform: platform.id,
    typescript,
    esm: facts.moduleSystem === 'esm' || platform.id !== 'node',
    configcatPackage,
    amplitudePackage,
    legacy: legacyConfigcatPackage !== undefined,
    detailsType: legacyConfigcatPackage ? 'IEvaluationDetails' : 'EvaluationDetails',
    createClient: platform.createsClient,
    initAmplitude,
    needsMissingEnv: platform.createsClient || initAmplitude,
    variantMode: answers.variant,
    identify: answers.identify,
    trackDefaultValues: answers.trackDefaultValues,
    sdkKeyEnv: answers.sdkKeyEnv,
    amplitudeKeyEnv: answers.amplitudeKeyEnv,
    envAccessor: convention.accessor,
    autoTextLimit: AUTO_TEXT_LIMIT,
    guidePath: answers.guide,
    /** How the React provider imports the wiring module beside it. */
    coreImportPath: moduleSpecifier(answers.dir, wiring.path, typescript, runtimeExtension),
    importLines,
    wiringPath: wiring.path,
    providerPath: provider?.path ?? '',
    codeFence: typescript ? (provider ? 'tsx' : 'ts') : provider ? 'jsx' : 'js',
    platformTitle: platform.title,
    serverSide: platform.serverSide,
    framework: facts.framework,
    envDescription: convention.description,
    /** The folder the import lines are written for (the project's entry file sits there). */
    sourceDir: facts.sourceDir,
    /** How an app that already has a ConfigCat client imports the attach function. */
    attachImportLine: importLine(['attachAmplitudeExposures'], wiring),
    legacyConfigcatPackage: legacyConfigcatPackage ?? '',
    newConfigcatPackage: platform.configcatPackage,
    /** Name and range of each SDK the wiring uses, as package.json declares it. */
    sdkPackages: [configcatPackage, amplitudePackage].map((name) => ({ name, version: declaredRange(facts, name) ?? versionRangeOf(name) })),
  };
  return {
    platform,
    convention,
    wiring,
    ...(provider ? { provider } : {}),
    guide: { template: 'guide/configcat-amplitude.md.hbs', path: answers.guide },
    dependenciesToAdd,
    ...(legacyConfigcatPackage ? { legacyConfigcatPackage } : {}),
    initAmplitude,
    importLines,
    context,
  };
}

/** What an app calls from its entry file, by the file that exports it. */
function entryPoints(
  platform: Platform,
  initAmplitude: boolean,
  provider: PlannedFile | undefined,
  wiring: PlannedFile,
): { names: string[]; file: PlannedFile }[] {
  const wiringNames = platform.createsClient ? ['createConfigCatClient'] : [];
  if (initAmplitude) wiringNames.push('initAmplitude');
  if (platform.serverSide) wiringNames.push('flushAmplitudeExposures');
  const groups = provider ? [{ names: ['ConfigCatAmplitudeProvider'], file: provider }] : [];
  if (wiringNames.length > 0) groups.push({ names: wiringNames, file: wiring });
  return groups;
}

function isDeclared(facts: ProjectFacts, name: string): boolean {
  return declaredRange(facts, name) !== undefined;
}

function declaredRange(facts: ProjectFacts, name: string): string | undefined {
  const { dependencies = {}, devDependencies = {}, peerDependencies = {} } = facts.packageJson;
  return dependencies[name] ?? devDependencies[name] ?? peerDependencies[name];
}

/**
 * How a file in `fromDir` imports `path`. A JavaScript file is named with its own extension, which
 * Node and every bundler resolve. TypeScript is named by the `.js` it compiles to where that is
 * needed (`runtimeExtension`), else without an extension, as bundlers resolve it.
 */
function moduleSpecifier(fromDir: string, path: string, typescript: boolean, runtimeExtension: boolean): string {
  const relativePath = posix.relative(fromDir, path);
  const specifier = relativePath.startsWith('.') ? relativePath : `./${relativePath}`;
  if (!typescript) return specifier;
  const bare = specifier.replace(/\.tsx?$/, '');
  return runtimeExtension ? `${bare}.js` : bare;
}
