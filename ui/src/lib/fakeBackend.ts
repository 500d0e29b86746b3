// An in-memory Backend that behaves like the Rust one, for vitest and the screenshot build.
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
  ErrorView,
  FlowProgress,
  FlowView,
  FolderCheckReport,
  ImportReport,
  KindReminders,
  Lang,
  Marketplace,
  Need,
  RdtReport,
  RenewalView,
  Settings,
  ShopView,
  VerificationView,
  VerifyCode,
  VerifyReport,
  WarningView,
} from './bindings/index';
import type { Backend, SavedFile, Unlisten } from './ipc';
import {
  errorMessages,
  flowView,
  kindLabels,
  mwsRenewalTexts,
  needLabel,
  say,
  verifyMessages,
  verifyMessagesAmazon,
  warningMessages,
  type FakeWarning,
} from './fakeTexts';
import {
  DAY,
  KIND_ORDER,
  SP_API_KINDS,
  WAITS_FOR_VERIFICATION,
  canonicalAmazon,
  expiryFrom,
  hm,
  isDatedKind,
  iso,
  jstDay,
  jstYmd,
  normalize,
  parseDay,
  plusMonthsEndOfDay,
  rdtRefused,
  recognize,
  ymd,
} from './fakeRules';
import { sample, type Cred } from './fakeSeed';
import { FakeRakuraku } from './fakeRakuraku';
import { checkRakurakuSecret, ruleMessage } from './fakeRakurakuRules';
import { FLOW_IDS } from './flows';
import { formatJstDateTime, isSecretKind, marketplaceOf } from './format';

/** crates/service/src/service/shops.rs: MAX_SHOP_NAME_CHARS (the error message states it). */
const MAX_SHOP_NAME_CHARS = 60;

type Candidate = { kind: CredentialKind; value: string; warnings: FakeWarning[]; source: CandidateView['source']; shopId: string };

/** How the fake starts: with the sample shops, empty (first launch), or with a broken keychain. */
export type FakeScenario = 'sample' | 'empty' | 'keychain';

export interface FakeOptions {
  scenario?: FakeScenario;
  /** The fake's clock; fixed in tests. */
  now?: () => number;
  /** Delay of every call, to make busy states visible. */
  latencyMs?: number;
}

function reject(code: string, message: string): never {
  const e: ErrorView = { code, message };
  throw e;
}

export class FakeBackend implements Backend {
  lang: Lang = 'ja';
  keychainBroken: boolean;
  latencyMs: number;
  /** Extra delay of verify_credential, to show the "checking…" state. */
  verifyLatencyMs = 0;
  /** The result the next verification gives, whatever the key. */
  nextVerifyCode: VerifyCode | null = null;
  /** Every command called, in order (for tests). */
  readonly calls: string[] = [];
  readonly shops: ShopView[] = [];
  readonly creds: Cred[] = [];
  readonly progress = new Map<string, FlowProgress>();
  /** The result the next restricted-data check gives, whatever the needs. */
  nextRdtCode: VerifyCode | null = null;
  capturing: { kind: CredentialKind; shopId: string } | null = null;
  private candidates = new Map<string, Candidate>();
  private seq = 0;
  /** Numbers new shops (shop-3, shop-4 …) after the two sample Rakuten shops. */
  private shopSeq = 0;
  private candidateHandlers = new Set<(c: CandidateView) => void>();
  private changedHandlers = new Set<() => void>();
  private openFlowHandlers = new Set<(flowId: string) => void>();
  /** The flow the tray asked for before the window was up (take_pending_flow). */
  pendingFlow: string | null = null;
  private now: () => number;
  /** 楽楽コネクタ: configurations, the pretend 楽楽明細 and the folder check. */
  readonly rakuraku: FakeRakuraku;
  /** Texts put on the clipboard with copy_text (not secrets), newest last. */
  readonly copiedTexts: string[] = [];

