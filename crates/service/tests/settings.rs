//! The settings screen's rules: lead times per kind change which reminders come, the clipboard
//! delay is kept in range, and the JSON export carries settings and shops but never a key.

use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::MemoryKeychain;
use kagiban_service::store::Store;
use kagiban_service::views::{AcceptDetails, CandidateSource, Marketplace};
use kagiban_service::{Clients, Error, Service};

fn service(db: &Path, clock: Arc<FixedClock>) -> Service {
    let store = Store::open(db).unwrap();
    Service::new(
        store,
        Arc::new(MemoryKeychain::default()),
        Clients::from_env().unwrap(),
        clock,
    )
}

/// 2026-11-23 10:00 JST.
fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ))
}

#[test]
fn defaults_cover_every_kind_that_expires_with_30_7_1_and_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir.path().join("k.sqlite3"), clock());
    let settings = s.settings().unwrap();
    assert_eq!(settings.lang, Lang::Ja);
    assert_eq!(settings.clipboard_clear_secs, 60);
    assert!(!settings.start_at_login);
    let kinds: Vec<_> = settings.reminders.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            CredentialKind::RakutenLicenseKey,
            CredentialKind::AmazonDeveloperId,
            CredentialKind::LwaClientSecret,
            CredentialKind::LwaRefreshToken,
        ]
    );
    for r in &settings.reminders {
        assert_eq!(r.days_before, [30, 7, 1, 0]);
        assert!(r.daily_after_expiry);
        assert!(!r.label.is_empty());
    }
}

#[test]
fn a_lead_time_of_90_days_for_the_client_secret_gives_that_reminder_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let clock = clock();
    let s = service(&db, clock.clone());
    let mut settings = s.settings().unwrap();
    for r in &mut settings.reminders {
        if r.kind == CredentialKind::LwaClientSecret {
            // Amazon mails 90 days ahead of a rotation; the owner wants the same.
            r.days_before = vec![0, 90, 7];
            r.daily_after_expiry = false;
        }
    }
    settings.clipboard_clear_secs = 30;
    settings.lang = Lang::En;
    let saved = s.save_settings(&settings).unwrap();
    let secret = saved
        .reminders
        .iter()
        .find(|r| r.kind == CredentialKind::LwaClientSecret)
        .unwrap();
    assert_eq!(secret.days_before, [90, 7, 0], "most distant first");
    assert_eq!(secret.label, "LWA client secret");
    drop(s);

    let s = service(&db, clock.clone());
    assert_eq!(s.settings().unwrap(), saved);
    assert_eq!(s.clipboard_clear_after().as_secs(), 30);

    // A client secret issued on 2026-08-15 rotates on 2027-02-10, 79 days away: the 90-day
    // reminder is due now,
    // while the licenseKey kinds keep the default 30 days.
    let shop = s.add_shop("Amazon 本店", Marketplace::Amazon).unwrap();
    let c = s
        .candidate_from_text(
            CredentialKind::LwaClientSecret,
            &shop.id,
            &format!("amzn1.oa2-cs.v1.{}", "ab".repeat(32)),
            CandidateSource::Typed,
        )
        .unwrap();
    s.accept_candidate(
        &c.token,
        &shop.id,
        &AcceptDetails {
            date: Some("2026-08-15".into()),
            name: None,
        },
    )
    .unwrap();
    let due = s.take_due_reminders().unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].days_left, 79);
    assert!(due[0].summary.contains("79"), "{}", due[0].summary);
}

