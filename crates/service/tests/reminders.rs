//! Reminders from the stored credentials: due ones are given once, across restarts, and the
//! expired notice follows when the clock passes the expiry.

use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use kagiban_core::expiry::Urgency;
use kagiban_core::kind::CredentialKind;
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::MemoryKeychain;
use kagiban_service::store::Store;
use kagiban_service::views::{AcceptDetails, CandidateSource, Marketplace};
use kagiban_service::{Clients, Service};

fn service(db: &Path, clock: Arc<FixedClock>, keychain: Arc<MemoryKeychain>) -> Service {
    let store = Store::open(db).unwrap();
    Service::new(store, keychain, Clients::from_env().unwrap(), clock)
}

#[test]
fn a_credential_expiring_in_six_days_is_reminded_once_then_again_when_expired() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kagiban.sqlite3");
    // 2026-11-23 10:00 JST.
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let keychain = Arc::new(MemoryKeychain::default());
    let s = service(&db, clock.clone(), keychain.clone());
    let shop = s.add_shop("Amazon 本店", Marketplace::Amazon).unwrap();
    // MWS developer access granted on 2025-11-29: ends 2026-11-29, six days from now.
    let c = s
        .candidate_from_text(
            CredentialKind::AmazonDeveloperId,
            &shop.id,
            "525964794073",
            CandidateSource::Typed,
        )
        .unwrap();
    let dev = s
        .accept_candidate(
            &c.token,
            &shop.id,
            &AcceptDetails {
                date: Some("2025-11-29".into()),
                name: Some("shippinno".into()),
            },
        )
        .unwrap();
    assert_eq!(dev.days_left, Some(6));

    // The tray turns amber and lists it first, with the flow that renews it.
    let tray = s.tray_summary().unwrap();
    assert_eq!(tray.urgency, Urgency::DueSoon);
    assert_eq!(tray.next.len(), 1);
    assert_eq!(tray.next[0].flow_id.as_deref(), Some("amazon_mws"));
    assert_eq!(
        tray.next[0].label,
        "MWS 開発者アクセス権（開発者ID）（Amazon 本店） あと6日"
    );
    assert!(
        tray.tooltip.starts_with("鍵番: まもなく期限です。"),
        "{}",
        tray.tooltip
    );

    let due = s.take_due_reminders().unwrap();
    assert_eq!(
        due.len(),
        1,
        "only the most urgent missed reminder: {due:?}"
    );
    assert_eq!(due[0].credential_id, dev.id);
    assert_eq!(due[0].days_left, 6);
    assert_eq!(
        due[0].body,
        "Amazon 本店のMWS 開発者アクセス権（開発者ID）の有効期限があと6日です(2026/11/29)。セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で「アクセス権を承認」をクリックすると、その日から1年延長されます。クリックした日を鍵番に記録してください。"
    );
    assert!(s.take_due_reminders().unwrap().is_empty(), "never twice");

    // A restart reads what was given from SQLite.
    drop(s);
    let s = service(&db, clock.clone(), keychain.clone());
    assert!(
        s.take_due_reminders().unwrap().is_empty(),
        "not after a restart"
    );
    // The next one: 1 day before, 09:00 JST on 2026-11-28.
    assert_eq!(
        s.next_reminder_at().unwrap(),
        Some(Utc.with_ymd_and_hms(2026, 11, 28, 0, 0, 0).unwrap())
    );

    // The computer sleeps through the expiry; at wake the expired notice comes, alone.
    clock.advance(Duration::days(7));
    let due = s.take_due_reminders().unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].days_left, -1);
    assert!(
        due[0].body.contains("有効期限が切れています"),
        "{}",
        due[0].body
    );
    assert!(due[0].body.contains("アクセス権を復元"));
    let tray = s.tray_summary().unwrap();
    assert_eq!(tray.urgency, Urgency::Expired);
    assert!(tray.next[0].label.ends_with("期限切れ（1日前）"));

    // Recording the renewal (「アクセス権を復元」 today) starts a new series: nothing due now.
    s.record_renewal(&dev.id, None).unwrap();
    assert!(s.take_due_reminders().unwrap().is_empty());
}

#[test]
fn snoozing_silences_a_day_and_dismissing_stops_the_daily_reminders_until_a_new_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kagiban.sqlite3");
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let s = service(&db, clock.clone(), Arc::new(MemoryKeychain::default()));
    let shop = s.add_shop("Amazon 本店", Marketplace::Amazon).unwrap();
    let c = s
        .candidate_from_text(
            CredentialKind::AmazonDeveloperId,
            &shop.id,
            "525964794073",
            CandidateSource::Typed,
        )
        .unwrap();
    // Ends 2026-11-29: six days left.
    let dev = s
        .accept_candidate(
            &c.token,
            &shop.id,
            &AcceptDetails {
                date: Some("2025-11-29".into()),
                name: None,
            },
        )
        .unwrap();

    // Snoozed before the reminder came: nothing today, the 7-day one tomorrow at this time.
    let snoozed = s.snooze_reminders(&dev.id).unwrap();
    assert_eq!(snoozed.snoozed_until.as_deref(), Some("2026/11/24 10:00"));
    assert!(s.take_due_reminders().unwrap().is_empty());
    assert_eq!(
        s.next_reminder_at().unwrap(),
        Some(Utc.with_ymd_and_hms(2026, 11, 24, 1, 0, 0).unwrap())
    );
    clock.advance(Duration::days(1));
    assert_eq!(s.take_due_reminders().unwrap().len(), 1);

    // Before the expiry the reminders cannot be stopped, only snoozed.
    assert!(matches!(
        s.dismiss_reminders(&dev.id),
        Err(kagiban_service::Error::NotExpiredYet)
    ));

    // Expired: one a day until dismissed.
    clock.advance(Duration::days(7));
    assert_eq!(s.take_due_reminders().unwrap().len(), 1);
    let dismissed = s.dismiss_reminders(&dev.id).unwrap();
    assert!(dismissed.reminders_dismissed);
    clock.advance(Duration::days(1));
    assert!(s.take_due_reminders().unwrap().is_empty());

    // A renewal (new expiry date) brings them back for the new date.
    let renewed = s.record_renewal(&dev.id, Some("2025-12-05")).unwrap();
    assert!(!renewed.reminders_dismissed);
    assert_eq!(renewed.expires_on.as_deref(), Some("2026/12/05"));
    assert_eq!(
        s.take_due_reminders().unwrap().len(),
        1,
        "a week before the new date"
    );
}
