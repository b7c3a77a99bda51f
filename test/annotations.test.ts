import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AMPLITUDE_API_KEY, AMPLITUDE_SECRET_KEY, filesContaining, runAnnotations, SECRET_ENVIRONMENT, SECRETS, secretsIn } from './support/annotations.js';
import { amplitudeIntegration, BLOG, SHOP, startManagementApiServer, type ManagementApiServer } from './support/management-api-server.js';
import { makeTempProject } from './support/temp-project.js';

/**
 * The annotations command through yeoman-test, against the stand-in of ConfigCat's Management API
 * (real HTTP; every request and answer checked against ConfigCat's OpenAPI document).
 */

const PACKAGE_JSON = { 'package.json': { name: 'shop-web', type: 'module' } };
const ids = (items: readonly { configId?: string; environmentId?: string }[]) => items.map((item) => item.configId ?? item.environmentId);
const [MAIN, MOBILE] = ids(SHOP.configs) as [string, string];
const [PRODUCTION, STAGING] = ids(SHOP.environments) as [string, string];

let api: ManagementApiServer;

beforeAll(async () => {
  // The OpenAPI document is parsed once per file; each test gets its own server state.
  await (await startManagementApiServer()).close();
});

beforeEach(() => {
  for (const [name, value] of Object.entries(SECRET_ENVIRONMENT)) vi.stubEnv(name, value);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  // A request the real API would reject, or an answer it would not give, fails the test that made it.
  expect(api.violations).toEqual([]);
  await api.close();
});

afterAll(() => vi.unstubAllEnvs());

interface Outcome {
  readonly dir: string;
  readonly lines: string[];
  readonly asked: string[];
  readonly error?: Error;
}

/** Runs the command in a project folder; resolves with what it printed and asked, and its error if it failed. */
async function run(dir: string, args: string[], options: Record<string, unknown> = {}, answers: Record<string, unknown> = {}): Promise<Outcome> {
  const lines: string[] = [];
  const asked: string[] = [];
  try {
    await runAnnotations()
      .cd(dir)
      .withArguments(args)
      .withOptions({ baseUrl: api.baseUrl, ...options })
      .onGenerator((generator) => {
        const reporting = generator as unknown as { log: (...parts: unknown[]) => unknown };
        const log = reporting.log;
        reporting.log = Object.assign((...parts: unknown[]) => {
          lines.push(format(...parts));
          return log(...parts);
        }, log);
      })
      .withAnswers(answers, { callback: (answer, { question }) => (asked.push(String(question.name)), answer) });
    return { dir, lines, asked };
  } catch (error) {
    return { dir, lines, asked, error: error as Error };
  }
}

