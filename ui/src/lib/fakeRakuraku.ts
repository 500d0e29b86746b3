// The 楽楽コネクタ part of the fake backend: each 楽楽明細 shop's configuration (no secret in
// it), the connection test against a pretend 楽楽明細, the folder check (the real code's answer
// on generated files, from texts.json), the JSON export.
import texts from './generated/texts.json';
import type {
  ConnectionOutcome,
  ConnectionTestReport,
  ConnectorConfig,
  ConnectorExport,
  ConnectorView,
  CredentialKind,
  FolderCheckReport,
  Lang,
  SecretRef,
} from './bindings/index';
import { connectorSheet, normalizeMeisaiUrl, ruleMessage, validateConnector } from './fakeRakurakuRules';
import { errorMessages, say, type Both } from './fakeTexts';
import { iso } from './fakeRules';

const connectionMessages = texts.connectionMessages as Record<ConnectionOutcome, Both>;
const folderSamples = (texts.rakurakuSamples as unknown as { folderCheck: Record<Lang, FolderCheckReport> }).folderCheck;

/** What the fake needs from the rest of the fake backend. */
export interface RakurakuHost {
  lang(): Lang;
  now(): number;
  /** Rejects like the backend unless `shopId` is a 楽楽明細 shop. */
  requireShop(shopId: string): void;
  /** The newest credential in use of `kind` for the shop: its id, masked tail and value. */
  newest(shopId: string, kind: CredentialKind): { id: string; masked: string; secret: string } | null;
  /** Rejects with a code and message (an ErrorView). */
  reject(code: string, message: string): never;
}

/** A configuration with nothing entered (ConnectorConfig::default). */
export function emptyConnector(): ConnectorConfig {
  return {
    meisaiUrl: '',
    apiToken: null,
    agentId: '',
    agentKey: null,
    ipRestriction: false,
    approvalFlowOption: false,
    agentFolder: null,
    customer: { importSettingId: '', folder: '', fileName: '', overwriteInUse: null, overwriteWithBlank: null, readFirstRow: null },
    reports: [],
  };
}

export class FakeRakuraku {
  /** Saved configurations by shop id. */
  readonly configs = new Map<string, ConnectorConfig>();
  /** The pretend 楽楽明細: environments (the URL's account part) and the API token each accepts. */
  readonly accounts = new Map<string, string>();
  /** The outcome the next connection test gives, whatever the URL and token (maintenance, timeout …). */
  nextOutcome: ConnectionOutcome | null = null;

  constructor(private host: RakurakuHost) {}

  private ref(shopId: string, kind: CredentialKind): SecretRef | null {
    const c = this.host.newest(shopId, kind);
    return c ? { credentialId: c.id, masked: c.masked } : null;
  }

  private load(shopId: string): ConnectorConfig {
    this.host.requireShop(shopId);
    const config = structuredClone(this.configs.get(shopId) ?? emptyConnector());
    config.apiToken = this.ref(shopId, 'rakuraku_api_token');
    config.agentKey = this.ref(shopId, 'rakuraku_agent_key');
    return config;
  }

  private view(shopId: string, config: ConnectorConfig): ConnectorView {
    const checked = validateConnector(config, this.host.lang());
    return {
      shopId,
      config: checked.config,
      issues: checked.issues,
      complete: checked.issues.every((i) => i.severity === 'warning'),
      sheet: connectorSheet(checked.config),
    };
  }

  connector(shopId: string): ConnectorView {
    return this.view(shopId, this.load(shopId));
  }

  save(shopId: string, config: ConnectorConfig): ConnectorView {
    const current = this.load(shopId);
    const merged = { ...structuredClone(config), apiToken: current.apiToken, agentKey: current.agentKey };
    const checked = validateConnector(merged, this.host.lang()).config;
    this.configs.set(shopId, { ...checked, apiToken: null, agentKey: null });
    return this.view(shopId, merged);
  }

  testConnection(shopId: string): ConnectionTestReport {
    const config = this.load(shopId);
    const lang = this.host.lang();
    const url = normalizeMeisaiUrl(config.meisaiUrl);
    if ('error' in url) this.host.reject(url.error, ruleMessage(url.error, lang));
    const token = this.host.newest(shopId, 'rakuraku_api_token');
    if (!token) this.host.reject('missing_credential', say(errorMessages.missing_api_token, lang));
    const account = url.url.split('/')[3];
    let outcome: ConnectionOutcome;
    if (this.nextOutcome) {
      outcome = this.nextOutcome;
      this.nextOutcome = null;
    } else if (!this.accounts.has(account)) outcome = 'url_wrong';
    else outcome = this.accounts.get(account) === token.secret ? 'ok' : 'token_refused';
    return { ok: outcome === 'ok', outcome, message: say(connectionMessages[outcome], lang), url: url.url, testedAt: iso(this.host.now()) };
  }

  /** The real folder check's answer on the sample files, under the folder asked for. */
  checkFolders(shopId: string, base: string | null): FolderCheckReport {
    const config = this.load(shopId);
    const chosen = base?.trim() || config.agentFolder;
    if (!chosen) this.host.reject('no_agent_folder', say(errorMessages.no_agent_folder, this.host.lang()));
    if (base?.trim()) this.configs.set(shopId, { ...config, apiToken: null, agentKey: null, agentFolder: chosen });
    const sample = JSON.stringify(folderSamples[this.host.lang()]).replaceAll('{base}', chosen.replaceAll('\\', '\\\\'));
    return JSON.parse(sample) as FolderCheckReport;
  }

  /** export(): the configuration without secrets (only whether each is stored), as ConnectorExport. */
  exportJson(shopId: string): string {
    const config = validateConnector(this.load(shopId), this.host.lang()).config;
    const doc: ConnectorExport = {
      format: 'kagiban.rakuraku-connector',
      version: 1,
      meisaiUrl: config.meisaiUrl,
      apiTokenStored: config.apiToken !== null,
      agentId: config.agentId,
      agentKeyStored: config.agentKey !== null,
      ipRestriction: config.ipRestriction,
      approvalFlowOption: config.approvalFlowOption,
      agentFolder: config.agentFolder,
      customer: config.customer,
      reports: config.reports,
    };
    return JSON.stringify(doc, null, 2);
  }
}
