import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An SDK key of the format ConfigCat validates even with a custom baseUrl (two parts of 22 characters). */
export const TEST_SDK_KEY = 'configcat-sdk-1/TEST-KEY-0123456789abc/TEST-KEY-0123456789abc';

/**
 * A stand-in for ConfigCat's CDN on 127.0.0.1: serves `config_v6.json` for any SDK key, so the
 * real SDK downloads and evaluates a real config through its `baseUrl` option.
 */
export interface ConfigServer {
  readonly baseUrl: string;
  /** How many config downloads it served. */
  readonly requests: () => number;
  setConfig(config: object): void;
  close(): Promise<void>;
}

export async function startConfigServer(initialConfig: object): Promise<ConfigServer> {
  let body = JSON.stringify(initialConfig);
  let requests = 0;
  const server = createServer((request, response) => {
    if (!request.url?.includes('/configuration-files/') || !request.url.includes('/config_v6.json')) {
      response.writeHead(404).end();
      return;
    }
    requests += 1;
    // The browser SDK fetches cross-origin from the test page.
    response.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      etag: `"${body.length}-${requests}"`,
    });
    response.end(body);
  });
  const port = await listen(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests: () => requests,
    setConfig: (config) => {
      body = JSON.stringify(config);
    },
    close: () => close(server),
  };
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Setting types of config_v6.json. */
const SETTING_TYPE = { boolean: 0, string: 1, int: 2, double: 3 } as const;

type Value = boolean | string | number;

function valueOf(value: Value): object {
  if (typeof value === 'boolean') return { b: value };
  if (typeof value === 'string') return { s: value };
  return Number.isInteger(value) ? { i: value } : { d: value };
}

function typeOf(value: Value): number {
  if (typeof value === 'boolean') return SETTING_TYPE.boolean;
  if (typeof value === 'string') return SETTING_TYPE.string;
  return Number.isInteger(value) ? SETTING_TYPE.int : SETTING_TYPE.double;
}

/**
 * A targeting rule: users whose Email contains any of `emailContains`, or whose Identifier is one of
 * `identifierIsOneOf`, get the rule's `value`/`variationId`.
 */
export type RuleSpec = ({ readonly emailContains: readonly string[] } | { readonly identifierIsOneOf: readonly string[] }) & {
  readonly value: Value;
  readonly variationId: string;
};

export interface FlagSpec {
  readonly value: Value;
  readonly variationId: string;
  /** The first rule that matches decides. */
  readonly rules?: readonly RuleSpec[];
  /** Percentage options, by the User's identifier. */
  readonly percentages?: readonly { percentage: number; value: Value; variationId: string }[];
}

/** Builds a config_v6.json from a readable description of its flags. */
export function buildConfig(flags: Readonly<Record<string, FlagSpec>>): object {
  const settings: Record<string, object> = {};
  for (const [key, flag] of Object.entries(flags)) {
    settings[key] = {
      t: typeOf(flag.value),
      v: valueOf(flag.value),
      i: flag.variationId,
      ...(flag.rules
        ? {
            r: flag.rules.map((rule) => ({
              // Comparators: 2 contains any of, 0 is one of (both on cleartext).
              c: [{ u: 'emailContains' in rule ? { a: 'Email', c: 2, l: rule.emailContains } : { a: 'Identifier', c: 0, l: rule.identifierIsOneOf } }],
              s: { v: valueOf(rule.value), i: rule.variationId },
            })),
          }
        : {}),
      ...(flag.percentages
        ? { a: 'Identifier', p: flag.percentages.map((option) => ({ p: option.percentage, v: valueOf(option.value), i: option.variationId })) }
        : {}),
    };
  }
  // r: 0 keeps the SDK on the baseUrl it was given (2 would force a redirect).
  return { p: { u: 'https://cdn-global.configcat.com', r: 0, s: 'test-salt' }, f: settings };
}

/**
 * The value ConfigCat serves `user` for a flag built by `buildConfig` from `flag` (the first rule
 * that matches decides), to state what a test expects without restating the config. Percentage
 * options depend on the SDK's hashing: not modelled.
 */
export function servedValue(flag: FlagSpec, user?: { readonly identifier: string; readonly email?: string }): Value {
  if (flag.percentages) throw new Error('servedValue does not model percentage options');
  const rule = flag.rules?.find((candidate) =>
    user === undefined
      ? false
      : 'emailContains' in candidate
        ? candidate.emailContains.some((part) => user.email?.includes(part) ?? false)
        : candidate.identifierIsOneOf.includes(user.identifier),
  );
  return (rule ?? flag).value;
}
