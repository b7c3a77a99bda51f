import type { Secret } from './annotations-credentials.js';
import { KINDS, label, namedIntegrations, type Kind, type Named } from './annotations-plan.js';
import { redact, type ApiRequest, type Integration } from './management-api.js';

/**
 * What the annotations command prints: the integration's scope in names, the outcome of each
 * action, and a dry run's requests. Nothing here ever holds a secret in clear.
 */

export const RUN_AGAIN = 'npx generator-configcat-amplitude annotations';

/** "all configs" or "configs Main, Mobile"; an id no longer in the product says so. */
export function describeScope(ids: readonly string[] | null, items: readonly Named[], kind: Kind): string {
  if (!ids || ids.length === 0) return `all ${kind.plural}`;
  const names = ids.map((id) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? label(item) : `${id} (deleted)`;
  });
  return `${names.length === 1 ? kind.singular : kind.plural} ${names.join(', ')}`;
}

export interface ProductContents {
  readonly configs: readonly Named[];
  readonly environments: readonly Named[];
}

/** "all configs and environments Production, Staging" */
export function describeIntegrationScope(integration: Pick<Integration, 'configIds' | 'environmentIds'>, contents: ProductContents): string {
  return `${describeScope(integration.configIds, contents.configs, KINDS.config)} and ${describeScope(integration.environmentIds, contents.environments, KINDS.environment)}`;
}

const integrationLabel = (integration: Integration) => `"${label(namedIntegrations([integration])[0]!)}"`;

export function statusLines(productName: string, integrations: readonly Integration[], contents: ProductContents, savedId?: string): string[] {
  if (integrations.length === 0) {
    return [`Product ${productName} has no Amplitude integration: flag changes are not annotated on Amplitude charts. To connect one: ${RUN_AGAIN} connect`];
  }
  const heading =
    integrations.length === 1
      ? `Product ${productName} annotates flag changes on Amplitude charts:`
      : `Product ${productName} has ${integrations.length} Amplitude integrations annotating flag changes on Amplitude charts:`;
  return [
    heading,
    ...integrations.map(
      (integration) =>
        `  ${integrationLabel(integration)} (${integration.integrationId}): ${describeIntegrationScope(integration, contents)}${integration.integrationId === savedId ? ' (saved in .yo-rc.json)' : ''}`,
    ),
  ];
}

export function connectedLine(productName: string, name: string, created: boolean, scope: Pick<Integration, 'configIds' | 'environmentIds'>, contents: ProductContents, dryRun: boolean): string {
  const what = describeIntegrationScope(scope, contents);
  if (dryRun) return `Would ${created ? 'create' : 'update'} the Amplitude integration "${name}" of product ${productName}, for ${what}.`;
  return `Connected: flag changes in ${what} of product ${productName} now appear as annotations on your Amplitude charts (integration "${name}", ${created ? 'created' : 'updated'}).`;
}

export function disconnectedLine(productName: string, integration: Integration | undefined, dryRun: boolean): string {
  if (!integration) return `Product ${productName} has no Amplitude integration: nothing to disconnect.`;
  if (dryRun) return `Would disconnect the Amplitude integration ${integrationLabel(integration)} of product ${productName}.`;
  return `Disconnected: flag changes of product ${productName} are no longer annotated on Amplitude charts (integration ${integrationLabel(integration)} removed).`;
}

/**
 * A request as a dry run prints it: the secrets replaced by the names of their variables. Any
 * parameter that is not a known secret is hidden too, and a known value is masked wherever it is.
 */
export function printableRequest(baseUrl: string, request: ApiRequest<unknown>, secrets: readonly Secret[], sent: boolean): string[] {
  const lines = [`  ${request.method} ${baseUrl}${request.path}${sent ? '' : '  (not sent)'}`];
  if (request.body) {
    const body = request.body as Record<string, unknown>;
    const parameters = body['parameters'] as Record<string, string> | undefined;
    const masked = parameters
      ? { ...body, parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, maskedValue(value, secrets)])) }
      : body;
    lines.push(`    ${JSON.stringify(masked)}`);
  }
  return lines.map((line) => redact(line, secrets.map((secret) => secret.value)));
}

function maskedValue(value: string, secrets: readonly Secret[]): string {
  const secret = secrets.find((candidate) => candidate.value === value);
  return secret ? `<${secret.variable}>` : '<hidden>';
}

export function dryRunLines(requestLines: readonly string[], credentialVariables: readonly [string, string]): string[] {
  return [
    'Dry run: the reads were sent, no change was; .yo-rc.json is as it was. The requests:',
    ...requestLines,
    `  (each with the header Authorization: Basic <${credentialVariables[0]}:${credentialVariables[1]}>)`,
  ];
}
