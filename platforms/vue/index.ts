import { bundlerConvention } from '../../generators/lib/environment-variables.js';
import { endpointGuideValues, experimentFlagsOf, type EntryEdit, type EntryEditInput, type PlatformDescriptor } from '../../generators/lib/platform.js';
import { BROWSER_GUIDE_FRAGMENTS, BROWSER_GUIDE_VALUES, planBrowserWiring } from '../browser/index.js';

/** The Vue plugin that evaluates the app's flags with its own bundled copy of the ConfigCat SDK. */
const PLUGIN_PACKAGE = 'configcat-vue';

/** Where a Vue app is created: create-vue's `src/main`. */
const MAIN_FILES = ['ts', 'js', 'mts', 'mjs'].map((extension) => `src/main.${extension}`);

/** A file that imports configcat-vue's plugin: where the app installs it (`app.use(ConfigCatPlugin, …)`). */
const importsPlugin = (code: string): boolean => /\bfrom\s*['"]configcat-vue['"]/.test(code) && /\bConfigCatPlugin\b/.test(code);

/**
 * configcat-vue: the plugin's `clientOptions` get `setupHooks: amplitudeExposureHooks` where the
 * app installs it (usually `src/main.ts`; also a plugins file), and Amplitude starts in the main
 * file. Plain Vue: the main file gets a wired client, as browser apps do.
 */
function vueEntryEdits({ files: [wiring], read, sourceFiles, specifier, initAmplitude, edits, answers, project }: EntryEditInput): EntryEdit[] {
  const main = MAIN_FILES.find((path) => read(path) !== undefined) ?? `src/main.${answers.language}`;
  const call = initAmplitude ? 'void' : false;
  if (!project.configcatPackages.includes(PLUGIN_PACKAGE)) {
    return [
      {
        file: main,
        edit: (code) => edits.wireConfigCatClient({ code, file: main, wiringModule: specifier(main, wiring.path), initAmplitude: call, packageType: 'module' }),
      },
    ];
  }
  const installers = sourceFiles.filter((path) => path !== wiring.path && importsPlugin(read(path) ?? ''));
  const hooked = installers.length > 0 ? installers : [main];
  const steps: EntryEdit[] = hooked.map((file) => ({
    file,
    edit: (code) => edits.wireVueMain({ code, file, wiringModule: specifier(file, wiring.path), initAmplitude: file === main ? call : false }),
  }));
  if (call && !hooked.includes(main)) {
    steps.push({ file: main, edit: (code) => edits.addInitAmplitude({ code, file: main, wiringModule: specifier(main, wiring.path), call }) });
  }
  return steps;
}

/**
 * Vue 3. With configcat-vue the app's flags are evaluated by the plugin's client, which runs the
 * plugin's own copy of the SDK: the browser wiring is hooked into it (no second ConfigCat SDK is
 * added) and its types come from configcat-vue, which re-exports them. Without it, the browser
 * wiring creates the client, from `@configcat/sdk`.
 */
export const vue = {
  id: 'vue',
  title: 'Vue 3 (configcat-vue, or Vue with @configcat/sdk)',
  detect: ({ dependencies }) => (dependencies.has('vue') || dependencies.has(PLUGIN_PACKAGE) ? 3 : 0),
  bundled: true,
  sdks: {
    configcat: '@configcat/sdk',
    keptConfigcat: [PLUGIN_PACKAGE],
    legacyConfigcat: ['configcat-js'],
    amplitude: ['@amplitude/analytics-browser', '@amplitude/unified'],
  },
  environment: bundlerConvention,
  entryEdits: vueEntryEdits,
  plan: (input) => {
    const { answers, common } = input;
    const plugin = common.configcatPackage === PLUGIN_PACKAGE;
    const wiring = planBrowserWiring(input, !plugin);
    const names = [...(plugin ? ['amplitudeExposureHooks', 'configCatEndpointOptions'] : ['createConfigCatClient']), ...(common.initAmplitude ? ['initAmplitude'] : [])];
    return {
      files: [wiring],
      entryPoints: [{ names, path: wiring.path }],
      attachFrom: wiring.path,
      guide: {
        fragments: { ...BROWSER_GUIDE_FRAGMENTS, added: 'platforms/vue/guide/added.md.hbs', usage: 'platforms/vue/guide/usage.md.hbs' },
        values: {
          ...BROWSER_GUIDE_VALUES,
          ...(plugin
            ? endpointGuideValues("configcat-vue's `ConfigCatPlugin`", "the plugin's `clientOptions`", common.initAmplitude, 'plugin')
            : endpointGuideValues('`createConfigCatClient`', '`createConfigCatClient(undefined, { baseUrl })`', common.initAmplitude, 'getClient')),
          experimentFlags: experimentFlagsOf(answers),
          codeFence: answers.language,
          plugin,
          evaluationCall: plugin ? 'FeatureWrapper, getValueAsync(key, default)' : 'getValueAsync(key, default)',
          evaluatesOften: plugin ? "configcat-vue's `<FeatureWrapper>` components (again at every config change)" : 'every page view',
        },
      },
    };
  },
} as const satisfies PlatformDescriptor;
