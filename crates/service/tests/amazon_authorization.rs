//! The Amazon use cases — storing an SP-API authorization step by step or in one go, checking
//! it, the restricted-data token check, the MWS developer access — on a real SQLite file, the
//! in-memory keychain and the real LWA and SP-API clients talking to the fake Amazon.

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use kagiban_core::amazon::Need;
use kagiban_core::expiry::ExpirySource;
use kagiban_core::kind::CredentialKind;
use kagiban_core::secret::Secret;
use kagiban_core::verify::VerifyCode;
use kagiban_fakes::amazon::{
    FakeAmazon, Marketplace as FakeMarketplace, SellerAuthorization, PARTICIPATIONS_PATH,
    RESTRICTED_DATA_TOKEN_PATH, ROLE_DIRECT_TO_CONSUMER_SHIPPING, TOKEN_PATH,
};
use kagiban_service::clients::lwa::{LwaClient, LwaConfig};
use kagiban_service::clients::rakuraku::{RakurakuClient, RakurakuConfig};
use kagiban_service::clients::rms::{RmsClient, RmsConfig};
use kagiban_service::clients::spapi::{SpApiClient, SpApiConfig};
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::{MemoryKeychain, SecretStore};
use kagiban_service::store::Store;
use kagiban_service::views::{
    AcceptDetails, CandidateSource, CredentialState, CredentialView, Marketplace,
};
use kagiban_service::{AmazonSpInput, Clients, Error, Service};

const CLIENT_ID: &str = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
const CLIENT_SECRET: &str =
    "amzn1.oa2-cs.v1.00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const ROTATED_SECRET: &str =
    "amzn1.oa2-cs.v1.ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
const REFRESH_TOKEN: &str = "Atzr|IwEBIFakeRefresh+Token/For=Tests0123456789abcdefghijklmnop";
const SELLER_ID: &str = "A3FHEXAMPLEYWS";
const JAPAN: &str = "A1VC38T7YXB528";

struct World {
    service: Service,
    keychain: Arc<MemoryKeychain>,
    fake: FakeAmazon,
    dir: tempfile::TempDir,
}

async fn world() -> World {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID));
    let dir = tempfile::tempdir().unwrap();
    // 2026-11-23 10:00 JST.
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let keychain = Arc::new(MemoryKeychain::default());
    let clients = Clients {
        // Never reached: these tests are about Amazon.
        rms: RmsClient::new(RmsConfig {
            base_url: "http://127.0.0.1:9/".into(),
            ..RmsConfig::default()
        })
        .unwrap(),
        lwa: LwaClient::new(LwaConfig {
            token_url: fake.token_url(),
            timeout: Duration::from_secs(2),
            max_retries: 1,
            backoff_base: Duration::from_millis(10),
            max_retry_after: Duration::from_secs(2),
            reuse_margin: Duration::from_secs(60),
        })
        .unwrap(),
        spapi: SpApiClient::new(SpApiConfig {
            base_url: fake.base_url(),
            timeout: Duration::from_secs(2),
            max_retries: 1,
            backoff_base: Duration::from_millis(10),
            max_retry_after: Duration::from_secs(2),
        })
        .unwrap(),
        // Never reached either.
        rakuraku: RakurakuClient::new(RakurakuConfig::default()).unwrap(),
    };
    let store = Store::open(&dir.path().join("kagiban.sqlite3")).unwrap();
    let service = Service::new(store, keychain.clone(), clients, clock);
    World {
        service,
        keychain,
        fake,
        dir,
    }
}

fn keep(
    w: &World,
    shop: &str,
    kind: CredentialKind,
    text: &str,
    date: Option<&str>,
) -> CredentialView {
    let c = w
        .service
        .candidate_from_text(kind, shop, text, CandidateSource::Typed)
        .unwrap();
    w.service
        .accept_candidate(
            &c.token,
            shop,
            &AcceptDetails {
                date: date.map(str::to_string),
                name: None,
            },
        )
        .unwrap()
}

