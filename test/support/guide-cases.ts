import type { GuideCase } from './guide-render.js';


/** What each case's guide must say, written out by hand rather than read back from the plan. */
export interface Expected {
  readonly platform: 'js' | 'react' | 'vue' | 'node';
  readonly wiringPath: string;
  readonly providerPath?: string;
  /** Names the entry file imports, by specifier. */
  readonly imports: Readonly<Record<string, readonly string[]>>;
  readonly attachFrom: string;
  readonly fence: 'ts' | 'tsx' | 'js' | 'jsx';
  readonly sdkKeyEnv: string;
  /** The optional ConfigCat Proxy variable, in the bundler's convention. */
  readonly baseUrlEnv: string;
  /** Undefined when the project already had Amplitude (and initialises it itself). */
  readonly amplitudeKeyEnv?: string;
  readonly variant: 'auto' | 'value' | 'variationId';
  readonly identify: boolean;
  readonly trackDefaultValues: boolean;
  readonly packages: Readonly<Record<string, string>>;
  readonly legacy?: string;
  /** Text only this case's guide contains. */
  readonly mentions?: readonly string[];
}

export const TSCONFIG = '{ "compilerOptions": { "strict": true } }\n';

export const CASES: readonly (GuideCase & { expected: Expected })[] = [
  {
    name: 'browser JS on Vite, TypeScript, auto variant, Identify on',
    packageJson: { name: 'vite-app', type: 'module', devDependencies: { vite: '~8.3.8', typescript: '~5.9.3' } },
    files: { 'tsconfig.json': TSCONFIG, 'src/main.ts': '' },
    expected: {
      platform: 'js',
      wiringPath: 'src/configcat-amplitude.ts',
      imports: { './configcat-amplitude.js': ['createConfigCatClient', 'initAmplitude'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'ts',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'VITE_CONFIGCAT_BASE_URL',
      amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY',
      variant: 'auto',
      identify: true,
      trackDefaultValues: false,
      packages: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-browser': '^2.48.1' },
      mentions: ['Vite exposes `VITE_` variables to browser code'],
    },
  },
  {
    name: 'browser JS with webpack, JavaScript, Amplitude already there, value variant, Identify off, defaults reported',
    packageJson: { name: 'webpack-app', dependencies: { '@amplitude/analytics-browser': '^2.40.0' }, devDependencies: { webpack: '^5.0.0' } },
    options: { variant: 'value', identify: false, trackDefaultValues: true },
    expected: {
      platform: 'js',
      wiringPath: 'configcat-amplitude.js',
      imports: { './configcat-amplitude.js': ['createConfigCatClient'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'js',
      sdkKeyEnv: 'CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'CONFIGCAT_BASE_URL',
      variant: 'value',
      identify: false,
      trackDefaultValues: true,
      packages: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-browser': '^2.40.0' },
      mentions: ['a file in the project root'],
    },
  },
  {
    name: 'browser JS keeping configcat-js, variationId variant',
    packageJson: { name: 'legacy-js', type: 'module', dependencies: { 'configcat-js': '^9.6.1' }, devDependencies: { vite: '~8.3.8' } },
    files: { 'tsconfig.json': TSCONFIG, 'src/main.ts': '' },
    options: { variant: 'variationId' },
    expected: {
      platform: 'js',
      wiringPath: 'src/configcat-amplitude.ts',
      imports: { './configcat-amplitude.js': ['createConfigCatClient', 'initAmplitude'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'ts',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'VITE_CONFIGCAT_BASE_URL',
      amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY',
      variant: 'variationId',
      identify: true,
      trackDefaultValues: false,
      packages: { 'configcat-js': '^9.6.1', '@amplitude/analytics-browser': '^2.48.1' },
      legacy: 'configcat-js',
    },
  },
  {
    name: 'React on Vite, TypeScript, variationId variant, Identify on',
    packageJson: { name: 'react-vite', type: 'module', dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' }, devDependencies: { vite: '~8.3.8' } },
    files: { 'tsconfig.json': TSCONFIG, 'src/main.tsx': '' },
    options: { variant: 'variationId' },
    expected: {
      platform: 'react',
      wiringPath: 'src/configcat-amplitude.ts',
      providerPath: 'src/ConfigCatAmplitudeProvider.tsx',
      imports: { './ConfigCatAmplitudeProvider.js': ['ConfigCatAmplitudeProvider'], './configcat-amplitude.js': ['initAmplitude'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'tsx',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'VITE_CONFIGCAT_BASE_URL',
      amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY',
      variant: 'variationId',
      identify: true,
      trackDefaultValues: false,
      packages: { 'configcat-react': '^5.1.0', '@amplitude/analytics-browser': '^2.48.1' },
      mentions: ['`src/main.tsx`'],
    },
  },
  {
    name: 'React on Next.js, JavaScript, auto variant, Identify off',
    packageJson: { name: 'next-app', dependencies: { next: '^16.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' } },
    files: { 'src/app/page.jsx': '' },
    options: { identify: false, platform: 'react' },
    expected: {
      platform: 'react',
      wiringPath: 'src/configcat-amplitude.js',
      providerPath: 'src/ConfigCatAmplitudeProvider.jsx',
      imports: { './ConfigCatAmplitudeProvider.jsx': ['ConfigCatAmplitudeProvider'], './configcat-amplitude.js': ['initAmplitude'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'jsx',
      sdkKeyEnv: 'NEXT_PUBLIC_CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'NEXT_PUBLIC_CONFIGCAT_BASE_URL',
      amplitudeKeyEnv: 'NEXT_PUBLIC_AMPLITUDE_API_KEY',
      variant: 'auto',
      identify: false,
      trackDefaultValues: false,
      packages: { 'configcat-react': '^5.1.0', '@amplitude/analytics-browser': '^2.48.1' },
      mentions: ['`src/providers.jsx`', 'use client', 'Next.js exposes `NEXT_PUBLIC_` variables to browser code', 'a build without\n`NEXT_PUBLIC_CONFIGCAT_SDK_KEY` stops'],
    },
  },
  {
    name: 'React on Create React App, TypeScript, value variant, own variable names, Amplitude already there',
    packageJson: {
      name: 'cra-app',
      dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0', 'react-scripts': '5.0.1', '@amplitude/analytics-browser': '^2.48.1' },
    },
    files: { 'tsconfig.json': TSCONFIG, 'src/index.tsx': '' },
    options: { variant: 'value', sdkKeyEnv: 'REACT_APP_FLAGS_KEY' },
    expected: {
      platform: 'react',
      wiringPath: 'src/configcat-amplitude.ts',
      providerPath: 'src/ConfigCatAmplitudeProvider.tsx',
      imports: { './ConfigCatAmplitudeProvider': ['ConfigCatAmplitudeProvider'] },
      attachFrom: './configcat-amplitude',
      fence: 'tsx',
      sdkKeyEnv: 'REACT_APP_FLAGS_KEY',
      baseUrlEnv: 'REACT_APP_CONFIGCAT_BASE_URL',
      variant: 'value',
      identify: true,
      trackDefaultValues: false,
      packages: { 'configcat-react': '^5.1.0', '@amplitude/analytics-browser': '^2.48.1' },
      mentions: ['`src/index.tsx`', 'Create React App exposes `REACT_APP_` variables to browser code'],
    },
  },
  {
    name: 'Vue on configcat-vue (create-vue, Vite), TypeScript, auto variant, Identify on',
    packageJson: { name: 'vue-plugin', type: 'module', dependencies: { vue: '^3.5.13', 'configcat-vue': '^2.6.4' }, devDependencies: { vite: '^6.1.0', typescript: '~5.7.3' } },
    files: { 'tsconfig.json': TSCONFIG, 'src/main.ts': '' },
    expected: {
      platform: 'vue',
      baseUrlEnv: 'VITE_CONFIGCAT_BASE_URL',
      wiringPath: 'src/configcat-amplitude.ts',
      imports: { './configcat-amplitude.js': ['amplitudeExposureHooks', 'configCatEndpointOptions', 'initAmplitude'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'ts',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY',
      variant: 'auto',
      identify: true,
      trackDefaultValues: false,
      packages: { 'configcat-vue': '^2.6.4', '@amplitude/analytics-browser': '^2.48.1' },
      mentions: ['...configCatEndpointOptions(),', 'setupHooks: amplitudeExposureHooks', '<FeatureWrapper feature-key="newCheckout">', "configcat-vue's `<FeatureWrapper>` components"],
    },
  },
  {
    name: 'Vue without configcat-vue, JavaScript, Amplitude already there, value variant',
    packageJson: { name: 'vue-plain', type: 'module', dependencies: { vue: '^3.5.13', '@amplitude/analytics-browser': '^2.40.0' }, devDependencies: { vite: '^6.1.0' } },
    files: { 'src/main.js': '' },
    options: { variant: 'value' },
    expected: {
      platform: 'vue',
      baseUrlEnv: 'VITE_CONFIGCAT_BASE_URL',
      wiringPath: 'src/configcat-amplitude.js',
      imports: { './configcat-amplitude.js': ['createConfigCatClient'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'js',
      sdkKeyEnv: 'VITE_CONFIGCAT_SDK_KEY',
      variant: 'value',
      identify: true,
      trackDefaultValues: false,
      packages: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-browser': '^2.40.0' },
      mentions: ['.provide("configCatClient", configCatClient)'],
    },
  },
  {
    name: 'Node ESM, TypeScript, auto variant, Identify on, EU data center and data governance',
    packageJson: { name: 'node-esm', type: 'module', dependencies: { express: '^5.0.0' }, devDependencies: { typescript: '~5.9.3' } },
    files: { 'tsconfig.json': TSCONFIG, 'src/server.ts': '' },
    options: { platform: 'node', amplitudeServerZone: 'eu', configcatDataGovernance: 'eu' },
    expected: {
      platform: 'node',
      wiringPath: 'src/configcat-amplitude.ts',
      imports: { './configcat-amplitude.js': ['createConfigCatClient', 'initAmplitude', 'flushAmplitudeExposures'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'ts',
      sdkKeyEnv: 'CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'CONFIGCAT_BASE_URL',
      amplitudeKeyEnv: 'AMPLITUDE_API_KEY',
      variant: 'auto',
      identify: true,
      trackDefaultValues: false,
      packages: { '@configcat/sdk': '^1.1.0', '@amplitude/analytics-node': '^1.5.73' },
      mentions: [
        'at most 50,000 users, each for 24 hours',
        "`initAmplitude` sends to Amplitude's EU data center (`serverZone: 'EU'`",
        "ConfigCat's EU CDN only (`dataGovernance: DataGovernance.EuOnly`",
      ],
    },
  },
  {
    name: 'Node CommonJS, JavaScript, keeping configcat-node, variationId variant, Identify off, defaults reported',
    packageJson: { name: 'node-cjs', dependencies: { 'configcat-node': '^11.4.1', '@amplitude/analytics-node': '^1.5.0' } },
    options: { platform: 'node', variant: 'variationId', identify: false, trackDefaultValues: true, amplitudeKeyEnv: 'AMP_KEY' },
    expected: {
      platform: 'node',
      wiringPath: 'configcat-amplitude.js',
      imports: { './configcat-amplitude.js': ['createConfigCatClient', 'flushAmplitudeExposures'] },
      attachFrom: './configcat-amplitude.js',
      fence: 'js',
      sdkKeyEnv: 'CONFIGCAT_SDK_KEY',
      baseUrlEnv: 'CONFIGCAT_BASE_URL',
      variant: 'variationId',
      identify: false,
      trackDefaultValues: true,
      packages: { 'configcat-node': '^11.4.1', '@amplitude/analytics-node': '^1.5.0' },
      legacy: 'configcat-node',
      mentions: ['require('],
    },
  },
];