  constructor(opts: FakeOptions = {}) {
    this.now = opts.now ?? (() => Date.now());
    this.rakuraku = new FakeRakuraku({
      lang: () => this.lang,
      now: () => this.now(),
      requireShop: (id) => {
        if (this.shop(id).marketplace !== 'rakuraku') reject('not_found', say(errorMessages.not_found, this.lang));
      },
      newest: (shopId, kind) => {
        const c = this.newest(shopId, kind);
        return c ? { id: c.id, masked: `••••${c.secret.slice(-4)}`, secret: c.secret } : null;
      },
      reject,
    });
    this.latencyMs = opts.latencyMs ?? 0;
    this.keychainBroken = opts.scenario === 'keychain';
    if ((opts.scenario ?? 'sample') !== 'empty') {
      const { shops, creds } = sample(this.now());
      this.shops.push(...shops);
      this.creds.push(...creds);
      this.shopSeq = 2;
    }
  }

  private async tick(name: string, extra = 0): Promise<void> {
    this.calls.push(name);
    const ms = this.latencyMs + extra;
    await new Promise<void>((r) => (ms > 0 ? setTimeout(r, ms) : queueMicrotask(r)));
  }

  private shop(id: string): ShopView {
    return this.shops.find((s) => s.id === id) ?? reject('not_found', say(errorMessages.not_found, this.lang));
  }

  private cred(id: string): Cred {
    return this.creds.find((c) => c.id === id) ?? reject('not_found', say(errorMessages.not_found, this.lang));
  }

  private label(kind: CredentialKind): string {
    return say(kindLabels[kind], this.lang);
  }

  /** A verification message in the words of the kind's marketplace. */
  private verifyMessage(kind: CredentialKind, code: VerifyCode): string {
    return say((marketplaceOf(kind) === 'amazon' ? verifyMessagesAmazon : verifyMessages)[code], this.lang);
  }

  private verification(kind: CredentialKind, last: Cred['last']): VerificationView | null {
    if (!last) return null;
    return { at: iso(last.at), at_display: `${ymd(last.at)} ${hm(last.at)}`, ok: last.code === 'ok', code: last.code, message: this.verifyMessage(kind, last.code) };
  }

  /** MWS developer access is extended by hand on Seller Central: say how, and offer to record it. */
  private renewal(c: Cred): RenewalView | null {
    if (c.kind !== 'amazon_developer_id' || c.state === 'superseded' || c.expiresAt === null) return null;
    // texts.json has only the 「アクセス権を承認」 words (not 「アクセス権を復元」 for expired access).
    return { action: 'confirm', ...mwsRenewalTexts(this.lang) };
  }

  /** The kinds stored and in use for a shop, in display order (ShopView.kinds). */
  private kindsOf(shopId: string): CredentialKind[] {
    const held = new Set(this.creds.filter((c) => c.shopId === shopId && c.state !== 'superseded').map((c) => c.kind));
    return KIND_ORDER.filter((k) => held.has(k));
  }

  private shopView(s: ShopView): ShopView {
    return { ...s, kinds: this.kindsOf(s.id) };
  }

  /** The newest credential of `kind` in use for the shop (a pending one counts: it is the new one). */
  private newest(shopId: string, kind: CredentialKind): Cred | null {
    const mine = this.creds.filter((c) => c.shopId === shopId && c.kind === kind && c.state !== 'superseded');
    return mine.sort((a, b) => b.issuedAt - a.issuedAt)[0] ?? null;
  }

  /** The credentials one SP-API check goes through; rejects like the backend when one is missing. */
  private authorization(shopId: string): Cred[] {
    const secret = this.newest(shopId, 'lwa_client_secret');
    const id = this.newest(shopId, 'lwa_client_id');
    const token = this.newest(shopId, 'lwa_refresh_token');
    if (!secret || !id || !token) reject('missing_credential', say(errorMessages.missing_client_secret, this.lang));
    const marketplace = this.newest(shopId, 'amazon_marketplace_id');
    const seller = this.newest(shopId, 'amazon_seller_id');
    return [id, secret, token, ...(marketplace ? [marketplace] : []), ...(seller ? [seller] : [])];
  }

