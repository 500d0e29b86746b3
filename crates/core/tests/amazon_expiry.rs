//! Amazon expiry arithmetic: SP-API 365 days, LWA secret 180 days, MWS 1 calendar year, over
//! leap years and month ends, all ending 23:59:59 JST on the last valid day.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use kagiban_core::amazon::expiry::*;
use kagiban_core::expiry::{days_left, jst, urgency};
use kagiban_core::Urgency;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn jst_at(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(y, m, day, h, min, s)
        .unwrap()
        .with_timezone(&Utc)
}

fn end(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    jst_at(y, m, day, 23, 59, 59)
}

#[test]
fn end_of_day_is_2359_59_jst() {
    assert_eq!(
        end_of_day_jst(d(2026, 3, 9)),
        DateTime::parse_from_rfc3339("2026-03-09T14:59:59Z").unwrap()
    );
    assert_eq!(jst_date(jst_at(2025, 3, 10, 0, 0, 0)), d(2025, 3, 10));
    assert_eq!(jst_date(jst_at(2025, 3, 9, 23, 59, 59)), d(2025, 3, 9));
}

#[test]
fn sp_api_authorization_counts_the_grant_day_as_day_one() {
    let cases = [
        (d(2025, 3, 10), end(2026, 3, 9)),
        // 2024 is a leap year: 365 days from 10 Jan 2024 end on 8 Jan 2025.
        (d(2024, 1, 10), end(2025, 1, 8)),
        // The span contains 29 Feb 2024.
        (d(2023, 3, 1), end(2024, 2, 28)),
        (d(2025, 3, 1), end(2026, 2, 28)),
        (d(2024, 2, 29), end(2025, 2, 27)),
        // Month and year ends.
        (d(2025, 12, 31), end(2026, 12, 30)),
        (d(2026, 1, 31), end(2027, 1, 30)),
    ];
    for (granted, expected) in cases {
        assert_eq!(sp_api_authorization_expiry(granted), expected, "{granted}");
    }
    let granted = d(2025, 3, 10);
    let expiry = sp_api_authorization_expiry(granted);
    assert_eq!(days_left(expiry, jst_at(2025, 3, 10, 9, 0, 0)), 364);
    assert_eq!(
        urgency(days_left(expiry, jst_at(2026, 3, 9, 22, 0, 0))),
        Urgency::DueSoon
    );
    assert_eq!(
        urgency(days_left(expiry, jst_at(2026, 3, 10, 0, 0, 0))),
        Urgency::Expired
    );
    assert_eq!(SP_API_AMAZON_NOTICE_DAYS, 30);
}

#[test]
fn lwa_client_secret_180_days_and_amazon_notice() {
    assert_eq!(lwa_client_secret_expiry(d(2025, 1, 1)), end(2025, 6, 29));
    assert_eq!(lwa_client_secret_expiry(d(2024, 1, 1)), end(2024, 6, 28)); // leap year
    assert_eq!(lwa_client_secret_expiry(d(2023, 12, 31)), end(2024, 6, 27));
    assert_eq!(lwa_client_secret_expiry(d(2025, 8, 31)), end(2026, 2, 26));
    assert_eq!(
        lwa_client_secret_amazon_notice_on(d(2025, 1, 1)),
        d(2025, 3, 31)
    );
    assert_eq!(LWA_SECRET_AMAZON_NOTICE_DAYS, 90);
    assert_eq!(LWA_OLD_SECRET_GRACE_DAYS, 7);
}

#[test]
fn mws_access_is_one_calendar_year_as_in_the_manual() {
    // seeds/001: 権限の付与日 2018年4月17日 → 「開発者のアクセス権の有効期限日は 2019年4月17日」.
    assert_eq!(
        mws_developer_access_expiry(d(2018, 4, 17)),
        end(2019, 4, 17)
    );
    assert_eq!(
        mws_developer_access_expiry(d(2024, 2, 29)),
        end(2025, 2, 28)
    );
    assert_eq!(
        mws_developer_access_expiry(d(2023, 2, 28)),
        end(2024, 2, 28)
    );
    assert_eq!(
        mws_developer_access_expiry(d(2023, 12, 31)),
        end(2024, 12, 31)
    );
    // 「アクセス権を承認」 on 20 March 2019 extends to 1 year from that day.
    assert_eq!(
        mws_developer_access_expiry(d(2019, 3, 20)),
        end(2020, 3, 20)
    );
    assert_eq!(mws_amazon_notice_from(d(2018, 4, 17)), d(2019, 3, 17));
    assert_eq!(mws_amazon_notice_from(d(2023, 3, 31)), d(2024, 2, 29));
}

