import { basename, relative } from 'node:path';
import { loadBundledPrettier } from './bundled-prettier.js';
import { prettierOptionsFromBiome } from './biome-not-installed.js';
import { formattingNotes } from './formatting-notes.js';
import { biomeFormats, chooseFormatter, findBiome, findBiomeConfig, readBiomeConfig, readFormatterSignals, runsPrettierItself, type BiomeInstall, type FormatterSignals } from './formatter-choice.js';
import { finishMarkdown } from './markdown-form.js';
import { formatWithBiome } from './project-biome.js';
import { loadProjectPrettier, resolvePluginsFrom, type PrettierApi } from './project-prettier.js';
import { UserError } from './user-error.js';

/**
 * Formats generated text as the project formats its own:
 * - with its own Biome (`biome check --write`, linter off: its formatter and import organizer) when it
 *   installs and configures Biome and its scripts do not leave formatting to Prettier alone
 *   (see `chooseFormatter`); Markdown too when that Biome formats it (2.x releases with a
 *   Markdown formatter), else Markdown goes on to Prettier, as do files Biome's configuration ignores;
 * - else with its own installed Prettier (2 or 3) and that Prettier's configuration, plugins
 *   and overrides for the path, .editorconfig included;
 * - else with the Prettier bundled here, honouring the project's Prettier configuration or
 *   .editorconfig if it has one, Prettier's defaults otherwise (Markdown, written in Prettier's form
 *   already, is then only finished: see markdown-form.ts).
 * A formatter is loaded only when a file needs it, once per run.
 */
export async function formatLikeProject(absolutePath: string, text: string, projectRoot: string): Promise<string> {
  const { biome, emulated } = biomeFormatting(absolutePath, projectRoot);
  if (biome) {
    let formatted: string | undefined;
    try {
      formatted = await formatWithBiome(biome, absolutePath, text);
    } catch (error) {
      const config = relative(projectRoot, biome.configFile) || biome.configFile;
      throw new UserError(`Your Biome configuration (${config}) could not format ${basename(absolutePath)} (${firstLine(error)}): fix it, then run again.`);
    }
    if (formatted !== undefined) {
      if (biome.outsideProject) formattingNotes.add(`Formatted with Biome ${biome.version}, the copy your npx runs (Biome is not in your package.json).`);
      return formatted;
    }
  }
  if (emulated) {
    formattingNotes.add(
      `Formatted as your ${basename(emulated)} says, with the Prettier bundled here: Biome is neither installed nor in npx's cache, so its import organizer did not run. Run your Biome's check --write once.`,
    );
    const prettier = await loadBundledPrettier();
    return prettier.format(text, { ...fasterParser(absolutePath), ...prettierOptionsFromBiome(readBiomeConfig(emulated)), filepath: absolutePath });
  }
  const projectPrettier = loadProjectPrettier(absolutePath);
  if (projectPrettier) {
    let api: PrettierApi;
    let version: string;
    try {
      ({ api, version } = await projectPrettier);
    } catch (error) {
      throw new UserError(`Your project's Prettier could not be loaded (${firstLine(error)}): reinstall it, then run again.`);
    }
    return formatWithPrettier(api, absolutePath, text, {}, undefined, version);
  }
  const prettier = await loadBundledPrettier();
  const withoutConfig = absolutePath.endsWith('.md') ? (markdown: string) => finishMarkdown(markdown, markdownTools(prettier)) : undefined;
  return formatWithPrettier(prettier, absolutePath, text, fasterParser(absolutePath), withoutConfig);
}

/**
 * Whether Biome formats this path (see `chooseFormatter`): with the copy of Biome there is to run
 * (`biome`), or, for code and JSON where there is none, as its configuration file says (`emulated`).
 * `signals` is what the project says about formatting, for the Prettier that may format it instead.
 */
function biomeFormatting(absolutePath: string, projectRoot: string): { biome?: BiomeInstall; emulated?: string; signals: FormatterSignals } {
  const biome = findBiome(absolutePath);
  const configFile = biome?.configFile ?? findBiomeConfig(absolutePath);
  const signals = readFormatterSignals(projectRoot, configFile === undefined ? undefined : { configFile });
  if (!configFile || chooseFormatter(signals) !== 'biome') return { signals };
  if (biome) return biomeFormats(absolutePath, biome) ? { biome, signals } : { signals };
  return /\.(?:[cm]?[jt]sx?|jsonc?)$/.test(absolutePath) ? { emulated: configFile, signals } : { signals };
}

