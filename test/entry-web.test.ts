import { describe, expect, it } from 'vitest';
import {
  nextAppFile,
  nextProvidersFile,
  replaceConfigCatProvider,
  wireVueMain,
  wrapNextApp,
  wrapNextLayout,
  wrapReactRoot,
} from '../generators/lib/entry/index.js';
import { editedCode, expectParses } from './support/entry.js';

const provider = { providerModule: './ConfigCatAmplitudeProvider' } as const;

describe('replaceConfigCatProvider', () => {
  // Modelled on apps that already wrap their root in configcat-react's provider.
  const app = `import React from "react";
import { ConfigCatProvider, createConsoleLogger, LogLevel } from "configcat-react";
import ReactDOM from "react-dom/client";
import App from "./App";

ReactDOM.createRoot(document.getElementById("root")).render(
  <React.StrictMode>
    <ConfigCatProvider sdkKey={process.env.REACT_APP_CONFIGCAT_SDK_KEY} options={{ logger: createConsoleLogger(LogLevel.Info) }}>
      <App />
    </ConfigCatProvider>
  </React.StrictMode>
);
`;
  it('keeps props and children, drops the unused import name, and adds ours', () => {
    const code = editedCode(replaceConfigCatProvider({ ...provider, code: app, file: 'src/index.jsx' }));
    expect(code).toMatchInlineSnapshot(`
      "import React from "react";
      import { createConsoleLogger, LogLevel } from "configcat-react";
      import ReactDOM from "react-dom/client";
      import App from "./App";
      import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";

      ReactDOM.createRoot(document.getElementById("root")).render(
        <React.StrictMode>
          <ConfigCatAmplitudeProvider sdkKey={process.env.REACT_APP_CONFIGCAT_SDK_KEY} options={{ logger: createConsoleLogger(LogLevel.Info) }}>
            <App />
          </ConfigCatAmplitudeProvider>
        </React.StrictMode>
      );
      "
    `);
    expectParses(code, 'src/index.jsx');
    expect(replaceConfigCatProvider({ ...provider, code, file: 'src/index.jsx' })).toEqual({ kind: 'already' });
  });

  it('is what wrapReactRoot does when the root already has a ConfigCatProvider', () => {
    const viaRoot = editedCode(wrapReactRoot({ ...provider, code: app, file: 'src/index.jsx' }));
    expect(viaRoot).toBe(editedCode(replaceConfigCatProvider({ ...provider, code: app, file: 'src/index.jsx' })));
  });

  it('removes the whole configcat-react import when ConfigCatProvider was its only name', () => {
    const code = `import { ConfigCatProvider } from 'configcat-react';
import Home from './src/screens/Home';

export default function App() {
  return (
    <ConfigCatProvider sdkKey={KEY}>
      <Home />
    </ConfigCatProvider>
  );
}
`;
    expect(editedCode(replaceConfigCatProvider({ ...provider, code, file: 'App.tsx' }))).toMatchInlineSnapshot(`
      "import Home from './src/screens/Home';
      import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider';

      export default function App() {
        return (
          <ConfigCatAmplitudeProvider sdkKey={KEY}>
            <Home />
          </ConfigCatAmplitudeProvider>
        );
      }
      "
    `);
  });
});

describe('wrapReactRoot, shapes it does not edit', () => {
  it('returns a snippet when the rendered element is built elsewhere', () => {
    const code = `import { createRoot } from 'react-dom/client';
import { createElement } from 'react';
import App from './App';

createRoot(document.getElementById('root')).render(createElement(App));
`;
    const result = wrapReactRoot({ ...provider, code, file: 'src/index.js' });
    expect(result).toMatchInlineSnapshot(`
      {
        "kind": "unrecognised",
        "reason": "the element passed to render is not written as JSX in this file",
        "snippet": {
          "code": "import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider';

      // around the element your app renders:
      <ConfigCatAmplitudeProvider>
        <App />
      </ConfigCatAmplitudeProvider>",
          "file": "src/index.js",
          "place": "the imports after your imports; the provider around the element given to render(), inside <StrictMode>",
        },
      }
    `);
  });

  it('wraps a bare root.render(<App />) in place, and a hydrateRoot element', () => {
    const code = `import { hydrateRoot } from 'react-dom/client';
import { App } from './App';

hydrateRoot(document.getElementById('root')!, <App />);
`;
    expect(editedCode(wrapReactRoot({ ...provider, code, file: 'src/main.tsx' }))).toMatchInlineSnapshot(`
      "import { hydrateRoot } from 'react-dom/client';
      import { App } from './App';
      import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider';

      hydrateRoot(document.getElementById('root')!, <ConfigCatAmplitudeProvider><App /></ConfigCatAmplitudeProvider>);
      "
    `);
  });
});