#[test]
fn mws_button_before_and_after_expiry() {
    let expiry = mws_developer_access_expiry(d(2018, 4, 17));
    assert_eq!(
        mws_access_action(expiry, jst_at(2019, 4, 17, 12, 0, 0)),
        MwsAccessAction::Confirm
    );
    assert_eq!(mws_access_action(expiry, expiry), MwsAccessAction::Confirm);
    let after = expiry + chrono::Duration::seconds(1);
    assert_eq!(mws_access_action(expiry, after), MwsAccessAction::Restore);
    assert_eq!(MwsAccessAction::Confirm.button().ja, "アクセス権を承認");
    assert_eq!(MwsAccessAction::Restore.button().ja, "アクセス権を復元");
    for a in [MwsAccessAction::Confirm, MwsAccessAction::Restore] {
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            format!("\"{}\"", a.as_str())
        );
        assert!(a.message().ja.ends_with('。') && a.message().en.ends_with('.'));
    }
}

#[test]
fn mws_end_facts() {
    assert_eq!(MWS_ORDERS_REPORTS_LAST_DAY, d(2023, 8, 31));
    assert_eq!(MWS_LAST_DAY, d(2024, 3, 31));
    assert_eq!(MWS_CREDENTIALS_DELETED_FROM, d(2024, 4, 22));
    assert!(mws_available_on(d(2024, 3, 31)));
    assert!(!mws_available_on(d(2024, 4, 1)));
    let n = MWS_END_NOTICE;
    assert!(
        n.ja.contains("2024年3月31日") && n.ja.contains("2024年4月22日") && n.ja.contains("SP-API")
    );
    assert!(n.en.contains("March 31, 2024") && n.en.contains("April 22, 2024"));
}

proptest! {
    #[test]
    fn every_expiry_ends_at_2359_59_jst(days in 0i64..40_000) {
        let day = d(1990, 1, 1) + chrono::Duration::days(days);
        for t in [
            sp_api_authorization_expiry(day),
            lwa_client_secret_expiry(day),
            mws_developer_access_expiry(day),
        ] {
            let local = t.with_timezone(&jst());
            prop_assert_eq!((local.hour(), local.minute(), local.second()), (23, 59, 59));
        }
        prop_assert_eq!((jst_date(sp_api_authorization_expiry(day)) - day).num_days(), 364);
        prop_assert_eq!((jst_date(lwa_client_secret_expiry(day)) - day).num_days(), 179);
        let mws = jst_date(mws_developer_access_expiry(day));
        prop_assert_eq!(mws.year(), day.year() + 1);
        prop_assert_eq!(mws.month(), day.month());
        prop_assert!(mws.day() == day.day() || (day.month() == 2 && day.day() == 29 && mws.day() == 28));
        // Never later than the anniversary: the SP-API end comes before the same date next year.
        prop_assert!(jst_date(sp_api_authorization_expiry(day)) < mws);
    }
}

#[test]
fn a_day_given_by_the_user_sets_the_expiry_of_the_kinds_that_count_from_it() {
    use kagiban_core::expiry::{expiry_from_date, format_date_jst};
    use kagiban_core::CredentialKind;
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let on = |kind| expiry_from_date(kind, day).map(format_date_jst);
    assert_eq!(
        on(CredentialKind::LwaRefreshToken).as_deref(),
        Some("2027/11/22")
    );
    assert_eq!(
        on(CredentialKind::LwaClientSecret).as_deref(),
        Some("2027/05/21")
    );
    assert_eq!(
        on(CredentialKind::AmazonDeveloperId).as_deref(),
        Some("2027/11/23")
    );
    for kind in [
        CredentialKind::LwaClientId,
        CredentialKind::AmazonSellerId,
        CredentialKind::RakutenLicenseKey,
    ] {
        assert_eq!(on(kind), None, "{kind}");
    }
}

#[test]
fn typed_days_are_read_leniently_but_never_in_the_future() {
    use kagiban_core::expiry::parse_day;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    assert_eq!(parse_day("2026-11-23", today), d(2026, 11, 23));
    assert_eq!(parse_day(" 2026/11/01 ", today), d(2026, 11, 1));
    assert_eq!(parse_day("２０２６－１１－０１", today), d(2026, 11, 1));
    assert_eq!(parse_day("2024-02-29", today), d(2024, 2, 29));
    for bad in [
        "2026-11-24",
        "2025-02-29",
        "11/01",
        "",
        "1999-12-31",
        "2026-13-01",
    ] {
        assert_eq!(parse_day(bad, today), None, "{bad:?}");
    }
}