  private view(c: Cred): CredentialView {
    const days = c.expiresAt === null ? null : jstDay(c.expiresAt) - jstDay(this.now());
    return {
      id: c.id,
      shop_id: c.shopId,
      shop: this.shop(c.shopId).name,
      kind: c.kind,
      kind_label: this.label(c.kind),
      // IDs are not secret: shown whole.
      masked: isSecretKind(c.kind) ? `••••${c.secret.slice(-4)}` : c.secret,
      state: c.state,
      issued_at: iso(c.issuedAt),
      expires_at: c.expiresAt === null ? null : iso(c.expiresAt),
      expires_on: c.expiresAt === null ? null : ymd(c.expiresAt),
      days_left: days,
      expiry_source: c.source,
      urgency: days === null ? null : days < 0 ? 'expired' : days <= 7 ? 'due_soon' : 'ok',
      last_verification: this.verification(c.kind, c.last),
      next_check_at: c.nextCheckAt === null ? null : iso(c.nextCheckAt),
      label: c.label,
      renewal: this.renewal(c),
      snoozed_until: c.snoozedUntil && c.snoozedUntil > this.now() ? formatJstDateTime(iso(c.snoozedUntil)) : null,
      reminders_dismissed: c.expiresAt !== null && c.dismissedExpiry === c.expiresAt,
    };
  }

  private candidateView(token: string, c: Candidate): CandidateView {
    const warnings: WarningView[] = c.warnings.map((code) => ({
      code,
      message: say(warningMessages[code], this.lang),
    }));
    return { token, kind: c.kind, kind_label: this.label(c.kind), masked: `••••${c.value.slice(-4)}`, length: c.value.length, warnings, source: c.source };
  }

  private makeCandidate(kind: CredentialKind, shopId: string, text: string, source: Candidate['source']): CandidateView {
    if (kind === 'rakuraku_api_token' || kind === 'rakuraku_agent_key') {
      const checked = checkRakurakuSecret(kind, text);
      if ('error' in checked) reject('invalid_format', ruleMessage(checked.error, this.lang));
      const token = `cand-${++this.seq}`;
      const c: Candidate = { kind, value: checked.value, warnings: checked.warnings, source, shopId };
      this.candidates.set(token, c);
      return this.candidateView(token, c);
    }
    const { value: cleaned, warnings } = normalize(text);
    const found = recognize(cleaned);
    if (found === null) reject('invalid_format', say(errorMessages.invalid_format, this.lang));
    if (found !== kind) {
      // texts.json has the wrong-kind sentences of the two Rakuten keys only.
      if (marketplaceOf(kind) === 'rakuten' && marketplaceOf(found) === 'rakuten') {
        reject('wrong_kind', say(found === 'rakuten_service_secret' ? errorMessages.wrong_kind_secret : errorMessages.wrong_kind_license, this.lang));
      }
      reject('invalid_format', say(errorMessages.invalid_format, this.lang));
    }
    const value = canonicalAmazon(kind, cleaned);
    if (marketplaceOf(kind) === 'rakuten') {
      const suffix = value.split('_')[1] ?? '';
      if (/[Il]/.test(suffix)) warnings.push('confusable_il');
      if (value.length !== 25) warnings.push('unusual_length');
    }
    if (kind === 'lwa_client_secret' && !value.startsWith('amzn1.oa2-cs.v1.')) warnings.push('legacy_client_secret');
    const token = `cand-${++this.seq}`;
    const c: Candidate = { kind, value, warnings, source, shopId };
    this.candidates.set(token, c);
    return this.candidateView(token, c);
  }

  // ---- test and screenshot hooks (not part of Backend) ----

  /** Pretends the user copied `text`: emits capture-candidate if a capture of that kind is on. */
  simulateClipboard(text: string): boolean {
    if (!this.capturing) return false;
    let view: CandidateView;
    try {
      view = this.makeCandidate(this.capturing.kind, this.capturing.shopId, text, 'clipboard');
    } catch {
      return false; // the real watcher ignores anything that is not the awaited kind
    }
    for (const h of this.candidateHandlers) h(view);
    return true;
  }

  /** Pretends the background re-check ran: pending keys become active and the UI is told. */
  runBackgroundCheck(): void {
    let changed = false;
    for (const c of this.creds.filter((x) => x.state === 'pending' && x.nextCheckAt !== null)) {
      this.activate(c);
      changed = true;
    }
    if (changed) for (const h of this.changedHandlers) h();
  }

  /** Pretends the tray's menu asked to open a flow while the window is up. */
  openFlowFromTray(flowId: string): void {
    this.pendingFlow = flowId;
    for (const h of this.openFlowHandlers) h(flowId);
  }

  /** Makes the keychain usable again (the KeychainUnavailable screen's retry then succeeds). */
  fixKeychain(): void {
    this.keychainBroken = false;
  }

