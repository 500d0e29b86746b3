//! The LWA and SP-API clients against the local fake of Login with Amazon and SP-API.

use std::time::{Duration, Instant};

use chrono::Utc;
use kagiban_core::secret::Secret;
use kagiban_fakes::amazon::{
    FakeAmazon, Marketplace, RecordedRequest, Scripted, SellerAuthorization, PARTICIPATIONS_PATH,
    RESTRICTED_DATA_TOKEN_PATH, ROLE_DIRECT_TO_CONSUMER_SHIPPING, ROLE_TAX_INVOICING, TOKEN_PATH,
};
use kagiban_service::clients::lwa::{
    self, AccessToken, LwaClient, LwaConfig, LwaError, TOKEN_URL_ENV,
};
use kagiban_service::clients::spapi::{
    self, Participation, RdtGranted, SpApiClient, SpApiConfig, SpApiError, BASE_URL_ENV,
};
use serde_json::json;

const CLIENT_ID: &str = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
const CLIENT_SECRET: &str =
    "amzn1.oa2-cs.v1.00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
/// With `|`, `+`, `/` and `=`, which the form encoding must escape.
const REFRESH_TOKEN: &str = "Atzr|IwEBIFakeRefresh+Token/For=Tests0123456789abcdefghijklmnop";
/// `REFRESH_TOKEN` form-encoded, computed by hand outside the code under test.
const REFRESH_TOKEN_ENCODED: &str =
    "Atzr%7CIwEBIFakeRefresh%2BToken%2FFor%3DTests0123456789abcdefghijklmnop";
const OTHER_REFRESH_TOKEN: &str = "Atzr|IwEBIAnotherSellerRefreshToken9876543210";
const JAPAN: &str = "A1VC38T7YXB528";

/// The exact bodies of api-facts.md §2.2.
const INVALID_GRANT_BODY: &str = r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."}"#;
const INVALID_CLIENT_BODY: &str =
    r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
const ACCESS_DENIED_BODY: &str = r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}"#;

/// Short waits so the whole file runs in a few seconds.
fn lwa_config(fake: &FakeAmazon) -> LwaConfig {
    LwaConfig {
        token_url: fake.token_url(),
        timeout: Duration::from_secs(2),
        max_retries: 3,
        backoff_base: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(5),
        reuse_margin: Duration::from_secs(60),
    }
}

fn spapi_config(fake: &FakeAmazon) -> SpApiConfig {
    SpApiConfig {
        base_url: fake.base_url(),
        timeout: Duration::from_secs(2),
        max_retries: 3,
        backoff_base: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(5),
    }
}

fn lwa_client(fake: &FakeAmazon) -> LwaClient {
    LwaClient::new(lwa_config(fake)).expect("LWA client")
}

fn spapi_client(fake: &FakeAmazon) -> SpApiClient {
    SpApiClient::new(spapi_config(fake)).expect("SP-API client")
}

/// A fake with one app and one Japanese seller (no restricted-data role).
async fn fake_with_seller() -> FakeAmazon {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID));
    fake
}

async fn access_token(fake: &FakeAmazon) -> AccessToken {
    lwa_client(fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .expect("access token")
}

/// Neither Display nor Debug of `shown` may carry a secret: the client secret, the refresh
/// token (plain or form-encoded), or any token the fake issued.
fn assert_no_secrets(fake: &FakeAmazon, shown: &[String]) {
    let mut secrets: Vec<String> = vec![
        CLIENT_SECRET.into(),
        REFRESH_TOKEN.into(),
        REFRESH_TOKEN_ENCODED.into(),
        OTHER_REFRESH_TOKEN.into(),
        "Atza|".into(),
        "Atz.sprdt|".into(),
        "client_secret=".into(),
    ];
    secrets.extend(fake.issued_access_tokens());
    secrets.extend(fake.issued_rdts());
    for text in shown {
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{secret:?} leaked in {text:?}"
            );
        }
    }
}

fn shown_lwa(err: &LwaError) -> Vec<String> {
    vec![err.to_string(), format!("{err:?}")]
}

fn shown_spapi(err: &SpApiError) -> Vec<String> {
    vec![err.to_string(), format!("{err:?}")]
}

fn gaps(requests: &[RecordedRequest]) -> Vec<Duration> {
    requests
        .windows(2)
        .map(|w| w[1].at.duration_since(w[0].at))
        .collect()
}

