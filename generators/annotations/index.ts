import {
  MANAGEMENT_PASSWORD_VARIABLE,
  MANAGEMENT_USER_VARIABLE,
  readAmplitudeKeys,
  readManagementCredentials,
  type AmplitudeKeys,
  type Secret,
} from '../lib/annotations-credentials.js';
import {
  amplitudeIntegrations,
  chooseProduct,
  connectRequest,
  findProduct,
  integrationBody,
  isId,
  KINDS,
  namedConfigs,
  namedEnvironments,
  parseAction,
  parseList,
  pickIntegration,
  productLabel,
  resolveNamed,
  type Action,
  type IntegrationPick,
  type Kind,
  type Named,
} from '../lib/annotations-plan.js';
import { connectedLine, disconnectedLine, dryRunLines, printableRequest, statusLines, type ProductContents } from '../lib/annotations-report.js';
import type { Answers } from '../lib/answers.js';
import { ExposureGenerator, type ExposureGeneratorOptions } from '../lib/base-generator.js';
import type { CommandName } from '../lib/cli-options.js';
import { createManagementApi, DEFAULT_MANAGEMENT_API_URL, requests, type ApiRequest, type Integration, type ManagementApi, type Product } from '../lib/management-api.js';
import { UserError } from '../lib/user-error.js';

/** What .yo-rc.json keeps of this command: ids only, never a key. */
interface SavedAnnotations {
  readonly productId?: string;
  readonly integrationId?: string;
}

const SAVED_KEY = 'annotations';

/**
 * `yo configcat-amplitude:annotations [connect|status|disconnect]`: ConfigCat's Amplitude
 * integration, which draws every flag change on Amplitude charts, through ConfigCat's Management
 * API. Reads come first; the one change (create, update or delete) is the last request, so a
 * failure before it changes nothing.
 */
export default class AnnotationsGenerator extends ExposureGenerator {
  private action: Action = 'connect';
  private api!: ManagementApi;
  private keys: AmplitudeKeys | undefined;
  private secrets: Secret[] = [];
  private product!: Product;
  private productName = '';
  private amplitude: Integration[] = [];
  private pick: IntegrationPick | undefined;
  private contents: ProductContents = { configs: [], environments: [] };
  private configIds: readonly string[] = [];
  private environmentIds: readonly string[] = [];
  /** The requests a dry run prints, in order. */
  private readonly shownRequests: string[] = [];
  private readonly report: string[] = [];
  /** While the change is in flight, Ctrl-C cannot say whether it was made. */
  private changing = false;

  constructor(args: string[], options: ExposureGeneratorOptions) {
    super(args, options);
    this.argument('action', { type: String, required: false, description: 'connect (the default), status or disconnect' });
  }

  protected override get cliCommand(): CommandName {
    return 'annotations';
  }

  override interruptReport(): string {
    return this.changing
      ? `Stopped while ConfigCat was being changed: run \`npx generator-configcat-amplitude annotations status\` to see the outcome.`
      : 'Stopped: nothing was changed.';
  }

  /** Everything local is checked before the first request: the action, the variables, the URL. */
  async initializing(): Promise<void> {
    await this.failClearly(() => {
      this.action = parseAction(this.options['action'] as string | undefined);
      const credentials = readManagementCredentials(process.env);
      if (this.action === 'connect') {
        const answers = this.config.get('answers') as Partial<Answers> | undefined;
        this.keys = readAmplitudeKeys(process.env, answers?.amplitudeKeyEnv);
      }
      this.secrets = [
        { value: credentials.user, variable: MANAGEMENT_USER_VARIABLE },
        { value: credentials.password, variable: MANAGEMENT_PASSWORD_VARIABLE },
        ...(this.keys ? [this.keys.apiKey, this.keys.secretKey] : []),
      ];
      this.api = createManagementApi({
        baseUrl: this.#stringOption('baseUrl') ?? DEFAULT_MANAGEMENT_API_URL,
        ...credentials,
        secrets: this.secrets.map((secret) => secret.value),
      });
    });
  }