/// The SP-API flow's captures, as the wizard makes them.
fn authorize_through_the_flow(w: &World, secret: &str) -> (String, CredentialView) {
    let shop = w
        .service
        .add_shop("Amazon 本店", Marketplace::Amazon)
        .unwrap();
    keep(w, &shop.id, CredentialKind::LwaClientId, CLIENT_ID, None);
    keep(
        w,
        &shop.id,
        CredentialKind::LwaClientSecret,
        secret,
        Some("2026-10-01"),
    );
    let token = keep(
        w,
        &shop.id,
        CredentialKind::LwaRefreshToken,
        REFRESH_TOKEN,
        Some("2026-11-20"),
    );
    keep(w, &shop.id, CredentialKind::AmazonSellerId, SELLER_ID, None);
    keep(
        w,
        &shop.id,
        CredentialKind::AmazonMarketplaceId,
        JAPAN,
        None,
    );
    (shop.id, token)
}

fn by_kind(w: &World, kind: CredentialKind) -> Vec<CredentialView> {
    w.service
        .dashboard()
        .unwrap()
        .into_iter()
        .filter(|c| c.kind == kind)
        .collect()
}

#[tokio::test]
async fn a_captured_authorization_verifies_and_its_expiries_follow_the_days_given() {
    let w = world().await;
    let (_, token) = authorize_through_the_flow(&w, CLIENT_SECRET);

    // 365 days counting the grant day, 180 days counting the issue day, 23:59:59 JST.
    assert_eq!(token.state, CredentialState::Pending);
    assert_eq!(token.expires_on.as_deref(), Some("2027/11/19"));
    assert_eq!(token.expiry_source, Some(ExpirySource::User));
    let secret = &by_kind(&w, CredentialKind::LwaClientSecret)[0];
    assert_eq!(secret.expires_on.as_deref(), Some("2027/03/29"));
    assert_eq!(secret.masked, "••••eeff");
    // IDs are not secrets: shown in full. Secrets: the tail only.
    assert_eq!(
        by_kind(&w, CredentialKind::AmazonSellerId)[0].masked,
        SELLER_ID
    );
    assert!(!token.masked.contains("Atzr"));

    let report = w.service.verify(&token.id).await.unwrap();
    assert_eq!(report.code, VerifyCode::Ok, "{}", report.message);
    assert!(report.message.contains("SP-API の認可は有効です"));

    // The LWA grant carried exactly the stored values; SP-API got the fresh access token.
    let grants = w.fake.requests_to(TOKEN_PATH);
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].form_field("grant_type"), Some("refresh_token"));
    assert_eq!(grants[0].form_field("client_id"), Some(CLIENT_ID));
    assert_eq!(grants[0].form_field("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(grants[0].form_field("refresh_token"), Some(REFRESH_TOKEN));
    let calls = w.fake.requests_to(PARTICIPATIONS_PATH);
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].access_token.as_deref(),
        w.fake.issued_access_tokens().first().map(String::as_str)
    );

    for kind in [
        CredentialKind::LwaRefreshToken,
        CredentialKind::LwaClientSecret,
        CredentialKind::LwaClientId,
    ] {
        let c = &by_kind(&w, kind)[0];
        assert_eq!(c.state, CredentialState::Active, "{kind}");
        let v = c.last_verification.as_ref().expect("recorded");
        assert_eq!(v.code, VerifyCode::Ok, "{kind}");
    }
}