fn buyer_info_request() -> serde_json::Value {
    json!({
        "restrictedResources": [
            {"method": "GET", "path": "/orders/v0/orders", "dataElements": ["buyerInfo"]}
        ]
    })
}

// ---------------------------------------------------------------------------------------------
// LWA
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_token_grant_sends_the_exact_form() {
    let fake = fake_with_seller().await;
    let before = Utc::now();
    let token = access_token(&fake).await;
    let after = Utc::now();

    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/auth/o2/token");
    assert_eq!(r.path, TOKEN_PATH);
    assert_eq!(r.query, None);
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(r.accept.as_deref(), Some("application/json"));
    let form: Vec<(&str, &str)> = r
        .form
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        form,
        [
            ("grant_type", "refresh_token"),
            ("refresh_token", REFRESH_TOKEN),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ]
    );
    assert_eq!(
        r.body,
        format!(
            "grant_type=refresh_token&refresh_token={REFRESH_TOKEN_ENCODED}&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        )
    );
    assert_eq!(r.access_token, None);
    let ua = r.user_agent.as_deref().unwrap_or_default();
    assert!(ua.starts_with("Kagiban/"), "{ua}");

    // The token is the one issued, valid for the documented hour.
    assert_eq!(
        fake.issued_access_tokens(),
        [token.token.expose().to_owned()]
    );
    assert!(token.token.expose().starts_with("Atza|"));
    assert!(token.expires_at >= before + chrono::Duration::seconds(3600));
    assert!(token.expires_at <= after + chrono::Duration::seconds(3600));
    let remaining = token.remaining();
    assert!(
        remaining > Duration::from_secs(3590) && remaining <= Duration::from_secs(3600),
        "{remaining:?}"
    );
    assert!(token.refresh_token.is_none());
    let shown = format!("{token:?}");
    assert!(shown.contains("expires_at"), "{shown}");
    assert_no_secrets(&fake, &[shown]);
}

#[tokio::test]
async fn a_cached_token_is_reused_without_a_request() {
    let fake = fake_with_seller().await;
    fake.add_refresh_token(SellerAuthorization::new(OTHER_REFRESH_TOKEN, CLIENT_ID));
    let client = lwa_client(&fake);

    let first = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    let second = client
        .clone()
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_eq!(first.token, second.token);
    assert_eq!(first.expires_at, second.expires_at);
    assert_eq!(
        fake.requests().len(),
        1,
        "the second refresh must not call LWA"
    );

    // Another seller's refresh token is another cache entry.
    let other = client
        .refresh(CLIENT_ID, CLIENT_SECRET, OTHER_REFRESH_TOKEN)
        .await
        .unwrap();
    assert_ne!(other.token, first.token);
    assert_eq!(fake.requests().len(), 2);

    // Another client secret is checked against LWA, never answered from the cache.
    let err = client
        .refresh(CLIENT_ID, "amzn1.oa2-cs.v1.wrong", REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(matches!(err, LwaError::InvalidClient), "{err:?}");
    assert_eq!(fake.requests().len(), 3);

    // invalidate() forgets the entry; the next refresh asks LWA again.
    client.invalidate(CLIENT_ID, REFRESH_TOKEN);
    let third = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_ne!(third.token, first.token);
    assert_eq!(fake.requests().len(), 4);

    // A separate client has its own (empty) cache.
    lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_eq!(fake.requests().len(), 5);
}

#[tokio::test]
async fn a_token_with_less_than_60_s_left_is_refreshed() {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID).with_access_token_expires_in(30),
    );
    let client = lwa_client(&fake);
    let a = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert!(a.remaining() <= Duration::from_secs(30));
    let b = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_ne!(a.token, b.token);
    assert_eq!(
        fake.requests().len(),
        2,
        "30 s left is under the 60 s margin"
    );
}

