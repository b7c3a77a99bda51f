import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBrowserOnlyAmplitude, wrapRouteRoot } from '../generators/lib/entry/index.js';
import { editedCode, expectParses } from './support/entry.js';
import { runApp, type ProjectFiles } from './support/generate.js';

const FILE = 'app/root.tsx';
const modules = { file: FILE, providerModule: './ConfigCatAmplitudeProvider', wiringModule: './configcat-amplitude', initAmplitude: 'void' } as const;

// create-react-router's default template (React Router 7), shortened.
const ROOT = `import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
} from "react-router";

import type { Route } from "./+types/root";
import "./app.css";

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <p>{isRouteErrorResponse(error) ? error.status : "Error"}</p>;
}
`;

describe('wrapRouteRoot', () => {
  it('wraps the <Outlet /> App returns, and starts Amplitude in the browser only, in the file’s style', () => {
    const code = editedCode(wrapRouteRoot({ ...modules, code: ROOT }));
    expect(code).toMatchInlineSnapshot(`
      "import {
        isRouteErrorResponse,
        Links,
        Meta,
        Outlet,
        Scripts,
        ScrollRestoration,
      } from "react-router";

      import type { Route } from "./+types/root";
      import "./app.css";
      import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";
      import { initAmplitude } from "./configcat-amplitude";

      // The root route also renders on the server: Amplitude starts in the browser only.
      if (typeof window !== "undefined") void initAmplitude();

      export function Layout({ children }: { children: React.ReactNode }) {
        return (
          <html lang="en">
            <body>
              {children}
              <ScrollRestoration />
              <Scripts />
            </body>
          </html>
        );
      }

      export default function App() {
        return (
          <ConfigCatAmplitudeProvider>
            <Outlet />
          </ConfigCatAmplitudeProvider>
        );
      }

      export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
        return <p>{isRouteErrorResponse(error) ? error.status : "Error"}</p>;
      }
      "
    `);
    expectParses(code, FILE);
  });

  it('changes nothing on a second run', () => {
    const code = editedCode(wrapRouteRoot({ ...modules, code: ROOT }));
    expect(wrapRouteRoot({ ...modules, code })).toEqual({ kind: 'already' });
  });

  it('wraps a parenthesised return and a fragment’s children where they stand, without semicolons', () => {
    const parenthesised = "import { Outlet } from 'react-router'\n\nexport default function App() {\n  return (\n    <Outlet />\n  )\n}\n";
    expect(editedCode(wrapRouteRoot({ ...modules, initAmplitude: false, code: parenthesised }))).toContain(
      '  return (\n    <ConfigCatAmplitudeProvider>\n      <Outlet />\n    </ConfigCatAmplitudeProvider>\n  )\n',
    );
    const fragment = "import { Outlet } from 'react-router'\n\nconst App = () => (\n  <>\n    <Header />\n    <Outlet />\n  </>\n)\n\nexport default App\n";
    const code = editedCode(wrapRouteRoot({ ...modules, code: fragment }));
    expect(code).toContain('  <>\n    <ConfigCatAmplitudeProvider>\n      <Header />\n      <Outlet />\n    </ConfigCatAmplitudeProvider>\n  </>\n');
    expect(code).toContain("import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider'\n");
    expect(code).toContain("if (typeof window !== 'undefined') void initAmplitude()\n");
    expectParses(code, 'app/root.jsx');
  });

  it('replaces an existing <ConfigCatProvider> instead of wrapping it', () => {
    const withProvider = ROOT.replace('import {\n  isRouteErrorResponse', 'import { ConfigCatProvider } from "configcat-react";\nimport {\n  isRouteErrorResponse').replace(
      '  return <Outlet />;',
      '  return (\n    <ConfigCatProvider sdkKey={import.meta.env.VITE_CONFIGCAT_SDK_KEY}>\n      <Outlet />\n    </ConfigCatProvider>\n  );',
    );
    const code = editedCode(wrapRouteRoot({ ...modules, code: withProvider }));
    expect(code).not.toContain('configcat-react');
    expect(code).toContain('    <ConfigCatAmplitudeProvider sdkKey={import.meta.env.VITE_CONFIGCAT_SDK_KEY}>\n      <Outlet />\n    </ConfigCatAmplitudeProvider>');
    expect(code.match(/ConfigCatAmplitudeProvider>/g)).toHaveLength(1);
    expect(code).toContain('if (typeof window !== "undefined") void initAmplitude();');
    expect(wrapRouteRoot({ ...modules, code })).toEqual({ kind: 'already' });
  });

  it('prints a snippet naming app/root.tsx when App does not return JSX it recognises', () => {
    const built = ROOT.replace('  return <Outlet />;', '  return renderWithProviders(<Outlet />);');
    const result = wrapRouteRoot({ ...modules, code: built });
    expect(result.kind).toBe('unrecognised');
    if (result.kind !== 'unrecognised') return;
    expect(result.snippet.file).toBe('app/root.tsx');
    expect(result.reason).toMatch(/default export/);
    expect(result.snippet.code).toContain('import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";');
    expect(result.snippet.code).toContain('if (typeof window !== "undefined") void initAmplitude();');
    expect(result.snippet.code).toMatch(/<ConfigCatAmplitudeProvider>\n {2}<Outlet \/>\n<\/ConfigCatAmplitudeProvider>/);
    expect(wrapRouteRoot({ ...modules, code: 'export default function App( {' }).kind).toBe('unrecognised');
  });
});

