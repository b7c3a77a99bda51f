/**
 * Real project shapes (issue 6): each fixture under test/fixtures imitates what a common starter
 * writes. For each one: copy it outside this repository, run the built generator as a user would,
 * add the import the summary prints (plus the few lines that use it), then run the project's own
 * build or type check; then for servers start the service, and for the Vite apps open the built app
 * in Chromium, and check that one `$exposure` arrives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { buildConfig, startConfigServer, TEST_SDK_KEY, type ConfigServer } from './support/config-server.js';
import { launchChromium } from './support/chromium.js';
import { linkNodeModules } from './support/generate.js';
import {
  CLI,
  copyFixture,
  describeFailure,
  editFile,
  FIXTURES_ROOT,
  hardLinkNodeModules,
  importLinesFromSummary,
  linkWorkspaceNodeModules,
  removeCopiedFixtures,
  runCommand,
  serveBuiltApp,
  startService,
  type CommandResult,
} from './support/project-fixture.js';

const USER_ID = 'user-12345';
const AMPLITUDE_TEST_KEY = 'test-amplitude-api-key';

let configServer: ConfigServer;
let captureServer: CaptureServer;

beforeAll(async () => {
  configServer = await startConfigServer(buildConfig({ newCheckout: { value: true, variationId: 'vid-on' } }));
  captureServer = await startCaptureServer();
});

afterAll(async () => {
  removeCopiedFixtures();
  await configServer?.close();
  await captureServer?.close();
});

interface Generated {
  /** The project root (the copied fixture). */
  readonly root: string;
  /** Where the generator ran: the root, or a package inside a monorepo. */
  readonly dir: string;
  readonly importLines: readonly string[];
  readonly answers: { sdkKeyEnv: string; amplitudeKeyEnv: string };
  readonly summary: string;
}

/**
 * Copies the fixture, gives it node_modules and runs `generator-configcat-amplitude --yes --skip-install --no-edit`:
 * these tests wire each shape by hand from the summary's import lines, as a user who declines the edits would.
 */
async function generate(fixture: string, options: { runIn?: string; nodeModules?: (root: string) => void } = {}): Promise<Generated> {
  const root = copyFixture(fixture);
  (options.nodeModules ?? linkNodeModules)(root);
  const dir = join(root, options.runIn ?? '.');
  const result = await runCommand(process.execPath, [CLI, '--yes', '--skip-install', '--no-edit'], { cwd: dir });
  expect(result.code, describeFailure(result)).toBe(0);
  const yoRc = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8')) as {
    'generator-configcat-amplitude': { answers: { sdkKeyEnv: string; amplitudeKeyEnv: string } };
  };
  return {
    root,
    dir,
    // Yeoman's adapter prints the summary on stderr when there is no terminal.
    importLines: importLinesFromSummary(`${result.stdout}\n${result.stderr}`),
    answers: yoRc['generator-configcat-amplitude'].answers,
    summary: `${result.stdout}\n${result.stderr}`,
  };
}

function readJson(path: string): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> };
}

function expectSuccess(result: CommandResult): void {
  expect(result.code, describeFailure(result)).toBe(0);
  expect(`${result.stdout}\n${result.stderr}`, describeFailure(result)).not.toMatch(/error TS\d+/);
}

/**
 * Environment of a Node service: the keys under the names the generator chose, and the local servers
 * under the names the wiring reads them from.
 */
function serviceEnvironment(generated: Generated): Record<string, string> {
  return {
    [generated.answers.sdkKeyEnv]: TEST_SDK_KEY,
    [generated.answers.amplitudeKeyEnv]: AMPLITUDE_TEST_KEY,
    CONFIGCAT_BASE_URL: configServer.baseUrl,
    AMPLITUDE_SERVER_URL: captureServer.serverUrl,
    PORT: '0',
  };
}

