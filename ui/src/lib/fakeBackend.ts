// An in-memory Backend that behaves like the Rust one, for vitest and the screenshot build.
import type {
  AppStatus,
  CandidateView,
  CopyReceipt,
  CredentialKind,
  CredentialState,
  CredentialView,
  ErrorView,
  ExpirySource,
  FlowProgress,
  FlowView,
  Lang,
  Marketplace,
  ShopView,
  VerificationView,
  VerifyCode,
  VerifyReport,
  WarningView,
} from './bindings/index';
import type { Backend, Unlisten } from './ipc';
import { errorMessages, flowView, kindLabels, say, verifyMessages, warningMessages, type FakeWarning } from './fakeTexts';

const DAY = 86_400_000;
/** crates/service/src/service/shops.rs: MAX_SHOP_NAME_CHARS (the error message states it). */
const MAX_SHOP_NAME_CHARS = 60;
const JST = 9 * 3_600_000;

type Cred = {
  id: string;
  shopId: string;
  kind: CredentialKind;
  secret: string;
  state: CredentialState;
  issuedAt: number;
  expiresAt: number | null;
  source: ExpirySource | null;
  last: { at: number; code: VerifyCode } | null;
  nextCheckAt: number | null;
  checks: number;
};

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

const pad = (n: number) => String(n).padStart(2, '0');
const jst = (ms: number) => new Date(ms + JST);
const ymd = (ms: number) => {
  const d = jst(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
};
const hm = (ms: number) => `${pad(jst(ms).getUTCHours())}:${pad(jst(ms).getUTCMinutes())}`;
const iso = (ms: number) => `${ymd(ms).replaceAll('/', '-')}T${hm(ms)}:${pad(jst(ms).getUTCSeconds())}+09:00`;
/** Calendar day number in Japan time. */
const jstDay = (ms: number) => Math.floor((ms + JST) / DAY);
/** The end of the Japan-time day `ms` falls on, plus `months` (Rakuten's 3-month rule). */
const plusMonthsEndOfDay = (ms: number, months: number) => {
  const d = jst(ms);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), 23, 59, 59);
  return end - JST;
};

function reject(code: string, message: string): never {
  const e: ErrorView = { code, message };
  throw e;
}

/** Cleans a pasted value the way the Rust normalizer does, noting what changed. */
function normalize(text: string): { value: string; warnings: FakeWarning[] } {
  const warnings: FakeWarning[] = [];
  let v = text.trim();
  const half = v.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (half !== v) warnings.push('full_width_normalized');
  v = half.replace(/[\u200B-\u200D\uFEFF]/g, '');
  const compact = v.replace(/\s+/g, '');
  if (compact !== v) warnings.push('whitespace_removed');
  return { value: compact, warnings };
}

