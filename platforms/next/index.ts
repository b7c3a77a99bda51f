import { posix } from 'node:path';
import type { EntryEdit, EntryEditInput, PlatformDescriptor } from '../../generators/lib/platform.js';
import { react } from '../react/index.js';

const EXTENSIONS = ['tsx', 'jsx', 'js', 'ts'];
const LAYOUTS = ['app', 'src/app'].flatMap((folder) => EXTENSIONS.map((extension) => `${folder}/layout.${extension}`));
const CUSTOM_APPS = ['pages', 'src/pages'].flatMap((folder) => EXTENSIONS.map((extension) => `${folder}/_app.${extension}`));

/**
 * App Router: the root layout wraps its children in a `'use client'` providers file written beside
 * the provider (a server layout cannot hand ConfigCat a function). Pages Router: the custom App is
 * wrapped, or written when the project has none. Amplitude starts in the browser only, so nothing
 * of it runs while Next.js prerenders.
 */
function nextEntryEdits({ files, read, sourceFiles, specifier, initAmplitude, edits, answers }: EntryEditInput): EntryEdit[] {
  const [wiring, provider] = files;
  const providerPath = provider?.path ?? wiring.path;
  const call = initAmplitude ? 'void' : false;
  const typescript = answers.language === 'ts';
  const layout = LAYOUTS.find((path) => read(path) !== undefined);
  if (layout) {
    const providers = posix.join(posix.dirname(providerPath), `ConfigCatAmplitudeProviders.${typescript ? 'tsx' : 'jsx'}`);
    // The new file is written in the layout's quotes, semicolons and indentation.
    const style = edits.parseSource(read(layout) ?? '', layout)?.style;
    return [
      {
        file: providers,
        create: true,
        edit: (code) =>
          code
            ? edits.ALREADY
            : edits.edited(
                edits.nextProvidersFile({
                  typescript,
                  providerModule: specifier(providers, providerPath),
                  wiringModule: specifier(providers, wiring.path),
                  initAmplitude: call,
                  ...(style ? { style } : {}),
                }),
                `${providers}: a client component with the provider, for the root layout`,
              ),
      },
      { file: layout, edit: (code) => edits.wrapNextLayout({ code, file: layout, providersModule: specifier(layout, providers) }) },
    ];
  }
  const customApp = CUSTOM_APPS.find((path) => read(path) !== undefined);
  const pagesFolder = sourceFiles.some((path) => path.startsWith('src/pages/')) ? 'src/pages' : 'pages';
  const appFile = customApp ?? `${pagesFolder}/_app.${typescript ? 'tsx' : 'jsx'}`;
  const moduleOf = (target: string) => specifier(appFile, target);
  return [
    {
      file: appFile,
      create: true,
      edit: (code) =>
        code
          ? edits.wrapNextApp({ code, file: appFile, providerModule: moduleOf(providerPath), wiringModule: moduleOf(wiring.path), initAmplitude: call })
          : edits.edited(
              edits.nextAppFile({ typescript, providerModule: moduleOf(providerPath), wiringModule: moduleOf(wiring.path), initAmplitude: call }),
              `${appFile}: a custom App with the provider`,
            ),
    },
  ];
}

/** Next.js with configcat-react, App Router or Pages Router: React's files, wired into Next's own entry points. */
export const next = {
  ...react,
  id: 'next',
  title: 'Next.js (App Router or Pages Router)',
  detect: ({ dependencies }) => (dependencies.has('next') ? 4 : 0),
  entryEdits: nextEntryEdits,
} as const satisfies PlatformDescriptor;
