//! The Rakuten licenseKey renewal use cases, on a real SQLite file, the in-memory keychain and
//! the real RMS client talking to the fake RMS.

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use kagiban_core::expiry::ExpirySource;
use kagiban_core::kind::CredentialKind;
use kagiban_core::verify::VerifyCode;
use kagiban_fakes::rms::FakeRms;
use kagiban_service::clients::rms::{RmsClient, RmsConfig};
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::{MemoryKeychain, SecretStore};
use kagiban_service::store::Store;
use kagiban_service::views::{CandidateSource, CredentialState, FlowProgress, Marketplace};
use kagiban_service::{Clients, Error, Service};

const SP: &str = "SP404839_k7Qm2Xw9Rt4Zp8Ld";
const SL_OLD: &str = "SL404839_Aa1Bb2Cc3Dd4Ee5F";
const SL_NEW: &str = "SL404839_Hn3Vb6Yc1Jd5Ks2W";

struct World {
    service: Service,
    clock: Arc<FixedClock>,
    keychain: Arc<MemoryKeychain>,
    fake: FakeRms,
    dir: tempfile::TempDir,
}

async fn world() -> World {
    let fake = FakeRms::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let keychain = Arc::new(MemoryKeychain::default());
    let rms = RmsClient::new(RmsConfig {
        base_url: fake.base_url(),
        timeout: Duration::from_secs(2),
        max_retries: 1,
        min_interval: Duration::from_millis(10),
        backoff_base: Duration::from_millis(10),
        ..RmsConfig::default()
    })
    .unwrap();
    let store = Store::open(&dir.path().join("kagiban.sqlite3")).unwrap();
    let clients = Clients {
        rms,
        ..Clients::from_env().unwrap()
    };
    let service = Service::new(store, keychain.clone(), clients, clock.clone());
    World {
        service,
        clock,
        keychain,
        fake,
        dir,
    }
}

fn store(w: &World, shop: &str, kind: CredentialKind, text: &str) -> String {
    let c = w
        .service
        .candidate_from_text(kind, shop, text, CandidateSource::Typed)
        .unwrap();
    w.service
        .accept_candidate(&c.token, shop, &Default::default())
        .unwrap()
        .id
}

#[tokio::test]
async fn a_new_key_is_kept_pending_and_replaces_the_old_one_only_once_it_verifies() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場1号店", Marketplace::Rakuten)
        .unwrap();
    store(&w, &shop.id, CredentialKind::RakutenServiceSecret, SP);
    w.fake
        .add_key(SP, SL_OLD, "2026-12-01T23:59:59", Duration::ZERO);
    let old = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_OLD);
    assert!(w.service.verify(&old).await.unwrap().ok);

    // RMS issues a new key; it is not active for a while.
    w.clock.advance(chrono::Duration::days(80));
    w.fake.add_key(
        SP,
        SL_NEW,
        "2027-02-28T23:59:59",
        Duration::from_millis(300),
    );
    let new = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_NEW);
    let view = w.service.credential_view(&new).unwrap();
    assert_eq!(view.state, CredentialState::Pending);
    assert_eq!(view.expiry_source, Some(ExpirySource::Rule));
    assert_eq!(
        view.expires_on.as_deref(),
        Some("2027/05/11"),
        "estimated: issue + 3 months"
    );
    assert_eq!(view.masked, "••••Ks2W");

    let first = w.service.verify(&new).await.unwrap();
    assert_eq!(first.code, VerifyCode::NotYetActive);
    assert!(first.retrying && first.next_check_at.is_some());
    assert_eq!(
        w.service.credential_view(&old).unwrap().state,
        CredentialState::Active,
        "the old key stays in use until the new one verifies"
    );

    // Nothing is due before the scheduled time; after it, the background check succeeds.
    assert!(w.service.run_due_checks().await.unwrap().is_empty());
    tokio::time::sleep(Duration::from_millis(350)).await;
    w.clock.advance(chrono::Duration::minutes(2));
    let reports = w.service.run_due_checks().await.unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].code, VerifyCode::Ok);
    assert_eq!(
        reports[0].expires_at.as_deref(),
        Some("2027-02-28T23:59:59+09:00")
    );

    let new_view = w.service.credential_view(&new).unwrap();
    assert_eq!(new_view.state, CredentialState::Active);
    assert_eq!(new_view.expiry_source, Some(ExpirySource::Api));
    assert_eq!(new_view.expires_on.as_deref(), Some("2027/02/28"));
    assert!(new_view.next_check_at.is_none());
    let old_view = w.service.credential_view(&old).unwrap();
    assert_eq!(old_view.state, CredentialState::Superseded, "history kept");
    assert_eq!(w.service.dashboard().unwrap().len(), 3);
}

