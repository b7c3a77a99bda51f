import { AMPLITUDE_API_KEY_VARIABLE, AMPLITUDE_SECRET_KEY_VARIABLE, MANAGEMENT_PASSWORD_VARIABLE, MANAGEMENT_USER_VARIABLE } from './annotations-credentials.js';
import { DEFAULT_MANAGEMENT_API_URL } from './management-api.js';

/**
 * What the annotations command offers on the command line. Secrets are not among them: they come
 * from environment variables (see annotations-credentials.ts), listed at the end of `--help`.
 */
export const ANNOTATIONS_OPTIONS = [
  {
    name: 'product',
    type: String,
    group: 'connect',
    description: 'ConfigCat product, by name or id (the one saved in .yo-rc.json, the only one, or asked)',
  },
  {
    name: 'configs',
    type: String,
    group: 'connect',
    description: 'Configs whose flag changes are annotated, names or ids separated by commas, or all (the default: all, also those added later)',
  },
  {
    name: 'environments',
    type: String,
    group: 'connect',
    description: 'Environments whose flag changes are annotated, names or ids separated by commas, or all (the default)',
  },
  {
    name: 'integration',
    type: String,
    group: 'connect',
    description: "Which Amplitude integration, by name or id, when the product has several (connect creates one of that name if none has it)",
  },
  {
    name: 'base-url',
    type: String,
    group: 'run',
    description: `Address of ConfigCat's Management API (${DEFAULT_MANAGEMENT_API_URL}; another for a ConfigCat hosted elsewhere)`,
  },
  { name: 'yes', alias: 'y', type: Boolean, group: 'run', description: 'Ask nothing: use options, saved ids, and all configs and environments' },
  {
    name: 'dry-run',
    type: Boolean,
    group: 'run',
    description: 'Send only the reads; print the changes it would send, with secrets masked, and change nothing',
  },
] as const;

export const ANNOTATIONS_DESCRIPTION =
  'Draw every feature-flag change on your Amplitude charts: connects (connect, the default), shows (status) or removes (disconnect) ConfigCat\'s Amplitude integration through its Management API.';

export const ANNOTATIONS_ENVIRONMENT_HELP = [
  'Environment variables (never written anywhere, never printed):',
  `  ${MANAGEMENT_USER_VARIABLE}, ${MANAGEMENT_PASSWORD_VARIABLE}  a ConfigCat Public API credential (Dashboard → My account → Public API credentials)`,
  `  ${AMPLITUDE_API_KEY_VARIABLE}, ${AMPLITUDE_SECRET_KEY_VARIABLE}  your Amplitude project's API Key and Secret Key (connect only)`,
].join('\n');