#[tokio::test]
async fn verify_all_checks_an_amazon_shop_once_and_the_secret_through_it() {
    let w = world().await;
    authorize_through_the_flow(&w, CLIENT_SECRET);
    let results = w.service.verify_all().await.unwrap();
    assert_eq!(results.len(), 1, "one authorization, one check");
    assert_eq!(w.fake.requests_to(PARTICIPATIONS_PATH).len(), 1);

    // A second authorization for the same shop (re-authorized): still one check, of the newest,
    // and the older one is history afterwards.
    let shop = w.service.shops(Marketplace::Amazon).unwrap()[0].id.clone();
    let newer = keep(
        &w,
        &shop,
        CredentialKind::LwaRefreshToken,
        REFRESH_TOKEN,
        None,
    );
    let results = w.service.verify_all().await.unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().unwrap().id, newer.id);
    let tokens = by_kind(&w, CredentialKind::LwaRefreshToken);
    assert_eq!(
        tokens
            .iter()
            .filter(|t| t.state == CredentialState::Superseded)
            .count(),
        1
    );

    // Checking the client secret goes through the authorization and reports on the secret.
    let secret = &by_kind(&w, CredentialKind::LwaClientSecret)[0];
    let report = w.service.verify(&secret.id).await.unwrap();
    assert_eq!(report.id, secret.id);
    assert_eq!(report.code, VerifyCode::Ok);
    assert_eq!(report.expires_at, secret.expires_at);
}

#[tokio::test]
async fn a_revoked_authorization_says_to_reauthorize_in_seller_central() {
    let w = world().await;
    let (_, token) = authorize_through_the_flow(&w, CLIENT_SECRET);
    w.fake.revoke_refresh_token(REFRESH_TOKEN);
    let report = w.service.verify(&token.id).await.unwrap();
    assert_eq!(report.code, VerifyCode::InvalidGrant);
    assert!(
        report.message.contains("アプリを管理"),
        "{}",
        report.message
    );
    assert!(!report.message.contains(REFRESH_TOKEN));
    assert_eq!(
        by_kind(&w, CredentialKind::LwaRefreshToken)[0].state,
        CredentialState::Pending
    );
    assert!(w.fake.requests_to(PARTICIPATIONS_PATH).is_empty());
}

#[tokio::test]
async fn a_rotated_secret_is_named_and_the_new_one_replaces_it_once_it_works() {
    let w = world().await;
    let (shop, token) = authorize_through_the_flow(&w, CLIENT_SECRET);
    assert_eq!(
        w.service.verify(&token.id).await.unwrap().code,
        VerifyCode::Ok
    );

    // Amazon rotated the secret and, a week later, the old one is refused (the access tokens
    // issued with it have long expired by then).
    w.fake.add_app(CLIENT_ID, ROTATED_SECRET);
    w.fake.expire_access_tokens();
    let report = w.service.verify(&token.id).await.unwrap();
    assert_eq!(report.code, VerifyCode::InvalidClient);
    assert!(report.message.contains("クライアントシークレット"));

    // The new secret waits until it verifies, then the old one is history.
    let new = keep(
        &w,
        &shop,
        CredentialKind::LwaClientSecret,
        ROTATED_SECRET,
        None,
    );
    assert_eq!(new.state, CredentialState::Pending);
    assert_eq!(
        new.expiry_source,
        Some(ExpirySource::Rule),
        "no day given: from today"
    );
    assert_eq!(new.expires_on.as_deref(), Some("2027/05/21"));
    assert_eq!(
        w.service.verify(&token.id).await.unwrap().code,
        VerifyCode::Ok
    );
    let secrets = by_kind(&w, CredentialKind::LwaClientSecret);
    let states: Vec<_> = secrets.iter().map(|c| (c.id == new.id, c.state)).collect();
    assert!(states.contains(&(true, CredentialState::Active)));
    assert!(states.contains(&(false, CredentialState::Superseded)));
}

#[tokio::test]
async fn a_marketplace_the_seller_is_not_in_is_reported() {
    let w = world().await;
    w.fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID)
            .with_marketplaces(vec![FakeMarketplace::united_states()]),
    );
    let (_, token) = authorize_through_the_flow(&w, CLIENT_SECRET);
    let report = w.service.verify(&token.id).await.unwrap();
    assert_eq!(report.code, VerifyCode::MarketplaceMissing);
    assert!(report.message.contains("A1VC38T7YXB528"));
}

