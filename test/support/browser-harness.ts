import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { close, listen } from './config-server.js';
import { REPO_ROOT } from './generate.js';

const SUPPORT_DIR = fileURLToPath(new URL('.', import.meta.url));
const THROWING_AMPLITUDE = join(SUPPORT_DIR, 'browser-throwing-amplitude.ts');

export interface PageBundle {
  /** A page source under test/support (e.g. `browser-page-js.ts`). */
  readonly entry: string;
  /** The generated project: `generated/<name>` in the page resolves to `<projectDir>/src/<name>`. */
  readonly projectDir: string;
  /** Replacements, e.g. `import.meta.env.VITE_CONFIGCAT_SDK_KEY`, as a bundler would make them. */
  readonly define?: Readonly<Record<string, string>>;
  /** Give the generated module an Amplitude whose `track` throws. */
  readonly throwingAmplitude?: boolean;
}

/** Bundles a test page with esbuild, as an app's bundler would bundle the generated files. */
export async function bundlePage(spec: PageBundle): Promise<string> {
  const generatedDir = join(spec.projectDir, 'src');
  const plugin: Plugin = {
    name: 'generated-project',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^generated\// }, (args) => {
        const base = join(generatedDir, args.path.slice('generated/'.length));
        const path = ['.ts', '.tsx', '.js', '.jsx'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
        return path ? { path } : { errors: [{ text: `No generated file ${base}.*` }] };
      });
      if (spec.throwingAmplitude) {
        pluginBuild.onResolve({ filter: /^@amplitude\/analytics-browser$/ }, (args) =>
          args.importer.startsWith(generatedDir) ? { path: THROWING_AMPLITUDE } : undefined,
        );
      }
    },
  };
  const result = await build({
    entryPoints: [join(SUPPORT_DIR, spec.entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'silent',
    // Vite always defines `import.meta.env`: a variable the build leaves unset reads as undefined.
    define: { 'process.env.NODE_ENV': '"development"', 'import.meta.env': '{}', ...spec.define },
    plugins: [plugin],
  });
  return result.outputFiles[0]!.text;
}

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the bundle from 127.0.0.1, as the app's own origin. */
export async function servePage(bundle: string): Promise<PageServer> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>test</title></head><body><div id="root"></div><script type="module" src="/bundle.js"></script></body></html>';
  const server = createServer((request, response) => {
    if (request.url === '/bundle.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else response.writeHead(404).end();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, close: () => close(server) };
}

export interface OpenedPage {
  readonly page: Page;
  /** Uncaught exceptions and unhandled rejections that reached the page. */
  readonly pageErrors: Error[];
  readonly consoleMessages: ConsoleMessage[];
  /** Hosts other than 127.0.0.1 the page tried to reach (every such request is aborted). */
  readonly blockedHosts: string[];
  close(): Promise<void>;
}

/** Opens `url` in a fresh context; only 127.0.0.1 is reachable, so nothing leaves the machine. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const blockedHosts: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    blockedHosts.push(hostname);
    return route.abort();
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  const consoleMessages: ConsoleMessage[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => consoleMessages.push(message));
  await page.goto(url);
  await page.waitForFunction(() => 'harness' in window, undefined, { timeout: 15_000 });
  return { page, pageErrors, consoleMessages, blockedHosts, close: () => context.close() };
}
