//! The daily background check of the credentials an API can check (the licenseKey's expiry date
//! from RMS, the SP-API authorization): once a day each, spread over six hours so a shop with
//! many keys does not call every API at the same minute, and again within the hour when the
//! last try could not reach the service (offline, rate limited, keychain locked).

use chrono::{DateTime, Duration, Utc};

use crate::kind::CredentialKind;
use crate::verify::VerifyCode;

/// Between two checks of one credential.
pub const DAILY: Duration = Duration::hours(24);
/// After a check that could not reach the service.
pub const RETRY: Duration = Duration::hours(1);
/// The daily checks of different credentials are spread over this many minutes.
pub const SPREAD_MINUTES: u32 = 360;

/// Whether the background checks `kind` every day.
pub fn checked_daily(kind: CredentialKind) -> bool {
    matches!(
        kind,
        CredentialKind::RakutenLicenseKey | CredentialKind::LwaRefreshToken
    )
}

/// This credential's offset within the spread: the same for the same id, every run.
pub fn spread(credential_id: &str) -> Duration {
    // FNV-1a: stable across runs and Rust versions.
    let hash = credential_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Duration::minutes((hash % u64::from(SPREAD_MINUTES)) as i64)
}

/// When the credential's next daily check is due: at once if never checked, an hour after a
/// check that could not reach the service, otherwise a day (plus its spread) after the last one.
pub fn next_daily_check(
    credential_id: &str,
    last_checked: Option<DateTime<Utc>>,
    last_code: Option<VerifyCode>,
) -> DateTime<Utc> {
    match (last_checked, last_code) {
        (None, _) => DateTime::<Utc>::MIN_UTC,
        (Some(at), Some(code))
            if code.is_transient() || code == VerifyCode::KeychainUnavailable =>
        {
            at + RETRY
        }
        (Some(at), _) => at + DAILY + spread(credential_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, h, 0, 0).unwrap()
    }

    #[test]
    fn a_checked_key_is_due_a_day_and_its_spread_later() {
        let next = next_daily_check("cred-1", Some(at(1)), Some(VerifyCode::Ok));
        assert_eq!(next, at(1) + DAILY + spread("cred-1"));
        assert!(next >= at(1) + DAILY && next < at(1) + DAILY + Duration::hours(6));
    }

    #[test]
    fn offline_or_a_locked_keychain_retries_within_the_hour() {
        for code in [
            VerifyCode::Network,
            VerifyCode::Timeout,
            VerifyCode::RateLimited,
            VerifyCode::ServiceUnavailable,
            VerifyCode::KeychainUnavailable,
        ] {
            assert_eq!(
                next_daily_check("c", Some(at(3)), Some(code)),
                at(3) + RETRY,
                "{code:?}"
            );
        }
    }

    #[test]
    fn a_refused_key_is_checked_again_the_next_day_not_every_hour() {
        let next = next_daily_check("c", Some(at(3)), Some(VerifyCode::Unauthorized));
        assert!(next >= at(3) + DAILY);
    }

    #[test]
    fn never_checked_is_due_now() {
        assert!(next_daily_check("c", None, None) < at(0));
    }

    #[test]
    fn the_spread_is_stable_and_covers_the_six_hours() {
        assert_eq!(spread("cred-abc"), spread("cred-abc"));
        let minutes: std::collections::BTreeSet<i64> = (0..2000)
            .map(|i| spread(&format!("cred-{i}")).num_minutes())
            .collect();
        assert!(minutes.iter().all(|m| (0..360).contains(m)));
        assert!(
            minutes.len() > 300,
            "spread out: {} distinct minutes",
            minutes.len()
        );
    }

    #[test]
    fn only_keys_an_api_can_check_are_checked_daily() {
        let daily: Vec<_> = CredentialKind::ALL
            .into_iter()
            .filter(|k| checked_daily(*k))
            .collect();
        assert_eq!(
            daily,
            [
                CredentialKind::RakutenLicenseKey,
                CredentialKind::LwaRefreshToken
            ]
        );
    }
}
