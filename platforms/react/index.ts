import { bundlerConvention } from '../../generators/lib/environment-variables.js';
import { endpointGuideValues, experimentFlagsOf, importStatements, plannedFile, template, type CommonContext, type EntryEdit, type EntryEditInput, type PlatformDescriptor } from '../../generators/lib/platform.js';
import { BROWSER_GUIDE_FRAGMENTS, BROWSER_GUIDE_VALUES, planBrowserWiring } from '../browser/index.js';

export interface ProviderContext extends CommonContext {
  /** How the provider imports the wiring module beside it. */
  readonly coreImportPath: string;
  /** Next.js: the file is a client component (it hands ConfigCat a function). */
  readonly clientComponent: boolean;
  /** The imports of React and configcat-react (see `importStatements`). */
  readonly reactImports: string;
  readonly configcatReactImports: string;
}

const PROVIDER = {
  ts: template<ProviderContext>('platforms/react/ConfigCatAmplitudeProvider.tsx.hbs'),
  js: template<ProviderContext>('platforms/react/ConfigCatAmplitudeProvider.jsx.hbs'),
};

/** Where React apps render their root: Vite's `src/main`, Create React App's `src/index`. */
const ROOT_FILES = ['main', 'index'].flatMap((name) => ['tsx', 'jsx', 'ts', 'js'].map((extension) => `src/${name}.${extension}`));

/**
 * An existing `<ConfigCatProvider>` anywhere in the app becomes the wired provider (with the same
 * props); otherwise the root render is wrapped in it. Amplitude is started in the root file.
 */
export function reactEntryEdits({ files, read, sourceFiles, specifier, initAmplitude, edits, answers }: EntryEditInput): EntryEdit[] {
  const [wiring, provider] = files;
  const providerPath = provider?.path ?? wiring.path;
  const call = initAmplitude ? 'void' : false;
  const root = ROOT_FILES.find((path) => read(path) !== undefined) ?? `src/main.${answers.language}x`;
  // Ours counts too: after a first run the replaced provider is ours, and a re-run must not wrap the root.
  const withProvider = sourceFiles.filter((path) => path !== providerPath && /<ConfigCat(?:Amplitude)?Provider\b/.test(read(path) ?? ''));
  if (withProvider.length === 0) {
    return [
      {
        file: root,
        edit: (code) =>
          edits.wrapReactRoot({ code, file: root, providerModule: specifier(root, providerPath), wiringModule: specifier(root, wiring.path), initAmplitude: call }),
      },
    ];
  }
  const replaced: EntryEdit[] = withProvider.map((file) => ({
    file,
    edit: (code) => edits.replaceConfigCatProvider({ code, file, providerModule: specifier(file, providerPath) }),
  }));
  if (!call) return replaced;
  return [...replaced, { file: root, edit: (code) => edits.addInitAmplitude({ code, file: root, wiringModule: specifier(root, wiring.path), call }) }];
}

/** React with configcat-react: the browser wiring, and ConfigCat's provider with it wired in. */
export const react = {
  id: 'react',
  title: 'React (Vite, Create React App, Next.js)',
  detect: ({ dependencies }) => (dependencies.has('react') || dependencies.has('configcat-react') ? 3 : 0),
  bundled: true,
  sdks: {
    configcat: 'configcat-react',
    legacyConfigcat: [],
    amplitude: ['@amplitude/analytics-browser', '@amplitude/unified'],
  },
  environment: bundlerConvention,
  entryEdits: reactEntryEdits,
  plan: (input) => {
    const { answers, common, outputPath, specifier } = input;
    const wiring = planBrowserWiring(input, false);
    const provider = plannedFile('React provider', outputPath(`ConfigCatAmplitudeProvider.${answers.language}x`), PROVIDER[answers.language], {
      ...common,
      coreImportPath: specifier(answers.dir, wiring.path),
      clientComponent: common.framework === 'next',
      reactImports: importStatements('react', ['useEffect'], ['ComponentProps', 'PropsWithChildren', 'ReactElement'], common.inlineTypeImports),
      configcatReactImports: importStatements('configcat-react', ['ConfigCatProvider', 'useConfigCatClient'], ['IProvidesHooks'], common.inlineTypeImports),
    });
    return {
      files: [wiring, provider],
      entryPoints: [
        { names: ['ConfigCatAmplitudeProvider'], path: provider.path },
        { names: common.initAmplitude ? ['initAmplitude'] : [], path: wiring.path },
      ],
      attachFrom: wiring.path,
      guide: {
        fragments: { ...BROWSER_GUIDE_FRAGMENTS, added: 'platforms/react/guide/added.md.hbs', usage: 'platforms/react/guide/usage.md.hbs' },
        values: {
          ...BROWSER_GUIDE_VALUES,
          ...endpointGuideValues('`ConfigCatAmplitudeProvider`', "the provider's `options` prop", common.initAmplitude, 'provider'),
          experimentFlags: experimentFlagsOf(answers),
          codeFence: `${answers.language}x`,
          evaluationCall: 'useFeatureFlag(key, default)',
          evaluatesOften: "configcat-react's re-renders",
          providerPath: provider.path,
        },
      },
    };
  },
} as const satisfies PlatformDescriptor;
