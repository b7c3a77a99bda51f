import { SERVER_CONVENTION } from '../../generators/lib/environment-variables.js';
import {
  endpointGuideValues,
  experimentFlagsOf,
  guideFragments,
  importStatements,
  plannedFile,
  template,
  type CommonContext,
  type EntryEdit,
  type EntryEditInput,
  type PlatformDescriptor,
} from '../../generators/lib/platform.js';
import { needsRequireSyntax } from '../../generators/lib/tsconfig-module-syntax.js';

/**
 * How much the server wiring remembers to de-duplicate exposures; the guide quotes the same numbers.
 * Amplitude's server-side Experiment SDKs report a user's exposure again after a day too.
 */
const EXPOSURE_MEMORY = { maxRememberedUsers: 50_000, exposureLifetimeHours: 24, maxPendingExposures: 1_000 } as const;

export interface NodeWiringContext extends CommonContext {
  readonly maxRememberedUsers: number;
  readonly exposureLifetimeHours: number;
  /** Exposures held until Amplitude is initialised. */
  readonly maxPendingExposures: number;
  /** Flag keys reported as experiments (`--flags`); empty: every flag. */
  readonly experimentFlags: readonly string[];
  /** TypeScript in a CommonJS package with `verbatimModuleSyntax`: `import x = require()` and `export =`. */
  readonly requireSyntax: boolean;
  /** The module reads a key from the environment, and says so when it is missing. */
  readonly needsMissingEnv: true;
  /** The ES module import of the ConfigCat SDK (see `importStatements`). */
  readonly configcatImports: string;
}

const WIRING = {
  ts: template<NodeWiringContext>('platforms/node/configcat-amplitude.ts.hbs'),
  js: template<NodeWiringContext>('platforms/node/configcat-amplitude.js.hbs'),
};

const GUIDE_FRAGMENTS = guideFragments('platforms/node');

/**
 * The service's entry (package.json `main`, `bin` or start script; NestJS's `src/main.ts`): the
 * exposures attached to the client it creates (or a client created for it), Amplitude started,
 * and the queue flushed on shutdown (NestJS: in the root module's `onApplicationShutdown`).
 */
function nodeEntryEdits({ files: [wiring], read, sourceFiles, specifier, initAmplitude, edits, project }: EntryEditInput): EntryEdit[] {
  const found = edits.findNodeEntry(read);
  const file = found?.path ?? (project.typescript ? 'src/index.ts' : 'index.js');
  const packageType = project.moduleSystem === 'esm' ? 'module' : 'commonjs';
  if (answersNeedRequire(project, file)) {
    // `import x = require()` is the only import such a file takes, and the edits write ES imports.
    const reason = 'CommonJS TypeScript under verbatimModuleSyntax takes only `import x = require()`';
    return [{ file, edit: () => edits.unrecognised(reason, file, 'where the app starts', "import wiring = require('./configcat-amplitude');\nconst configCatClient = wiring.createConfigCatClient();") }];
  }
  // The app's own shutdown handler may live in another module (a `registerProcessEvents(server)`):
  // the flush joins it there, since a second handler in the entry would run after its process.exit.
  const handlerFile = edits.registersSignalHandler(read(file) ?? '')
    ? undefined
    : sourceFiles.find((path) => path !== file && path !== wiring.path && edits.registersSignalHandler(read(path) ?? ''));
  // The app may create its ConfigCat client in a module of its own (a NestJS service, a `flags.ts`):
  // the exposures are attached there, and the entry only starts Amplitude, so no second client is made.
  const createsClient = (path: string) => edits.createsConfigCatClient(read(path) ?? '', path, packageType);
  const clientFile = createsClient(file) ? undefined : sourceFiles.find((path) => path !== file && path !== wiring.path && !isTestFile(path) && createsClient(path));
  const steps: EntryEdit[] = [
    {
      file,
      edit: (code) =>
        edits.wireNodeEntry({
          code,
          file,
          wiringModule: specifier(file, wiring.path),
          initAmplitude: initAmplitude ? 'void' : false,
          packageType,
          shutdownElsewhere: handlerFile !== undefined,
          clientElsewhere: clientFile !== undefined,
        }),
    },
  ];
  if (clientFile) {
    steps.push({ file: clientFile, edit: (code) => edits.wireConfigCatClient({ code, file: clientFile, wiringModule: specifier(clientFile, wiring.path), initAmplitude: false, packageType }) });
  }
  if (handlerFile) {
    steps.push({ file: handlerFile, edit: (code) => edits.addShutdownFlush({ code, file: handlerFile, wiringModule: specifier(handlerFile, wiring.path), packageType }) });
  }
  const nestModule = 'src/app.module.ts';
  if (edits.isNestMain(read(file) ?? '', file) && read(nestModule) !== undefined) {
    steps.push({ file: nestModule, edit: (code) => edits.addNestShutdownFlush({ code, file: nestModule, wiringModule: specifier(nestModule, wiring.path), packageType }) });
  }
  return steps;
}