  /** Makes `c` the credential in use: the older one of its kind is replaced. */
  private supersedeOthers(c: Cred) {
    for (const old of this.creds) {
      if (old !== c && old.shopId === c.shopId && old.kind === c.kind && old.state !== 'superseded') old.state = 'superseded';
    }
    c.state = 'active';
  }

  private activate(c: Cred) {
    const n = this.now();
    this.supersedeOthers(c);
    c.expiresAt = plusMonthsEndOfDay(c.issuedAt, 3) - DAY;
    c.source = 'api';
    c.last = { at: n, code: 'ok' };
    c.nextCheckAt = null;
  }

  /** A day the user typed, checked like the backend does (no later than today in Japan). */
  private day(text: string | null) {
    if (text === null || text.trim() === '') return null;
    return parseDay(text, jstYmd(this.now())) ?? reject('invalid_date', say(errorMessages.invalid_date, this.lang));
  }

  // ---- Backend ----

  async appStatus(): Promise<AppStatus> {
    await this.tick('app_status');
    return {
      keychain_error: this.keychainBroken ? { code: 'keychain_unavailable', message: say(errorMessages.keychain_unavailable, this.lang) } : null,
      lang: this.lang,
      version: '0.1.0-fake',
      data_dir: '~/.local/share/jp.kagiban.app',
    };
  }

  async setLang(lang: Lang): Promise<void> {
    await this.tick('set_lang');
    this.lang = lang;
  }

  async getFlow(flowId: string): Promise<FlowView> {
    await this.tick('get_flow');
    // Like the Rust get_flow: an unknown id is NotFound.
    const flow = flowView(flowId, this.lang) ?? reject('not_found', say(errorMessages.not_found, this.lang));
    return structuredClone(flow);
  }

  async listShops(marketplace: Marketplace): Promise<ShopView[]> {
    await this.tick('list_shops');
    return this.shops.filter((s) => s.marketplace === marketplace).map((s) => this.shopView(s));
  }

  async addShop(name: string, marketplace: Marketplace): Promise<ShopView> {
    await this.tick('add_shop');
    const trimmed = name.trim();
    if (trimmed === '' || [...trimmed].length > MAX_SHOP_NAME_CHARS) reject('invalid_shop_name', say(errorMessages.invalid_shop_name, this.lang));
    const shop: ShopView = { id: `shop-${++this.shopSeq}`, name: trimmed, marketplace, kinds: [] };
    this.shops.push(shop);
    return this.shopView(shop);
  }

  async dashboard(): Promise<DashboardView> {
    await this.tick('dashboard');
    // Like the Rust dashboard_view: shops by marketplace, flows in the order offered.
    const marketplaces: Marketplace[] = ['rakuten', 'amazon', 'rakuraku'];
    return {
      credentials: this.creds.map((c) => this.view(c)),
      shops: marketplaces.flatMap((m) => this.shops.filter((s) => s.marketplace === m).map((s) => this.shopView(s))),
      flows: FLOW_IDS.map((id) => {
        const f = flowView(id, this.lang) ?? reject('not_found', say(errorMessages.not_found, this.lang));
        const p = this.progress.get(id);
        return { id: f.id, title: f.title, summary: f.summary, marketplace: f.marketplace, progress: p ? structuredClone(p) : null };
      }),
    };
  }

  async getProgress(flowId: string): Promise<FlowProgress | null> {
    await this.tick('get_progress');
    const p = this.progress.get(flowId);
    return p ? structuredClone(p) : null;
  }

  async saveProgress(progress: FlowProgress): Promise<void> {
    await this.tick('save_progress');
    this.progress.set(progress.flow_id, structuredClone(progress));
  }

  async resetProgress(flowId: string): Promise<void> {
    await this.tick('reset_progress');
    this.progress.delete(flowId);
  }

  async captureStart(kind: CredentialKind, shopId: string): Promise<void> {
    await this.tick('capture_start');
    this.shop(shopId);
    this.capturing = { kind, shopId };
  }

  async captureStop(): Promise<void> {
    await this.tick('capture_stop');
    this.capturing = null;
  }

  async candidateFromText(kind: CredentialKind, shopId: string, text: string): Promise<CandidateView> {
    await this.tick('candidate_from_text');
    this.shop(shopId);
    return this.makeCandidate(kind, shopId, text, 'typed');
  }

  private candidate(token: string): Candidate {
    return this.candidates.get(token) ?? reject('not_found', say(errorMessages.not_found, this.lang));
  }

