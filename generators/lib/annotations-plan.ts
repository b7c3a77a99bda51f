import type { AmplitudeKeys } from './annotations-credentials.js';
import { requests, type ApiRequest, type Config, type Environment, type Integration, type IntegrationBody, type Product } from './management-api.js';
import { UserError } from './user-error.js';

/**
 * The decisions of the annotations command, apart from asking and sending: which action, which
 * product, configs, environments and integration, what to send, and how to say it.
 */

export const ACTIONS = ['connect', 'status', 'disconnect'] as const;
export type Action = (typeof ACTIONS)[number];

/** The name of an integration this command creates (the dashboard lists it under Amplitude). */
export const DEFAULT_INTEGRATION_NAME = 'Amplitude';

export function parseAction(word: string | undefined): Action {
  if (word === undefined || word === '') return 'connect';
  const action = ACTIONS.find((name) => name === word.toLowerCase());
  if (!action) throw new UserError(`Unknown action ${word}: annotations takes connect (the default), status or disconnect.`);
  return action;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; a name never is one in practice, so a UUID is looked up as an id. */
export const isId = (value: string): boolean => UUID.test(value.trim());

/**
 * A list option: names or ids separated by commas; `all` (or nothing) means every one, also those
 * added later, as the API's empty list does.
 */
export function parseList(value: string): readonly string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 1 && items[0]!.toLowerCase() === 'all' ? [] : [...new Set(items)];
}

/** A config, an environment or a product, as this module compares them. */
export interface Named {
  readonly id: string;
  readonly name: string | null;
}

export interface Kind {
  readonly singular: string;
  readonly plural: string;
  /** The option that names them, for messages. */
  readonly option: string;
}

export const KINDS = {
  product: { singular: 'product', plural: 'products', option: '--product' },
  config: { singular: 'config', plural: 'configs', option: '--configs' },
  environment: { singular: 'environment', plural: 'environments', option: '--environments' },
  integration: { singular: 'Amplitude integration', plural: 'Amplitude integrations', option: '--integration' },
} as const satisfies Record<string, Kind>;

export const namedConfigs = (configs: readonly Config[]): Named[] => configs.map((config) => ({ id: config.configId, name: config.name }));
export const namedEnvironments = (environments: readonly Environment[]): Named[] =>
  environments.map((environment) => ({ id: environment.environmentId, name: environment.name }));
export const namedIntegrations = (integrations: readonly Integration[]): Named[] =>
  integrations.map((integration) => ({ id: integration.integrationId, name: integration.name }));

/** How an item is named in a message or a question: its name, else its id. */
export const label = (item: Named): string => (item.name ? item.name : item.id);

/** The item with this id or name (names compared exactly, then ignoring case); undefined if none. */
export function findNamed(items: readonly Named[], wanted: string, kind: Kind): Named | undefined {
  const byId = items.find((item) => item.id.toLowerCase() === wanted.toLowerCase());
  if (byId) return byId;
  const exact = items.filter((item) => item.name === wanted);
  const matches = exact.length > 0 ? exact : items.filter((item) => item.name?.toLowerCase() === wanted.toLowerCase());
  if (matches.length > 1) {
    throw new UserError(`${matches.length} ${kind.plural} are named ${JSON.stringify(wanted)}: give ${kind.option} the id of one (${matches.map((item) => item.id).join(', ')}).`);
  }
  return matches[0];
}

/** The ids of the named items; one line naming the first unknown one and the choices otherwise. */
export function resolveNamed(items: readonly Named[], wanted: readonly string[], kind: Kind, where: string): string[] {
  return wanted.map((name) => {
    const found = findNamed(items, name, kind);
    if (!found) throw new UserError(`${kind.option}: no ${kind.singular} named ${JSON.stringify(name)} in ${where} (${listOf(items, kind)}).`);
    return found.id;
  });
}

function listOf(items: readonly Named[], kind: Kind): string {
  return items.length === 0 ? `it has no ${kind.plural}` : `its ${kind.plural}: ${items.map(label).join(', ')}`;
}

