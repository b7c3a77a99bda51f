import { UserError } from './user-error.js';

/**
 * The annotations command's secrets come from environment variables only: never from an option
 * (shell history, process lists), never written anywhere. The ConfigCat names are those of
 * ConfigCat's own CLI and CI actions, so a machine set up for them needs nothing more.
 */
export const MANAGEMENT_USER_VARIABLE = 'CONFIGCAT_API_USER';
export const MANAGEMENT_PASSWORD_VARIABLE = 'CONFIGCAT_API_PASS';
/** The server-side name the main command uses for the Amplitude API key. */
export const AMPLITUDE_API_KEY_VARIABLE = 'AMPLITUDE_API_KEY';
export const AMPLITUDE_SECRET_KEY_VARIABLE = 'AMPLITUDE_SECRET_KEY';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ManagementCredentials {
  readonly user: string;
  readonly password: string;
}

/** A secret with the variable it came from: the name is what a dry run prints instead of it. */
export interface Secret {
  readonly value: string;
  readonly variable: string;
}

export interface AmplitudeKeys {
  readonly apiKey: Secret;
  readonly secretKey: Secret;
}

const value = (env: Environment, name: string): string | undefined => {
  const text = env[name];
  return text === undefined || text.trim() === '' ? undefined : text;
};

export function readManagementCredentials(env: Environment): ManagementCredentials {
  const user = value(env, MANAGEMENT_USER_VARIABLE);
  const password = value(env, MANAGEMENT_PASSWORD_VARIABLE);
  if (user === undefined || password === undefined) {
    const missing = [...(user === undefined ? [MANAGEMENT_USER_VARIABLE] : []), ...(password === undefined ? [MANAGEMENT_PASSWORD_VARIABLE] : [])];
    throw new UserError(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: export the user name and password of a ConfigCat Public API credential (ConfigCat Dashboard → My account → Public API credentials) in ${MANAGEMENT_USER_VARIABLE} and ${MANAGEMENT_PASSWORD_VARIABLE}.`,
    );
  }
  return { user, password };
}

/**
 * The Amplitude project's keys. The API key is also read from the variable the app's code reads
 * (saved in .yo-rc.json, e.g. VITE_AMPLITUDE_API_KEY), so one exported variable serves both.
 */
export function readAmplitudeKeys(env: Environment, appKeyVariable?: string): AmplitudeKeys {
  const keyVariables = [...new Set([AMPLITUDE_API_KEY_VARIABLE, ...(appKeyVariable ? [appKeyVariable] : [])])];
  const keyVariable = keyVariables.find((name) => value(env, name) !== undefined);
  const secretKey = value(env, AMPLITUDE_SECRET_KEY_VARIABLE);
  if (keyVariable === undefined || secretKey === undefined) {
    const keyNames = keyVariables.length > 1 ? `${keyVariables[0]} (or ${keyVariables.slice(1).join(', ')})` : AMPLITUDE_API_KEY_VARIABLE;
    const missing = [...(keyVariable === undefined ? [keyNames] : []), ...(secretKey === undefined ? [AMPLITUDE_SECRET_KEY_VARIABLE] : [])];
    throw new UserError(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: export the API Key and the Secret Key of your Amplitude project (Amplitude → Settings → Projects → your project) in ${AMPLITUDE_API_KEY_VARIABLE} and ${AMPLITUDE_SECRET_KEY_VARIABLE}.`,
    );
  }
  return { apiKey: { value: value(env, keyVariable)!, variable: keyVariable }, secretKey: { value: secretKey, variable: AMPLITUDE_SECRET_KEY_VARIABLE } };
}