#[tokio::test]
async fn a_cached_token_is_refreshed_once_it_crosses_the_margin() {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID).with_access_token_expires_in(61),
    );
    let client = lwa_client(&fake);
    let a = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    let b = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_eq!(a.token, b.token, "61 s left: reused");
    assert_eq!(fake.requests().len(), 1);

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let c = client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    assert_ne!(a.token, c.token, "under 60 s left: refreshed");
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_revoked_or_unknown_refresh_token_is_invalid_grant_and_not_retried() {
    let fake = fake_with_seller().await;
    fake.add_refresh_token(SellerAuthorization::new(OTHER_REFRESH_TOKEN, CLIENT_ID).revoked());
    let client = lwa_client(&fake);

    let err = client
        .refresh(CLIENT_ID, CLIENT_SECRET, OTHER_REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(matches!(err, LwaError::InvalidGrant), "{err:?}");
    assert_eq!(err.code(), "invalid_grant");
    assert!(!err.is_transient());
    assert_eq!(
        fake.requests().len(),
        1,
        "invalid_grant must not be retried"
    );
    assert_no_secrets(&fake, &shown_lwa(&err));

    let err = client
        .refresh(CLIENT_ID, CLIENT_SECRET, "Atzr|IwEBIneverIssued")
        .await
        .unwrap_err();
    assert!(matches!(err, LwaError::InvalidGrant), "{err:?}");
    assert_eq!(fake.requests().len(), 2);

    // Revoking a token that worked: the cached access token is still served (it stays valid
    // until it expires), but a fresh client gets invalid_grant.
    client
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap();
    fake.revoke_refresh_token(REFRESH_TOKEN);
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_grant");
    assert_no_secrets(&fake, &shown_lwa(&err));
}

#[tokio::test]
async fn a_wrong_or_rotated_client_secret_is_invalid_client_and_not_retried() {
    let fake = fake_with_seller().await;
    let wrong = "amzn1.oa2-cs.v1.ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, wrong, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(matches!(err, LwaError::InvalidClient), "{err:?}");
    assert_eq!(err.code(), "invalid_client");
    assert_eq!(fake.requests().len(), 1);
    let mut shown = shown_lwa(&err);
    for text in &shown {
        assert!(!text.contains(wrong), "{text}");
    }

    // Rotation: the old secret stops working, the new one works; the refresh token is kept.
    let rotated =
        "amzn1.oa2-cs.v1.0000000000000000000000000000000000000000000000000000000000000001";
    fake.add_app(CLIENT_ID, rotated);
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_client");
    shown.extend(shown_lwa(&err));
    lwa_client(&fake)
        .refresh(CLIENT_ID, rotated, REFRESH_TOKEN)
        .await
        .unwrap();

    // An unknown client id too.
    let err = lwa_client(&fake)
        .refresh(
            "amzn1.application-oa2-client.unknown",
            rotated,
            REFRESH_TOKEN,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_client");
    shown.extend(shown_lwa(&err));
    for text in &shown {
        assert!(!text.contains(rotated), "{text}");
    }
    assert_no_secrets(&fake, &shown);
}

#[tokio::test]
async fn the_fake_answers_lwa_errors_exactly_as_documented() {
    let fake = fake_with_seller().await;
    let http = reqwest::Client::new();
    let post =
        |form: Vec<(&'static str, &'static str)>| http.post(fake.token_url()).form(&form).send();

    let r = post(vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", "Atzr|nope"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ])
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.text().await.unwrap(), INVALID_GRANT_BODY);

    let r = post(vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", REFRESH_TOKEN),
        ("client_id", CLIENT_ID),
        ("client_secret", "wrong"),
    ])
    .await
    .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.text().await.unwrap(), INVALID_CLIENT_BODY);

    let r = post(vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", REFRESH_TOKEN),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
    ])
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 3600);
    assert!(body["access_token"].as_str().unwrap().starts_with("Atza|"));
    assert_eq!(body.as_object().unwrap().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// SP-API
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn participations_list_japan_and_send_the_access_token() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    let list = spapi_client(&fake)
        .marketplace_participations(&token.token)
        .await
        .unwrap();
    assert_eq!(
        list,
        [Participation {
            marketplace_id: JAPAN.into(),
            country_code: "JP".into(),
            name: "Amazon.co.jp".into(),
            default_currency_code: "JPY".into(),
            default_language_code: "ja_JP".into(),
            domain_name: "www.amazon.co.jp".into(),
            is_participating: true,
            has_suspended_listings: false,
        }]
    );
    assert!(list[0].is_japan());

    let calls = fake.requests_to(PARTICIPATIONS_PATH);
    assert_eq!(calls.len(), 1);
    let r = &calls[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/sellers/v1/marketplaceParticipations");
    assert_eq!(r.access_token.as_deref(), Some(token.token.expose()));
    assert_eq!(r.accept.as_deref(), Some("application/json"));
    assert!(r.form.is_empty() && r.body.is_empty());

    // The raw answer has the documented shape (api-facts §2.5).
    let r = reqwest::Client::new()
        .get(format!("{}{PARTICIPATIONS_PATH}", fake.base_url()))
        .header("x-amz-access-token", token.token.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-amzn-ratelimit-limit"], "0.016");
    assert!(r.headers().contains_key("x-amzn-requestid"));
    assert_eq!(
        r.text().await.unwrap(),
        r#"{"payload":[{"marketplace":{"id":"A1VC38T7YXB528","name":"Amazon.co.jp","countryCode":"JP","defaultCurrencyCode":"JPY","defaultLanguageCode":"ja_JP","domainName":"www.amazon.co.jp"},"participation":{"isParticipating":true,"hasSuspendedListings":false}}]}"#
    );
}

#[tokio::test]
async fn a_seller_without_japan_is_listed_without_it() {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID).with_marketplaces(vec![
            Marketplace::united_states(),
            Marketplace::australia().not_participating(),
        ]),
    );
    let token = access_token(&fake).await;
    let list = spapi_client(&fake)
        .marketplace_participations(&token.token)
        .await
        .unwrap();
    let ids: Vec<&str> = list.iter().map(|p| p.marketplace_id.as_str()).collect();
    assert_eq!(ids, ["ATVPDKIKX0DER", "A39IBJ37TRP1C6"]);
    assert!(!list.iter().any(Participation::is_japan));
    assert!(!list
        .iter()
        .any(|p| p.marketplace_id == spapi::JAPAN_MARKETPLACE_ID));
    assert_eq!(list[0].country_code, "US");
    assert_eq!(list[0].default_currency_code, "USD");
    assert!(!list[1].is_participating);
}