  async prompting(): Promise<void> {
    await this.failClearly(async () => {
      this.product = await this.#resolveProduct();
      this.productName = productLabel(this.product);
      const { integrations } = await this.#send(requests.integrations(this.product.productId));
      this.amplitude = amplitudeIntegrations(integrations);
      const wanted = this.#stringOption('integration');
      // status shows every Amplitude integration unless one is named; the others act on one.
      if (this.action !== 'status' || wanted !== undefined) {
        const savedId = this.#saved().integrationId;
        this.pick = pickIntegration(this.amplitude, { ...(wanted !== undefined ? { wanted } : {}), ...(savedId ? { savedId } : {}) }, this.productName);
        if (this.action !== 'connect' && wanted !== undefined && !this.pick.existing) {
          throw new UserError(`--integration: product ${this.productName} has no Amplitude integration named ${JSON.stringify(wanted)}.`);
        }
      }
      if (this.action === 'disconnect') return;
      const productId = this.product.productId;
      this.contents = {
        configs: namedConfigs(await this.#send(requests.configs(productId))),
        environments: namedEnvironments(await this.#send(requests.environments(productId))),
      };
      if (this.action !== 'connect') return;
      const existing = this.pick?.existing;
      this.configIds = await this.#chooseScope(KINDS.config, this.contents.configs, 'configs', existing?.configIds);
      this.environmentIds = await this.#chooseScope(KINDS.environment, this.contents.environments, 'environments', existing?.environmentIds);
    });
  }

  async writing(): Promise<void> {
    await this.failClearly(async () => {
      if (this.action === 'connect') await this.#connect();
      else if (this.action === 'disconnect') await this.#disconnect();
      else this.report.push(...statusLines(this.productName, this.#shownIntegrations(), this.contents, this.#saved().integrationId));
      await this.formatYoRc();
    });
  }

  end(): void {
    const dryRun = this.options.dryRun === true && this.action !== 'status';
    for (const line of this.report) this.log(line);
    if (dryRun) for (const line of dryRunLines(this.shownRequests, [MANAGEMENT_USER_VARIABLE, MANAGEMENT_PASSWORD_VARIABLE])) this.log(line);
  }

  async #connect(): Promise<void> {
    const pick = this.pick!;
    const body = integrationBody(pick.name, this.keys!, this.configIds, this.environmentIds);
    const created = !pick.existing;
    const integration = await this.#change(connectRequest(this.product.productId, pick.existing, body));
    this.report.push(connectedLine(this.productName, pick.name, created, body, this.contents, this.options.dryRun === true));
    if (integration) this.#save({ productId: this.product.productId, integrationId: integration.integrationId });
  }

  async #disconnect(): Promise<void> {
    const existing = this.pick?.existing;
    if (existing) await this.#change(requests.deleteIntegration(existing.integrationId));
    this.report.push(disconnectedLine(this.productName, existing, this.options.dryRun === true));
    if (!this.options.dryRun) this.#forget();
  }

  /** The one request that changes ConfigCat; a dry run prints it instead. */
  async #change<Response>(request: ApiRequest<Response>): Promise<Response | undefined> {
    if (this.options.dryRun) {
      this.shownRequests.push(...printableRequest(this.api.baseUrl, request, this.secrets, false));
      return undefined;
    }
    this.changing = true;
    try {
      return await this.api.send(request);
    } finally {
      this.changing = false;
    }
  }

  /** A read: sent in a dry run too (what to change depends on what exists), and listed there. */
  async #send<Response>(request: ApiRequest<Response>): Promise<Response> {
    if (this.options.dryRun) this.shownRequests.push(...printableRequest(this.api.baseUrl, request, this.secrets, true));
    return this.api.send(request);
  }

  /** --product (name or id), else the saved product, else the only one, else a question. */
  async #resolveProduct(): Promise<Product> {
    const wanted = this.#stringOption('product');
    if (wanted !== undefined) return isId(wanted) ? this.#send(requests.product(wanted.trim())) : findProduct(await this.#send(requests.products()), wanted);
    const { productId } = this.#saved();
    if (productId) {
      return this.#send({
        ...requests.product(productId),
        subject: `The product saved in .yo-rc.json (${productId})`,
        notFoundHint: 'choose one with --product <name or id>',
      });
    }
    const products = await this.#send(requests.products());
    const choice = chooseProduct(products, this.canAsk());
    if ('product' in choice) return choice.product;
    const answer = await this.prompt<{ product: string }>([{ type: 'select', name: 'product', message: 'Which ConfigCat product?', choices: [...choice.ask] }]);
    return products.find((product) => product.productId === answer.product)!;
  }

  /**
   * Configs or environments: the option, else a question (the current selection checked), else the
   * current selection, else all of them, as the dashboard does.
   */
  async #chooseScope(kind: Kind, items: readonly Named[], option: 'configs' | 'environments', current: readonly string[] | null | undefined): Promise<readonly string[]> {
    const given = this.#stringOption(option);
    if (given !== undefined) return resolveNamed(items, parseList(given), kind, `product ${this.productName}`);
    const selected = current ?? [];
    if (!this.canAsk() || items.length === 0) return selected;
    const answer = await this.prompt<Record<string, string[]>>([
      {
        type: 'checkbox',
        name: option,
        message: `Which ${kind.plural} should annotate their flag changes? (select none for all, also those added later)`,
        choices: items.map((item) => ({ name: item.name ?? item.id, value: item.id, checked: selected.includes(item.id) })),
        default: [...selected],
      },
    ]);
    return answer[option] ?? [];
  }

  #shownIntegrations(): Integration[] {
    if (this.pick) return this.pick.existing ? [this.pick.existing] : [];
    return this.amplitude;
  }

  #stringOption(name: string): string | undefined {
    const value = this.options[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      const option = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      throw new UserError(`--${option} needs a value (see --help).`);
    }
    return value;
  }

  #saved(): SavedAnnotations {
    return (this.config.get(SAVED_KEY) as SavedAnnotations | undefined) ?? {};
  }

  #save(saved: Required<SavedAnnotations>): void {
    this.setConfig(SAVED_KEY, saved);
  }

  /** Removes the saved ids; a .yo-rc.json left with nothing of this generator's goes too. */
  #forget(): void {
    if (this.config.get(SAVED_KEY) === undefined) return;
    this.config.delete(SAVED_KEY);
    const path = this.destinationPath('.yo-rc.json');
    const text = this.fs.exists(path) ? this.fs.read(path) : undefined;
    if (!text) return;
    const content = JSON.parse(text) as Record<string, unknown>;
    const onlyEmptyNamespaces = Object.values(content).every((value) => value && typeof value === 'object' && Object.keys(value).length === 0);
    if (onlyEmptyNamespaces) this.fs.delete(path);
  }
}