  async revealCandidate(token: string): Promise<string> {
    await this.tick('reveal_candidate');
    return this.candidate(token).value;
  }

  async discardCandidate(token: string): Promise<void> {
    await this.tick('discard_candidate');
    this.candidates.delete(token);
  }

  async acceptCandidate(token: string, shopId: string, details: AcceptDetails): Promise<CredentialView> {
    await this.tick('accept_candidate');
    const cand = this.candidate(token);
    if (this.keychainBroken) reject('keychain_unavailable', say(errorMessages.keychain_unavailable, this.lang));
    const day = this.day(details.date);
    this.shop(shopId);
    this.candidates.delete(token);
    const n = this.now();
    const waits = WAITS_FOR_VERIFICATION.includes(cand.kind);
    const c: Cred = {
      id: `cred-${++this.seq}`, shopId, kind: cand.kind, secret: cand.value, state: waits ? 'pending' : 'active', issuedAt: n,
      expiresAt: null, source: null, last: null, nextCheckAt: null, checks: 0, label: details.name?.trim() || null,
    };
    if (cand.kind === 'rakuten_license_key') {
      c.expiresAt = plusMonthsEndOfDay(n, 3);
      c.source = 'rule';
    } else if (isDatedKind(cand.kind)) {
      c.expiresAt = expiryFrom(cand.kind, day ?? jstYmd(n));
      c.source = day ? 'user' : 'rule';
    }
    this.creds.push(c);
    if (!waits) this.supersedeOthers(c);
    return this.view(c);
  }

  async verifyCredential(id: string): Promise<VerifyReport> {
    await this.tick('verify_credential', this.verifyLatencyMs);
    const c = this.cred(id);
    if (SP_API_KINDS.includes(c.kind)) return this.verifySpApi(c);
    const n = this.now();
    let code: VerifyCode;
    if (this.nextVerifyCode) {
      code = this.nextVerifyCode;
      this.nextVerifyCode = null;
    } else if (c.kind !== 'rakuten_license_key') code = 'not_verifiable';
    else if (c.state === 'pending') code = c.checks === 0 ? 'not_yet_active' : 'ok';
    else code = c.expiresAt !== null && c.expiresAt < n ? 'unauthorized' : 'ok';
    c.checks++;
    if (code === 'ok' && c.state === 'pending') this.activate(c);
    else c.last = { at: n, code };
    const retrying = code === 'not_yet_active';
    c.nextCheckAt = retrying ? n + 5 * 60_000 : null;
    if (code === 'ok' && c.source !== 'api' && c.expiresAt !== null) c.source = 'api';
    return this.report(c, code, retrying);
  }

  /** LWA + getMarketplaceParticipations, as one check of every credential the authorization uses. */
  private verifySpApi(asked: Cred): VerifyReport {
    const rows = this.authorization(asked.shopId);
    const code = this.nextVerifyCode ?? 'ok';
    this.nextVerifyCode = null;
    const n = this.now();
    for (const row of rows) {
      row.checks++;
      row.last = { at: n, code };
      if (code === 'ok' && row.state === 'pending') this.supersedeOthers(row);
    }
    return this.report(asked, code, false);
  }

  private report(c: Cred, code: VerifyCode, retrying: boolean): VerifyReport {
    return {
      id: c.id, ok: code === 'ok', code, message: this.verifyMessage(c.kind, code),
      expires_at: c.expiresAt === null ? null : iso(c.expiresAt), expiry_source: c.source,
      retrying, next_check_at: c.nextCheckAt === null ? null : iso(c.nextCheckAt),
    };
  }

  async checkRdt(shopId: string, needs: Need[], targetApplication: string | null): Promise<RdtReport> {
    await this.tick('check_rdt', this.verifyLatencyMs);
    this.shop(shopId);
    // texts.json has no sentence for the request rules (empty, too_many_resources …): code only.
    if (needs.length === 0) reject('empty', '');
    void targetApplication;
    this.authorization(shopId);
    const code = this.nextRdtCode ?? (rdtRefused(needs) ? 'missing_role' : 'ok');
    this.nextRdtCode = null;
    // Stand-ins for the role names texts.json does not carry: the labels of the needs asked for.
    const roles = needs.map((n) => needLabel(n, this.lang)).filter((l): l is string => l !== null);
    const base = say(verifyMessagesAmazon[code], this.lang);
    return {
      ok: code === 'ok',
      code,
      message: code === 'missing_role' && roles.length > 0 ? `${base}\n${roles.join(this.lang === 'ja' ? '、' : ', ')}` : base,
      resources: needs.length,
      valid_until: code === 'ok' ? hm(this.now() + 3_600_000) : null,
      roles,
      warnings: [],
    };
  }

