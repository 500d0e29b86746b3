// The one way the UI reaches the backend. Components call `backend()`; tests and the
// screenshot build install a fake with `setBackend`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  AcceptDetails,
  AppStatus,
  CandidateView,
  ConnectionTestReport,
  ConnectorConfig,
  ConnectorView,
  CopyReceipt,
  CredentialKind,
  CredentialView,
  DashboardView,
  FlowProgress,
  FlowView,
  FolderCheckReport,
  ImportReport,
  Lang,
  Marketplace,
  Need,
  RdtReport,
  Settings,
  ShopView,
  VerifyReport,
} from './bindings/index';

/** Where an exported file was written. */
export interface SavedFile {
  path: string;
}

/** Stops listening to an event. */
export type Unlisten = () => void;

/** One method per Tauri command (named in the comment), plus the two events. */
export interface Backend {
  /** app_status */
  appStatus(): Promise<AppStatus>;
  /** set_lang */
  setLang(lang: Lang): Promise<void>;
  /** get_flow */
  getFlow(flowId: string): Promise<FlowView>;
  /** list_shops */
  listShops(marketplace: Marketplace): Promise<ShopView[]>;
  /** add_shop; rejects with `invalid_shop_name` */
  addShop(name: string, marketplace: Marketplace): Promise<ShopView>;
  /** dashboard: the whole screen in one answer — every credential (superseded ones included), every shop, the flows with their progress */
  dashboard(): Promise<DashboardView>;
  /** get_progress */
  getProgress(flowId: string): Promise<FlowProgress | null>;
  /** save_progress */
  saveProgress(progress: FlowProgress): Promise<void>;
  /** reset_progress */
  resetProgress(flowId: string): Promise<void>;
  /** capture_start: the backend watches the clipboard until captureStop */
  captureStart(kind: CredentialKind, shopId: string): Promise<void>;
  /** capture_stop */
  captureStop(): Promise<void>;
  /** candidate_from_text: the manual paste field */
  candidateFromText(kind: CredentialKind, shopId: string, text: string): Promise<CandidateView>;
  /** reveal_candidate */
  revealCandidate(token: string): Promise<string>;
  /** discard_candidate */
  discardCandidate(token: string): Promise<void>;
  /** accept_candidate: stores the key in the OS keychain, with the day and name asked with it; rejects with `invalid_date` */
  acceptCandidate(token: string, shopId: string, details: AcceptDetails): Promise<CredentialView>;
  /** verify_credential */
  verifyCredential(id: string): Promise<VerifyReport>;
  /** check_rdt: asks Amazon for a restricted data token for `needs` (dropped at once) */
  checkRdt(shopId: string, needs: Need[], targetApplication: string | null): Promise<RdtReport>;
  /** record_renewal: the day the user renewed a credential by hand (MWS 「アクセス権を承認」); today when null */
  recordRenewal(id: string, date: string | null): Promise<CredentialView>;
  /** snooze_reminders: no reminder about this credential for a day */
  snoozeReminders(id: string): Promise<CredentialView>;
  /** dismiss_reminders: no more daily reminders after this expiry; rejects with `not_expired_yet` */
  dismissReminders(id: string): Promise<CredentialView>;
  /** reveal_credential */
  revealCredential(id: string): Promise<string>;
  /** copy_credential */
  copyCredential(id: string): Promise<CopyReceipt>;
  /** open_link: a known link id such as "rms_login" */
  openLink(link: string): Promise<void>;
  /** page_ready: the first screen is rendered with its data (the benchmark listens) */
  pageReady(renderMs: number, originMs: number, marks: Record<string, number>): Promise<void>;
  /** get_settings */
  getSettings(): Promise<Settings>;
  /** save_settings: checks and saves all of it or nothing; rejects with `setting_out_of_range`, `login_item_failed` */
  saveSettings(settings: Settings): Promise<Settings>;
  /** login_offer_pending: whether to offer starting at login at the end of this flow (asked once) */
  loginOfferPending(): Promise<boolean>;
  /** answer_login_offer: yes turns start at login on (registers the login item); either way it is not asked again */
  answerLoginOffer(accept: boolean): Promise<Settings>;
  /** import_settings: the text of a settings file; rejects with `invalid_import`, `setting_out_of_range` */
  importSettings(json: string): Promise<ImportReport>;
  /** export_settings_file: settings and shops (never a key) as JSON in the Downloads folder */
  exportSettingsFile(): Promise<SavedFile>;
  /** export_calendar_file: every expiry with its reminders as .ics in the Downloads folder */
  exportCalendarFile(): Promise<SavedFile>;
  /** rakuraku_connector: a 楽楽明細 shop's 楽楽コネクタ configuration, checked, with its settings sheet */
  rakurakuConnector(shopId: string): Promise<ConnectorView>;
  /** save_rakuraku_connector: saves it (problems included); secret references in `config` are ignored */
  saveRakurakuConnector(shopId: string, config: ConnectorConfig): Promise<ConnectorView>;
  /** test_rakuraku_connection: one customers search with the URL and API token; rejects with `missing_credential`, `url_*` */
  testRakurakuConnection(shopId: string): Promise<ConnectionTestReport>;
  /** check_rakuraku_folders: each configured folder under `base` (else the saved one); rejects with `no_agent_folder` */
  checkRakurakuFolders(shopId: string, base: string | null): Promise<FolderCheckReport>;
  /** export_rakuraku_file: the configuration as JSON without secrets, in the Downloads folder */
  exportRakurakuFile(shopId: string): Promise<SavedFile>;
  /** copy_text: copies a value that is not a secret (secrets go through copyCredential) */
  copyText(text: string): Promise<void>;
  /** take_pending_flow: the flow (or `settings`) asked for while the window was loading, once */
  takePendingFlow(): Promise<string | null>;
  /** event capture-candidate */
  onCaptureCandidate(handler: (candidate: CandidateView) => void): Promise<Unlisten>;
  /** event credentials-changed */
  onCredentialsChanged(handler: () => void): Promise<Unlisten>;
  /** event open-flow: the tray or a second launch asks to open a flow or `settings` (payload: its id) */
  onOpenFlow(handler: (flowId: string) => void): Promise<Unlisten>;
}