describe('addBrowserOnlyAmplitude', () => {
  it('starts Amplitude behind a window check once', () => {
    const code = editedCode(addBrowserOnlyAmplitude({ code: ROOT, file: FILE, wiringModule: './configcat-amplitude', initAmplitude: 'void' }));
    expect(code).toContain('import { initAmplitude } from "./configcat-amplitude";\n\n// The root route also renders on the server');
    expect(code).toContain('  return <Outlet />;');
    expect(addBrowserOnlyAmplitude({ code, file: FILE, wiringModule: './configcat-amplitude', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });
});

/** The whole run, through yeoman-test, on a create-react-router project. */
describe('a React Router framework-mode project', () => {
  const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
  const PROJECT: ProjectFiles = {
    'package.json': {
      private: true,
      type: 'module',
      scripts: { build: 'react-router build', typecheck: 'react-router typegen && tsc' },
      dependencies: { '@react-router/node': '7.16.0', react: '^19.2.6', 'react-dom': '^19.2.6', 'react-router': '7.16.0' },
      devDependencies: { '@react-router/dev': '7.16.0', typescript: '^5.9.3', vite: '^8.0.3' },
    },
    'tsconfig.json': { compilerOptions: { strict: true, jsx: 'react-jsx', moduleResolution: 'bundler', paths: { '~/*': ['./app/*'] } } },
    'react-router.config.ts': 'import type { Config } from "@react-router/dev/config";\n\nexport default {\n  ssr: true,\n} satisfies Config;\n',
    'app/routes.ts': 'import { type RouteConfig, index } from "@react-router/dev/routes";\n\nexport default [index("routes/home.tsx")] satisfies RouteConfig;\n',
    'app/routes/home.tsx': 'export default function Home() {\n  return <h1>Home</h1>;\n}\n',
    [FILE]: ROOT,
  };
  const filesOf = (dir: string): ProjectFiles =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('/.git/'))
        .map((entry) => [relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
    );
  const run = (files: ProjectFiles) => runApp().withFiles(files).commitFiles().withOptions({ yes: true, skipInstall: true });

  it('is detected, gets its files in app/ with Vite’s variables, and its root route is wired', async () => {
    const result = await run(PROJECT);
    const saved = JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'];
    expect(saved.answers.platform).toBe('react-router');
    expect(saved.answers.sdkKeyEnv).toBe('VITE_CONFIGCAT_SDK_KEY');
    expect(read(result.cwd, 'app/ConfigCatAmplitudeProvider.tsx')).toContain('import.meta.env.VITE_CONFIGCAT_SDK_KEY');
    const root = read(result.cwd, FILE);
    expect(root).toMatch(/<ConfigCatAmplitudeProvider>\s*<Outlet \/>\s*<\/ConfigCatAmplitudeProvider>/);
    expect(root).toContain('import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";');
    expect(root).toContain('if (typeof window !== "undefined") void initAmplitude();');
    expect(read(result.cwd, 'docs/configcat-amplitude.md')).toContain('app/root.tsx');
  });

  it('prints the snippet for app/root.tsx when App is not recognised', async () => {
    const built = ROOT.replace('  return <Outlet />;', '  return renderWithProviders(<Outlet />);');
    const logged: string[] = [];
    const result = await run({ ...PROJECT, [FILE]: built }).onGenerator((generator) => {
      const log = generator.log;
      (generator as { log: typeof log }).log = Object.assign((message: string) => {
        logged.push(message);
      }, log);
    });
    expect(read(result.cwd, FILE)).toBe(built);
    const summary = logged.join('\n');
    expect(summary).toMatch(/^Add to app\/root\.tsx, .*\(not edited: its default export \(the App component\) does not return JSX/m);
    expect(summary).toContain('  import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";');
    const saved = JSON.parse(read(result.cwd, '.yo-rc.json'))['generator-configcat-amplitude'];
    expect(saved.answers.platform).toBe('react-router');
  });

  it('replaces a <ConfigCatProvider> in another route there, and only starts Amplitude in the root', async () => {
    const layout = 'import { ConfigCatProvider } from "configcat-react";\nimport { Outlet } from "react-router";\n\nexport default function Shop() {\n  return (\n    <ConfigCatProvider sdkKey="configcat-sdk-1/aaaaaaaaaaaaaaaaaaaaaa/bbbbbbbbbbbbbbbbbbbbbb">\n      <Outlet />\n    </ConfigCatProvider>\n  );\n}\n';
    const files = { ...PROJECT, 'app/routes/shop.tsx': layout };
    const result = await run(files);
    expect(read(result.cwd, 'app/routes/shop.tsx')).toContain('<ConfigCatAmplitudeProvider sdkKey=');
    const root = read(result.cwd, FILE);
    expect(root).toContain('  return <Outlet />;');
    expect(root).toContain('if (typeof window !== "undefined") void initAmplitude();');
    // A second run on what the first left (answers from .yo-rc.json) changes neither file.
    const shop = read(result.cwd, 'app/routes/shop.tsx');
    const again = await run(filesOf(result.cwd));
    expect(read(again.cwd, FILE)).toBe(root);
    expect(read(again.cwd, 'app/routes/shop.tsx')).toBe(shop);
  });
});
