import { posix } from 'node:path';
import type { Answers, PackageManagerName } from './answers.js';
import type { ProjectFacts } from './detect.js';
import { endpointVariables, type EnvironmentConvention } from './environment-variables.js';
import { GUIDE_TEMPLATE, type GuideContext } from './guide-context.js';
import { plannedFile, type CommonContext, type EntryPoint, type PlatformDescriptor, type PlannedFile } from './platform.js';
import { platformById } from './platforms.js';
import { compareVersions, isKnownSdkPackage, parseVersion, sdkSupport, type SdkCapabilities, type Version } from './sdk-majors.js';
import { endOfSupportOf, versionRangeOf } from './sdk-versions.js';
import { UserError } from './user-error.js';

/** Text values longer than this are reported by variation ID in `auto` mode. */
export const AUTO_TEXT_LIMIT = 40;

/** Everything a run writes and says, decided from the answers and the project alone. */
export interface GenerationPlan {
  readonly platform: PlatformDescriptor;
  readonly convention: EnvironmentConvention;
  /** The platform's files, the wiring module first. */
  readonly files: readonly [PlannedFile, ...PlannedFile[]];
  readonly guide: PlannedFile;
  /** Packages (name → range) to add to package.json's dependencies. */
  readonly dependenciesToAdd: Readonly<Record<string, string>>;
  /** The ConfigCat and Amplitude packages the generated code imports. */
  readonly sdkPackages: readonly string[];
  /** A ConfigCat package that reached its end of support and is kept, if the project uses one. */
  readonly legacyConfigcat?: LegacyPackage;
  /** The project had no Amplitude SDK, so the wiring also exports `initAmplitude`. */
  readonly initAmplitude: boolean;
  /** What the user adds to their entry file. */
  readonly importLines: readonly string[];
  /** How this project names a TypeScript module in an import, when a file does not show it. */
  readonly importExtension: 'js' | 'none';
}

export interface LegacyPackage {
  readonly name: string;
  /** The package that supersedes it. */
  readonly replacement: string;
  /** ISO date its support ended. */
  readonly endOfSupport: string;
}

/**
 * `addedEarlier` lists the dependencies an earlier run added: they do not count as the user's
 * own, so a re-run plans exactly what the first run did.
 */