describe('Next.js', () => {
  // Modelled on create-next-app's app template.
  const layout = `import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Create Next App",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en">
      <body className="min-h-full flex flex-col">{children}</body>
    </html>
  );
}
`;
  it('wraps {children} inside <body> of the App Router layout in <Providers>', () => {
    const code = editedCode(wrapNextLayout({ code: layout, file: 'app/layout.tsx', providersModule: './configcat-amplitude-providers' }));
    expect(code).toMatchInlineSnapshot(`
      "import type { Metadata } from "next";
      import "./globals.css";
      import { Providers } from "./configcat-amplitude-providers";

      export const metadata: Metadata = {
        title: "Create Next App",
      };

      export default function RootLayout({ children }: LayoutProps<"/">) {
        return (
          <html lang="en">
            <body className="min-h-full flex flex-col"><Providers>{children}</Providers></body>
          </html>
        );
      }
      "
    `);
    expectParses(code, 'app/layout.tsx');
    expect(wrapNextLayout({ code, file: 'app/layout.tsx', providersModule: './configcat-amplitude-providers' })).toEqual({ kind: 'already' });
  });

  it('imports ours under another name when the layout has its own Providers', () => {
    const own = layout.replace('import "./globals.css";', 'import "./globals.css";\nimport { Providers } from "./providers";').replace('{children}</body>', '<Providers>{children}</Providers></body>');
    const code = editedCode(wrapNextLayout({ code: own, file: 'app/layout.tsx', providersModule: './configcat-amplitude-providers' }));
    expect(code).toContain('import { Providers as ConfigCatAmplitudeProviders } from "./configcat-amplitude-providers";');
    expect(code).toContain('<body className="min-h-full flex flex-col"><ConfigCatAmplitudeProviders><Providers>{children}</Providers></ConfigCatAmplitudeProviders></body>');
    expect(wrapNextLayout({ code, file: 'app/layout.tsx', providersModule: './configcat-amplitude-providers' })).toEqual({ kind: 'already' });
  });

  it('writes the client providers file', () => {
    const code = nextProvidersFile({ typescript: true, providerModule: './ConfigCatAmplitudeProvider', wiringModule: './configcat-amplitude', initAmplitude: 'void', style: { quote: '"', semicolon: true, indent: '  ' } });
    expect(code).toMatchInlineSnapshot(`
      ""use client";

      import { ConfigCatAmplitudeProvider } from "./ConfigCatAmplitudeProvider";
      import type { ReactNode } from "react";
      import { initAmplitude } from "./configcat-amplitude";

      // Client components also render on the server: Amplitude starts in the browser only.
      if (typeof window !== "undefined") void initAmplitude();

      export function Providers({ children }: { children: ReactNode }) {
        return <ConfigCatAmplitudeProvider>{children}</ConfigCatAmplitudeProvider>;
      }
      "
    `);
    expectParses(code, 'app/configcat-amplitude-providers.tsx');
  });

  it('wraps the page of a Pages Router _app, inside its fragment', () => {
    const app = `import type { AppProps } from 'next/app'
import Head from 'next/head'
import '../styles/globals.css'

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <title>Home</title>
      </Head>
      <Component {...pageProps} />
    </>
  )
}
`;
    const code = editedCode(wrapNextApp({ code: app, file: 'pages/_app.tsx', providerModule: '../ConfigCatAmplitudeProvider', wiringModule: '../configcat-amplitude', initAmplitude: 'void' }));
    expect(code).toMatchInlineSnapshot(`
      "import type { AppProps } from 'next/app'
      import Head from 'next/head'
      import '../styles/globals.css'
      import { ConfigCatAmplitudeProvider } from '../ConfigCatAmplitudeProvider'
      import { initAmplitude } from '../configcat-amplitude'

      if (typeof window !== 'undefined') void initAmplitude()

      export default function App({ Component, pageProps }: AppProps) {
        return (
          <>
            <ConfigCatAmplitudeProvider>
              <Head>
                <title>Home</title>
              </Head>
              <Component {...pageProps} />
            </ConfigCatAmplitudeProvider>
          </>
        )
      }
      "
    `);
    expectParses(code, 'pages/_app.tsx');
    expect(wrapNextApp({ code, file: 'pages/_app.tsx', providerModule: '../ConfigCatAmplitudeProvider', wiringModule: '../configcat-amplitude', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });

  it('replaces a ConfigCatProvider whose import was the last one: the new imports and the start take its place, set off by blank lines', () => {
    const app = [
      'import "@/styles/globals.css";',
      'import type { AppProps } from "next/app";',
      'import { ConfigCatProvider } from "configcat-react";',
      '',
      'export default function App({ Component, pageProps }: AppProps) {',
      '  return (',
      '    <ConfigCatProvider sdkKey="YOUR-CONFIGCAT-SDK-KEY">',
      '      <Component {...pageProps} />',
      '    </ConfigCatProvider>',
      '  );',
      '}',
      '',
    ].join('\n');
    const code = editedCode(wrapNextApp({ code: app, file: 'pages/_app.tsx', providerModule: '../ConfigCatAmplitudeProvider', wiringModule: '../configcat-amplitude', initAmplitude: 'void' }));
    expect(code.split('\n').slice(0, 8)).toEqual([
      'import "@/styles/globals.css";',
      'import type { AppProps } from "next/app";',
      'import { ConfigCatAmplitudeProvider } from "../ConfigCatAmplitudeProvider";',
      'import { initAmplitude } from "../configcat-amplitude";',
      '',
      'if (typeof window !== "undefined") void initAmplitude();',
      '',
      'export default function App({ Component, pageProps }: AppProps) {',
    ]);
  });

  it('wraps the page element inside a getLayout call', () => {
    const app = `export default function App({ Component, pageProps }) {
  const getLayout = Component.getLayout ?? ((page) => page);
  return getLayout(<Component {...pageProps} />);
}
`;
    expect(editedCode(wrapNextApp({ code: app, file: 'pages/_app.js', ...provider }))).toContain('return getLayout(<ConfigCatAmplitudeProvider><Component {...pageProps} /></ConfigCatAmplitudeProvider>);');
  });

  it('writes an _app for a project that has none', () => {
    const code = nextAppFile({ typescript: true, providerModule: '../ConfigCatAmplitudeProvider' });
    expect(code).toMatchInlineSnapshot(`
      "import type { AppProps } from 'next/app';
      import { ConfigCatAmplitudeProvider } from '../ConfigCatAmplitudeProvider';

      export default function App({ Component, pageProps }: AppProps) {
        return (
          <ConfigCatAmplitudeProvider>
            <Component {...pageProps} />
          </ConfigCatAmplitudeProvider>
        );
      }
      "
    `);
    expectParses(code, 'pages/_app.tsx');
  });
});

describe('wireVueMain', () => {
  // Modelled on configcat-vue's sample apps.
  const main = `import { createApp } from 'vue'
import App from './App.vue'
import { ConfigCatPlugin, PollingMode, createConsoleLogger, LogLevel } from 'configcat-vue'

const app = createApp(App)

app.use(ConfigCatPlugin, {
  sdkKey: 'YOUR-CONFIGCAT-SDK-KEY', // sdkKey is required
  pollingMode: PollingMode.AutoPoll,
  clientOptions: {
    logger: createConsoleLogger(LogLevel.Info),
    pollIntervalSeconds: 5 // Optional. Default is 60 seconds
  }
})

app.mount('#app')
`;
  const wiring = { wiringModule: './configcat-amplitude' } as const;
  it('adds setupHooks to clientOptions of ConfigCatPlugin', () => {
    const code = editedCode(wireVueMain({ ...wiring, code: main, file: 'src/main.ts', initAmplitude: 'void' }));
    expect(code).toMatchInlineSnapshot(`
      "import { createApp } from 'vue'
      import App from './App.vue'
      import { ConfigCatPlugin, PollingMode, createConsoleLogger, LogLevel } from 'configcat-vue'
      import { initAmplitude, amplitudeExposureHooks, configCatEndpointOptions } from './configcat-amplitude'

      void initAmplitude()

      const app = createApp(App)

      app.use(ConfigCatPlugin, {
        sdkKey: 'YOUR-CONFIGCAT-SDK-KEY', // sdkKey is required
        pollingMode: PollingMode.AutoPoll,
        clientOptions: {
          logger: createConsoleLogger(LogLevel.Info),
          pollIntervalSeconds: 5, // Optional. Default is 60 seconds
          ...configCatEndpointOptions(),
          setupHooks: amplitudeExposureHooks
        }
      })

      app.mount('#app')
      "
    `);
    expectParses(code, 'src/main.ts');
    expect(wireVueMain({ ...wiring, code, file: 'src/main.ts', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });

  it('creates clientOptions when absent, and composes an existing setupHooks', () => {
    const bare = `import { createApp } from 'vue';
import { ConfigCatPlugin } from 'configcat-vue';
createApp(App).use(ConfigCatPlugin, { sdkKey: KEY }).mount('#app');
`;
    expect(editedCode(wireVueMain({ ...wiring, code: bare, file: 'src/main.js' }))).toContain("use(ConfigCatPlugin, { sdkKey: KEY, clientOptions: { ...configCatEndpointOptions(), setupHooks: amplitudeExposureHooks } })");
    const hooked = main.replace('pollIntervalSeconds: 5 //', 'setupHooks: (hooks) => hooks.on("clientReady", ready),\n    pollIntervalSeconds: 5 //');
    const code = editedCode(wireVueMain({ ...wiring, code: hooked, file: 'src/main.ts' }));
    expect(code).toMatchInlineSnapshot(`
      "import { createApp } from 'vue'
      import App from './App.vue'
      import { ConfigCatPlugin, PollingMode, createConsoleLogger, LogLevel } from 'configcat-vue'
      import { amplitudeExposureHooks, configCatEndpointOptions } from './configcat-amplitude'

      const app = createApp(App)

      app.use(ConfigCatPlugin, {
        sdkKey: 'YOUR-CONFIGCAT-SDK-KEY', // sdkKey is required
        pollingMode: PollingMode.AutoPoll,
        clientOptions: {
          logger: createConsoleLogger(LogLevel.Info),
          setupHooks: (hooks) => {
            amplitudeExposureHooks(hooks)
            ;((hooks) => hooks.on("clientReady", ready))(hooks)
          },
          pollIntervalSeconds: 5, // Optional. Default is 60 seconds
          ...configCatEndpointOptions()
        }
      })

      app.mount('#app')
      "
    `);
    expectParses(code, 'src/main.ts');
  });

  it('creates no client of another SDK where the plugin is not installed: the hook is left as a snippet', () => {
    const plain = `import { createApp } from 'vue'
import './style.css'
import App from './App.vue'

createApp(App).mount('#app')
`;
    const result = wireVueMain({ ...wiring, code: plain, file: 'src/main.ts', initAmplitude: 'void' });
    expect(result.kind === 'edited' && result.remaining).toEqual([
      {
        kind: 'unrecognised',
        reason: 'app.use(ConfigCatPlugin, …) was not found',
        snippet: {
          file: 'src/main.ts',
          place: 'the import after your imports; the option in clientOptions of app.use(ConfigCatPlugin, …)',
          code: "import { amplitudeExposureHooks, configCatEndpointOptions } from './configcat-amplitude'\n\nclientOptions: { ...configCatEndpointOptions(), setupHooks: amplitudeExposureHooks },",
        },
      },
    ]);
    expect(editedCode(result)).toMatchInlineSnapshot(`
      "import { createApp } from 'vue'
      import './style.css'
      import App from './App.vue'
      import { initAmplitude } from './configcat-amplitude'

      void initAmplitude()

      createApp(App).mount('#app')
      "
    `);
    expect(wireVueMain({ ...wiring, code: editedCode(result), file: 'src/main.ts', initAmplitude: 'void' }).kind).toBe('unrecognised');
  });
});
