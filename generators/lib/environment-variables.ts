import type { Framework } from './detect.js';
import type { PlatformId } from './platforms.js';

/** How the generated code reads an environment variable, following the project's bundler. */
export interface EnvironmentConvention {
  /** Only variables with this prefix reach browser code (empty on servers). */
  readonly prefix: string;
  /** The expression the name is appended to, e.g. `import.meta.env`. */
  readonly accessor: 'process.env' | 'import.meta.env';
  readonly description: string;
}

const CONVENTIONS: Readonly<Record<Framework | 'server', EnvironmentConvention>> = {
  vite: { prefix: 'VITE_', accessor: 'import.meta.env', description: 'Vite exposes `VITE_` variables to browser code' },
  cra: { prefix: 'REACT_APP_', accessor: 'process.env', description: 'Create React App exposes `REACT_APP_` variables to browser code' },
  next: { prefix: 'NEXT_PUBLIC_', accessor: 'process.env', description: 'Next.js exposes `NEXT_PUBLIC_` variables to browser code' },
  bundler: { prefix: '', accessor: 'process.env', description: "your bundler replaces `process.env` variables in browser code" },
  none: { prefix: '', accessor: 'process.env', description: "your bundler replaces `process.env` variables in browser code" },
  server: { prefix: '', accessor: 'process.env', description: 'Node reads variables from its environment' },
};

export function environmentConvention(platform: PlatformId, framework: Framework): EnvironmentConvention {
  return platform === 'node' ? CONVENTIONS.server : CONVENTIONS[framework];
}

export const ENVIRONMENT_VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

export function defaultSdkKeyVariable(convention: EnvironmentConvention): string {
  return `${convention.prefix}CONFIGCAT_SDK_KEY`;
}

export function defaultAmplitudeKeyVariable(convention: EnvironmentConvention): string {
  return `${convention.prefix}AMPLITUDE_API_KEY`;
}
