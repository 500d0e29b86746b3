import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialView } from './bindings/index';
import { credentialStatus, daysLeftPhrase, daysLeftText, formatJstDate, formatJstDateTime, isSecretKind, marketplaceOf, todayJst } from './format';
import { setCurrentLang } from './i18n';

describe('days left', () => {
  afterEach(() => setCurrentLang('ja'));

  it('reads like RMS and GoQ in Japanese', () => {
    expect(daysLeftText(12)).toBe('あと12日');
    expect(daysLeftText(1)).toBe('あと1日');
    expect(daysLeftText(0)).toBe('今日まで');
    expect(daysLeftText(-1)).toBe('1日前に期限切れ');
    expect(daysLeftText(-3)).toBe('3日前に期限切れ');
    expect(daysLeftText(null)).toBe('期限なし');
  });

  it('uses singular and plural in English', () => {
    setCurrentLang('en');
    expect(daysLeftText(12)).toBe('12 days left');
    expect(daysLeftText(1)).toBe('1 day left');
    expect(daysLeftText(0)).toBe('Expires today');
    expect(daysLeftText(-1)).toBe('Expired 1 day ago');
    expect(daysLeftText(-30)).toBe('Expired 30 days ago');
  });

  it('never shows a negative number', () => {
    for (let d = -400; d <= 400; d++) {
      const p = daysLeftPhrase(d);
      if (p.params) expect(Number(p.params.n)).toBeGreaterThan(0);
    }
  });
});

describe('Japan-time dates', () => {
  it('formats in JST whatever the offset of the input', () => {
    expect(formatJstDate('2027-02-28T23:59:59+09:00')).toBe('2027/02/28');
    // 15:30 UTC is already the next day in Japan.
    expect(formatJstDate('2027-02-27T15:30:00Z')).toBe('2027/02/28');
    expect(formatJstDateTime('2026-05-01T05:35:00Z')).toBe('2026/05/01 14:35');
  });

  it('gives an empty string for nothing or garbage', () => {
    expect(formatJstDate(null)).toBe('');
    expect(formatJstDate('not a date')).toBe('');
  });
});

describe('status colour', () => {
  const base: CredentialView = {
    id: 'c', shop_id: 's', shop: 'S', kind: 'rakuten_license_key', kind_label: 'L', masked: '••••abcd', state: 'active',
    issued_at: '2026-01-01T00:00:00+09:00', expires_at: null, expires_on: null, days_left: 40, expiry_source: 'api',
    urgency: 'ok', last_verification: null, next_check_at: null, label: null, renewal: null,
    snoozed_until: null, reminders_dismissed: false,
  };
  const failing = { at: '', at_display: '', ok: false, code: 'unauthorized' as const, message: '' };

  it('follows urgency', () => {
    expect(credentialStatus(base)).toBe('well');
    expect(credentialStatus({ ...base, urgency: 'due_soon' })).toBe('due');
    expect(credentialStatus({ ...base, urgency: 'expired' })).toBe('bad');
  });

  it('is red when the last check failed, but not while a new key waits to become active', () => {
    expect(credentialStatus({ ...base, last_verification: failing })).toBe('bad');
    expect(credentialStatus({ ...base, state: 'pending', last_verification: { ...failing, code: 'not_yet_active' } })).toBe('pending');
  });

  it('keeps history grey', () => {
    expect(credentialStatus({ ...base, state: 'superseded', urgency: 'expired' })).toBe('pending');
  });
});

describe('today and kinds', () => {
  it('gives today in Japan time, whatever the computer’s zone', () => {
    expect(todayJst(Date.parse('2026-05-01T14:59:59Z'))).toBe('2026-05-01');
    expect(todayJst(Date.parse('2026-05-01T15:00:00Z'))).toBe('2026-05-02');
    expect(todayJst(Date.parse('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('shows IDs whole and keys by their tail', () => {
    for (const k of ['lwa_client_id', 'amazon_seller_id', 'amazon_marketplace_id', 'amazon_developer_id'] as const) expect(isSecretKind(k), k).toBe(false);
    for (const k of ['lwa_client_secret', 'lwa_refresh_token', 'amazon_mws_auth_token', 'rakuten_license_key', 'rakuten_service_secret'] as const) expect(isSecretKind(k), k).toBe(true);
  });

  it('knows which marketplace a kind belongs to', () => {
    expect(marketplaceOf('rakuten_service_secret')).toBe('rakuten');
    expect(marketplaceOf('lwa_refresh_token')).toBe('amazon');
    expect(marketplaceOf('amazon_developer_id')).toBe('amazon');
    expect(marketplaceOf('rakuraku_api_token')).toBe('rakuraku');
  });
});