#[tokio::test]
async fn an_expired_or_unknown_access_token_is_unauthorized_and_not_retried() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    let client = spapi_client(&fake);
    fake.expire_access_tokens();
    let err = client
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert!(matches!(err, SpApiError::Unauthorized), "{err:?}");
    assert_eq!(err.code(), "unauthorized");
    assert_eq!(fake.requests_to(PARTICIPATIONS_PATH).len(), 1);
    assert_no_secrets(&fake, &shown_spapi(&err));

    let bogus = Secret::new("Atza|IwEBIneverIssuedByTheFake");
    let err = client.marketplace_participations(&bogus).await.unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    let err = client
        .restricted_data_token(&bogus, &buyer_info_request())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    for text in shown_spapi(&err) {
        assert!(!text.contains("neverIssued"), "{text}");
    }
    assert_eq!(fake.requests().len(), 4);

    // What the fake sends: 403 (not 401) with SP-API's errors body.
    let r = reqwest::Client::new()
        .get(format!("{}{PARTICIPATIONS_PATH}", fake.base_url()))
        .header("x-amz-access-token", token.token.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.text().await.unwrap(),
        r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided has expired."}]}"#
    );
}

#[tokio::test]
async fn an_rdt_for_buyer_info_without_the_role_is_missing_role_and_not_retried() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    let request = buyer_info_request();
    let err = spapi_client(&fake)
        .restricted_data_token(&token.token, &request)
        .await
        .unwrap_err();
    match &err {
        SpApiError::Forbidden { errors } => assert_eq!(
            errors,
            &[(
                "Unauthorized".to_owned(),
                "Access to requested resource is denied.".to_owned()
            )]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(err.code(), "missing_role");
    assert!(!err.is_transient());
    let calls = fake.requests_to(RESTRICTED_DATA_TOKEN_PATH);
    assert_eq!(calls.len(), 1, "a 403 must not be retried");
    let r = &calls[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/tokens/2021-03-01/restrictedDataToken");
    assert_eq!(r.content_type.as_deref(), Some("application/json"));
    assert_eq!(r.access_token.as_deref(), Some(token.token.expose()));
    assert_eq!(r.json(), Some(request.clone()));
    assert_no_secrets(&fake, &shown_spapi(&err));
    assert!(fake.issued_rdts().is_empty());

    // The shipping role does not cover buyerInfo either; the raw answer is the documented one.
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID)
            .with_roles(&[ROLE_DIRECT_TO_CONSUMER_SHIPPING]),
    );
    let r = reqwest::Client::new()
        .post(format!("{}{RESTRICTED_DATA_TOKEN_PATH}", fake.base_url()))
        .header("x-amz-access-token", token.token.expose())
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.text().await.unwrap(), ACCESS_DENIED_BODY);
}