export function planGeneration(answers: Answers, facts: ProjectFacts, addedEarlier: readonly string[] = []): GenerationPlan {
  const platform = platformById(answers.platform);
  refuseUnwirableProjects(facts);
  if (!platform.bundled) refuseEdgeRuntimes(facts);
  if (answers.language === 'ts') refuseOldTypeScript(facts, answers.packageManager ?? facts.packageManager.name);
  const convention = platform.environment(facts.framework);
  const typescript = answers.language === 'ts';

  const keptName = platform.sdks.keptConfigcat?.find((name) => facts.configcatPackages.includes(name));
  const legacyName = keptName ? undefined : platform.sdks.legacyConfigcat.find((name) => facts.configcatPackages.includes(name));
  const legacyConfigcat = legacyName
    ? { name: legacyName, replacement: platform.sdks.configcat, endOfSupport: endOfSupportOf(legacyName) }
    : undefined;
  const configcatPackage = keptName ?? legacyName ?? platform.sdks.configcat;
  const existingAmplitude = platform.sdks.amplitude.find(
    (name) => facts.amplitudePackages.includes(name) && !addedEarlier.includes(name),
  );
  const amplitudePackage = existingAmplitude ?? platform.sdks.amplitude[0];
  const dependenciesToAdd = Object.fromEntries(
    [configcatPackage, amplitudePackage]
      .filter((name) => !isDeclared(facts, name))
      .map((name) => [name, versionRangeOf(name)]),
  );
  const initAmplitude = existingAmplitude === undefined;
  const installCommand = addCommand(answers.packageManager ?? facts.packageManager.name);
  const configcatSupport = supportOf(facts, configcatPackage, addedEarlier, installCommand);
  if (existingAmplitude) supportOf(facts, existingAmplitude, addedEarlier, installCommand);
  const esm = facts.moduleSystem === 'esm' || platform.bundled;
  // Node's ES modules (`nodenext`) want the `.js` a TypeScript file compiles to; Vite and Next.js map it
  // back to the source, so their projects name it too and also type-check under `nodenext`.
  // Next.js's bundler does not map `.js` back to a `.tsx` source: only a project checked with nodenext needs it there.
  const runtimeExtension = (!platform.bundled && facts.moduleSystem === 'esm') || facts.framework === 'vite' || facts.resolvesLikeNode;
  const specifier = (fromDir: string, path: string) => moduleSpecifier(fromDir, path, typescript, runtimeExtension);
  const importLine = ({ names, path }: EntryPoint): string => {
    const from = specifier(facts.sourceDir, path);
    // TypeScript compiles `import` to what the module system needs; plain CommonJS JavaScript requires.
    return typescript || esm ? `import { ${names.join(', ')} } from '${from}';` : `const { ${names.join(', ')} } = require('${from}');`;
  };

  const endpoints = endpointVariables(convention);
  const common: CommonContext = {
    typescript,
    esm,
    configcatPackage,
    amplitudePackage,
    inlineTypeImports: facts.parsesInlineTypeImports,
    detailsType: configcatSupport?.kind === 'configcat' ? configcatSupport.detailsType : 'EvaluationDetails',
    initAmplitude,
    variantMode: answers.variant,
    identify: answers.identify,
    trackDefaultValues: answers.trackDefaultValues,
    sdkKeyEnv: answers.sdkKeyEnv,
    amplitudeKeyEnv: answers.amplitudeKeyEnv,
    configcatBaseUrlEnv: endpoints.configcatBaseUrl,
    amplitudeServerUrlEnv: endpoints.amplitudeServerUrl,
    amplitudeEu: answers.amplitudeServerZone === 'eu',
    configcatEuOnly: answers.configcatDataGovernance === 'eu',
    envAccessor: convention.accessor,
    autoTextLimit: AUTO_TEXT_LIMIT,
    guidePath: answers.guide,
    framework: facts.framework,
    dotenv: isDeclared(facts, 'dotenv'),
  };
  const platformPlan = platform.plan({
    answers,
    project: facts,
    common,
    outputPath: (fileName) => posix.join(answers.dir, fileName),
    specifier,
  });
  const importLines = platformPlan.entryPoints.filter(({ names }) => names.length > 0).map(importLine);

  const guideContext: GuideContext = {
    ...common,
    platformTitle: platform.title,
    files: platformPlan.files.map(({ label, path }) => ({ label, path })),
    wiringPath: platformPlan.files[0].path,
    importLines,
    attachImportLine: importLine({ names: ['attachAmplitudeExposures'], path: platformPlan.attachFrom }),
    endpointImportLine: importLine({ names: ['configCatEndpointOptions'], path: platformPlan.attachFrom }),
    sourceDir: facts.sourceDir,
    envDescription: convention.description,
    sdkPackages: [configcatPackage, amplitudePackage].map((name) => ({ name, version: declaredRange(facts, name) ?? versionRangeOf(name) })),
    legacy: legacyConfigcat ?? null,
    platform: platformPlan.guide.values,
  };
  return {
    platform,
    convention,
    files: platformPlan.files,
    guide: { ...plannedFile('Guide', answers.guide, GUIDE_TEMPLATE, guideContext), partials: platformPlan.guide.fragments },
    dependenciesToAdd,
    sdkPackages: [configcatPackage, amplitudePackage],
    ...(legacyConfigcat ? { legacyConfigcat } : {}),
    initAmplitude,
    importLines,
    importExtension: runtimeExtension ? 'js' : 'none',
  };
}

/** What the generated TypeScript uses: inline `type` imports (4.5), labelled tuple elements and `??=` (4.0). */
const OLDEST_TYPESCRIPT: Version = [4, 5, 0];

/** An older TypeScript would not parse the generated module (and would emit a broken one): nothing is written. */
function refuseOldTypeScript(facts: ProjectFacts, manager: PackageManagerName): void {
  const installed = facts.typescriptVersion === undefined ? undefined : parseVersion(facts.typescriptVersion);
  if (!installed || compareVersions(installed, OLDEST_TYPESCRIPT) >= 0) return;
  const upgrade = manager === 'npm' ? 'npm install --save-dev typescript@^5' : `${manager} add -D typescript@^5`;
  throw new UserError(
    `The generated TypeScript needs TypeScript 4.5 or later; this project has ${facts.typescriptVersion}. Upgrade it (${upgrade}), or run again with --language js. Nothing was written.`,
  );
}