/** Codes the UI makes up itself for failures that did not come as an ErrorView. */
export const LOCAL_ERROR_CODES = ['unexpected', 'ipc'] as const;

/** An error from the backend, always with a stable code and (usually) a localized message. */
export class BackendError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }

  /** True when the message is the backend's own localized sentence, fit to show as is. */
  get fromBackend(): boolean {
    return !(LOCAL_ERROR_CODES as readonly string[]).includes(this.code) && this.message.trim() !== '';
  }
}

function isErrorView(e: unknown): e is { code: string; message: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as { code: string }).code !== '' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** Turns whatever a rejected invoke (or anything else) threw into a BackendError. */
export function toBackendError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isErrorView(e)) return new BackendError(e.code, e.message);
  if (typeof e === 'string') {
    // Tauri itself rejects with a bare string, e.g. for an unknown command or bad arguments;
    // a JSON string holding an ErrorView is unwrapped.
    try {
      const parsed: unknown = JSON.parse(e);
      if (isErrorView(parsed)) return new BackendError(parsed.code, parsed.message);
    } catch {
      // not JSON: fall through
    }
    return new BackendError('ipc', e);
  }
  if (e instanceof Error) return new BackendError('unexpected', e.message);
  return new BackendError('unexpected', '');
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

/** The real backend: Tauri commands and events. */
export const tauriBackend: Backend = {
  appStatus: () => call('app_status'),
  setLang: (lang) => call('set_lang', { lang }),
  getFlow: (flowId) => call('get_flow', { flowId }),
  listShops: (marketplace) => call('list_shops', { marketplace }),
  addShop: (name, marketplace) => call('add_shop', { name, marketplace }),
  dashboard: () => call('dashboard'),
  getProgress: (flowId) => call('get_progress', { flowId }),
  saveProgress: (progress) => call('save_progress', { progress }),
  resetProgress: (flowId) => call('reset_progress', { flowId }),
  captureStart: (kind, shopId) => call('capture_start', { kind, shopId }),
  captureStop: () => call('capture_stop'),
  candidateFromText: (kind, shopId, text) => call('candidate_from_text', { kind, shopId, text }),
  revealCandidate: (token) => call('reveal_candidate', { token }),
  discardCandidate: (token) => call('discard_candidate', { token }),
  acceptCandidate: (token, shopId, details) => call('accept_candidate', { token, shopId, details }),
  verifyCredential: (id) => call('verify_credential', { id }),
  checkRdt: (shopId, needs, targetApplication) => call('check_rdt', { shopId, needs, targetApplication }),
  recordRenewal: (id, date) => call('record_renewal', { id, date }),
  snoozeReminders: (id) => call('snooze_reminders', { id }),
  dismissReminders: (id) => call('dismiss_reminders', { id }),
  revealCredential: (id) => call('reveal_credential', { id }),
  copyCredential: (id) => call('copy_credential', { id }),
  openLink: (link) => call('open_link', { link }),
  pageReady: (renderMs, originMs, marks) => call('page_ready', { renderMs, originMs, marks }),
  getSettings: () => call('get_settings'),
  saveSettings: (settings) => call('save_settings', { settings }),
  importSettings: (json) => call('import_settings', { json }),
  loginOfferPending: () => call('login_offer_pending'),
  answerLoginOffer: (accept) => call('answer_login_offer', { accept }),
  exportSettingsFile: () => call('export_settings_file'),
  exportCalendarFile: () => call('export_calendar_file'),
  rakurakuConnector: (shopId) => call('rakuraku_connector', { shopId }),
  saveRakurakuConnector: (shopId, config) => call('save_rakuraku_connector', { shopId, config }),
  testRakurakuConnection: (shopId) => call('test_rakuraku_connection', { shopId }),
  checkRakurakuFolders: (shopId, base) => call('check_rakuraku_folders', { shopId, base }),
  exportRakurakuFile: (shopId) => call('export_rakuraku_file', { shopId }),
  copyText: (text) => call('copy_text', { text }),
  takePendingFlow: () => call('take_pending_flow'),
  onCaptureCandidate: (handler) => listen<CandidateView>('capture-candidate', (e) => handler(e.payload)),
  onCredentialsChanged: (handler) => listen('credentials-changed', () => handler()),
  onOpenFlow: (handler) => listen<string>('open-flow', (e) => handler(e.payload)),
};

let current: Backend = tauriBackend;

/** Installs the backend every component will use (a fake in tests and screenshots). */
export function setBackend(b: Backend): void {
  current = b;
}

/** The backend in use. */
export function backend(): Backend {
  return current;
}
