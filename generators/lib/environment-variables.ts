import type { Framework } from './detect.js';

/** How the generated code reads an environment variable, following the project's bundler. */
export interface EnvironmentConvention {
  /** Only variables with this prefix reach browser code (empty on servers). */
  readonly prefix: string;
  /** The expression the name is appended to, e.g. `import.meta.env`. */
  readonly accessor: 'process.env' | 'import.meta.env';
  readonly description: string;
}

const BUNDLER_CONVENTIONS: Readonly<Record<Framework, EnvironmentConvention>> = {
  vite: { prefix: 'VITE_', accessor: 'import.meta.env', description: 'Vite exposes `VITE_` variables to browser code' },
  cra: { prefix: 'REACT_APP_', accessor: 'process.env', description: 'Create React App exposes `REACT_APP_` variables to browser code' },
  next: { prefix: 'NEXT_PUBLIC_', accessor: 'process.env', description: 'Next.js exposes `NEXT_PUBLIC_` variables to browser code' },
  bundler: { prefix: '', accessor: 'process.env', description: "your bundler replaces `process.env` variables in browser code" },
  none: { prefix: '', accessor: 'process.env', description: "your bundler replaces `process.env` variables in browser code" },
};

/** Browser code: the bundler inlines the variables it exposes, under its own prefix. */
export function bundlerConvention(framework: Framework): EnvironmentConvention {
  return BUNDLER_CONVENTIONS[framework];
}

/** Server code reads its environment as it runs. */
export const SERVER_CONVENTION: EnvironmentConvention = {
  prefix: '',
  accessor: 'process.env',
  description: 'Node reads variables from its environment',
};

export const ENVIRONMENT_VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

export function defaultSdkKeyVariable(convention: EnvironmentConvention): string {
  return `${convention.prefix}CONFIGCAT_SDK_KEY`;
}

export function defaultAmplitudeKeyVariable(convention: EnvironmentConvention): string {
  return `${convention.prefix}AMPLITUDE_API_KEY`;
}

/**
 * The optional variables that point the SDKs elsewhere: a ConfigCat Proxy (or another stand-in) for
 * ConfigCat, a first-party proxy for Amplitude (ad blockers block its own host). Not answers: their
 * names follow the convention of the keys' default names, and an unset or empty one changes nothing.
 */
export interface EndpointVariables {
  readonly configcatBaseUrl: string;
  readonly amplitudeServerUrl: string;
}

export function endpointVariables(convention: EnvironmentConvention): EndpointVariables {
  return { configcatBaseUrl: `${convention.prefix}CONFIGCAT_BASE_URL`, amplitudeServerUrl: `${convention.prefix}AMPLITUDE_SERVER_URL` };
}