/** Starts the service, evaluates `newCheckout` for one user through it, stops it, and finds the exposure. */
async function expectOneExposureFromService(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  const before = captureServer.events().length;
  const service = await startService(command, args, { cwd, env });
  let body: unknown;
  try {
    const response = await fetch(`${service.url}/?user=${USER_ID}`);
    body = await response.json();
  } finally {
    const stopped = await service.stop();
    expect(stopped.code, describeFailure(stopped)).toBe(0);
    expect(stopped.stderr, describeFailure(stopped)).not.toMatch(/\[configcat-amplitude\]/);
  }
  expect(body).toMatchObject({ newCheckout: true });
  // The service flushed on SIGTERM, so the exposure arrived before it exited.
  const exposures = captureServer
    .events()
    .slice(before)
    .filter((event) => event.event_type === '$exposure');
  expect(exposures).toHaveLength(1);
  expect(exposures[0]).toMatchObject({
    user_id: USER_ID,
    event_properties: { flag_key: 'newCheckout', variant: 'true', variation_id: 'vid-on' },
  });
}

interface ServiceShape {
  /** The service's entry file. */
  readonly file: string;
  /** The line the summary's import lines go after. */
  readonly afterImport: string;
  /** How the file calls `createServer`. */
  readonly createServer: string;
  /** ES modules can wait for Amplitude's init at the top level; CommonJS cannot. */
  readonly topLevelAwait: boolean;
}

/** The edit a Node service gets: the summary's import, one client, a flag per request, a flush on shutdown. */
function wireNodeService(dir: string, importLines: readonly string[], shape: ServiceShape): void {
  editFile(dir, shape.file, [
    [
      shape.afterImport,
      `${shape.afterImport}${importLines.join('\n')}

${shape.topLevelAwait ? 'await ' : ''}initAmplitude();
const configCatClient = createConfigCatClient();
`,
    ],
    [`${shape.createServer}((request, response) => {`, `${shape.createServer}(async (request, response) => {`],
    [
      '  response.setHeader(',
      `  const user = { identifier: url.searchParams.get("user") ?? "anonymous" };
  const newCheckout = await configCatClient.getValueAsync("newCheckout", false, user);
  response.setHeader(`,
    ],
    ['JSON.stringify({ message:', 'JSON.stringify({ newCheckout, message:'],
    [
      'server.close(() => process.exit(0));',
      `server.close(async () => {
    await flushAmplitudeExposures();
    configCatClient.dispose();
    process.exit(0);
  });`,
    ],
  ]);
}

/** A TypeScript ES-module service whose imports end with `afterImport`. */
const typeScriptEsmService = (afterImport: string): ServiceShape => ({ file: 'src/index.ts', afterImport, createServer: 'createServer', topLevelAwait: true });

/** Vite inlines these at build time: the keys, and the local stand-ins for both services, which the wiring reads. */
function viteBuildEnvironment(generated: Generated): Record<string, string> {
  return {
    [generated.answers.sdkKeyEnv]: TEST_SDK_KEY,
    [generated.answers.amplitudeKeyEnv]: AMPLITUDE_TEST_KEY,
    VITE_CONFIGCAT_BASE_URL: configServer.baseUrl,
    VITE_AMPLITUDE_SERVER_URL: captureServer.serverUrl,
  };
}

/** Amplitude options for a built test app: nothing sent on its own (the capture server comes from the build's variables). */
const AMPLITUDE_TEST_OPTIONS = '{ autocapture: false, flushIntervalMillis: 100 }';

/**
 * Serves the built app, opens it in Chromium (only 127.0.0.1 is reachable), and checks that the
 * page shows the flag's value and that exactly one `$exposure` for the visitor's device arrived.
 */
async function expectOneExposureFromBuiltApp(distDir: string): Promise<void> {
  const before = captureServer.events().length;
  const site = await serveBuiltApp(distDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(site.url);
    await page.waitForSelector('[data-new-checkout="true"]', { timeout: 30_000 });
    const events = await captureServer.waitForEvents(before + 1);
    const exposures = events.slice(before).filter((event) => event.event_type === '$exposure');
    expect(exposures).toHaveLength(1);
    expect(exposures[0]).toMatchObject({ event_properties: { flag_key: 'newCheckout', variant: 'true', variation_id: 'vid-on' } });
    expect(exposures[0]?.device_id).toEqual(expect.any(String));
    expect(pageErrors).toEqual([]);
  } finally {
    await browser.close();
    await site.close();
  }
}