const project = () => makeTempProject(PACKAGE_JSON, 'cca-annotations-');
const yoRc = (dir: string) => JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const saved = (dir: string) => yoRc(dir)['generator-configcat-amplitude']!['annotations'];
const writes = () => api.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`);

/** Nothing secret in what was printed or in any file of the project. */
function expectNoSecretLeft(outcome: Outcome): void {
  expect(secretsIn([...outcome.lines, outcome.error?.message ?? ''].join('\n'))).toEqual([]);
  expect(filesContaining(outcome.dir, SECRETS)).toEqual([]);
}

describe('connect', () => {
  it('creates the Amplitude integration for all configs and environments, and saves only the ids', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expect(outcome.error).toBeUndefined();
    expect(api.integrations).toHaveLength(1);
    const [integration] = api.integrations;
    expect(integration).toMatchObject({
      productId: SHOP.productId,
      integrationType: 'amplitude',
      name: 'Amplitude',
      parameters: { apiKey: AMPLITUDE_API_KEY, secretKey: AMPLITUDE_SECRET_KEY },
      configIds: [],
      environmentIds: [],
    });
    expect(saved(outcome.dir)).toEqual({ productId: SHOP.productId, integrationId: integration!.integrationId });
    expect(outcome.lines).toContain(
      'Connected: flag changes in all configs and all environments of product Shop now appear as annotations on your Amplitude charts (integration "Amplitude", created).',
    );
    expect(outcome.asked).toEqual([]);
    expectNoSecretLeft(outcome);
  });

  it('updates the integration on a second run instead of adding one, with the saved product', async () => {
    api = await startManagementApiServer();
    const dir = project();
    await run(dir, ['connect'], { product: 'Shop', yes: true });
    const first = structuredClone(api.integrations);
    vi.stubEnv('AMPLITUDE_SECRET_KEY', 'amp-secret-key-rotated-0001');
    const second = await run(dir, ['connect'], { configs: 'Mobile', environments: 'Production, Staging', yes: true });
    expect(second.error).toBeUndefined();
    expect(api.integrations).toHaveLength(1);
    expect(api.integrations[0]).toMatchObject({
      integrationId: first[0]!.integrationId,
      configIds: [MOBILE],
      environmentIds: [PRODUCTION, STAGING],
      parameters: { apiKey: AMPLITUDE_API_KEY, secretKey: 'amp-secret-key-rotated-0001' },
    });
    expect(writes()).toEqual([`POST /v1/products/${SHOP.productId}/integrations`, `PUT /v1/integrations/${first[0]!.integrationId}`]);
    expect(second.lines).toContain(
      'Connected: flag changes in config Mobile and environments Production, Staging of product Shop now appear as annotations on your Amplitude charts (integration "Amplitude", updated).',
    );
  });

  it('keeps the selection of an existing integration unless told, and --configs all widens it again', async () => {
    api = await startManagementApiServer({ integrations: [amplitudeIntegration(SHOP, { configIds: [MAIN], environmentIds: [STAGING] })] });
    const dir = project();
    await run(dir, [], { product: 'Shop', yes: true });
    expect(api.integrations[0]).toMatchObject({ configIds: [MAIN], environmentIds: [STAGING], parameters: { apiKey: AMPLITUDE_API_KEY } });
    await run(dir, [], { configs: 'all', yes: true });
    expect(api.integrations).toHaveLength(1);
    expect(api.integrations[0]).toMatchObject({ configIds: [], environmentIds: [STAGING] });
  });

  it('takes ids as well as names, in any case', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], { product: BLOG.productId, configs: 'main CONFIG', environments: BLOG.environments[0]!.environmentId, yes: true });
    expect(outcome.error).toBeUndefined();
    expect(api.integrations[0]).toMatchObject({ productId: BLOG.productId, configIds: [BLOG.configs[0]!.configId], environmentIds: [BLOG.environments[0]!.environmentId] });
    // A product given by id is read directly, not searched in the list.
    expect(api.requests.map((request) => request.path)).toContain(`/v1/products/${BLOG.productId}`);
    expect(api.requests.map((request) => request.path)).not.toContain('/v1/products');
  });

  it('asks for the product, the configs and the environments when they are not given', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], {}, { product: SHOP.productId, configs: [MOBILE], environments: [] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.asked).toEqual(['product', 'configs', 'environments']);
    expect(api.integrations[0]).toMatchObject({ productId: SHOP.productId, configIds: [MOBILE], environmentIds: [] });
  });

  it('asks only what no option answers, with the current selection checked', async () => {
    api = await startManagementApiServer({ integrations: [amplitudeIntegration(SHOP, { environmentIds: [STAGING] })] });
    const checked: Record<string, unknown[]> = {};
    await runAnnotations()
      .cd(project())
      .withOptions({ baseUrl: api.baseUrl, product: 'Shop', configs: 'Main config' })
      .withAnswers({}, {
        callback: (answer, { question }) => {
          const choices = (question as { choices?: { value: string; checked?: boolean }[] }).choices ?? [];
          checked[String(question.name)] = choices.filter((choice) => choice.checked).map((choice) => choice.value);
          return answer;
        },
      });
    expect(checked).toEqual({ environments: [STAGING] });
    expect(api.integrations[0]).toMatchObject({ configIds: [MAIN], environmentIds: [STAGING] });
  });

  it('asks nothing with --yes, and says which option names the product when there are several', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], { yes: true });
    expect(outcome.error?.message).toBe('These credentials see 2 products: choose one with --product <name or id> (Shop, Blog).');
    expect(outcome.asked).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('takes the only product without asking', async () => {
    api = await startManagementApiServer({ products: [BLOG] });
    const outcome = await run(project(), [], { yes: true });
    expect(outcome.error).toBeUndefined();
    expect(api.integrations[0]).toMatchObject({ productId: BLOG.productId });
  });

  it('names an unknown config and lists those of the product', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], { product: 'Shop', configs: 'Main config,Desktop', yes: true });
    expect(outcome.error?.message).toBe('--configs: no config named "Desktop" in product Shop (its configs: Main config, Mobile).');
    expect(writes()).toEqual([]);
  });

  it('reads the Amplitude API key from the variable the app uses, as saved in .yo-rc.json', async () => {
    api = await startManagementApiServer();
    const dir = project();
    writeFileSync(join(dir, '.yo-rc.json'), `${JSON.stringify({ 'generator-configcat-amplitude': { answers: { amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY' } } }, null, 2)}\n`);
    vi.stubEnv('AMPLITUDE_API_KEY', '');
    vi.stubEnv('VITE_AMPLITUDE_API_KEY', 'amp-vite-key-7a7a7a7a');
    const outcome = await run(dir, [], { product: 'Shop', yes: true });
    expect(outcome.error).toBeUndefined();
    expect(api.integrations[0]!.parameters['apiKey']).toBe('amp-vite-key-7a7a7a7a');
    // The saved answers stay as they were, beside the new ids.
    expect(yoRc(dir)['generator-configcat-amplitude']!['answers']).toEqual({ amplitudeKeyEnv: 'VITE_AMPLITUDE_API_KEY' });
  });

  it('updates the integration named by --integration when the product has several', async () => {
    const production = amplitudeIntegration(SHOP, { name: 'Amplitude production', environmentIds: [PRODUCTION] });
    const staging = amplitudeIntegration(SHOP, { name: 'Amplitude staging', environmentIds: [STAGING] });
    api = await startManagementApiServer({ integrations: [production, staging] });
    const dir = project();
    const ambiguous = await run(dir, [], { product: 'Shop', yes: true });
    expect(ambiguous.error?.message).toBe(
      `Product Shop has 2 Amplitude integrations: choose one with --integration <name or id> (Amplitude production (${production.integrationId}), Amplitude staging (${staging.integrationId})).`,
    );
    const outcome = await run(dir, [], { product: 'Shop', integration: 'Amplitude staging', yes: true });
    expect(outcome.error).toBeUndefined();
    expect(writes()).toEqual([`PUT /v1/integrations/${staging.integrationId}`]);
    expect(saved(dir)).toEqual({ productId: SHOP.productId, integrationId: staging.integrationId });
  });
});

describe('--dry-run', () => {
  it('sends only the reads and prints the change with the secrets masked', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), [], { product: 'Shop', yes: true, dryRun: true });
    expect(outcome.error).toBeUndefined();
    expect(api.integrations).toEqual([]);
    expect(writes()).toEqual([]);
    expect(existsSync(join(outcome.dir, '.yo-rc.json'))).toBe(false);
    expect(outcome.lines).toEqual([
      'Would create the Amplitude integration "Amplitude" of product Shop, for all configs and all environments.',
      'Dry run: the reads were sent, no change was; .yo-rc.json is as it was. The requests:',
      `  GET ${api.baseUrl}/v1/products`,
      `  GET ${api.baseUrl}/v1/products/${SHOP.productId}/integrations`,
      `  GET ${api.baseUrl}/v1/products/${SHOP.productId}/configs`,
      `  GET ${api.baseUrl}/v1/products/${SHOP.productId}/environments`,
      `  POST ${api.baseUrl}/v1/products/${SHOP.productId}/integrations  (not sent)`,
      '    {"integrationType":"amplitude","name":"Amplitude","parameters":{"apiKey":"<AMPLITUDE_API_KEY>","secretKey":"<AMPLITUDE_SECRET_KEY>"},"configIds":[],"environmentIds":[]}',
      '  (each with the header Authorization: Basic <CONFIGCAT_API_USER:CONFIGCAT_API_PASS>)',
    ]);
    expectNoSecretLeft(outcome);
  });
});