#[tokio::test]
async fn checking_without_a_client_secret_says_which_value_is_missing() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("Amazon 本店", Marketplace::Amazon)
        .unwrap();
    keep(&w, &shop.id, CredentialKind::LwaClientId, CLIENT_ID, None);
    let token = keep(
        &w,
        &shop.id,
        CredentialKind::LwaRefreshToken,
        REFRESH_TOKEN,
        None,
    );
    let err = w.service.verify(&token.id).await.unwrap_err();
    assert!(matches!(
        err,
        Error::MissingCredential {
            kind: CredentialKind::LwaClientSecret
        }
    ));
    assert!(err
        .message(kagiban_core::lang::Lang::Ja)
        .contains("LWA クライアントシークレット"));
}

#[tokio::test]
async fn a_future_or_malformed_day_is_refused_and_nothing_is_stored() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("Amazon 本店", Marketplace::Amazon)
        .unwrap();
    for bad in ["2026-11-24", "11/20", "2026-02-30"] {
        let c = w
            .service
            .candidate_from_text(
                CredentialKind::LwaRefreshToken,
                &shop.id,
                REFRESH_TOKEN,
                CandidateSource::Typed,
            )
            .unwrap();
        let err = w
            .service
            .accept_candidate(
                &c.token,
                &shop.id,
                &AcceptDetails {
                    date: Some(bad.into()),
                    name: None,
                },
            )
            .unwrap_err();
        assert!(matches!(err, Error::InvalidDate), "{bad}");
    }
    assert!(w.service.dashboard().unwrap().is_empty());
    // Full-width digits and slashes are fine.
    let token = keep(
        &w,
        &shop.id,
        CredentialKind::LwaRefreshToken,
        REFRESH_TOKEN,
        Some("２０２６／１１／２０"),
    );
    assert_eq!(token.expires_on.as_deref(), Some("2027/11/19"));
}

#[tokio::test]
async fn the_rdt_check_reports_the_validity_or_the_missing_roles() {
    let w = world().await;
    let (shop, _) = authorize_through_the_flow(&w, CLIENT_SECRET);

    // No role yet: shipping addresses need 購入者への直送.
    let refused = w
        .service
        .check_rdt(&shop, &[Need::ShippingAddress], None)
        .await
        .unwrap();
    assert!(!refused.ok);
    assert_eq!(refused.code, VerifyCode::MissingRole);
    assert!(
        refused.message.contains("購入者への直送"),
        "{}",
        refused.message
    );
    assert_eq!(refused.resources, 2);

    w.fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID)
            .with_roles(&[ROLE_DIRECT_TO_CONSUMER_SHIPPING]),
    );
    let granted = w
        .service
        .check_rdt(&shop, &[Need::ShippingAddress], None)
        .await
        .unwrap();
    assert!(granted.ok, "{}", granted.message);
    // 10:00 JST + 3600 s.
    assert_eq!(granted.valid_until.as_deref(), Some("11:00"));
    assert!(granted.message.contains("11:00"));

    // The request asked for exactly the seed's resources; the RDT was never kept.
    let sent = w.fake.requests_to(RESTRICTED_DATA_TOKEN_PATH);
    let body = sent.last().unwrap().json().unwrap();
    let paths: Vec<&str> = body["restrictedResources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/orders/v0/orders", "/orders/v0/orders/{orderId}"]);
    let rdt = w.fake.issued_rdts().pop().unwrap();
    let db = std::fs::read(w.dir.path().join("kagiban.sqlite3")).unwrap();
    assert!(!db.windows(rdt.len()).any(|win| win == rdt.as_bytes()));

    // A request that breaks the rules never reaches Amazon.
    let before = w.fake.requests_to(RESTRICTED_DATA_TOKEN_PATH).len();
    let err = w.service.check_rdt(&shop, &[], None).await.unwrap_err();
    assert!(matches!(err, Error::InvalidRdtRequest { .. }));
    assert_eq!(w.fake.requests_to(RESTRICTED_DATA_TOKEN_PATH).len(), before);
}

