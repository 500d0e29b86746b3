// Small display rules shared by the dashboard and the flow: days left, Japan-time dates, status colour.
import type { CredentialKind, CredentialView, ExpirySource, Marketplace } from './bindings/index';
import { t, type MessageKey, type MessageParams } from './i18n';

/** A message key with its parameters, so the phrasing can be tested without rendering. */
export type Phrase = { key: MessageKey; params?: MessageParams };

/** 「あと12日」「今日まで」「3日前に期限切れ」: calendar days in Japan time, from the backend. */
export function daysLeftPhrase(daysLeft: number | null): Phrase {
  if (daysLeft === null) return { key: 'days.none' };
  if (daysLeft === 0) return { key: 'days.today' };
  if (daysLeft === 1) return { key: 'days.leftOne', params: { n: 1 } };
  if (daysLeft > 1) return { key: 'days.left', params: { n: daysLeft } };
  if (daysLeft === -1) return { key: 'days.expiredOne', params: { n: 1 } };
  return { key: 'days.expired', params: { n: -daysLeft } };
}

/** The days-left phrase in the current language. */
export function daysLeftText(daysLeft: number | null): string {
  const p = daysLeftPhrase(daysLeft);
  return t(p.key, p.params);
}

/** 「API で確認済み」「推定」「手入力」 */
export function expirySourceKey(source: ExpirySource | null): MessageKey | null {
  switch (source) {
    case 'api':
      return 'expiry.source.api';
    case 'rule':
      return 'expiry.source.rule';
    case 'user':
      return 'expiry.source.user';
    default:
      return null;
  }
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

function jstParts(iso: string): Date | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  // Japan has no daylight saving time: a fixed +09:00 is exact.
  return new Date(ms + JST_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 → YYYY/MM/DD in Japan time (as the backend's `expires_on`); '' when unreadable. */
export function formatJstDate(iso: string | null): string {
  if (!iso) return '';
  const d = jstParts(iso);
  if (!d) return '';
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** ISO 8601 → YYYY/MM/DD HH:MM in Japan time; '' when unreadable. */
export function formatJstDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = jstParts(iso);
  if (!d) return '';
  return `${formatJstDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Today in Japan time as YYYY-MM-DD, the form `<input type="date">` and the backend's dates use. */
export function todayJst(nowMs: number = Date.now()): string {
  const d = new Date(nowMs + JST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Kinds whose value is not a secret (IDs): the backend sends them in full in `masked`, so they
 * are shown as they are, without a reveal button. Mirrors the backend's CredentialKind::is_secret.
 */
const NOT_SECRET: readonly CredentialKind[] = ['lwa_client_id', 'amazon_seller_id', 'amazon_marketplace_id', 'amazon_developer_id'];

/** The marketplace a kind belongs to (mirrors the backend's CredentialKind::marketplace). */
export function marketplaceOf(kind: CredentialKind): Marketplace {
  if (kind === 'rakuten_license_key' || kind === 'rakuten_service_secret') return 'rakuten';
  if (kind === 'rakuraku_api_token' || kind === 'rakuraku_agent_key') return 'rakuraku';
  return 'amazon';
}

/** Whether a kind's value is a secret (shown by its last four characters only). */
export function isSecretKind(kind: CredentialKind): boolean {
  return !NOT_SECRET.includes(kind);
}

/** The one status colour used everywhere: well, due soon, bad (expired or failing), pending. */
export type Status = 'well' | 'due' | 'bad' | 'pending';

/** Which colour a credential shows: a failing last check is as red as an expired key. */
export function credentialStatus(c: CredentialView): Status {
  // Replaced keys are history: no alarm colour, whatever their date.
  if (c.state === 'superseded') return 'pending';
  if (c.urgency === 'expired') return 'bad';
  const lv = c.last_verification;
  if (lv && !lv.ok && lv.code !== 'not_yet_active' && lv.code !== 'not_verifiable') return 'bad';
  if (c.state === 'pending') return 'pending';
  if (c.urgency === 'due_soon') return 'due';
  return 'well';
}

/** 確認待ち / 使用中 / 置き換え済み */
export function stateKey(c: CredentialView): MessageKey {
  switch (c.state) {
    case 'pending':
      return 'state.pending';
    case 'active':
      return 'state.active';
    default:
      return 'state.superseded';
  }
}
