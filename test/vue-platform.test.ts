import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../generators/lib/pipeline.js';
import { runApp, type ProjectFiles } from './support/generate.js';
import { makeTempProject } from './support/temp-project.js';

/** create-vue's TypeScript layout with configcat-vue installed as its sample apps install it. */
const PLUGIN_MAIN = `import { createApp } from 'vue'
import App from './App.vue'

import { ConfigCatPlugin, PollingMode } from 'configcat-vue'

const app = createApp(App);

app.use(ConfigCatPlugin, {
  sdkKey: import.meta.env.VITE_CONFIGCAT_SDK_KEY,
  pollingMode: PollingMode.AutoPoll,
  clientOptions: {
    pollIntervalSeconds: 5
  }
})

app.mount('#app')
`;
const PLAIN_MAIN = `import { createApp } from 'vue'
import App from './App.vue'

createApp(App).mount('#app')
`;

function vueProject(dependencies: Record<string, string>, files: ProjectFiles): ProjectFiles {
  return {
    'package.json': { name: 'vue-app', private: true, type: 'module', dependencies: { vue: '^3.5.13', ...dependencies }, devDependencies: { vite: '^6.1.0', typescript: '~5.7.3', 'vue-tsc': '^2.2.0' } },
    'tsconfig.json': { files: [], references: [{ path: './tsconfig.app.json' }] },
    ...files,
  };
}

function run(files: ProjectFiles) {
  return runApp().withFiles(files).commitFiles().withOptions({ yes: true, skipInstall: true });
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('Vue with configcat-vue', () => {
  it("hooks the plugin's own client and adds no second ConfigCat SDK", async () => {
    const result = await run(vueProject({ 'configcat-vue': '^2.6.4' }, { 'src/main.ts': PLUGIN_MAIN }));
    const packageJson = JSON.parse(read(result.cwd, 'package.json')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@amplitude/analytics-browser', 'configcat-vue', 'vue']);
    expect(JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'].answers.platform).toBe('vue');

    const wiring = read(result.cwd, 'src/configcat-amplitude.ts');
    // Types only, from the package the project has: configcat-vue re-exports the SDK's.
    expect(wiring).toMatch(/^import type \{[^}]*\} from "configcat-vue";$/m);
    expect(wiring).not.toContain('@configcat/sdk');
    expect(wiring).not.toContain('createConfigCatClient');
    expect(wiring).toContain('export function amplitudeExposureHooks(');
    expect(wiring).toContain('export async function initAmplitude(');

    const main = read(result.cwd, 'src/main.ts');
    expect(main).toContain("import { initAmplitude, amplitudeExposureHooks, configCatEndpointOptions } from './configcat-amplitude.js'");
    expect(main).toContain('void initAmplitude()');
    expect(main).toContain('    pollIntervalSeconds: 5,\n    ...configCatEndpointOptions(),\n    setupHooks: amplitudeExposureHooks\n  }');

    const guide = read(result.cwd, 'docs/configcat-amplitude.md');
    expect(guide).toContain('<FeatureWrapper feature-key="newCheckout">');
    expect(guide).toContain('inject<IConfigCatClient>("configCatClient")');
  });

  it('hooks the plugin where the app installs it, and starts Amplitude in main', async () => {
    const plugins = `import type { App } from 'vue'
import { ConfigCatPlugin } from 'configcat-vue'

export function registerPlugins(app: App) {
  app.use(ConfigCatPlugin, { sdkKey: import.meta.env.VITE_CONFIGCAT_SDK_KEY })
}
`;
    const main = `import { createApp } from 'vue'
import App from './App.vue'
import { registerPlugins } from './plugins'

const app = createApp(App)
registerPlugins(app)
app.mount('#app')
`;
    const result = await run(vueProject({ 'configcat-vue': '^2.6.4' }, { 'src/main.ts': main, 'src/plugins/index.ts': plugins }));
    expect(read(result.cwd, 'src/plugins/index.ts')).toContain(
      "import { amplitudeExposureHooks, configCatEndpointOptions } from '../configcat-amplitude.js'\n\nexport function registerPlugins(app: App) {\n  app.use(ConfigCatPlugin, { sdkKey: import.meta.env.VITE_CONFIGCAT_SDK_KEY, clientOptions: { ...configCatEndpointOptions(), setupHooks: amplitudeExposureHooks } })",
    );
    const edited = read(result.cwd, 'src/main.ts');
    // Extensionless, as this file already names its own modules.
    expect(edited).toContain("import { registerPlugins } from './plugins'\nimport { initAmplitude } from './configcat-amplitude'\n\nvoid initAmplitude()\n");
    expect(edited).not.toContain('amplitudeExposureHooks');
  });

  it('stops before writing anything when the project has a configcat-vue older than the versions checked', async () => {
    const dir = makeTempProject(vueProject({ 'configcat-vue': '~2.4.0' }, { 'src/main.ts': PLUGIN_MAIN }));
    await expect(prepareRun(dir, { options: { yes: true }, saved: {} })).rejects.toThrow(
      'configcat-vue 2.x is older than the versions this generator was checked with: upgrade with `npm install configcat-vue@^2.6.4`, then run again.',
    );
  });
});

describe('Vue without configcat-vue', () => {
  it('creates a wired client from @configcat/sdk in src/main', async () => {
    const result = await run(vueProject({}, { 'src/main.ts': PLAIN_MAIN }));
    const packageJson = JSON.parse(read(result.cwd, 'package.json')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@amplitude/analytics-browser', '@configcat/sdk', 'vue']);
    expect(read(result.cwd, 'src/configcat-amplitude.ts')).toContain('export function createConfigCatClient(');
    expect(read(result.cwd, 'src/main.ts')).toBe(`import { createApp } from 'vue'
import App from './App.vue'
import { createConfigCatClient, initAmplitude } from './configcat-amplitude.js'

void initAmplitude()
export const configCatClient = createConfigCatClient()

createApp(App).mount('#app')
`);
  });
});