/** Tests create clients of their own (mocks, fixtures): they are not the app's client. */
function isTestFile(path: string): boolean {
  return /(?:^|\/)(?:__tests__|tests?)\//.test(path) || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(path);
}

function answersNeedRequire(project: EntryEditInput['project'], file: string): boolean {
  return /\.[cm]?ts$/.test(file) && project.moduleSystem === 'cjs' && needsRequireSyntax(project.root);
}

/** A Node service: exposures are credited to the ConfigCat User, and flushed on shutdown. */
export const node = {
  id: 'node',
  title: 'Node.js server',
  // Any project can run a server: this is the platform of projects that show no browser code.
  detect: () => 1,
  bundled: false,
  sdks: {
    configcat: '@configcat/sdk',
    legacyConfigcat: ['configcat-node'],
    amplitude: ['@amplitude/analytics-node'],
  },
  environment: () => SERVER_CONVENTION,
  entryEdits: nodeEntryEdits,
  plan: ({ answers, common, outputPath, project }) => {
    const wiring = plannedFile('Wiring module', outputPath(`configcat-amplitude.${answers.language}`), WIRING[answers.language], {
      ...common,
      ...EXPOSURE_MEMORY,
      needsMissingEnv: true,
      experimentFlags: experimentFlagsOf(answers),
      requireSyntax: answers.language === 'ts' && !common.esm && needsRequireSyntax(project.root),
      configcatImports: importStatements(
        common.configcatPackage,
        [...(common.configcatEuOnly ? ['DataGovernance'] : []), 'getClient', 'PollingMode'],
        [common.detailsType, 'IAutoPollOptions', 'IConfigCatClient', 'INodeAutoPollOptions', 'IProvidesHooks', 'SettingValue'],
        common.inlineTypeImports,
      ),
    });
    return {
      files: [wiring],
      entryPoints: [
        { names: ['createConfigCatClient', ...(common.initAmplitude ? ['initAmplitude'] : []), 'flushAmplitudeExposures'], path: wiring.path },
      ],
      attachFrom: wiring.path,
      guide: {
        fragments: GUIDE_FRAGMENTS,
        values: {
          ...EXPOSURE_MEMORY,
          ...endpointGuideValues('`createConfigCatClient`', '`createConfigCatClient(undefined, { baseUrl })`', common.initAmplitude, 'getClient'),
          codeFence: answers.language,
          evaluationCall: 'getValueAsync(key, default, user)',
          firstCheck: 'hasUser',
          addedFields: '',
          userIdNote: '',
          keysReadWhen: 'started',
          amplitudeProxy: "a relay of Amplitude's HTTP API, where the network lets requests out only through one",
          experimentFlags: experimentFlagsOf(answers),
        },
      },
    };
  },
} as const satisfies PlatformDescriptor;