#[tokio::test]
async fn a_refused_key_long_after_issue_is_unauthorized_and_not_retried() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場2号店", Marketplace::Rakuten)
        .unwrap();
    store(&w, &shop.id, CredentialKind::RakutenServiceSecret, SP);
    let key = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_NEW);
    w.clock.advance(chrono::Duration::minutes(91));
    let report = w.service.verify(&key).await.unwrap();
    assert_eq!(report.code, VerifyCode::Unauthorized);
    assert!(!report.retrying);
    assert!(report.message.contains("LicenseManagementAPI"));
    assert_eq!(w.fake.requests().len(), 1, "a 401 is never retried");
}

#[tokio::test]
async fn a_license_key_cannot_be_verified_without_the_shops_service_secret() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場1号店", Marketplace::Rakuten)
        .unwrap();
    let key = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_NEW);
    let err = w.service.verify(&key).await.unwrap_err();
    assert!(matches!(err, Error::NoServiceSecret));
    assert!(err.message(Default::default()).contains("serviceSecret"));
}

#[tokio::test]
async fn pasted_keys_are_normalized_checked_and_never_echoed() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場1号店", Marketplace::Rakuten)
        .unwrap();
    store(&w, &shop.id, CredentialKind::RakutenServiceSecret, SP);

    // Full-width characters and a zero-width space from a web page are cleaned up.
    let fullwidth: String = SL_NEW
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect();
    let c = w
        .service
        .candidate_from_text(
            CredentialKind::RakutenLicenseKey,
            &shop.id,
            &format!(" {fullwidth}\u{200B}\n"),
            CandidateSource::Typed,
        )
        .unwrap();
    assert_eq!(c.masked, "••••Ks2W");
    assert_eq!(c.length, 25);
    assert!(c.warnings.iter().any(|w| w.code == "full_width_normalized"));
    assert_eq!(
        w.service.reveal_candidate(&c.token).unwrap().expose(),
        SL_NEW
    );

    // An SP key where the SL key is asked: told which is which, without the key in the text.
    let err = w
        .service
        .candidate_from_text(
            CredentialKind::RakutenLicenseKey,
            &shop.id,
            SP,
            CandidateSource::Typed,
        )
        .unwrap_err();
    assert_eq!(err.code(), "wrong_kind");
    let message = err.message(Default::default());
    assert!(message.contains("serviceSecret") && message.contains("licenseKey"));
    assert!(!message.contains(SP) && !format!("{err:?}").contains(SP));

    // A licenseKey of another shop number is flagged.
    let other = w
        .service
        .candidate_from_text(
            CredentialKind::RakutenLicenseKey,
            &shop.id,
            "SL999999_Hn3Vb6Yc1Jd5Ks2W",
            CandidateSource::Typed,
        )
        .unwrap();
    assert!(other
        .warnings
        .iter()
        .any(|w| w.code == "shop_number_mismatch"));

    // A truncated key is refused with a sentence saying what to do.
    let err = w
        .service
        .candidate_from_text(
            CredentialKind::RakutenLicenseKey,
            &shop.id,
            "L404839_Hn3Vb6Yc1Jd5Ks2W",
            CandidateSource::Typed,
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid_format");
    assert!(!err.message(Default::default()).is_empty());
}

#[tokio::test]
async fn secrets_go_to_the_keychain_and_never_into_the_sqlite_file() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場1号店", Marketplace::Rakuten)
        .unwrap();
    let sp = store(&w, &shop.id, CredentialKind::RakutenServiceSecret, SP);
    let sl = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_NEW);
    assert_eq!(w.keychain.get(&sp).unwrap().expose(), SP);
    assert_eq!(w.keychain.get(&sl).unwrap().expose(), SL_NEW);
    w.fake
        .add_key(SP, SL_NEW, "2027-02-28T23:59:59", Duration::ZERO);
    w.service.verify(&sl).await.unwrap();
    w.service
        .save_progress(&FlowProgress {
            flow_id: "rakuten_license_key".into(),
            shop_id: Some(shop.id.clone()),
            step_id: "verify".into(),
            completed: vec!["shop".into()],
            credential_id: Some(sl.clone()),
        })
        .unwrap();
    let json = serde_json::to_string(&w.service.dashboard().unwrap()).unwrap();
    assert!(!json.contains(SP) && !json.contains(SL_NEW));
    for file in std::fs::read_dir(w.dir.path()).unwrap() {
        let bytes = std::fs::read(file.unwrap().path()).unwrap();
        for secret in [SP, SL_NEW, &SL_NEW[9..]] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "a secret reached the database files"
            );
        }
    }
}