function recognize(value: string): CredentialKind | null {
  if (value.length > 50) return null;
  if (/^SL\d+_[A-Za-z0-9]+$/.test(value)) return 'rakuten_license_key';
  if (/^SP\d+_[A-Za-z0-9]+$/.test(value)) return 'rakuten_service_secret';
  return null;
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
  capturing: { kind: CredentialKind; shopId: string } | null = null;
  private candidates = new Map<string, Candidate>();
  private seq = 0;
  private candidateHandlers = new Set<(c: CandidateView) => void>();
  private changedHandlers = new Set<() => void>();
  private now: () => number;

  constructor(opts: FakeOptions = {}) {
    this.now = opts.now ?? (() => Date.now());
    this.latencyMs = opts.latencyMs ?? 0;
    this.keychainBroken = opts.scenario === 'keychain';
    if ((opts.scenario ?? 'sample') !== 'empty') this.seed();
  }

  private seed() {
    const n = this.now();
    this.shops.push(
      { id: 'shop-1', name: '楽天市場1号店', marketplace: 'rakuten', has_service_secret: true },
      { id: 'shop-2', name: '楽天市場2号店', marketplace: 'rakuten', has_service_secret: true },
    );
    const c = (x: Partial<Cred> & Pick<Cred, 'id' | 'shopId' | 'kind' | 'secret'>): Cred => ({
      state: 'active', issuedAt: n - 200 * DAY, expiresAt: null, source: null, last: null, nextCheckAt: null, checks: 1, ...x,
    });
    this.creds.push(
      c({ id: 'cred-s1-secret', shopId: 'shop-1', kind: 'rakuten_service_secret', secret: 'SP404839_aK29fQmZ7tLx3Wq7' }),
      c({ id: 'cred-s1-key', shopId: 'shop-1', kind: 'rakuten_license_key', secret: 'SL404839_Tn4vB8cRy2HsK5pd',
        issuedAt: n - 85 * DAY, expiresAt: n + 5 * DAY, source: 'api', last: { at: n - DAY - 3 * 3_600_000, code: 'ok' } }),
      c({ id: 'cred-s1-key-old', shopId: 'shop-1', kind: 'rakuten_license_key', secret: 'SL404839_Gh7mW2xZq9Lr4Ne1', state: 'superseded',
        issuedAt: n - 170 * DAY, expiresAt: n - 80 * DAY, source: 'api', last: { at: n - 81 * DAY, code: 'ok' } }),
      c({ id: 'cred-s2-secret', shopId: 'shop-2', kind: 'rakuten_service_secret', secret: 'SP512377_Yp3cV8nE2dKs6Fb9' }),
      c({ id: 'cred-s2-key', shopId: 'shop-2', kind: 'rakuten_license_key', secret: 'SL512377_Ud5hJ1tM8wPq3Xc2',
        issuedAt: n - 93 * DAY, expiresAt: n - 3 * DAY, source: 'rule', last: { at: n - 2 * DAY, code: 'unauthorized' } }),
    );
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

  private verification(last: Cred['last']): VerificationView | null {
    if (!last) return null;
    return { at: iso(last.at), at_display: `${ymd(last.at)} ${hm(last.at)}`, ok: last.code === 'ok', code: last.code, message: say(verifyMessages[last.code], this.lang) };
  }

  private view(c: Cred): CredentialView {
    const days = c.expiresAt === null ? null : jstDay(c.expiresAt) - jstDay(this.now());
    return {
      id: c.id,
      shop_id: c.shopId,
      shop: this.shop(c.shopId).name,
      kind: c.kind,
      kind_label: this.label(c.kind),
      masked: `••••${c.secret.slice(-4)}`,
      state: c.state,
      issued_at: iso(c.issuedAt),
      expires_at: c.expiresAt === null ? null : iso(c.expiresAt),
      expires_on: c.expiresAt === null ? null : ymd(c.expiresAt),
      days_left: days,
      expiry_source: c.source,
      urgency: days === null ? null : days < 0 ? 'expired' : days <= 7 ? 'due_soon' : 'ok',
      last_verification: this.verification(c.last),
      next_check_at: c.nextCheckAt === null ? null : iso(c.nextCheckAt),
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
    const { value, warnings } = normalize(text);
    const found = recognize(value);
    if (found === null) reject('invalid_format', say(errorMessages.invalid_format, this.lang));
    if (found !== kind) reject('wrong_kind', say(found === 'rakuten_service_secret' ? errorMessages.wrong_kind_secret : errorMessages.wrong_kind_license, this.lang));
    const suffix = value.split('_')[1] ?? '';
    if (/[Il]/.test(suffix)) warnings.push('confusable_il');
    if (value.length !== 25) warnings.push('unusual_length');
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

  /** Makes the keychain usable again (the KeychainUnavailable screen's retry then succeeds). */
  fixKeychain(): void {
    this.keychainBroken = false;
  }

  private activate(c: Cred) {
    const n = this.now();
    for (const old of this.creds) {
      if (old !== c && old.shopId === c.shopId && old.kind === c.kind && old.state === 'active') old.state = 'superseded';
    }
    c.state = 'active';
    c.expiresAt = plusMonthsEndOfDay(c.issuedAt, 3) - DAY;
    c.source = 'api';
    c.last = { at: n, code: 'ok' };
    c.nextCheckAt = null;
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
    return this.shops.filter((s) => s.marketplace === marketplace).map((s) => ({ ...s }));
  }

  async addShop(name: string, marketplace: Marketplace): Promise<ShopView> {
    await this.tick('add_shop');
    const trimmed = name.trim();
    if (trimmed === '' || [...trimmed].length > MAX_SHOP_NAME_CHARS) reject('invalid_shop_name', say(errorMessages.invalid_shop_name, this.lang));
    const shop: ShopView = { id: `shop-${this.shops.length + 1}`, name: trimmed, marketplace, has_service_secret: false };
    this.shops.push(shop);
    return { ...shop };
  }

  async dashboard(): Promise<CredentialView[]> {
    await this.tick('dashboard');
    return this.creds.map((c) => this.view(c));
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

  async acceptCandidate(token: string, shopId: string): Promise<CredentialView> {
    await this.tick('accept_candidate');
    const cand = this.candidate(token);
    if (this.keychainBroken) reject('keychain_unavailable', say(errorMessages.keychain_unavailable, this.lang));
    this.candidates.delete(token);
    const shop = this.shop(shopId);
    const n = this.now();
    const isKey = cand.kind === 'rakuten_license_key';
    const c: Cred = {
      id: `cred-${++this.seq}`, shopId, kind: cand.kind, secret: cand.value, state: isKey ? 'pending' : 'active', issuedAt: n,
      expiresAt: isKey ? plusMonthsEndOfDay(n, 3) : null, source: isKey ? 'rule' : null, last: null, nextCheckAt: null, checks: 0,
    };
    if (cand.kind === 'rakuten_service_secret') shop.has_service_secret = true;
    this.creds.push(c);
    return this.view(c);
  }

  async verifyCredential(id: string): Promise<VerifyReport> {
    await this.tick('verify_credential', this.verifyLatencyMs);
    const c = this.cred(id);
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
    return {
      id, ok: code === 'ok', code, message: say(verifyMessages[code], this.lang),
      expires_at: c.expiresAt === null ? null : iso(c.expiresAt), expiry_source: c.source,
      retrying, next_check_at: c.nextCheckAt === null ? null : iso(c.nextCheckAt),
    };
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

  async onCaptureCandidate(handler: (candidate: CandidateView) => void): Promise<Unlisten> {
    this.candidateHandlers.add(handler);
    return () => this.candidateHandlers.delete(handler);
  }

  async onCredentialsChanged(handler: () => void): Promise<Unlisten> {
    this.changedHandlers.add(handler);
    return () => this.changedHandlers.delete(handler);
  }
}