#[tokio::test]
async fn an_rdt_is_granted_with_the_role_and_never_shown() {
    let fake = FakeAmazon::start().await;
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID).with_roles(&[ROLE_TAX_INVOICING]),
    );
    let token = access_token(&fake).await;
    let granted = spapi_client(&fake)
        .restricted_data_token(&token.token, &buyer_info_request())
        .await
        .unwrap();
    assert_eq!(granted, RdtGranted { expires_in: 3600 });
    let rdts = fake.issued_rdts();
    assert_eq!(rdts.len(), 1, "the fake did issue an RDT");
    assert!(rdts[0].starts_with("Atz.sprdt|"));
    let shown = format!("{granted:?}");
    assert_eq!(shown, "RdtGranted { expires_in: 3600 }");
    assert!(!shown.contains(&rdts[0]));
    assert_no_secrets(&fake, &[shown]);

    // buyerInfo + shippingAddress needs both kinds of role.
    let both = json!({"restrictedResources":[{"method":"GET","path":"/orders/v0/orders",
        "dataElements":["buyerInfo","shippingAddress"]}]});
    let err = spapi_client(&fake)
        .restricted_data_token(&token.token, &both)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "missing_role");
}

#[tokio::test]
async fn a_429_with_retry_after_is_honoured_then_succeeds() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    fake.script_on(
        PARTICIPATIONS_PATH,
        Scripted::TooManyRequests {
            retry_after_secs: Some(1),
            rate_limit: Some(0.016),
        },
    );
    let list = spapi_client(&fake)
        .marketplace_participations(&token.token)
        .await
        .unwrap();
    assert!(list.iter().any(|p| p.marketplace_id == JAPAN));
    let calls = fake.requests_to(PARTICIPATIONS_PATH);
    assert_eq!(calls.len(), 2);
    let gap = gaps(&calls)[0];
    // Retry-After (1 s) wins over the rate limit (1 / 0.016 = 62.5 s).
    assert!(gap >= Duration::from_secs(1), "{gap:?}");
    assert!(gap < Duration::from_secs(2), "{gap:?}");
}

#[tokio::test]
async fn a_429_without_retry_after_waits_for_the_rate_limit() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    fake.script_on(
        RESTRICTED_DATA_TOKEN_PATH,
        Scripted::TooManyRequests {
            retry_after_secs: None,
            rate_limit: Some(4.0),
        },
    );
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID).with_roles(&[ROLE_TAX_INVOICING]),
    );
    spapi_client(&fake)
        .restricted_data_token(&token.token, &buyer_info_request())
        .await
        .unwrap();
    let calls = fake.requests_to(RESTRICTED_DATA_TOKEN_PATH);
    assert_eq!(calls.len(), 2);
    let gap = gaps(&calls)[0];
    assert!(gap >= Duration::from_millis(250), "1 / 4 req/s: {gap:?}");
    assert!(gap < Duration::from_secs(1), "{gap:?}");
}

#[tokio::test]
async fn a_429_forever_gives_rate_limited_after_every_retry() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    for _ in 0..4 {
        fake.script_on(
            PARTICIPATIONS_PATH,
            Scripted::TooManyRequests {
                retry_after_secs: None,
                rate_limit: Some(50.0),
            },
        );
    }
    let err = spapi_client(&fake)
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SpApiError::RateLimited { retry_after: None, rate_limit: Some(r) } if r == 50.0),
        "{err:?}"
    );
    assert_eq!(err.code(), "rate_limited");
    assert!(err.is_transient());
    let calls = fake.requests_to(PARTICIPATIONS_PATH);
    assert_eq!(calls.len(), 4, "1 request + max_retries (3)");
    for gap in gaps(&calls) {
        assert!(gap >= Duration::from_millis(20), "{gap:?}");
    }
    assert_no_secrets(&fake, &shown_spapi(&err));
}

