import { SERVER_CONVENTION } from '../../generators/lib/environment-variables.js';
import { guideFragments, plannedFile, template, type CommonContext, type EntryEdit, type EntryEditInput, type PlatformDescriptor } from '../../generators/lib/platform.js';

/**
 * How much the server wiring remembers to de-duplicate exposures; the guide quotes the same numbers.
 * Amplitude's server-side Experiment SDKs report a user's exposure again after a day too.
 */
const EXPOSURE_MEMORY = { maxRememberedUsers: 50_000, exposureLifetimeHours: 24 } as const;

export interface NodeWiringContext extends CommonContext {
  readonly maxRememberedUsers: number;
  readonly exposureLifetimeHours: number;
  /** The module reads a key from the environment, and says so when it is missing. */
  readonly needsMissingEnv: true;
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
function nodeEntryEdits({ files: [wiring], read, specifier, initAmplitude, edits, project }: EntryEditInput): EntryEdit[] {
  const found = edits.findNodeEntry(read);
  const file = found?.path ?? (project.typescript ? 'src/index.ts' : 'index.js');
  const packageType = project.moduleSystem === 'esm' ? 'module' : 'commonjs';
  const steps: EntryEdit[] = [
    {
      file,
      edit: (code) =>
        edits.wireNodeEntry({ code, file, wiringModule: specifier(file, wiring.path), initAmplitude: initAmplitude ? 'void' : false, packageType }),
    },
  ];
  const nestModule = 'src/app.module.ts';
  if (edits.isNestMain(read(file) ?? '', file) && read(nestModule) !== undefined) {
    steps.push({ file: nestModule, edit: (code) => edits.addNestShutdownFlush({ code, file: nestModule, wiringModule: specifier(nestModule, wiring.path), packageType }) });
  }
  return steps;
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
  plan: ({ answers, common, outputPath }) => {
    const wiring = plannedFile('Wiring module', outputPath(`configcat-amplitude.${answers.language}`), WIRING[answers.language], {
      ...common,
      ...EXPOSURE_MEMORY,
      needsMissingEnv: true,
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
          codeFence: answers.language,
          evaluationCall: 'getValueAsync(key, default, user)',
          firstCheck: 'hasUser',
          addedFields: '',
          userIdNote: '',
          keysReadWhen: 'started',
        },
      },
    };
  },
} as const satisfies PlatformDescriptor;