#[tokio::test]
async fn flow_progress_survives_closing_the_app() {
    let w = world().await;
    let progress = FlowProgress {
        flow_id: "rakuten_license_key".into(),
        shop_id: None,
        step_id: "captcha".into(),
        completed: vec!["shop".into(), "rms_login".into()],
        credential_id: None,
    };
    w.service.save_progress(&progress).unwrap();
    let path = w.dir.path().join("kagiban.sqlite3");
    drop(w.service);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.progress("rakuten_license_key").unwrap(),
        Some(progress)
    );
}

#[tokio::test]
async fn a_key_in_use_is_checked_once_a_day_retried_within_the_hour_when_offline_and_a_refusal_is_reported(
) {
    let w = world().await;
    let shop = w
        .service
        .add_shop("楽天市場1号店", Marketplace::Rakuten)
        .unwrap();
    store(&w, &shop.id, CredentialKind::RakutenServiceSecret, SP);
    w.fake
        .add_key(SP, SL_OLD, "2027-02-28T23:59:59", Duration::ZERO);
    let key = store(&w, &shop.id, CredentialKind::RakutenLicenseKey, SL_OLD);
    assert!(w.service.verify(&key).await.unwrap().ok);
    let calls = || w.fake.requests().len();
    let made = calls();

    // Within the day: nothing. The next check is a day and at most six hours away.
    w.clock.advance(chrono::Duration::hours(23));
    assert!(w.service.run_daily_checks().await.unwrap().is_empty());
    assert_eq!(calls(), made, "no request before the day is over");
    let next = w.service.next_daily_check().unwrap().unwrap();
    let last = w.service.now() - chrono::Duration::hours(23);
    assert!(
        next >= last + chrono::Duration::hours(24) && next < last + chrono::Duration::hours(30)
    );

    // A day and its spread later: one check, one request, and the expiry read again.
    w.clock.advance(chrono::Duration::hours(7));
    let reports = w.service.run_daily_checks().await.unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].code, VerifyCode::Ok);
    assert_eq!(calls(), made + 1);

    // Offline (RMS unavailable on every try): retried within the hour, not the next day.
    w.clock.advance(chrono::Duration::hours(30));
    for _ in 0..2 {
        w.fake
            .script(kagiban_fakes::rms::Scripted::ServiceUnavailable);
    }
    let reports = w.service.run_daily_checks().await.unwrap();
    assert_eq!(reports[0].code, VerifyCode::ServiceUnavailable);
    assert!(
        !reports[0].code.is_refusal(),
        "being offline is not told as a refusal"
    );
    w.clock.advance(chrono::Duration::minutes(59));
    assert!(w.service.run_daily_checks().await.unwrap().is_empty());
    w.clock.advance(chrono::Duration::minutes(2));
    assert_eq!(
        w.service.run_daily_checks().await.unwrap()[0].code,
        VerifyCode::Ok
    );

    // RMS stops accepting the key: the next daily check reports a refusal, for the caller to
    // tell at once.
    w.fake
        .add_key(SP, SL_OLD, "2026-11-01T23:59:59", Duration::ZERO);
    w.clock.advance(chrono::Duration::hours(30));
    let reports = w.service.run_daily_checks().await.unwrap();
    assert_eq!(reports.len(), 1);
    assert!(reports[0].code.is_refusal(), "{:?}", reports[0].code);
}

#[tokio::test]
async fn the_dashboard_gets_its_whole_screen_in_one_answer() {
    let w = world().await;
    let amazon = w.service.add_shop("Amazon店", Marketplace::Amazon).unwrap();
    let rakuten = w
        .service
        .add_shop("楽天1号店", Marketplace::Rakuten)
        .unwrap();
    let key = store(&w, &rakuten.id, CredentialKind::RakutenServiceSecret, SP);
    let progress = FlowProgress {
        flow_id: "amazon_sp_api".into(),
        shop_id: Some(amazon.id.clone()),
        step_id: "seller_central".into(),
        completed: vec!["shop".into()],
        credential_id: None,
    };
    w.service.save_progress(&progress).unwrap();

    let view = w.service.dashboard_view().unwrap();

    assert_eq!(
        view.credentials.iter().map(|c| &c.id).collect::<Vec<_>>(),
        [&key]
    );
    // Shops by marketplace (楽天 first), flows in the order offered, each with its progress.
    assert_eq!(
        view.shops
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["楽天1号店", "Amazon店"]
    );
    assert_eq!(
        view.flows.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        [
            "rakuten_license_key",
            "amazon_sp_api",
            "amazon_mws",
            "rakuraku_connector"
        ]
    );
    assert!(view.flows[0].title.contains("licenseKey"));
    assert_eq!(view.flows[0].progress, None);
    assert_eq!(view.flows[1].progress, Some(progress));
    assert_eq!(view.flows[1].marketplace, Marketplace::Amazon);
}