describe('status', () => {
  it('names the configs and environments connected, and never the keys the API returns', async () => {
    const integration = amplitudeIntegration(SHOP, { configIds: [MOBILE], environmentIds: [PRODUCTION], parameters: { apiKey: AMPLITUDE_API_KEY, secretKey: AMPLITUDE_SECRET_KEY } });
    api = await startManagementApiServer({ integrations: [integration] });
    // status needs no Amplitude key.
    vi.stubEnv('AMPLITUDE_SECRET_KEY', '');
    const outcome = await run(project(), ['status'], { product: 'Shop' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.lines).toEqual([
      'Product Shop annotates flag changes on Amplitude charts:',
      `  "Amplitude" (${integration.integrationId}): config Mobile and environment Production`,
    ]);
    expect(writes()).toEqual([]);
    expect(existsSync(join(outcome.dir, '.yo-rc.json'))).toBe(false);
    expectNoSecretLeft(outcome);
  });

  it('says when nothing is connected, and how to connect', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), ['status'], { product: 'Blog' });
    expect(outcome.lines).toEqual([
      'Product Blog has no Amplitude integration: flag changes are not annotated on Amplitude charts. To connect one: npx generator-configcat-amplitude annotations connect',
    ]);
  });
});

describe('disconnect', () => {
  it('removes the integration it connected, and the ids from .yo-rc.json (the file too when nothing else is in it)', async () => {
    api = await startManagementApiServer();
    const dir = project();
    await run(dir, [], { product: 'Shop', yes: true });
    const { integrationId } = api.integrations[0]!;
    vi.stubEnv('AMPLITUDE_API_KEY', '');
    const outcome = await run(dir, ['disconnect']);
    expect(outcome.error).toBeUndefined();
    expect(api.integrations).toEqual([]);
    expect(writes().at(-1)).toBe(`DELETE /v1/integrations/${integrationId}`);
    expect(existsSync(join(dir, '.yo-rc.json'))).toBe(false);
    expect(outcome.lines).toEqual([
      'Disconnected: flag changes of product Shop are no longer annotated on Amplitude charts (integration "Amplitude" removed).',
    ]);
  });

  it("keeps the generator's other answers in .yo-rc.json", async () => {
    api = await startManagementApiServer({ integrations: [amplitudeIntegration(BLOG)] });
    const dir = project();
    const answers = { platform: 'node', amplitudeKeyEnv: 'AMPLITUDE_API_KEY' };
    writeFileSync(join(dir, '.yo-rc.json'), `${JSON.stringify({ 'generator-configcat-amplitude': { answers } }, null, 2)}\n`);
    await run(dir, [], { product: 'Blog', yes: true });
    expect(saved(dir)).toMatchObject({ productId: BLOG.productId });
    await run(dir, ['disconnect']);
    expect(yoRc(dir)).toEqual({ 'generator-configcat-amplitude': { answers } });
  });

  it('says there is nothing to disconnect', async () => {
    api = await startManagementApiServer();
    const outcome = await run(project(), ['disconnect'], { product: 'Shop' });
    expect(outcome.error).toBeUndefined();
    expect(outcome.lines).toEqual(['Product Shop has no Amplitude integration: nothing to disconnect.']);
    expect(writes()).toEqual([]);
  });
});