describe('real project shapes', () => {
  it('vite-react-ts: tsc -b && vite build, then the built app in Chromium sends one exposure', async () => {
    const generated = await generate('vite-react-ts');
    const packageJson = readJson(join(generated.dir, 'package.json'));
    expect(Object.keys(packageJson.dependencies ?? {})).toEqual(expect.arrayContaining(['configcat-react', '@amplitude/analytics-browser']));
    editFile(generated.dir, 'src/main.tsx', [
      ["import App from './App.tsx'\n", `import App from './App.tsx'\n${generated.importLines.join('\n')}\n\nvoid initAmplitude(undefined, ${AMPLITUDE_TEST_OPTIONS})\n`],
      ['    <App />\n', '    <ConfigCatAmplitudeProvider>\n      <App />\n    </ConfigCatAmplitudeProvider>\n'],
    ]);
    editFile(generated.dir, 'src/App.tsx', [
      ["import './App.css'\n", "import './App.css'\nimport { useFeatureFlag } from 'configcat-react'\n"],
      ['  const [count, setCount] = useState(0)\n', '  const [count, setCount] = useState(0)\n  const { value: newCheckout } = useFeatureFlag(\'newCheckout\', false)\n'],
      ['      <h1>Vite + React</h1>\n', '      <h1 data-new-checkout={String(newCheckout)}>Vite + React</h1>\n'],
    ]);
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir, env: viteBuildEnvironment(generated) }));
    await expectOneExposureFromBuiltApp(join(generated.dir, 'dist'));
  });

  it('vite-react-amplitude (already initialises Amplitude): reuses it, tsc -b && vite build', async () => {
    const generated = await generate('vite-react-amplitude');
    const packageJson = readJson(join(generated.dir, 'package.json'));
    expect(packageJson.dependencies).toMatchObject({ '@amplitude/analytics-browser': '^2.48.1', 'configcat-react': expect.any(String) });
    expect(Object.keys(packageJson.dependencies ?? {})).not.toContain('@amplitude/unified');
    expect(generated.importLines.join('\n')).not.toContain('initAmplitude');
    expect(readFileSync(join(generated.dir, 'src/configcat-amplitude.ts'), 'utf8')).not.toMatch(/export (async )?function initAmplitude/);
    editFile(generated.dir, 'src/main.tsx', [
      ["import App from './App.tsx'\n", `import App from './App.tsx'\n${generated.importLines.join('\n')}\n`],
      ['    <App />\n', '    <ConfigCatAmplitudeProvider>\n      <App />\n    </ConfigCatAmplitudeProvider>\n'],
    ]);
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir }));
  });

  it('vite-vanilla-js: vite build, then the built app in Chromium sends one exposure', async () => {
    const generated = await generate('vite-vanilla-js');
    expect(readJson(join(generated.dir, 'package.json')).dependencies).toMatchObject({
      '@configcat/sdk': expect.any(String),
      '@amplitude/analytics-browser': expect.any(String),
    });
    editFile(generated.dir, 'src/main.js', [
      [
        "import { setupCounter } from './counter.js'\n",
        `import { setupCounter } from './counter.js'
${generated.importLines.join('\n')}

initAmplitude(undefined, ${AMPLITUDE_TEST_OPTIONS})
const configCatClient = createConfigCatClient()
configCatClient.getValueAsync('newCheckout', false).then((newCheckout) => {
  document.querySelector('#app').dataset.newCheckout = String(newCheckout)
})
`,
      ],
    ]);
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir, env: viteBuildEnvironment(generated) }));
    await expectOneExposureFromBuiltApp(join(generated.dir, 'dist'));
  });

  it('cra-js: REACT_APP_ variables; JSDoc type check and an esbuild bundle (react-scripts is not installed)', async () => {
    const generated = await generate('cra-js');
    expect(generated.answers.sdkKeyEnv).toBe('REACT_APP_CONFIGCAT_SDK_KEY');
    editFile(generated.dir, 'src/index.js', [
      ["import App from './App';\n", `import App from './App';\n${generated.importLines.join('\n')}\n\ninitAmplitude();\n`],
      ['    <App />\n', '    <ConfigCatAmplitudeProvider>\n      <App />\n    </ConfigCatAmplitudeProvider>\n'],
    ]);
    // What an editor (or `checkJs`) reports for the generated JSDoc-typed files, under strict.
    const generatedFiles = ['src/configcat-amplitude.js', 'src/ConfigCatAmplitudeProvider.jsx'];
    expectSuccess(
      await runCommand(
        'npx',
        ['tsc', '--noEmit', '--allowJs', '--checkJs', '--strict', '--skipLibCheck', '--jsx', 'react-jsx', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--lib', 'es2022,dom,dom.iterable', '--types', 'node', ...generatedFiles],
        { cwd: generated.dir },
      ),
    );
    // react-scripts' webpack: JSX in .js, the automatic runtime, REACT_APP_* and NODE_ENV inlined.
    const defines = [generated.answers.sdkKeyEnv, generated.answers.amplitudeKeyEnv].map((name) => `--define:process.env.${name}="test-value"`);
    expectSuccess(
      await runCommand(
        'npx',
        ['esbuild', 'src/index.js', '--bundle', '--outdir=build', '--loader:.js=jsx', '--jsx=automatic', '--minify', '--define:process.env.NODE_ENV="production"', ...defines],
        { cwd: generated.dir },
      ),
    );
  });

  it(
    'next-app: providers.tsx as the guide shows, next build',
    async () => {
      const generated = await generate('next-app', { nodeModules: hardLinkNodeModules });
      expect(generated.answers.sdkKeyEnv).toBe('NEXT_PUBLIC_CONFIGCAT_SDK_KEY');
      const guide = readFileSync(join(generated.dir, 'docs/configcat-amplitude.md'), 'utf8');
      expect(guide).toContain('providers.tsx');
      // The guide's client component, at the project root where its import paths point.
      const providers = `"use client";

${generated.importLines.join('\n')}

// Starts Amplitude with NEXT_PUBLIC_AMPLITUDE_API_KEY, in the browser only.
if (typeof window !== "undefined") initAmplitude();

export function Providers({ children }: { children: React.ReactNode }) {
  return <ConfigCatAmplitudeProvider>{children}</ConfigCatAmplitudeProvider>;
}
`;
      const checkout = `"use client";

import { useFeatureFlag } from "configcat-react";

export function Checkout() {
  const { value: newCheckout, loading } = useFeatureFlag("newCheckout", false);
  if (loading) return null;
  return <p>{newCheckout ? "New checkout" : "Old checkout"}</p>;
}
`;
      writeFileSync(join(generated.dir, 'providers.tsx'), providers);
      writeFileSync(join(generated.dir, 'app/checkout.tsx'), checkout);
      editFile(generated.dir, 'app/layout.tsx', [
        ['import "./globals.css";\n', 'import "./globals.css";\nimport { Providers } from "@/providers";\n'],
        ['<body>{children}</body>', '<body>\n        <Providers>{children}</Providers>\n      </body>'],
      ]);
      editFile(generated.dir, 'app/page.tsx', [
        ['export default function Home', 'import { Checkout } from "./checkout";\n\nexport default function Home'],
        ['    </main>', '      <Checkout />\n    </main>'],
      ]);
      // NEXT_PUBLIC_ variables are inlined at build time, and the provider, prerendered, needs the key.
      const build = await runCommand('npm', ['run', 'build'], {
        cwd: generated.dir,
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          [generated.answers.sdkKeyEnv]: TEST_SDK_KEY,
          [generated.answers.amplitudeKeyEnv]: AMPLITUDE_TEST_KEY,
        },
        timeoutMs: 400_000,
      });
      expectSuccess(build);
      expect(build.stdout, describeFailure(build)).toMatch(/Compiled successfully/);
      expect(build.stdout, describeFailure(build)).toMatch(/Generating static pages/);
    },
    420_000,
  );

  it('node-ts-esm (module nodenext, tsc --init 5.9): tsc, then node runs it and one $exposure arrives', async () => {
    const generated = await generate('node-ts-esm');
    expect(readJson(join(generated.dir, 'package.json')).dependencies).toMatchObject({
      '@configcat/sdk': expect.any(String),
      '@amplitude/analytics-node': expect.any(String),
    });
    wireNodeService(generated.dir, generated.importLines, typeScriptEsmService('import { greeting } from "./greeting.js";\n'));
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir }));
    await expectOneExposureFromService(process.execPath, ['dist/index.js'], generated.dir, serviceEnvironment(generated));
  });

  it('node-js-cjs (no "type"): node runs it with require and one $exposure arrives', async () => {
    const generated = await generate('node-js-cjs');
    expect(generated.importLines.join('\n')).toContain('require(');
    wireNodeService(generated.dir, generated.importLines, {
      file: 'index.js',
      afterImport: "const { greeting } = require('./greeting');\n",
      createServer: 'http.createServer',
      topLevelAwait: false,
    });
    await expectOneExposureFromService(process.execPath, ['index.js'], generated.dir, serviceEnvironment(generated));
  });

  it('npm-workspaces: run in apps/api, dependencies land there, tsc -b, one $exposure arrives', async () => {
    const generated = await generate('npm-workspaces', {
      runIn: 'apps/api',
      nodeModules: (root) => linkWorkspaceNodeModules(root, { '@acme/shared': 'packages/shared', '@acme/api': 'apps/api' }),
    });
    const rootPackageJson = readFileSync(join(generated.root, 'package.json'), 'utf8');
    expect(rootPackageJson).toBe(readFileSync(join(FIXTURES_ROOT, 'npm-workspaces/package.json'), 'utf8'));
    expect(readJson(join(generated.dir, 'package.json')).dependencies).toMatchObject({
      '@acme/shared': '*',
      '@configcat/sdk': expect.any(String),
      '@amplitude/analytics-node': expect.any(String),
    });
    expect(generated.summary).toContain('npm');
    wireNodeService(generated.dir, generated.importLines, typeScriptEsmService('import { greeting } from "@acme/shared";\n'));
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir }));
    await expectOneExposureFromService(process.execPath, ['dist/index.js'], generated.dir, serviceEnvironment(generated));
  });

  it('legacy-configcat-node (TypeScript, CommonJS): keeps configcat-node, attaches to the existing client, one $exposure arrives', async () => {
    const generated = await generate('legacy-configcat-node');
    const dependencies = readJson(join(generated.dir, 'package.json')).dependencies ?? {};
    expect(dependencies).toMatchObject({ 'configcat-node': '^11.4.1', '@amplitude/analytics-node': expect.any(String) });
    expect(Object.keys(dependencies)).not.toContain('@configcat/sdk');
    expect(generated.summary).toMatch(/configcat-node.*end of support/);
    editFile(generated.dir, 'src/index.ts', [
      [
        'import { configCatClient } from "./flags";\n',
        `import { configCatClient } from "./flags";
${generated.importLines.join('\n')}
import { attachAmplitudeExposures } from "./configcat-amplitude";

void initAmplitude();
attachAmplitudeExposures(configCatClient);
`,
      ],
      [
        '  server.close(() => {\n',
        '  server.close(async () => {\n    await flushAmplitudeExposures();\n',
      ],
    ]);
    expectSuccess(await runCommand('npm', ['run', 'build'], { cwd: generated.dir }));
    await expectOneExposureFromService(process.execPath, ['dist/index.js'], generated.dir, serviceEnvironment(generated));
  });
});