#[tokio::test]
async fn lwa_429_and_503_are_retried() {
    let fake = fake_with_seller().await;
    fake.script_on(
        TOKEN_PATH,
        Scripted::TooManyRequests {
            retry_after_secs: Some(0),
            rate_limit: None,
        },
    );
    fake.script_on(TOKEN_PATH, Scripted::ServiceUnavailable);
    fake.script_on(TOKEN_PATH, Scripted::InternalError);
    access_token(&fake).await;
    assert_eq!(fake.requests_to(TOKEN_PATH).len(), 4);

    for _ in 0..4 {
        fake.script_on(TOKEN_PATH, Scripted::ServiceUnavailable);
    }
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(
        matches!(err, LwaError::ServiceUnavailable { status: 503 }),
        "{err:?}"
    );
    assert_eq!(err.code(), "service_unavailable");
    assert_eq!(fake.requests_to(TOKEN_PATH).len(), 8);
    assert_no_secrets(&fake, &shown_lwa(&err));

    for _ in 0..4 {
        fake.script_on(
            TOKEN_PATH,
            Scripted::TooManyRequests {
                retry_after_secs: None,
                rate_limit: None,
            },
        );
    }
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(
        matches!(err, LwaError::RateLimited { retry_after: None }),
        "{err:?}"
    );
    assert_eq!(err.code(), "rate_limited");
}

#[tokio::test]
async fn a_503_on_spapi_is_retried() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    let client = spapi_client(&fake);
    fake.script_on(PARTICIPATIONS_PATH, Scripted::ServiceUnavailable);
    client
        .marketplace_participations(&token.token)
        .await
        .unwrap();
    assert_eq!(fake.requests_to(PARTICIPATIONS_PATH).len(), 2);

    for _ in 0..4 {
        fake.script_on(PARTICIPATIONS_PATH, Scripted::ServiceUnavailable);
    }
    let err = client
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SpApiError::ServiceUnavailable { status: 503 }),
        "{err:?}"
    );
    assert_eq!(err.code(), "service_unavailable");
    assert_eq!(fake.requests_to(PARTICIPATIONS_PATH).len(), 6);
    assert_no_secrets(&fake, &shown_spapi(&err));
}

#[tokio::test]
async fn a_hang_past_the_timeout_is_a_timeout() {
    let fake = fake_with_seller().await;
    fake.script_on(TOKEN_PATH, Scripted::Hang(Duration::from_secs(3)));
    let lwa = LwaClient::new(LwaConfig {
        timeout: Duration::from_millis(300),
        max_retries: 0,
        ..lwa_config(&fake)
    })
    .unwrap();
    let started = Instant::now();
    let err = lwa
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, LwaError::Timeout), "{err:?}");
    assert_eq!(err.code(), "timeout");
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(2),
        "{elapsed:?}"
    );
    assert_no_secrets(&fake, &shown_lwa(&err));

    let token = access_token(&fake).await;
    fake.script_on(PARTICIPATIONS_PATH, Scripted::Hang(Duration::from_secs(3)));
    fake.script_on(PARTICIPATIONS_PATH, Scripted::Hang(Duration::from_secs(3)));
    let spapi = SpApiClient::new(SpApiConfig {
        timeout: Duration::from_millis(300),
        max_retries: 1,
        ..spapi_config(&fake)
    })
    .unwrap();
    let started = Instant::now();
    let err = spapi
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, SpApiError::Timeout), "{err:?}");
    assert_eq!(err.code(), "timeout");
    assert_eq!(
        fake.requests_to(PARTICIPATIONS_PATH).len(),
        2,
        "a timeout is retried"
    );
    assert!(
        elapsed >= Duration::from_millis(600) && elapsed < Duration::from_secs(2),
        "{elapsed:?}"
    );
    assert_no_secrets(&fake, &shown_spapi(&err));
}

