// One shape for "what the last check of the flow's key said", whether it came from a
// verify_credential call just now or from the dashboard after a background check.
import type { CredentialView, ExpirySource, VerifyCode, VerifyReport } from './bindings/index';
import { formatJstDate } from './format';

export type VerifyResult = {
  code: VerifyCode;
  ok: boolean;
  message: string;
  /** YYYY/MM/DD */
  expiresOn: string | null;
  source: ExpirySource | null;
  /** Whether Kagiban keeps checking in the background. */
  retrying: boolean;
  /** ISO 8601 */
  nextCheckAt: string | null;
};

/** From a report returned by verify_credential. */
export function fromReport(r: VerifyReport): VerifyResult {
  return {
    code: r.code,
    ok: r.ok,
    message: r.message,
    expiresOn: r.expires_at ? formatJstDate(r.expires_at) : null,
    source: r.expiry_source,
    retrying: r.retrying,
    nextCheckAt: r.next_check_at,
  };
}

/** From a credential's last verification (after a restart or a background check); null if never checked. */
export function fromCredential(c: CredentialView): VerifyResult | null {
  const lv = c.last_verification;
  if (!lv) return null;
  return {
    code: lv.code,
    ok: lv.ok,
    message: lv.message,
    expiresOn: c.expires_on,
    source: c.expiry_source,
    retrying: c.next_check_at !== null,
    nextCheckAt: c.next_check_at,
  };
}
