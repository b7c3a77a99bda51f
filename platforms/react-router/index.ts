import type { EntryEdit, EntryEditInput, PlatformDescriptor, PlatformSignals } from '../../generators/lib/platform.js';
import { react } from '../react/index.js';

/** The root route of React Router's framework mode (and of Remix, which it grew from). */
export const ROUTE_ROOTS = ['tsx', 'jsx', 'ts', 'js'].map((extension) => `app/root.${extension}`);
/** configcat-react's provider, or ours that replaced it. */
const PROVIDER_ELEMENT = /<ConfigCat(?:Amplitude)?Provider\b/;
const ROUTER_CONFIGS = ['ts', 'js', 'mts', 'mjs'].map((extension) => `react-router.config.${extension}`);

/**
 * Framework mode: `@react-router/dev` (its Vite plugin and CLI), or its config file beside a root
 * route. Remix v2 on Vite has the same `app/root` and runs the same way; the classic Remix compiler
 * has no `VITE_` variables, so it is left to the React platform.
 */
function detectRouteRoot({ dependencies, framework, hasFile }: PlatformSignals): number {
  if (dependencies.has('@react-router/dev')) return 4;
  const hasRoot = ROUTE_ROOTS.some(hasFile);
  if (hasRoot && ROUTER_CONFIGS.some(hasFile)) return 4;
  if (hasRoot && framework === 'vite' && dependencies.has('@remix-run/react')) return 4;
  return 0;
}

/**
 * The root route's `App` renders the provider around its `<Outlet />` (or `<ConfigCatProvider>`,
 * wherever the app has one, becomes it). The root route also renders on the server, during requests
 * and prerendering: Amplitude starts behind a `typeof window` check, so it runs in the browser only.
 */
function routeRootEntryEdits({ files, read, sourceFiles, specifier, initAmplitude, edits, answers }: EntryEditInput): EntryEdit[] {
  const [wiring, provider] = files;
  const providerPath = provider?.path ?? wiring.path;
  const call = initAmplitude ? 'void' : false;
  const root = ROUTE_ROOTS.find((path) => read(path) !== undefined) ?? `app/root.${answers.language}x`;
  // Ours counts too: after a first run the replaced provider is ours, and a re-run must not wrap the root.
  const elsewhere = sourceFiles.filter((path) => path !== providerPath && path !== root && PROVIDER_ELEMENT.test(read(path) ?? ''));
  const replaced: EntryEdit[] = elsewhere.map((file) => ({
    file,
    edit: (code) => edits.replaceConfigCatProvider({ code, file, providerModule: specifier(file, providerPath) }),
  }));
  if (replaced.length > 0 && !PROVIDER_ELEMENT.test(read(root) ?? '')) {
    // The app's provider sits in another route: it is replaced there, and the root only starts Amplitude.
    if (!call) return replaced;
    return [...replaced, { file: root, edit: (code) => edits.addBrowserOnlyAmplitude({ code, file: root, wiringModule: specifier(root, wiring.path), initAmplitude: call }) }];
  }
  return [
    {
      file: root,
      edit: (code) =>
        edits.wrapRouteRoot({ code, file: root, providerModule: specifier(root, providerPath), wiringModule: specifier(root, wiring.path), initAmplitude: call }),
    },
    ...replaced,
  ];
}

/** React Router framework mode (and Remix on Vite) with configcat-react: React's files, wired into the root route. */
export const reactRouter = {
  ...react,
  id: 'react-router',
  title: 'React Router framework mode or Remix (app/root)',
  detect: detectRouteRoot,
  entryEdits: routeRootEntryEdits,
  plan: (input) => {
    const plan = react.plan(input);
    return {
      ...plan,
      guide: {
        fragments: { ...plan.guide.fragments, usage: 'platforms/react-router/guide/usage.md.hbs' },
        values: { ...plan.guide.values, routeRoot: `app/root.${input.answers.language}x` },
      },
    };
  },
} as const satisfies PlatformDescriptor;