/** A product as the user knows it: its name, with its organization when that tells two apart. */
export function productLabel(product: Product, among: readonly Product[] = [product]): string {
  const name = product.name ?? product.productId;
  const sameName = among.filter((other) => other.name === product.name).length > 1;
  const organization = product.organization?.name;
  return sameName && organization ? `${name} (${organization})` : name;
}

export type ProductChoice = { readonly product: Product } | { readonly ask: readonly { readonly name: string; readonly value: string }[] };

/**
 * The product when no option or saved answer names it: the only one, else a question, else (no
 * terminal, or --yes) one line listing them.
 */
export function chooseProduct(products: readonly Product[], canAsk: boolean): ProductChoice {
  if (products.length === 0) {
    throw new UserError("These credentials see no ConfigCat product: check that CONFIGCAT_API_USER belongs to a member of the product's organization.");
  }
  if (products.length === 1) return { product: products[0]! };
  if (canAsk) return { ask: products.map((product) => ({ name: productLabel(product, products), value: product.productId })) };
  throw new UserError(`These credentials see ${products.length} products: choose one with --product <name or id> (${products.map((product) => productLabel(product, products)).join(', ')}).`);
}

export function findProduct(products: readonly Product[], wanted: string): Product {
  const named = products.map((product) => ({ id: product.productId, name: product.name }));
  const found = findNamed(named, wanted, KINDS.product);
  if (!found) {
    throw new UserError(`--product: no product named ${JSON.stringify(wanted)} among those these credentials see (${products.map((product) => productLabel(product, products)).join(', ') || 'none'}).`);
  }
  return products.find((product) => product.productId === found.id)!;
}

export const amplitudeIntegrations = (integrations: readonly Integration[] | null): Integration[] =>
  (integrations ?? []).filter((integration) => integration.integrationType === 'amplitude');

export interface IntegrationPick {
  /** The integration to update, show or remove; none: there is none to act on. */
  readonly existing?: Integration;
  /** The name to give one this run creates. */
  readonly name: string;
}

/**
 * Which Amplitude integration of the product this run is about: the one named by --integration,
 * else the one saved in .yo-rc.json, else the only one. Several and none chosen: one line asking.
 */
export function pickIntegration(amplitude: readonly Integration[], choice: { readonly wanted?: string; readonly savedId?: string }, productName: string): IntegrationPick {
  if (choice.wanted !== undefined) {
    const found = findNamed(namedIntegrations(amplitude), choice.wanted, KINDS.integration);
    const existing = found && amplitude.find((integration) => integration.integrationId === found.id);
    if (!existing && isId(choice.wanted)) {
      throw new UserError(`--integration: product ${productName} has no Amplitude integration with id ${choice.wanted} (${listOf(namedIntegrations(amplitude), KINDS.integration)}).`);
    }
    return existing ? { existing, name: existing.name ?? DEFAULT_INTEGRATION_NAME } : { name: choice.wanted };
  }
  const saved = amplitude.find((integration) => integration.integrationId === choice.savedId);
  if (saved) return { existing: saved, name: saved.name ?? DEFAULT_INTEGRATION_NAME };
  if (amplitude.length === 1) return { existing: amplitude[0]!, name: amplitude[0]!.name ?? DEFAULT_INTEGRATION_NAME };
  if (amplitude.length > 1) {
    const listed = amplitude.map((integration) => `${label({ id: integration.integrationId, name: integration.name })} (${integration.integrationId})`).join(', ');
    throw new UserError(`Product ${productName} has ${amplitude.length} Amplitude integrations: choose one with --integration <name or id> (${listed}).`);
  }
  return { name: DEFAULT_INTEGRATION_NAME };
}

export function integrationBody(name: string, keys: AmplitudeKeys, configIds: readonly string[], environmentIds: readonly string[]): IntegrationBody {
  return { name, parameters: { apiKey: keys.apiKey.value, secretKey: keys.secretKey.value }, configIds: [...configIds], environmentIds: [...environmentIds] };
}

/** Connecting is idempotent: the existing integration is updated, else one is created. */
export function connectRequest(productId: string, existing: Integration | undefined, body: IntegrationBody): ApiRequest<Integration> {
  return existing ? requests.updateIntegration(existing.integrationId, body) : requests.createIntegration(productId, body, 'amplitude');
}