#[tokio::test]
async fn add_amazon_sp_checks_every_value_before_storing_any() {
    let w = world().await;
    let input = |refresh: &str| AmazonSpInput {
        shop: "Amazon 本店".into(),
        client_id: CLIENT_ID.into(),
        client_secret: Secret::new(CLIENT_SECRET.to_string()),
        refresh_token: Secret::new(refresh.to_string()),
        seller_id: SELLER_ID.into(),
        marketplace: None,
        authorized_on: Some("2026-11-01".into()),
        secret_issued_on: None,
    };
    // An access token where the refresh token goes: refused, nothing stored, no shop added.
    let err = w
        .service
        .add_amazon_sp(&input("Atza|IwEBIAccessTokenNotRefresh0123456789"))
        .unwrap_err();
    assert!(matches!(err, Error::InvalidFormat { .. }), "{err:?}");
    assert!(w.service.dashboard().unwrap().is_empty());
    assert!(w.service.shops(Marketplace::Amazon).unwrap().is_empty());

    let (authorization, _warnings) = w.service.add_amazon_sp(&input(REFRESH_TOKEN)).unwrap();
    assert_eq!(authorization.kind, CredentialKind::LwaRefreshToken);
    assert_eq!(authorization.expires_on.as_deref(), Some("2027/10/31"));
    let kinds: Vec<CredentialKind> = w
        .service
        .dashboard()
        .unwrap()
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds.len(), 5);
    assert_eq!(
        by_kind(&w, CredentialKind::AmazonMarketplaceId)[0].masked,
        JAPAN
    );
    assert_eq!(
        w.service.verify(&authorization.id).await.unwrap().code,
        VerifyCode::Ok
    );
    // Secrets are in the keychain, not in SQLite.
    let db = std::fs::read(w.dir.path().join("kagiban.sqlite3")).unwrap();
    for secret in [CLIENT_SECRET, REFRESH_TOKEN] {
        assert!(!db.windows(secret.len()).any(|win| win == secret.as_bytes()));
    }
    assert_eq!(
        w.keychain.get(&authorization.id).unwrap().expose(),
        REFRESH_TOKEN
    );
}

#[tokio::test]
async fn mws_developer_access_is_tracked_and_renewed_by_hand() {
    let w = world().await;
    let shop = w
        .service
        .add_shop("Amazon 本店", Marketplace::Amazon)
        .unwrap();
    let c = w
        .service
        .candidate_from_text(
            CredentialKind::AmazonDeveloperId,
            &shop.id,
            "5259-6479-4073",
            CandidateSource::Typed,
        )
        .unwrap();
    let dev = w
        .service
        .accept_candidate(
            &c.token,
            &shop.id,
            &AcceptDetails {
                date: Some("2025-11-10".into()),
                name: Some("  shippinno ".into()),
            },
        )
        .unwrap();
    assert_eq!(dev.label.as_deref(), Some("shippinno"));
    assert_eq!(dev.state, CredentialState::Active);
    // One calendar year from the grant: already past on 2026-11-23.
    assert_eq!(dev.expires_on.as_deref(), Some("2026/11/10"));
    let renewal = dev.renewal.expect("a by-hand renewal");
    assert_eq!(renewal.action, "restore");
    assert!(renewal.button.contains("アクセス権を復元"));

    // MWS is never called: the check says so, without any request.
    let report = w.service.verify(&dev.id).await.unwrap();
    assert_eq!(report.code, VerifyCode::NotVerifiable);
    assert!(w.fake.requests().is_empty());

    // Only what is renewed by a click in Seller Central is renewed by recording the day.
    let token = keep(
        &w,
        &shop.id,
        CredentialKind::LwaRefreshToken,
        REFRESH_TOKEN,
        None,
    );
    assert!(matches!(
        w.service.record_renewal(&token.id, None),
        Err(Error::NotRenewedByHand { .. })
    ));

    let renewed = w.service.record_renewal(&dev.id, None).unwrap();
    assert_eq!(renewed.expires_on.as_deref(), Some("2027/11/23"));
    assert_eq!(renewed.expiry_source, Some(ExpirySource::User));
    assert_eq!(renewed.renewal.unwrap().action, "confirm");
}