#[tokio::test]
async fn no_error_shows_a_secret_even_when_the_server_echoes_it() {
    let fake = fake_with_seller().await;
    let token = access_token(&fake).await;
    let mut shown = Vec::new();

    // LWA echoing the secret and refresh token in an unexpected 400.
    fake.script_on(
        TOKEN_PATH,
        Scripted::Raw {
            status: 400,
            content_type: "application/json".into(),
            body: format!(r#"{{"error":"{CLIENT_SECRET}","error_description":"{REFRESH_TOKEN}"}}"#),
        },
    );
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert!(matches!(err, LwaError::BadResponse { .. }), "{err:?}");
    shown.extend(shown_lwa(&err));

    // A 200 that is not a token.
    fake.script_on(
        TOKEN_PATH,
        Scripted::Raw {
            status: 200,
            content_type: "text/html".into(),
            body: format!("<html>{REFRESH_TOKEN}</html>"),
        },
    );
    let err = lwa_client(&fake)
        .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "bad_response");
    shown.extend(shown_lwa(&err));

    // SP-API echoing the access token in a 403 and in a 400.
    let client = spapi_client(&fake);
    fake.script_on(
        PARTICIPATIONS_PATH,
        Scripted::Raw {
            status: 403,
            content_type: "application/json".into(),
            body: json!({"errors":[{"code":"Unauthorized","message":format!("denied for {}", token.token.expose()),"details":""}]}).to_string(),
        },
    );
    let err = client
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "missing_role");
    shown.extend(shown_spapi(&err));
    fake.script_on(
        PARTICIPATIONS_PATH,
        Scripted::Raw {
            status: 400,
            content_type: "application/json".into(),
            body: json!({"errors":[{"code":token.token.expose(),"message":"x","details":""}]})
                .to_string(),
        },
    );
    let err = client
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "bad_response");
    shown.extend(shown_spapi(&err));

    // Nothing listening: network errors carry no URL or secret.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let err = LwaClient::new(LwaConfig {
        token_url: format!("http://127.0.0.1:{port}/auth/o2/token"),
        max_retries: 0,
        ..lwa_config(&fake)
    })
    .unwrap()
    .refresh(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
    .await
    .unwrap_err();
    assert_eq!(err.code(), "network");
    shown.extend(shown_lwa(&err));
    let err = SpApiClient::new(SpApiConfig {
        base_url: format!("http://127.0.0.1:{port}"),
        max_retries: 0,
        ..spapi_config(&fake)
    })
    .unwrap()
    .marketplace_participations(&token.token)
    .await
    .unwrap_err();
    assert_eq!(err.code(), "network");
    shown.extend(shown_spapi(&err));

    // Every variant, as constructed.
    for err in [
        LwaError::InvalidGrant,
        LwaError::InvalidClient,
        LwaError::RateLimited {
            retry_after: Some(Duration::from_secs(1)),
        },
        LwaError::ServiceUnavailable { status: 503 },
        LwaError::Timeout,
    ] {
        shown.extend(shown_lwa(&err));
    }
    for err in [
        SpApiError::Unauthorized,
        SpApiError::Forbidden { errors: vec![] },
        SpApiError::RateLimited {
            retry_after: None,
            rate_limit: Some(0.016),
        },
        SpApiError::ServiceUnavailable { status: 500 },
        SpApiError::Timeout,
    ] {
        shown.extend(shown_spapi(&err));
    }
    shown.push(format!("{token:?}"));
    shown.push(format!("{:?}", lwa_client(&fake)));
    shown.push(format!("{client:?}"));
    assert_no_secrets(&fake, &shown);
    for text in &shown {
        assert!(!text.contains(&format!("127.0.0.1:{port}")), "{text}");
    }
}

