import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { dirname, join } from 'node:path';
import { OpenAPIBackend, type Context, type Request as OpenApiRequest } from 'openapi-backend';
import { close, listen } from './config-server.js';
import { REPO_ROOT } from './generate.js';

/**
 * A stand-in for ConfigCat's Public Management API on 127.0.0.1, for the calls of the annotations
 * command. Every request and every answer is validated against ConfigCat's OpenAPI document (by
 * openapi-backend): a request the real API would reject is answered 400 and recorded as a
 * violation, and so is an answer of this stand-in that the document does not allow. Tests assert
 * that there are none.
 */

const DOCUMENT = 'configcat-public-management-api.openapi.yaml';

/** The document lives in shared/data beside the repository (not in it): looked up from the repository's folder upwards. */
export function openApiDocumentPath(): string {
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'data', DOCUMENT);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${DOCUMENT} not found in ../shared/data from ${REPO_ROOT} or a parent folder`);
  }
}

const UUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let definition: Promise<OpenAPIBackend> | undefined;

/** The document parsed once per test file (a second); validators compile per operation when first used. */
function loadDefinition(): Promise<OpenAPIBackend> {
  definition ??= (async () => {
    const api = new OpenAPIBackend({
      definition: openApiDocumentPath(),
      validate: true,
      // Compiles only the operations used: schemas elsewhere in the document (an untyped `nullable`) do not compile in Ajv 8.
      quick: true,
      ajvOpts: { logger: false },
      customizeAjv: (ajv) => ajv.addFormat('uuid', UUID_FORMAT),
    });
    await api.init();
    return api;
  })();
  return definition;
}

export const ORGANIZATION = { organizationId: '0b6f8e4e-95a6-4d4c-9a39-5c2d6e0f0001', name: 'Acme' };

export interface SeedProduct {
  readonly productId: string;
  readonly name: string;
  readonly configs: readonly { readonly configId: string; readonly name: string }[];
  readonly environments: readonly { readonly environmentId: string; readonly name: string }[];
}

/** Two products: Shop (two configs, two environments) and Blog (one of each). */
export const SHOP: SeedProduct = {
  productId: '1a5c7a3e-8b0e-4c55-9a1e-0c1f2d3e4f01',
  name: 'Shop',
  configs: [
    { configId: '2b6d8b4f-9c1f-4d66-8b2f-1d2e3f4a5b01', name: 'Main config' },
    { configId: '2b6d8b4f-9c1f-4d66-8b2f-1d2e3f4a5b02', name: 'Mobile' },
  ],
  environments: [
    { environmentId: '3c7e9c5a-0d2a-4e77-9c3a-2e3f4a5b6c01', name: 'Production' },
    { environmentId: '3c7e9c5a-0d2a-4e77-9c3a-2e3f4a5b6c02', name: 'Staging' },
  ],
};
export const BLOG: SeedProduct = {
  productId: '1a5c7a3e-8b0e-4c55-9a1e-0c1f2d3e4f02',
  name: 'Blog',
  configs: [{ configId: '2b6d8b4f-9c1f-4d66-8b2f-1d2e3f4a5b03', name: 'Main config' }],
  environments: [{ environmentId: '3c7e9c5a-0d2a-4e77-9c3a-2e3f4a5b6c03', name: 'Production' }],
};

export interface StoredIntegration {
  readonly integrationId: string;
  readonly productId: string;
  name: string;
  readonly integrationType: string;
  parameters: Record<string, string | null>;
  environmentIds: string[];
  configIds: string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A failure the next requests get instead of their answer; `network` drops the connection. */
export type Fault = Answer | 'network';

export interface ManagementApiServer {
  readonly baseUrl: string;
  /** The Basic credentials it accepts; anything else is answered 401. */
  readonly user: string;
  readonly password: string;
  readonly integrations: StoredIntegration[];
  readonly requests: RecordedRequest[];
  /** Requests or answers that ConfigCat's OpenAPI document does not allow. */
  readonly violations: string[];
  /**
   * Answers the next `times` requests (1 by default) of an operation (by operationId; any when not
   * given) with this fault, once they passed authentication and validation.
   */
  failNext(fault: Fault, options?: { readonly operation?: string; readonly times?: number }): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  readonly products?: readonly SeedProduct[];
  readonly integrations?: readonly StoredIntegration[];
}

export const API_USER = 'cc-user-08f1e2d3';
export const API_PASSWORD = 'cc-pass-5b7c9d1e2f3a4b5c';

export async function startManagementApiServer(options: ServerOptions = {}): Promise<ManagementApiServer> {
  const api = await loadDefinition();
  const products = options.products ?? [SHOP, BLOG];
  const integrations: StoredIntegration[] = (options.integrations ?? []).map((integration) => structuredClone(integration));
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: { fault: Fault; operation: string | undefined }[] = [];
  const expectedAuthorization = `Basic ${Buffer.from(`${API_USER}:${API_PASSWORD}`).toString('base64')}`;

  const productModel = (product: SeedProduct) => ({ productId: product.productId, name: product.name, organization: ORGANIZATION, description: null, order: 0, reasonRequired: false });
  const findProduct = (id: string) => products.find((product) => product.productId === id);
  const integrationModel = (integration: StoredIntegration) => {
    const { productId, ...rest } = integration;
    return { ...rest, product: productModel(findProduct(productId)!) };
  };
  const notFound: Answer = { status: 404 };
  const badRequest = (message: string): Answer => ({ status: 400, body: { code: 400, message } });

  /** The API checks that the ids belong to the product; the document cannot say so. */
  const unknownIds = (product: SeedProduct, body: { configIds: string[]; environmentIds: string[] }) =>
    body.configIds.find((id) => !product.configs.some((config) => config.configId === id)) ??
    body.environmentIds.find((id) => !product.environments.some((environment) => environment.environmentId === id));

  /** A queued fault answers in place of the operation: the request was authenticated and validated first, as the real API does. */
  const operations: Record<string, (c: Context) => Answer> = {
    'get-products': (): Answer => ({ status: 200, body: products.map(productModel) }),
    'get-product': (c: Context): Answer => {
      const product = findProduct(String(c.request.params['productId']));
      return product ? { status: 200, body: productModel(product) } : notFound;
    },
    'get-configs': (c: Context): Answer => {
      const product = findProduct(String(c.request.params['productId']));
      if (!product) return notFound;
      return { status: 200, body: product.configs.map((config, order) => ({ ...config, product: productModel(product), description: null, order, migratedConfigId: null, evaluationVersion: 'v2' })) };
    },
    'get-environments': (c: Context): Answer => {
      const product = findProduct(String(c.request.params['productId']));
      if (!product) return notFound;
      return { status: 200, body: product.environments.map((environment, order) => ({ ...environment, product: productModel(product), color: null, description: null, order, reasonRequired: false })) };
    },
    'get-integrations': (c: Context): Answer => {
      const productId = String(c.request.params['productId']);
      if (!findProduct(productId)) return notFound;
      return { status: 200, body: { integrations: integrations.filter((integration) => integration.productId === productId).map(integrationModel) } };
    },
    'create-integration': (c: Context): Answer => {
      const product = findProduct(String(c.request.params['productId']));
      if (!product) return notFound;
      const body = c.request.requestBody as Omit<StoredIntegration, 'integrationId' | 'productId'>;
      const unknown = unknownIds(product, body);
      if (unknown) return badRequest(`The id ${unknown} does not belong to the product.`);
      const integration: StoredIntegration = { ...structuredClone(body), integrationId: randomUUID(), productId: product.productId };
      integrations.push(integration);
      return { status: 201, body: integrationModel(integration) };
    },
    'get-integration': (c: Context): Answer => {
      const integration = integrations.find((candidate) => candidate.integrationId === c.request.params['integrationId']);
      return integration ? { status: 200, body: integrationModel(integration) } : notFound;
    },
    'update-integration': (c: Context): Answer => {
      const integration = integrations.find((candidate) => candidate.integrationId === c.request.params['integrationId']);
      if (!integration) return notFound;
      const body = c.request.requestBody as Pick<StoredIntegration, 'name' | 'parameters' | 'configIds' | 'environmentIds'>;
      const unknown = unknownIds(findProduct(integration.productId)!, body);
      if (unknown) return badRequest(`The id ${unknown} does not belong to the product.`);
      Object.assign(integration, structuredClone(body));
      return { status: 200, body: integrationModel(integration) };
    },
    'delete-integration': (c: Context): Answer => {
      const index = integrations.findIndex((candidate) => candidate.integrationId === c.request.params['integrationId']);
      if (index < 0) return notFound;
      integrations.splice(index, 1);
      return { status: 204 };
    },
  };
  for (const [operationId, handler] of Object.entries(operations)) {
    api.register(operationId, (c: Context) => {
      const index = faults.findIndex((queued) => queued.operation === undefined || queued.operation === operationId);
      return index < 0 ? handler(c) : faults.splice(index, 1)[0]!.fault;
    });
  }
  // The document's security scheme: HTTP Basic, with the credentials of this stand-in.
  api.registerSecurityHandler('Basic', (c: Context) => c.request.headers['authorization'] === expectedAuthorization);
  api.register({
    unauthorizedHandler: (): Answer => ({ status: 401 }),
    validationFail: (c: Context): Answer => {
      violations.push(`${c.request.method.toUpperCase()} ${c.request.path}: ${JSON.stringify(c.validation.errors)}`);
      return badRequest(`The request is invalid: ${c.validation.errors?.map((error) => `${error.instancePath} ${error.message}`).join('; ')}`);
    },
    notFound: (c: Context): Answer => {
      violations.push(`${c.request.method.toUpperCase()} ${c.request.path}: no such operation in the document`);
      return notFound;
    },
    methodNotAllowed: (c: Context): Answer => {
      violations.push(`${c.request.method.toUpperCase()} ${c.request.path}: method not in the document`);
      return { status: 405 };
    },
  });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        requests.push({ method: request.method ?? '', path: url.pathname, authorization: request.headers.authorization, body: raw });
        const answer = await answerFor(request.method ?? 'GET', url, request.headers, raw);
        if (answer === 'network') {
          request.socket.destroy();
          return;
        }
        const headers = { ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...answer.headers };
        const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        response.writeHead(answer.status, headers).end(text);
      })();
    });
  });

  async function answerFor(method: string, url: URL, headers: IncomingHttpHeaders, raw: string): Promise<Answer | 'network'> {
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        violations.push(`${method} ${url.pathname}: the body is not JSON`);
        return badRequest('The body is not JSON.');
      }
    }
    const openApiRequest: OpenApiRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headers as Record<string, string>,
      ...(body === undefined ? {} : { body }),
    };
    const answer = (await api.handleRequest(openApiRequest)) as Answer | Fault;
    if (answer === 'network') return answer;
    const operation = api.matchOperation(openApiRequest);
    // Answers of every documented status are checked, not only successes (a 204 must have no body).
    if (operation) {
      const result = api.validateResponse(answer.body ?? null, operation, answer.status);
      if (!result.valid) violations.push(`answer to ${method} ${url.pathname} (${answer.status}): ${JSON.stringify(result.errors)}`);
    }
    return answer;
  }

  const port = await listen(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    user: API_USER,
    password: API_PASSWORD,
    integrations,
    requests,
    violations,
    failNext: (fault, { operation, times = 1 } = {}) => {
      for (let index = 0; index < times; index += 1) faults.push({ fault, operation });
    },
    close: () => close(server),
  };
}

/** An Amplitude integration as ConfigCat stores one (e.g. connected in the dashboard). */
export function amplitudeIntegration(product: SeedProduct, overrides: Partial<StoredIntegration> = {}): StoredIntegration {
  return {
    integrationId: randomUUID(),
    productId: product.productId,
    name: 'Amplitude',
    integrationType: 'amplitude',
    parameters: { apiKey: 'dashboard-api-key-0000', secretKey: 'dashboard-secret-key-0000' },
    environmentIds: [],
    configIds: [],
    ...overrides,
  };
}
