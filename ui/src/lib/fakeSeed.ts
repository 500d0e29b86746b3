// The sample data the fake backend starts with: two Rakuten shops (one key due soon, one
// expired) and an Amazon shop with an SP-API authorization and the legacy MWS developer access.
import type { CredentialKind, CredentialState, ExpirySource, ShopView, VerifyCode } from './bindings/index';
import { DAY, expiryFrom, jstYmd } from './fakeRules';

/** A credential as the fake stores it; `secret` is what the keychain would hold. */
export type Cred = {
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
  /** A name kept with it (the MWS developer's). */
  label: string | null;
  /** Reminders snoozed until (ms). */
  snoozedUntil?: number | null;
  /** Daily reminders stopped for this expiry (ms). */
  dismissedExpiry?: number | null;
};

/** The sample shops and credentials at `n` (ms). */
export function sample(n: number): { shops: ShopView[]; creds: Cred[] } {
  const shops: ShopView[] = [
    { id: 'shop-1', name: '楽天市場1号店', marketplace: 'rakuten', kinds: [] },
    { id: 'shop-2', name: '楽天市場2号店', marketplace: 'rakuten', kinds: [] },
    { id: 'shop-amazon', name: 'Amazon 本店', marketplace: 'amazon', kinds: [] },
  ];
  const c = (x: Partial<Cred> & Pick<Cred, 'id' | 'shopId' | 'kind' | 'secret'>): Cred => ({
    state: 'active', issuedAt: n - 200 * DAY, expiresAt: null, source: null, last: null, nextCheckAt: null, checks: 1, label: null, ...x,
  });
  const dated = (kind: CredentialKind, daysAgo: number) => ({
    issuedAt: n - daysAgo * DAY, expiresAt: expiryFrom(kind, jstYmd(n - daysAgo * DAY)), source: 'user' as const,
  });
  const checked = { last: { at: n - DAY - 2 * 3_600_000, code: 'ok' as const } };
  const creds = [
    c({ id: 'cred-s1-secret', shopId: 'shop-1', kind: 'rakuten_service_secret', secret: 'SP404839_aK29fQmZ7tLx3Wq7' }),
    c({ id: 'cred-s1-key', shopId: 'shop-1', kind: 'rakuten_license_key', secret: 'SL404839_Tn4vB8cRy2HsK5pd',
      issuedAt: n - 85 * DAY, expiresAt: n + 5 * DAY, source: 'api', last: { at: n - DAY - 3 * 3_600_000, code: 'ok' } }),
    c({ id: 'cred-s1-key-old', shopId: 'shop-1', kind: 'rakuten_license_key', secret: 'SL404839_Gh7mW2xZq9Lr4Ne1', state: 'superseded',
      issuedAt: n - 170 * DAY, expiresAt: n - 80 * DAY, source: 'api', last: { at: n - 81 * DAY, code: 'ok' } }),
    c({ id: 'cred-s2-secret', shopId: 'shop-2', kind: 'rakuten_service_secret', secret: 'SP512377_Yp3cV8nE2dKs6Fb9' }),
    c({ id: 'cred-s2-key', shopId: 'shop-2', kind: 'rakuten_license_key', secret: 'SL512377_Ud5hJ1tM8wPq3Xc2',
      issuedAt: n - 93 * DAY, expiresAt: n - 3 * DAY, source: 'rule', last: { at: n - 2 * DAY, code: 'unauthorized' } }),
    // An Amazon shop with an SP-API authorization (its client secret due for rotation soon) and
    // the legacy MWS developer access, due for 「アクセス権を承認」.
    c({ id: 'cred-amz-client-id', shopId: 'shop-amazon', kind: 'lwa_client_id', secret: 'amzn1.application-oa2-client.5f2c9a7e1b4d4c8e9a0b3d6f2e1c7a94', issuedAt: n - 175 * DAY, ...checked }),
    c({ id: 'cred-amz-secret', shopId: 'shop-amazon', kind: 'lwa_client_secret', secret: `amzn1.oa2-cs.v1.${'7c1e9b04a2f3d5e6'.repeat(4)}`, ...dated('lwa_client_secret', 175), ...checked }),
    c({ id: 'cred-amz-token', shopId: 'shop-amazon', kind: 'lwa_refresh_token', secret: 'Atzr|IwEBIExampleRefreshTokenQ2hhbmdlTWVQbGVhc2U4Rk3x', ...dated('lwa_refresh_token', 41), ...checked }),
    c({ id: 'cred-amz-seller', shopId: 'shop-amazon', kind: 'amazon_seller_id', secret: 'A3FHEXAMPLEYWS', issuedAt: n - 175 * DAY, ...checked }),
    c({ id: 'cred-amz-marketplace', shopId: 'shop-amazon', kind: 'amazon_marketplace_id', secret: 'A1VC38T7YXB528', issuedAt: n - 175 * DAY, ...checked }),
    c({ id: 'cred-amz-developer', shopId: 'shop-amazon', kind: 'amazon_developer_id', secret: '525964794073', label: 'shippinno', ...dated('amazon_developer_id', 350), checks: 0 }),
    c({ id: 'cred-amz-mws', shopId: 'shop-amazon', kind: 'amazon_mws_auth_token', secret: 'amzn.mws.4ea38b7b-f563-7709-4bae-87aea15c2f0d', issuedAt: n - 350 * DAY, checks: 0 }),
  ];
  return { shops, creds };
}
