import { STATUS_CODES } from 'node:http';
import { UserError } from './user-error.js';

/**
 * A typed client of ConfigCat's Public Management API, for the few calls the annotations command
 * makes (paths, bodies and models as in the API's OpenAPI document). Every failure is a one-line
 * `UserError` that says what to do; no message carries a credential or a key.
 */

export const DEFAULT_MANAGEMENT_API_URL = 'https://api.configcat.com';

export interface Organization {
  readonly organizationId: string;
  readonly name: string | null;
}

export interface Product {
  readonly productId: string;
  readonly name: string | null;
  readonly organization?: Organization;
}

export interface Config {
  readonly configId: string;
  readonly name: string | null;
}

export interface Environment {
  readonly environmentId: string;
  readonly name: string | null;
}

export type IntegrationType = 'dataDog' | 'slack' | 'amplitude' | 'mixPanel' | 'segment' | 'pubNub';

export interface Integration {
  readonly integrationId: string;
  readonly name: string | null;
  readonly integrationType: IntegrationType;
  /** Empty or null: every environment, also those added later. */
  readonly environmentIds: readonly string[] | null;
  /** Empty or null: every config, also those added later. */
  readonly configIds: readonly string[] | null;
}

/** ModifyIntegrationRequest; the create body (CreateIntegrationModel) adds `integrationType`. */
export interface IntegrationBody {
  readonly name: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly environmentIds: readonly string[];
  readonly configIds: readonly string[];
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call; `Response` types what it answers. */
export interface ApiRequest<Response = unknown> {
  readonly method: Method;
  /** Below the base URL, starting with `/v1/`. */
  readonly path: string;
  readonly body?: object;
  /** What a 404 means for this call, as a sentence's subject ("Product 1b2c…"), and what to do then. */
  readonly subject?: string;
  readonly notFoundHint?: string;
  /** Only types the answer; never set. */
  readonly response?: Response;
}

const segment = (id: string) => encodeURIComponent(id);
const PRODUCT_HINT = "check --product, and that these credentials' user is a member of the product";
const INTEGRATION_HINT = 'it was removed meanwhile: run again';

export const requests = {
  products: (): ApiRequest<Product[]> => ({ method: 'GET', path: '/v1/products' }),
  product: (productId: string): ApiRequest<Product> => ({ method: 'GET', path: `/v1/products/${segment(productId)}`, subject: `Product ${productId}`, notFoundHint: PRODUCT_HINT }),
  configs: (productId: string): ApiRequest<Config[]> => ({ method: 'GET', path: `/v1/products/${segment(productId)}/configs`, subject: `Product ${productId}`, notFoundHint: PRODUCT_HINT }),
  environments: (productId: string): ApiRequest<Environment[]> => ({
    method: 'GET',
    path: `/v1/products/${segment(productId)}/environments`,
    subject: `Product ${productId}`,
    notFoundHint: PRODUCT_HINT,
  }),
  integrations: (productId: string): ApiRequest<{ integrations: Integration[] | null }> => ({
    method: 'GET',
    path: `/v1/products/${segment(productId)}/integrations`,
    subject: `Product ${productId}`,
    notFoundHint: PRODUCT_HINT,
  }),
  createIntegration: (productId: string, body: IntegrationBody, integrationType: IntegrationType): ApiRequest<Integration> => ({
    method: 'POST',
    path: `/v1/products/${segment(productId)}/integrations`,
    body: { integrationType, ...body },
    subject: `Product ${productId}`,
    notFoundHint: PRODUCT_HINT,
  }),
  updateIntegration: (integrationId: string, body: IntegrationBody): ApiRequest<Integration> => ({
    method: 'PUT',
    path: `/v1/integrations/${segment(integrationId)}`,
    body,
    subject: `Integration ${integrationId}`,
    notFoundHint: INTEGRATION_HINT,
  }),
  deleteIntegration: (integrationId: string): ApiRequest<void> => ({
    method: 'DELETE',
    path: `/v1/integrations/${segment(integrationId)}`,
    subject: `Integration ${integrationId}`,
    notFoundHint: INTEGRATION_HINT,
  }),
};

export interface ManagementApiSettings {
  readonly baseUrl: string;
  readonly user: string;
  readonly password: string;
  /** Values that must never appear in a message (the Amplitude keys), beside the credentials. */
  readonly secrets?: readonly string[];
  /** Tries of a request answered 429, the first included. */
  readonly maxAttempts?: number;
  /** A longer `Retry-After` ends the run with its wait in the message, rather than hanging. */
  readonly maxWaitSeconds?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ManagementApi {
  readonly baseUrl: string;
  send<Response>(request: ApiRequest<Response>): Promise<Response>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createManagementApi(settings: ManagementApiSettings): ManagementApi {
  const baseUrl = normalizeBaseUrl(settings.baseUrl);
  const { maxAttempts = 4, maxWaitSeconds = 60, timeoutMs = 30_000, fetch: send = globalThis.fetch, sleep = defaultSleep } = settings;
  const secrets = [settings.user, settings.password, ...(settings.secrets ?? [])];
  const authorization = `Basic ${Buffer.from(`${settings.user}:${settings.password}`).toString('base64')}`;

  return {
    baseUrl,
    async send<Response>(request: ApiRequest<Response>): Promise<Response> {
      for (let attempt = 1; ; attempt += 1) {
        const response = await exchange(request);
        if (response.status === 429) {
          const wait = retryAfterSeconds(response.headers.get('retry-after'), attempt);
          await response.body?.cancel();
          if (attempt >= maxAttempts || wait > maxWaitSeconds) {
            throw new UserError(
              `ConfigCat's Management API is limiting the requests of these credentials (429 Too Many Requests, ${attempt} ${attempt === 1 ? 'try' : 'tries'}): run again in ${Math.max(1, Math.ceil(wait))} s.`,
            );
          }
          await sleep(wait * 1000);
          continue;
        }
        const text = await response.text();
        if (!response.ok) throw new UserError(redact(failureMessage(request, response.status, text), secrets));
        if (response.status === 204 || text.trim() === '') return undefined as Response;
        try {
          return JSON.parse(text) as Response;
        } catch {
          throw new UserError(`${baseUrl} answered ${request.method} ${request.path} with something other than JSON: is --base-url the address of ConfigCat's Management API?`);
        }
      }
    },
  };

  async function exchange(request: ApiRequest<unknown>): Promise<globalThis.Response> {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (request.body) headers['content-type'] = 'application/json';
    try {
      return await send(`${baseUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new UserError(redact(unreachableMessage(baseUrl, error, timeoutMs), secrets));
    }
  }
}

/** The base URL as requests are appended to it: no trailing slash; http(s) only. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`--base-url ${JSON.stringify(value)} is not a URL: give one like ${DEFAULT_MANAGEMENT_API_URL}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`--base-url ${JSON.stringify(value)} is not an http(s) URL: give one like ${DEFAULT_MANAGEMENT_API_URL}.`);
  }
  // Credentials go in the Authorization header only; a URL is printed in messages.
  if (url.username || url.password) throw new UserError('--base-url must not contain credentials: they come from CONFIGCAT_API_USER and CONFIGCAT_API_PASS.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Seconds to wait before the next try: the `Retry-After` header (seconds or an HTTP date), or an
 * exponential back-off (1, 2, 4 s…) when the API gives none.
 */
export function retryAfterSeconds(header: string | null, attempt: number, now = Date.now()): number {
  const fallback = 2 ** (attempt - 1);
  if (header === null || header.trim() === '') return fallback;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallback : Math.max(0, (date - now) / 1000);
}

export function failureMessage(request: ApiRequest<unknown>, status: number, body: string): string {
  const statusLine = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const call = `${request.method} ${request.path}`;
  switch (status) {
    case 401:
      return `ConfigCat's Management API did not accept the credentials (${statusLine}): set CONFIGCAT_API_USER and CONFIGCAT_API_PASS to a Public API credential (ConfigCat Dashboard → My account → Public API credentials).`;
    case 403:
      return `ConfigCat's Management API refused ${call} (${statusLine}): the user of these credentials needs a permission group in this product that can manage integrations (ask an admin of the product).`;
    case 404:
      return `${request.subject ?? call} was not found (${statusLine}): ${request.notFoundHint ?? 'check --base-url'}.`;
    case 400:
      return `ConfigCat's Management API rejected ${call} (${statusLine}): ${apiMessage(body) || 'no reason given'}. Nothing was changed.`;
    default:
      if (status >= 500) {
        const outcome = request.method === 'GET' ? 'nothing was changed' : 'a new run checks what exists, so it updates rather than duplicates';
        return `ConfigCat's Management API failed on ${call} (${statusLine}): try again later (status.configcat.com); ${outcome}.`;
      }
      return `ConfigCat's Management API answered ${call} with ${statusLine}: ${apiMessage(body) || 'no reason given'}.`;
  }
}

/** The reason an error answer gives: a JSON message (ASP.NET's problem details included) or its text. */
export function apiMessage(body: string): string {
  const text = body.trim();
  if (text === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return oneLine(text);
  }
  if (typeof parsed === 'string') return oneLine(parsed);
  if (!parsed || typeof parsed !== 'object') return oneLine(text);
  const record = parsed as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['message', 'detail', 'title', 'error']) {
    if (typeof record[key] === 'string' && record[key] !== '') {
      parts.push(record[key]);
      break;
    }
  }
  if (record['errors'] && typeof record['errors'] === 'object') {
    for (const [field, problems] of Object.entries(record['errors'] as Record<string, unknown>)) {
      const list = Array.isArray(problems) ? problems.map(String) : [String(problems)];
      parts.push(field === '' ? list.join(' ') : `${field}: ${list.join(' ')}`);
    }
  }
  return oneLine(parts.length > 0 ? parts.map(oneLine).join('; ') : text);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

function unreachableMessage(baseUrl: string, error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `ConfigCat's Management API at ${baseUrl} did not answer within ${timeoutMs / 1000} s: check the network, or --base-url; nothing was changed by this request.`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Could not reach ConfigCat's Management API at ${baseUrl} (${reason}): check the network, or --base-url for a ConfigCat hosted elsewhere (dedicated or on-premise).`;
}

/**
 * Replaces every secret value in a text, so that an API echoing one cannot print it. Values of
 * fewer than 4 characters are no real key, and masking them would garble the message.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join('***');
  return result;
}