/**
 * `withoutConfig`: what prints the file as Prettier would with no configuration, without Prettier's
 * formatter for it (used when the project has no configuration for the path).
 */
async function formatWithPrettier(
  prettier: PrettierApi,
  absolutePath: string,
  text: string,
  defaults: Record<string, unknown>,
  withoutConfig?: (text: string) => Promise<string>,
  /** The project's own Prettier version, named when it fails (an old one may not parse newer syntax). */
  projectVersion?: string,
): Promise<string> {
  let config: Record<string, unknown>;
  try {
    config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
    if (config['plugins']) {
      config = { ...config, plugins: resolvePluginsFrom(await prettier.resolveConfigFile(absolutePath), config['plugins']) };
    }
  } catch (error) {
    throw new UserError(`Your Prettier configuration could not be read (${firstLine(error)}): fix it, then run again.`);
  }
  if (withoutConfig && Object.keys(config).length === 0) return withoutConfig(text);
  try {
    return await prettier.format(text, { ...defaults, ...config, filepath: absolutePath });
  } catch (error) {
    // The generated text is valid, so a failure here comes from the configuration (e.g. a plugin that is not installed).
    const whose = projectVersion ? `Your Prettier ${projectVersion} (with its configuration)` : 'Your Prettier configuration';
    throw new UserError(`${whose} could not format ${basename(absolutePath)} (${firstLine(error)}): fix the configuration or upgrade Prettier, then run again.`);
  }
}

/** The bundled Prettier's code formatting and width count, for Markdown finished without its Markdown formatter. */
function markdownTools(prettier: typeof import('prettier')) {
  return {
    formatCode: (code: string, parser: string) => prettier.format(code, { parser }).catch(() => undefined),
    stringWidth: (text: string) => prettier.util.getStringWidth(text),
  };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/**
 * Babel's parsers print what Prettier's TypeScript parser prints for this code, and load in a
 * fraction of its time (the TypeScript one is most of what formatting a module costs). A parser
 * the project's own configuration names still wins. Only for the bundled Prettier: a project's
 * own Prettier picks its parser as its CLI does, since plugins (import sorters) hook specific parsers.
 */
function fasterParser(path: string): { parser?: string } {
  if (/\.[cm]?tsx?$/.test(path)) return { parser: 'babel-ts' };
  if (/\.[cm]?jsx?$/.test(path)) return { parser: 'babel' };
  return {};
}

/**
 * Whether the project formats this path with a tool of its own, which then has the last word over
 * its ESLint's fixes: its Biome, or its installed Prettier when the project uses it (a Prettier
 * configuration, a script that runs it, or eslint-plugin-prettier). A Prettier that is only there
 * as some tool's dependency does not count: such a project (a stylistic ESLint preset) formats with
 * ESLint alone.
 */
export async function formatsWithOwnTool(absolutePath: string, projectRoot: string): Promise<boolean> {
  const { biome, emulated, signals } = biomeFormatting(absolutePath, projectRoot);
  if (biome || emulated) return true;
  const projectPrettier = loadProjectPrettier(absolutePath);
  if (!projectPrettier) return false;
  if (runsPrettierItself(signals)) return true;
  const { api } = await projectPrettier;
  return (await api.resolveConfigFile(absolutePath).catch(() => null)) !== null;
}

/**
 * Whether the project has a formatter of its own for this path (Biome, an installed Prettier, or a
 * Prettier or .editorconfig configuration): files such as .yo-rc.json are formatted only then.
 */
export async function projectFormats(absolutePath: string, projectRoot: string): Promise<boolean> {
  const { biome, emulated } = biomeFormatting(absolutePath, projectRoot);
  if (biome || emulated) return true;
  if (loadProjectPrettier(absolutePath)) return true;
  const config = await (await loadBundledPrettier()).resolveConfig(absolutePath, { editorconfig: true }).catch(() => null);
  return config !== null && Object.keys(config).length > 0;
}