  async recordRenewal(id: string, date: string | null): Promise<CredentialView> {
    await this.tick('record_renewal');
    const c = this.cred(id);
    const day = this.day(date) ?? jstYmd(this.now());
    const expiresAt = expiryFrom(c.kind, day) ?? reject('not_found', say(errorMessages.not_found, this.lang));
    c.expiresAt = expiresAt;
    c.source = 'user';
    return this.view(c);
  }

  async snoozeReminders(id: string): Promise<CredentialView> {
    await this.tick('snooze_reminders');
    const c = this.cred(id);
    c.snoozedUntil = this.now() + 86_400_000;
    return this.view(c);
  }

  async dismissReminders(id: string): Promise<CredentialView> {
    await this.tick('dismiss_reminders');
    const c = this.cred(id);
    if (c.expiresAt === null || c.expiresAt >= this.now()) reject('not_expired_yet', say(errorMessages.not_expired_yet, this.lang));
    c.dismissedExpiry = c.expiresAt;
    return this.view(c);
  }

  async revealCredential(id: string): Promise<string> {
    await this.tick('reveal_credential');
    return this.cred(id).secret;
  }

  async copyCredential(id: string): Promise<CopyReceipt> {
    await this.tick('copy_credential');
    this.cred(id);
    return { clears_after_secs: 60 };
  }

  async openLink(link: string): Promise<void> {
    await this.tick(`open_link:${link}`);
  }

  /** The kinds that expire, in the backend's order (CredentialKind::expires). */
  static readonly EXPIRING: CredentialKind[] = ['rakuten_license_key', 'amazon_developer_id', 'lwa_client_secret', 'lwa_refresh_token'];
  private savedSettings: Omit<Settings, 'lang'> = {
    reminders: FakeBackend.EXPIRING.map((kind) => ({ kind, label: '', days_before: [30, 7, 1, 0], daily_after_expiry: true })),
    clipboard_clear_secs: 60,
    start_at_login: false,
  };
  /** Files the fake "wrote" (exports), newest last. */
  readonly files: { path: string; text: string }[] = [];

  private settingsView(): Settings {
    const reminders: KindReminders[] = this.savedSettings.reminders.map((r) => ({ ...r, days_before: [...r.days_before], label: say(kindLabels[r.kind], this.lang) }));
    return { ...structuredClone(this.savedSettings), reminders, lang: this.lang };
  }

  /** crates/service/src/service/settings.rs: validate. */
  private checkSettings(s: Settings): void {
    if (!Number.isInteger(s.clipboard_clear_secs) || s.clipboard_clear_secs < 10 || s.clipboard_clear_secs > 600) {
      reject('setting_out_of_range', say(errorMessages.invalid_setting_clipboard, this.lang));
    }
    for (const r of s.reminders) {
      if (!FakeBackend.EXPIRING.includes(r.kind) || r.days_before.length > 8 || r.days_before.some((d) => d > 120)) {
        reject('setting_out_of_range', say(errorMessages.invalid_setting_reminders, this.lang));
      }
    }
  }

  async pageReady(renderMs: number, _originMs: number, _marks: Record<string, number>): Promise<void> {
    await this.tick(`page_ready`);
    this.renderMs = renderMs;
  }

  /** What the page reported with page_ready. */
  renderMs: number | null = null;

  async getSettings(): Promise<Settings> {
    await this.tick('get_settings');
    return this.settingsView();
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    await this.tick('save_settings');
    this.checkSettings(settings);
    this.lang = settings.lang;
    this.savedSettings = {
      reminders: settings.reminders.map((r) => ({ ...r, label: '', days_before: [...new Set(r.days_before)].sort((a, b) => b - a) })),
      clipboard_clear_secs: settings.clipboard_clear_secs,
      start_at_login: settings.start_at_login,
    };
    return this.settingsView();
  }

  /** Whether the start-at-login offer was answered. */
  loginOfferAnswered = false;

