//! A new licenseKey takes a while to start working: 「ライセンスキーを変更してから10分から30分は
//! 楽天側の仕様で取得や注文確認ができない場合がございます」 (GoQSystem); クロスマ reports 1–1.5 h.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::verify::VerifyCode;

/// How long after issue a 401 is read as "not active yet" rather than "wrong or expired".
pub const ACTIVATION_WINDOW_MINUTES: i64 = 90;

/// Reads a 401 for a key issued at `issued_at`: [`VerifyCode::NotYetActive`] within
/// [`ACTIVATION_WINDOW_MINUTES`] of issue (or if the clock says it was issued in the future),
/// otherwise [`VerifyCode::Unauthorized`].
pub fn classify_unauthorized(issued_at: DateTime<Utc>, now: DateTime<Utc>) -> VerifyCode {
    if now.signed_duration_since(issued_at) < chrono::Duration::minutes(ACTIVATION_WINDOW_MINUTES) {
        VerifyCode::NotYetActive
    } else {
        VerifyCode::Unauthorized
    }
}

/// Wait before re-checking a not-yet-active key; `attempt` counts from 0:
/// 1, 2, 4, 8 minutes, then every 10 minutes.
pub fn activation_retry_delay(attempt: u32) -> Duration {
    let minutes = match attempt {
        0..=3 => 1u64 << attempt,
        _ => 10,
    };
    Duration::from_secs(minutes * 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn unauthorized_within_the_window_means_not_yet_active() {
        let issued = Utc.with_ymd_and_hms(2026, 8, 30, 1, 0, 0).unwrap();
        let at = |m: i64| issued + chrono::Duration::minutes(m);
        assert_eq!(
            classify_unauthorized(issued, at(0)),
            VerifyCode::NotYetActive
        );
        assert_eq!(
            classify_unauthorized(issued, at(89)),
            VerifyCode::NotYetActive
        );
        assert_eq!(
            classify_unauthorized(issued, at(90)),
            VerifyCode::Unauthorized
        );
        assert_eq!(
            classify_unauthorized(issued, at(60 * 24)),
            VerifyCode::Unauthorized
        );
        assert_eq!(
            classify_unauthorized(issued, at(-5)),
            VerifyCode::NotYetActive
        );
    }

    #[test]
    fn retry_delays_back_off_then_cap() {
        let mins: Vec<u64> = (0..7)
            .map(|a| activation_retry_delay(a).as_secs() / 60)
            .collect();
        assert_eq!(mins, vec![1, 2, 4, 8, 10, 10, 10]);
        assert_eq!(activation_retry_delay(u32::MAX), Duration::from_secs(600));
    }
}