#[test]
fn out_of_range_values_are_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir.path().join("k.sqlite3"), clock());
    let before = s.settings().unwrap();

    let mut too_short = before.clone();
    too_short.clipboard_clear_secs = 5;
    too_short.lang = Lang::En;
    let err = s.save_settings(&too_short).unwrap_err();
    assert_eq!(err.code(), "setting_out_of_range");
    assert!(err.message(Lang::Ja).contains("10〜600 秒"));

    let mut too_early = before.clone();
    too_early.reminders[0].days_before = vec![365];
    assert!(matches!(
        s.save_settings(&too_early),
        Err(Error::SettingOutOfRange { field }) if field == "reminders.rakuten_license_key"
    ));

    let mut not_expiring = before.clone();
    not_expiring.reminders[0].kind = CredentialKind::RakutenServiceSecret;
    assert!(s.save_settings(&not_expiring).is_err());

    assert_eq!(s.settings().unwrap(), before, "nothing changed");
}

#[test]
fn the_export_holds_settings_and_shops_and_imports_into_a_fresh_install() {
    let dir = tempfile::tempdir().unwrap();
    let s = service(&dir.path().join("a.sqlite3"), clock());
    s.add_shop("楽天市場1号店", Marketplace::Rakuten).unwrap();
    let shop = s.add_shop("Amazon 本店", Marketplace::Amazon).unwrap();
    // A key is stored; the export must not carry it.
    let secret = format!("amzn1.oa2-cs.v1.{}", "cd".repeat(32));
    let c = s
        .candidate_from_text(
            CredentialKind::LwaClientSecret,
            &shop.id,
            &secret,
            CandidateSource::Typed,
        )
        .unwrap();
    s.accept_candidate(&c.token, &shop.id, &AcceptDetails::default())
        .unwrap();
    let mut settings = s.settings().unwrap();
    settings.reminders[0].days_before = vec![14, 3];
    settings.start_at_login = true;
    let settings = s.save_settings(&settings).unwrap();

    let json = s.export_settings().unwrap();
    assert!(
        !json.contains(&secret) && !json.contains("cdcdcdcd"),
        "{json}"
    );
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["format"], "kagiban-settings");
    assert_eq!(parsed["exported_at"], "2026-11-23T10:00:00+09:00");
    assert_eq!(parsed["shops"].as_array().unwrap().len(), 2);

    // Another computer: the same settings and shops; importing twice adds nothing more.
    let other = service(&dir.path().join("b.sqlite3"), clock());
    other.add_shop("Amazon 本店", Marketplace::Amazon).unwrap();
    let report = other.import_settings(&json).unwrap();
    assert_eq!(report.shops_added, 1);
    assert_eq!(report.settings, settings);
    assert_eq!(other.import_settings(&json).unwrap().shops_added, 0);
    assert_eq!(
        other.shops(Marketplace::Rakuten).unwrap()[0].name,
        "楽天市場1号店"
    );

    // Not a settings file, or a bad value inside: refused whole, with a sentence.
    for bad in [
        "{}".to_string(),
        "not json".to_string(),
        json.replace(
            "\"clipboard_clear_secs\": 60",
            "\"clipboard_clear_secs\": 1",
        ),
    ] {
        let before = other.settings().unwrap();
        let err = other.import_settings(&bad).unwrap_err();
        assert!(
            matches!(err.code(), "invalid_import" | "setting_out_of_range"),
            "{bad}"
        );
        assert_eq!(other.settings().unwrap(), before);
    }
}

#[test]
fn start_at_login_is_offered_once_at_the_end_of_the_first_flow() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let s = service(&db, clock());
    assert!(s.login_offer_pending().unwrap());
    // 「今はしない」: not asked again, even after a restart; still off.
    assert!(!s.answer_login_offer(false).unwrap().start_at_login);
    drop(s);
    let s = service(&db, clock());
    assert!(!s.login_offer_pending().unwrap());

    // Elsewhere, 「ログイン時に起動する」 turns it on (and so it is not offered again).
    let other = service(&dir.path().join("o.sqlite3"), clock());
    assert!(other.answer_login_offer(true).unwrap().start_at_login);
    assert!(other.settings().unwrap().start_at_login);
    assert!(!other.login_offer_pending().unwrap());
}
