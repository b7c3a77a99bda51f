/**
 * The platforms the generator targets. Adding one is adding an entry here and a template folder,
 * in the spirit of create-vite's framework list.
 */
export type PlatformId = 'js' | 'react' | 'node';

export interface Platform {
  readonly id: PlatformId;
  readonly title: string;
  /** Folder under templates/ that holds the wiring module. */
  readonly templateFolder: 'browser' | 'node';
  /** A React component file beside the wiring module. */
  readonly provider: boolean;
  /** Whether the wiring exports `createConfigCatClient` (React gets its client from the provider). */
  readonly createsClient: boolean;
  /** Runs on a server: exposures need a ConfigCat User, and are flushed on shutdown. */
  readonly serverSide: boolean;
  /** The ConfigCat package new wiring uses. */
  readonly configcatPackage: string;
  /** Earlier ConfigCat packages a project may already use; the wiring keeps using them. */
  readonly legacyConfigcatPackages: readonly string[];
  /** Amplitude packages that serve this platform, the one added to new projects first. */
  readonly amplitudePackages: readonly string[];
}

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'js',
    title: 'Browser JavaScript (any bundler)',
    templateFolder: 'browser',
    provider: false,
    createsClient: true,
    serverSide: false,
    configcatPackage: '@configcat/sdk',
    legacyConfigcatPackages: ['configcat-js'],
    amplitudePackages: ['@amplitude/analytics-browser', '@amplitude/unified'],
  },
  {
    id: 'react',
    title: 'React (Vite, Create React App, Next.js)',
    templateFolder: 'browser',
    provider: true,
    createsClient: false,
    serverSide: false,
    configcatPackage: 'configcat-react',
    legacyConfigcatPackages: [],
    amplitudePackages: ['@amplitude/analytics-browser', '@amplitude/unified'],
  },
  {
    id: 'node',
    title: 'Node.js server',
    templateFolder: 'node',
    provider: false,
    createsClient: true,
    serverSide: true,
    configcatPackage: '@configcat/sdk',
    legacyConfigcatPackages: ['configcat-node'],
    amplitudePackages: ['@amplitude/analytics-node'],
  },
];

export const PLATFORM_IDS = PLATFORMS.map((platform) => platform.id);

export function platformById(id: PlatformId): Platform {
  const platform = PLATFORMS.find((candidate) => candidate.id === id);
  if (!platform) throw new Error(`Unknown platform ${id}`);
  return platform;
}