describe('errors: one line, with what to do, and nothing changed', () => {
  /** The run failed with this message, changed nothing at ConfigCat or on disk, and printed no secret. */
  function expectFailedCleanly(outcome: Outcome, message: string | RegExp, integrationsBefore: unknown[] = []): void {
    expect(outcome.error?.name).toBe('UserError');
    if (typeof message === 'string') expect(outcome.error?.message).toBe(message);
    else expect(outcome.error?.message).toMatch(message);
    expect(outcome.error?.message).not.toContain('\n');
    expect(api.integrations).toEqual(integrationsBefore);
    expect(existsSync(join(outcome.dir, '.yo-rc.json'))).toBe(false);
    expectNoSecretLeft(outcome);
  }

  it.each([
    ['CONFIGCAT_API_PASS', [], 'CONFIGCAT_API_PASS is not set: export the user name and password of a ConfigCat Public API credential (ConfigCat Dashboard → My account → Public API credentials) in CONFIGCAT_API_USER and CONFIGCAT_API_PASS.'],
    ['AMPLITUDE_SECRET_KEY', [], 'AMPLITUDE_SECRET_KEY is not set: export the API Key and the Secret Key of your Amplitude project (Amplitude → Settings → Projects → your project) in AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY.'],
    ['AMPLITUDE_API_KEY', ['connect'], 'AMPLITUDE_API_KEY is not set: export the API Key and the Secret Key of your Amplitude project (Amplitude → Settings → Projects → your project) in AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY.'],
  ])('a missing %s is named before any request', async (variable, args, message) => {
    api = await startManagementApiServer();
    vi.stubEnv(variable, '');
    const outcome = await run(project(), args, { product: 'Shop', yes: true });
    expectFailedCleanly(outcome, message);
    expect(api.requests).toEqual([]);
  });

  it('401: credentials the API does not accept', async () => {
    api = await startManagementApiServer();
    vi.stubEnv('CONFIGCAT_API_PASS', 'cc-pass-wrong-00000000');
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(
      outcome,
      "ConfigCat's Management API did not accept the credentials (401 Unauthorized): set CONFIGCAT_API_USER and CONFIGCAT_API_PASS to a Public API credential (ConfigCat Dashboard → My account → Public API credentials).",
    );
    expect(outcome.error?.message).not.toContain('cc-pass-wrong-00000000');
  });

  it('403: a user without the permission to manage integrations, refused at the change itself', async () => {
    api = await startManagementApiServer();
    api.failNext({ status: 403 }, { operation: 'create-integration' });
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(
      outcome,
      `ConfigCat's Management API refused POST /v1/products/${SHOP.productId}/integrations (403 Forbidden): the user of these credentials needs a permission group in this product that can manage integrations (ask an admin of the product).`,
    );
  });

  it('404: a product id that is not there', async () => {
    api = await startManagementApiServer();
    const missing = '9f9f9f9f-0000-4000-8000-000000000000';
    const outcome = await run(project(), [], { product: missing, yes: true });
    expectFailedCleanly(outcome, `Product ${missing} was not found (404 Not Found): check --product, and that these credentials' user is a member of the product.`);
  });

  it("400: the API's own reason, from problem details", async () => {
    const existing = amplitudeIntegration(SHOP);
    api = await startManagementApiServer({ integrations: [existing] });
    const problem = { title: 'One or more validation errors occurred.', status: 400, errors: { 'Parameters.secretKey': ['The Secret Key is not valid.'] } };
    api.failNext({ status: 400, body: problem, headers: { 'content-type': 'application/problem+json' } }, { operation: 'update-integration' });
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(
      outcome,
      `ConfigCat's Management API rejected PUT /v1/integrations/${existing.integrationId} (400 Bad Request): One or more validation errors occurred; Parameters.secretKey: The Secret Key is not valid. Nothing was changed.`,
      [existing],
    );
  });

  it('400: a reason that echoes a key is printed without it', async () => {
    api = await startManagementApiServer();
    api.failNext({ status: 400, body: { message: `Amplitude refused the key ${AMPLITUDE_API_KEY}.` } }, { operation: 'create-integration' });
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(outcome, `ConfigCat's Management API rejected POST /v1/products/${SHOP.productId}/integrations (400 Bad Request): Amplitude refused the key ***. Nothing was changed.`);
  });

  it('429: retried after the Retry-After the API gives', async () => {
    api = await startManagementApiServer();
    api.failNext({ status: 429, headers: { 'retry-after': '1' } }, { operation: 'create-integration' });
    api.failNext({ status: 429, headers: { 'retry-after': '0' } }, { operation: 'create-integration' });
    const started = Date.now();
    const outcome = await run(project(), [], { product: 'Shop', yes: true });
    expect(outcome.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(writes()).toEqual(Array(3).fill(`POST /v1/products/${SHOP.productId}/integrations`));
    expect(api.integrations).toHaveLength(1);
  });

  it('429: gives up after 4 tries, or at once when the wait is longer than a minute', async () => {
    api = await startManagementApiServer();
    api.failNext({ status: 429, headers: { 'retry-after': '0' } }, { times: 4 });
    const exhausted = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(exhausted, "ConfigCat's Management API is limiting the requests of these credentials (429 Too Many Requests, 4 tries): run again in 1 s.");
    expect(api.requests).toHaveLength(4);
    api.failNext({ status: 429, headers: { 'retry-after': '3600' } });
    const long = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(long, "ConfigCat's Management API is limiting the requests of these credentials (429 Too Many Requests, 1 try): run again in 3600 s.");
  });

  it('5xx: try later; a failed change says a new run will not duplicate it', async () => {
    api = await startManagementApiServer();
    api.failNext({ status: 503, body: '<html>maintenance</html>' }, { operation: 'get-products' });
    const read = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(read, "ConfigCat's Management API failed on GET /v1/products (503 Service Unavailable): try again later (status.configcat.com); nothing was changed.");
    api.failNext({ status: 500 }, { operation: 'create-integration' });
    const change = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(
      change,
      `ConfigCat's Management API failed on POST /v1/products/${SHOP.productId}/integrations (500 Internal Server Error): try again later (status.configcat.com); a new run checks what exists, so it updates rather than duplicates.`,
    );
  });

  it('network: a dropped connection, and nothing listening', async () => {
    api = await startManagementApiServer();
    api.failNext('network', { operation: 'get-integrations' });
    const dropped = await run(project(), [], { product: 'Shop', yes: true });
    expectFailedCleanly(dropped, new RegExp(`^Could not reach ConfigCat's Management API at ${api.baseUrl} \\(.+\\): check the network, or --base-url`));
    const closed = await startManagementApiServer();
    const closedUrl = closed.baseUrl;
    await closed.close();
    const refused = await run(project(), [], { product: 'Shop', yes: true, baseUrl: closedUrl });
    expectFailedCleanly(refused, `Could not reach ConfigCat's Management API at ${closedUrl} (ECONNREFUSED): check the network, or --base-url for a ConfigCat hosted elsewhere (dedicated or on-premise).`);
  });

  it('an unknown action, and --base-url that is not a URL', async () => {
    api = await startManagementApiServer();
    expectFailedCleanly(await run(project(), ['remove']), 'Unknown action remove: annotations takes connect (the default), status or disconnect.');
    expectFailedCleanly(await run(project(), [], { baseUrl: 'api.configcat.com' }), '--base-url "api.configcat.com" is not a URL: give one like https://api.configcat.com.');
    expect(api.requests).toEqual([]);
  });
});

describe('the stand-in of the Management API', () => {
  it("rejects and records what ConfigCat's OpenAPI document does not allow, so such a request fails its test", async () => {
    api = await startManagementApiServer({ integrations: [amplitudeIntegration(SHOP)] });
    const authorization = `Basic ${Buffer.from(`${api.user}:${api.password}`).toString('base64')}`;
    const headers = { authorization, 'content-type': 'application/json' };
    // An update body does not take integrationType (ModifyIntegrationRequest has no such property).
    const update = await fetch(`${api.baseUrl}/v1/integrations/${api.integrations[0]!.integrationId}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ integrationType: 'amplitude', name: 'Amplitude', parameters: {}, configIds: [], environmentIds: [] }),
    });
    const notUuid = await fetch(`${api.baseUrl}/v1/products/Shop/integrations`, { headers });
    const unauthenticated = await fetch(`${api.baseUrl}/v1/products`);
    expect([update.status, notUuid.status, unauthenticated.status]).toEqual([400, 400, 401]);
    expect(api.violations).toHaveLength(2);
    expect(api.violations[0]).toContain('"additionalProperty":"integrationType"');
    expect(api.violations[1]).toContain('must match format \\"uuid\\"');
    // Seen; the check after each test is for the command's requests.
    api.violations.splice(0);
  });
});
