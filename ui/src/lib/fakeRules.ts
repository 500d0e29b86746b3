// The rules of the fake backend: formats of keys and IDs, cleaning of pasted text, Japan-time
// dates, expiry rules, and the restricted-data check's outcome. Simplified copies of the Rust
// rules (crates/core), enough for tests and screenshots.
import type { CredentialKind, Need } from './bindings/index';
import { marketplaceIds, type FakeWarning } from './fakeTexts';

export const DAY = 86_400_000;
const JST = 9 * 3_600_000;

/** CredentialKind in declaration order: the order ShopView.kinds lists them in. */
export const KIND_ORDER: readonly CredentialKind[] = [
  'rakuten_service_secret',
  'rakuten_license_key',
  'amazon_mws_auth_token',
  'amazon_seller_id',
  'amazon_marketplace_id',
  'amazon_developer_id',
  'lwa_client_id',
  'lwa_client_secret',
  'lwa_refresh_token',
  'rakuraku_api_token',
  'rakuraku_agent_key',
];

/** Kinds whose new value waits for a successful check before it replaces the one in use. */
export const WAITS_FOR_VERIFICATION: readonly CredentialKind[] = ['rakuten_license_key', 'lwa_refresh_token', 'lwa_client_secret'];

/** The Amazon kinds checked through the shop's SP-API authorization. */
export const SP_API_KINDS: readonly CredentialKind[] = ['lwa_client_id', 'lwa_client_secret', 'lwa_refresh_token', 'amazon_seller_id', 'amazon_marketplace_id'];

const pad = (n: number) => String(n).padStart(2, '0');
const jst = (ms: number) => new Date(ms + JST);
export const ymd = (ms: number) => {
  const d = jst(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
};
export const hm = (ms: number) => `${pad(jst(ms).getUTCHours())}:${pad(jst(ms).getUTCMinutes())}`;
export const iso = (ms: number) => `${ymd(ms).replaceAll('/', '-')}T${hm(ms)}:${pad(jst(ms).getUTCSeconds())}+09:00`;
/** Calendar day number in Japan time. */
export const jstDay = (ms: number) => Math.floor((ms + JST) / DAY);
/** The end of the Japan-time day `ms` falls on, plus `months` (Rakuten's 3-month rule). */
export const plusMonthsEndOfDay = (ms: number, months: number) => {
  const d = jst(ms);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), 23, 59, 59);
  return end - JST;
};

/** Cleans a pasted value the way the Rust normalizer does, noting what changed. */
export function normalize(text: string): { value: string; warnings: FakeWarning[] } {
  const warnings: FakeWarning[] = [];
  let v = text.trim();
  const half = v.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (half !== v) warnings.push('full_width_normalized');
  v = half.replace(/[\u200B-\u200D\uFEFF]/g, '');
  const compact = v.replace(/\s+/g, '');
  if (compact !== v) warnings.push('whitespace_removed');
  return { value: compact, warnings };
}

/** The kind a cleaned value has, or null. */
export function recognize(value: string): CredentialKind | null {
  if (/^SL\d+_[A-Za-z0-9]+$/.test(value) && value.length <= 50) return 'rakuten_license_key';
  if (/^SP\d+_[A-Za-z0-9]+$/.test(value) && value.length <= 50) return 'rakuten_service_secret';
  return recognizeAmazon(value);
}

/** The Amazon kind a cleaned value has, or null. Marketplace IDs are tried before seller IDs (both start with A). */
function recognizeAmazon(value: string): CredentialKind | null {
  if (marketplaceIds.includes(value)) return 'amazon_marketplace_id';
  if (/^amzn1\.application-oa2-client\.[0-9a-f]{32}$/.test(value)) return 'lwa_client_id';
  if (/^(amzn1\.oa2-cs\.v1\.)?[0-9a-f]{64}$/.test(value)) return 'lwa_client_secret';
  if (/^Atzr\|[A-Za-z0-9\-_.|%+/=]{20,}$/.test(value)) return 'lwa_refresh_token';
  if (/^amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) return 'amazon_mws_auth_token';
  if (/^\d{4}-?\d{4}-?\d{4}$/.test(value)) return 'amazon_developer_id';
  if (/^A[0-9A-Z]{9,20}$/.test(value)) return 'amazon_seller_id';
  return null;
}

/** The stored form of a recognized Amazon value (a developer ID without its hyphens). */
export function canonicalAmazon(kind: CredentialKind, value: string): string {
  return kind === 'amazon_developer_id' ? value.replaceAll('-', '') : value;
}

/** Kinds whose expiry counts from a day the user tells (the date field of their capture step). */
export function isDatedKind(kind: CredentialKind): boolean {
  return kind === 'lwa_refresh_token' || kind === 'lwa_client_secret' || kind === 'amazon_developer_id';
}

type Ymd = { y: number; m: number; d: number };

/** The JST calendar day of an instant. */
export function jstYmd(ms: number): Ymd {
  const t = new Date(ms + JST);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const dayNumber = ({ y, m, d }: Ymd) => Date.UTC(y, m - 1, d) / DAY;

/**
 * Reads a day as the backend does: `2026-11-23`, `2026/11/23` or full-width digits, a real
 * calendar day from 2000 on and no later than `today`. Null when it is not one.
 */
export function parseDay(text: string, today: Ymd): Ymd | null {
  const ascii = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[／/－]/g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(ascii);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const check = new Date(Date.UTC(day.y, day.m - 1, day.d));
  if (check.getUTCMonth() !== day.m - 1 || check.getUTCDate() !== day.d) return null;
  if (day.y < 2000 || dayNumber(day) > dayNumber(today)) return null;
  return day;
}

/** 23:59:59 JST on a day `plusDays` after `day`. */
function endOfDay(day: Ymd, plusDays: number): number {
  return Date.UTC(day.y, day.m - 1, day.d + plusDays, 23, 59, 59) - JST;
}

/**
 * When a dated credential issued, granted or confirmed on `day` expires: the SP-API authorization
 * on its 365th day, the client secret on its 180th, MWS developer access one calendar year later
 * (a 29 February grant ends on 28 February).
 */
export function expiryFrom(kind: CredentialKind, day: Ymd): number | null {
  switch (kind) {
    case 'lwa_refresh_token':
      return endOfDay(day, 364);
    case 'lwa_client_secret':
      return endOfDay(day, 179);
    case 'amazon_developer_id': {
      const d = day.m === 2 && day.d === 29 ? 28 : day.d;
      return endOfDay({ y: day.y + 1, m: day.m, d }, 0);
    }
    default:
      return null;
  }
}

/** The fake's Tokens API: buyers' tax information calls for a role the sample app lacks. */
export function rdtRefused(needs: readonly Need[]): boolean {
  return needs.some((n) => n.kind === 'buyer_tax_information');
}