  async loginOfferPending(): Promise<boolean> {
    await this.tick('login_offer_pending');
    return !this.loginOfferAnswered && !this.savedSettings.start_at_login;
  }

  async answerLoginOffer(accept: boolean): Promise<Settings> {
    await this.tick('answer_login_offer');
    this.loginOfferAnswered = true;
    if (accept) this.savedSettings.start_at_login = true;
    return this.settingsView();
  }

  async importSettings(json: string): Promise<ImportReport> {
    await this.tick('import_settings');
    let parsed: { format?: string; version?: number; settings?: Settings; shops?: { name: string; marketplace: Marketplace }[] };
    try {
      parsed = JSON.parse(json);
    } catch {
      return reject('invalid_import', say(errorMessages.invalid_import, this.lang));
    }
    if (parsed.format !== 'kagiban-settings' || parsed.version !== 1 || !parsed.settings) {
      return reject('invalid_import', say(errorMessages.invalid_import, this.lang));
    }
    this.checkSettings(parsed.settings);
    let added = 0;
    for (const shop of parsed.shops ?? []) {
      if (!this.shops.some((s) => s.name === shop.name && s.marketplace === shop.marketplace)) {
        await this.addShop(shop.name, shop.marketplace);
        added += 1;
      }
    }
    return { settings: await this.saveSettings(parsed.settings), shops_added: added };
  }

  private saveFile(stem: string, ext: string, text: string): SavedFile {
    const { y, m, d } = jstYmd(this.now());
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const taken = (p: string) => this.files.some((f) => f.path === p);
    let path = `~/Downloads/${stem}-${day}.${ext}`;
    for (let n = 2; taken(path); n += 1) path = `~/Downloads/${stem}-${day}-${n}.${ext}`;
    this.files.push({ path, text });
    return { path };
  }

  async exportSettingsFile(): Promise<SavedFile> {
    await this.tick('export_settings_file');
    const text = JSON.stringify({
      format: 'kagiban-settings',
      version: 1,
      settings: this.settingsView(),
      shops: this.shops.map((s) => ({ name: s.name, marketplace: s.marketplace })),
    });
    return this.saveFile('kagiban-settings', 'json', text);
  }

  async exportCalendarFile(): Promise<SavedFile> {
    await this.tick('export_calendar_file');
    return this.saveFile('kagiban', 'ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  }

  async rakurakuConnector(shopId: string): Promise<ConnectorView> {
    await this.tick('rakuraku_connector');
    return this.rakuraku.connector(shopId);
  }

  async saveRakurakuConnector(shopId: string, config: ConnectorConfig): Promise<ConnectorView> {
    await this.tick('save_rakuraku_connector');
    return this.rakuraku.save(shopId, config);
  }

  async testRakurakuConnection(shopId: string): Promise<ConnectionTestReport> {
    await this.tick('test_rakuraku_connection', this.verifyLatencyMs);
    return this.rakuraku.testConnection(shopId);
  }

  async checkRakurakuFolders(shopId: string, base: string | null): Promise<FolderCheckReport> {
    await this.tick('check_rakuraku_folders');
    return this.rakuraku.checkFolders(shopId, base);
  }

  async exportRakurakuFile(shopId: string): Promise<SavedFile> {
    await this.tick('export_rakuraku_file');
    return this.saveFile('kagiban-rakuraku-connector', 'json', this.rakuraku.exportJson(shopId));
  }

  async copyText(text: string): Promise<void> {
    await this.tick('copy_text');
    this.copiedTexts.push(text);
  }

  async takePendingFlow(): Promise<string | null> {
    await this.tick('take_pending_flow');
    const flow = this.pendingFlow;
    this.pendingFlow = null;
    return flow;
  }

  async onOpenFlow(handler: (flowId: string) => void): Promise<Unlisten> {
    this.openFlowHandlers.add(handler);
    return () => this.openFlowHandlers.delete(handler);
  }

  async onCaptureCandidate(handler: (candidate: CandidateView) => void): Promise<Unlisten> {
    this.candidateHandlers.add(handler);
    return () => this.candidateHandlers.delete(handler);
  }

  async onCredentialsChanged(handler: () => void): Promise<Unlisten> {
    this.changedHandlers.add(handler);
    return () => this.changedHandlers.delete(handler);
  }
}