/**
 * Projects whose flags the generated code would not see, or whose browser code would never get the
 * keys: told so before anything is written, rather than sent away with files nothing uses.
 */
const UNWIRABLE: readonly { readonly marker: string; readonly why: string }[] = [
  {
    marker: 'astro',
    why: 'This is an Astro project, which this generator does not wire yet: Astro gives browser code only PUBLIC_ variables and has no single entry file. Nothing was written.',
  },
  {
    marker: 'configcat-js-ssr',
    why: "This project evaluates its flags with configcat-js-ssr, whose clients this generator does not wire yet (they would send no exposure): move them to @configcat/sdk (its getClient takes the same options), then run again. Nothing was written.",
  },
];

function refuseUnwirableProjects(facts: ProjectFacts): void {
  const declared = { ...facts.packageJson.dependencies, ...facts.packageJson.devDependencies };
  const found = UNWIRABLE.find(({ marker }) => marker in declared);
  if (found) throw new UserError(found.why);
}

/** Packages that say the server code runs on an edge runtime, where Node's built-in modules are missing. */
const EDGE_RUNTIMES: Readonly<Record<string, string>> = {
  wrangler: 'Cloudflare Workers',
  '@cloudflare/workers-types': 'Cloudflare Workers',
  '@cloudflare/vitest-pool-workers': 'Cloudflare Workers',
  '@vercel/edge': 'the Vercel Edge runtime',
};

/**
 * A server on an edge runtime gets nothing rather than code that does not build: Amplitude's
 * Node SDK needs Node's `http` and `https`, which Workers and edge functions do not have.
 */
function refuseEdgeRuntimes(facts: ProjectFacts): void {
  const declared = { ...facts.packageJson.dependencies, ...facts.packageJson.devDependencies };
  const marker = Object.keys(EDGE_RUNTIMES).find((name) => name in declared);
  if (!marker) return;
  throw new UserError(
    `This looks like a ${EDGE_RUNTIMES[marker]} project (${marker} in package.json), which the generated server code does not run on: Amplitude's Node SDK needs Node's http module. Nothing was written; run it in a Node.js or browser project (or pass --platform js for browser code).`,
  );
}

/**
 * What the project's own copy of an SDK can do; a version the generated code cannot work with
 * stops the run before anything is written, with the upgrade command. Packages this generator adds
 * are the versions it writes, so they need no check.
 */
function supportOf(
  facts: ProjectFacts,
  name: string,
  addedEarlier: readonly string[],
  installCommand: (spec: string) => string,
): SdkCapabilities | undefined {
  const declared = declaredRange(facts, name);
  if ((declared === undefined || addedEarlier.includes(name)) && facts.installedVersions[name] === undefined) return undefined;
  if (!isKnownSdkPackage(name)) return undefined;
  const installed = facts.installedVersions[name];
  const support = sdkSupport(name, declared, { ...(installed ? { installedVersion: installed } : {}), installCommand });
  if (!support.supported) throw new UserError(support.message);
  return support.capabilities;
}

/** The package manager's command that adds a package (and updates the lockfile). */
function addCommand(manager: PackageManagerName): (spec: string) => string {
  return (spec) => (manager === 'npm' ? `npm install ${spec}` : `${manager} add ${spec}`);
}

function isDeclared(facts: ProjectFacts, name: string): boolean {
  return declaredRange(facts, name) !== undefined;
}

function declaredRange(facts: ProjectFacts, name: string): string | undefined {
  const { dependencies = {}, devDependencies = {}, peerDependencies = {} } = facts.packageJson;
  const spec = dependencies[name] ?? devDependencies[name] ?? peerDependencies[name];
  // A pnpm catalog's range, for what the SDK majors and the guide need: the version.
  return spec?.startsWith('catalog:') ? (facts.catalogRanges?.[name] ?? spec) : spec;
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
