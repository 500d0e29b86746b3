//! Expiry arithmetic in Japan time: month ends, leap days, the JST date boundary.

use chrono::{DateTime, TimeZone, Utc};
use kagiban_core::expiry::*;
use proptest::prelude::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn jst_at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(y, m, d, h, min, s)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn rms_expiry_without_zone_is_jst() {
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry(" 2026-11-28T23:59:59\n"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28 23:59:59"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
}

#[test]
fn fractional_seconds_and_explicit_zones() {
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59.999"),
        Ok(utc("2026-11-28T14:59:59.999Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59.123456789"),
        Ok(utc("2026-11-28T14:59:59.123456789Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59Z"),
        Ok(utc("2026-11-28T23:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59+09:00"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59+0900"),
        Ok(utc("2026-11-28T14:59:59Z"))
    );
    assert_eq!(
        parse_rms_expiry("2026-11-28T23:59:59.5-05:00"),
        Ok(utc("2026-11-29T04:59:59.5Z"))
    );
}

#[test]
fn garbage_is_rejected() {
    assert_eq!(parse_rms_expiry(""), Err(ExpiryParseError::Empty));
    assert_eq!(parse_rms_expiry("   "), Err(ExpiryParseError::Empty));
    for bad in [
        "2026-02-30T23:59:59",
        "2026-13-01T00:00:00",
        "2026/11/28 23:59:59",
        "28-11-2026",
        "null",
        "2026-11-28T25:00:00",
        "2026-11-28T23:59:59+25:00",
        "<html>メンテナンス中</html>",
        "2026-11-28T23:59:59 garbage",
    ] {
        assert_eq!(
            parse_rms_expiry(bad),
            Err(ExpiryParseError::Invalid),
            "{bad}"
        );
    }
}

#[test]
fn month_arithmetic_clamps_to_month_end() {
    let add = |y, m, d, months| add_months_jst(jst_at(y, m, d, 10, 30, 0), months);
    assert_eq!(add(2026, 1, 31, 1), jst_at(2026, 2, 28, 10, 30, 0));
    assert_eq!(add(2028, 1, 31, 1), jst_at(2028, 2, 29, 10, 30, 0));
    assert_eq!(add(2026, 11, 30, 3), jst_at(2027, 2, 28, 10, 30, 0));
    assert_eq!(add(2027, 11, 30, 3), jst_at(2028, 2, 29, 10, 30, 0));
    assert_eq!(add(2028, 2, 29, 12), jst_at(2029, 2, 28, 10, 30, 0));
    assert_eq!(add(2026, 8, 30, 0), jst_at(2026, 8, 30, 10, 30, 0));
    assert_eq!(add(2026, 10, 31, 1), jst_at(2026, 11, 30, 10, 30, 0));
    assert_eq!(
        add_months_jst(Utc::now(), u32::MAX),
        DateTime::<Utc>::MAX_UTC
    );
}

#[test]
fn months_are_counted_on_the_jst_calendar() {
    // 2026-01-31T15:00Z is already 2026-02-01 00:00 in Japan: + 1 month = 2026-03-01 JST.
    let t = utc("2026-01-31T15:00:00Z");
    assert_eq!(add_months_jst(t, 1), jst_at(2026, 3, 1, 0, 0, 0));
    // 2026-01-31T14:59Z is still January 31 in Japan: clamped to February 28.
    let t = utc("2026-01-31T14:59:00Z");
    assert_eq!(add_months_jst(t, 1), jst_at(2026, 2, 28, 23, 59, 0));
}

#[test]
fn estimated_license_key_expiry_is_end_of_day_jst() {
    // Measured: issued 8/30, expired 11/28 (90 days).
    assert_eq!(
        estimated_license_key_expiry(jst_at(2026, 8, 30, 9, 0, 0)),
        utc("2026-11-28T14:59:59Z")
    );
    // Issued late at night UTC: the JST date counts.
    assert_eq!(
        estimated_license_key_expiry(utc("2026-11-29T15:30:00Z")),
        jst_at(2027, 2, 28, 23, 59, 59)
    );
    // Where 3 calendar months are shorter than 90 days (from February), the earlier wins.
    assert_eq!(
        estimated_license_key_expiry(jst_at(2027, 2, 1, 12, 0, 0)),
        jst_at(2027, 5, 1, 23, 59, 59)
    );
    assert_eq!(
        estimated_license_key_expiry(jst_at(2027, 11, 30, 12, 0, 0)),
        jst_at(2028, 2, 28, 23, 59, 59)
    );
}

#[test]
fn jst_date_boundary() {
    let t = utc("2026-11-27T15:00:00Z");
    assert_eq!(format_date_jst(t), "2026/11/28");
    assert_eq!(format_datetime_jst(t), "2026/11/28 00:00");
    assert_eq!(to_iso_jst(t), "2026-11-28T00:00:00+09:00");
    let t = utc("2026-11-27T14:59:59.999Z");
    assert_eq!(format_date_jst(t), "2026/11/27");
    assert_eq!(to_iso_jst(t), "2026-11-27T23:59:59+09:00");
    assert_eq!(
        to_iso_jst(parse_rms_expiry("2026-11-28T23:59:59").unwrap()),
        "2026-11-28T23:59:59+09:00"
    );
}

#[test]
fn days_left_counts_jst_calendar_days() {
    let expiry = parse_rms_expiry("2026-11-28T23:59:59").unwrap();
    // Across midnight JST: 23:59 on the 26th vs 00:00 on the 27th.
    assert_eq!(days_left(expiry, utc("2026-11-26T14:59:00Z")), 2);
    assert_eq!(days_left(expiry, utc("2026-11-26T15:00:00Z")), 1);
    assert_eq!(days_left(expiry, utc("2026-11-27T15:00:00Z")), 0);
    assert_eq!(days_left(expiry, utc("2026-11-28T14:59:59Z")), 0);
    assert_eq!(days_left(expiry, utc("2026-11-28T15:00:00Z")), -1);
    assert_eq!(days_left(expiry, utc("2026-08-30T00:00:00Z")), 90);
    // In UTC terms the 26th 23:00Z is the 27th in Japan already.
    assert_eq!(days_left(expiry, utc("2026-11-26T23:00:00Z")), 1);
}

#[test]
fn urgency_levels() {
    assert_eq!(urgency(30), Urgency::Ok);
    assert_eq!(urgency(8), Urgency::Ok);
    assert_eq!(urgency(7), Urgency::DueSoon);
    assert_eq!(urgency(0), Urgency::DueSoon);
    assert_eq!(urgency(-1), Urgency::Expired);
    assert_eq!(
        serde_json::to_string(&Urgency::DueSoon).unwrap(),
        "\"due_soon\""
    );
}

#[test]
fn expiry_source_names() {
    for s in [ExpirySource::Api, ExpirySource::Rule, ExpirySource::User] {
        assert_eq!(ExpirySource::parse(s.as_str()), Some(s));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.as_str())
        );
    }
    assert_eq!(ExpirySource::parse("API"), None);
}

proptest! {
    /// Month arithmetic keeps the JST time of day and never moves back in time;
    /// the estimate is always 89–90 days after the JST issue date, at 23:59:59 JST.
    #[test]
    fn month_and_estimate_invariants(secs in 1_600_000_000i64..2_200_000_000, months in 0u32..40) {
        let t = Utc.timestamp_opt(secs, 0).unwrap();
        let later = add_months_jst(t, months);
        prop_assert!(later >= t);
        prop_assert_eq!(later.with_timezone(&jst()).time(), t.with_timezone(&jst()).time());
        let est = estimated_license_key_expiry(t);
        let iso = to_iso_jst(est);
        prop_assert_eq!(iso.get(11..), Some("23:59:59+09:00"));
        let days = days_left(est, t);
        prop_assert!((89..=90).contains(&days), "{}", days);
    }

    /// Parsing never panics.
    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = parse_rms_expiry(&s);
    }
}