#[tokio::test]
async fn the_fake_is_configurable_through_its_control_endpoints() {
    let fake = FakeAmazon::start().await;
    let http = reqwest::Client::new();
    let control = |path: &str| format!("{}/__fake/{path}", fake.base_url());
    let r = http
        .post(control("apps"))
        .json(&json!({"clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = http
        .post(control("refresh-tokens"))
        .json(
            &json!({"refreshToken": REFRESH_TOKEN, "clientId": CLIENT_ID,
            "marketplaces": ["ATVPDKIKX0DER", JAPAN], "roles": ["tax_remittance"]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let r = http
        .post(control("script"))
        .json(&json!({"kind": "serviceUnavailable", "path": PARTICIPATIONS_PATH}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);

    let token = access_token(&fake).await;
    let client = spapi_client(&fake);
    let list = client
        .marketplace_participations(&token.token)
        .await
        .unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().any(Participation::is_japan));
    client
        .restricted_data_token(&token.token, &buyer_info_request())
        .await
        .unwrap();

    let recorded: serde_json::Value = http
        .get(control("requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let recorded = recorded.as_array().unwrap();
    let paths: Vec<&str> = recorded
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            TOKEN_PATH,
            PARTICIPATIONS_PATH,
            PARTICIPATIONS_PATH,
            RESTRICTED_DATA_TOKEN_PATH
        ]
    );
    assert_eq!(
        recorded[0]["contentType"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        recorded[0]["form"],
        json!([
            ["grant_type", "refresh_token"],
            ["refresh_token", REFRESH_TOKEN],
            ["client_id", CLIENT_ID],
            ["client_secret", CLIENT_SECRET]
        ])
    );
    assert_eq!(recorded[1]["accessToken"], token.token.expose());

    let r = http
        .post(control("expire-access-tokens"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let err = client
        .marketplace_participations(&token.token)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "unauthorized");

    let r = http
        .post(control("refresh-tokens"))
        .json(
            &json!({"refreshToken": REFRESH_TOKEN, "clientId": CLIENT_ID, "marketplaces": ["XX"]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

#[test]
fn production_defaults() {
    let lwa = LwaConfig::default();
    assert_eq!(lwa.token_url, "https://api.amazon.com/auth/o2/token");
    assert_eq!(lwa.token_url, lwa::DEFAULT_TOKEN_URL);
    assert_eq!(lwa.timeout, Duration::from_secs(15));
    assert_eq!(lwa.reuse_margin, Duration::from_secs(60));
    assert!(lwa.max_retries > 0);

    let sp = SpApiConfig::default();
    assert_eq!(sp.base_url, "https://sellingpartnerapi-fe.amazon.com");
    assert_eq!(sp.base_url, spapi::DEFAULT_BASE_URL);
    assert_eq!(sp.timeout, Duration::from_secs(15));
    assert!(sp.max_retries > 0);

    assert!(LwaClient::new(lwa).is_ok());
    assert!(SpApiClient::new(sp).is_ok());
}

#[test]
fn plain_http_is_refused_except_on_loopback() {
    let err = LwaClient::new(LwaConfig {
        token_url: "http://api.amazon.com/auth/o2/token".into(),
        ..LwaConfig::default()
    })
    .unwrap_err();
    assert_eq!(err.code(), "bad_response");
    assert!(matches!(err, LwaError::Config { .. }));
    let err = SpApiClient::new(SpApiConfig {
        base_url: "http://sellingpartnerapi-fe.amazon.com".into(),
        ..SpApiConfig::default()
    })
    .unwrap_err();
    assert!(matches!(err, SpApiError::Config { .. }));
    assert!(SpApiClient::new(SpApiConfig {
        base_url: "http://localhost:1".into(),
        ..SpApiConfig::default()
    })
    .is_ok());
}

#[test]
fn the_urls_come_from_the_environment() {
    // The only test in this binary that reads or writes these variables.
    assert_eq!(TOKEN_URL_ENV, "KAGIBAN_LWA_TOKEN_URL");
    assert_eq!(BASE_URL_ENV, "KAGIBAN_SPAPI_BASE");
    std::env::set_var(TOKEN_URL_ENV, "http://127.0.0.1:4011/auth/o2/token");
    std::env::set_var(BASE_URL_ENV, "http://127.0.0.1:4011");
    let lwa = LwaConfig::from_env();
    let sp = SpApiConfig::from_env();
    assert_eq!(lwa.token_url, "http://127.0.0.1:4011/auth/o2/token");
    assert_eq!(lwa.timeout, Duration::from_secs(15));
    assert_eq!(sp.base_url, "http://127.0.0.1:4011");
    assert_eq!(sp.timeout, Duration::from_secs(15));
    std::env::set_var(TOKEN_URL_ENV, " ");
    std::env::set_var(BASE_URL_ENV, "");
    assert_eq!(LwaConfig::from_env().token_url, lwa::DEFAULT_TOKEN_URL);
    assert_eq!(SpApiConfig::from_env().base_url, spapi::DEFAULT_BASE_URL);
    std::env::remove_var(TOKEN_URL_ENV);
    std::env::remove_var(BASE_URL_ENV);
    assert_eq!(LwaConfig::from_env().token_url, lwa::DEFAULT_TOKEN_URL);
    assert_eq!(SpApiConfig::from_env().base_url, spapi::DEFAULT_BASE_URL);
}
