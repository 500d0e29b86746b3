//! The 楽楽明細 client against the local fake: the exact request (path, query, header) and
//! every outcome of the connection test.

use std::time::{Duration, Instant};

use kagiban_core::rakuraku::ConnectionOutcome;
use kagiban_core::secret::Secret;
use kagiban_fakes::rakuraku::{FakeRakuraku, Scripted, CUSTOMERS_PATH};
use kagiban_service::clients::rakuraku::{RakurakuClient, RakurakuConfig, RakurakuError};

const ACCOUNT: &str = "xxxxxxx";
const TOKEN: &str = "a1B2c3D4e5F6g7H8j9K0m1N2p3Q4r5S6t7U8v9W0x1Y2z3A4b5C6d7E8f9G0h1J2";
/// What the user enters: the real host; the fake takes its place through the override.
const MEISAI_URL: &str = "https://rbsample.eco-serv.jp/xxxxxxx/";

async fn fake() -> FakeRakuraku {
    let fake = FakeRakuraku::start().await;
    fake.add_account(ACCOUNT, TOKEN);
    fake
}

fn client(fake: &FakeRakuraku, timeout: Duration) -> RakurakuClient {
    RakurakuClient::new(RakurakuConfig {
        origin_override: Some(fake.base_url()),
        timeout,
        max_retries: 1,
        backoff_base: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(2),
    })
    .unwrap()
}

async fn test(fake: &FakeRakuraku, token: &str) -> Result<(), RakurakuError> {
    client(fake, Duration::from_secs(2))
        .test_connection(MEISAI_URL, &Secret::new(token))
        .await
}

fn assert_no_token(err: &RakurakuError) {
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(TOKEN), "token leaked in {shown}");
        assert!(!shown.contains(&TOKEN[..16]), "token leaked in {shown}");
    }
}

#[tokio::test]
async fn an_accepted_token_sends_the_exact_request() {
    let fake = fake().await;
    test(&fake, TOKEN).await.unwrap();
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/xxxxxxx/api/v1/customers/");
    assert_eq!(r.path, format!("/{ACCOUNT}{CUSTOMERS_PATH}"));
    assert_eq!(r.query.as_deref(), Some("keyword=kagiban-connection-test"));
    assert_eq!(r.api_token.as_deref(), Some(TOKEN));
    assert_eq!(r.accept.as_deref(), Some("application/json"));
    assert!(r
        .user_agent
        .as_deref()
        .unwrap_or_default()
        .starts_with("Kagiban/"));
}

#[tokio::test]
async fn a_refused_token_is_told_apart_and_never_retried() {
    let fake = fake().await;
    let other = "Z".repeat(64);
    let err = test(&fake, &other).await.unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::TokenRefused);
    assert!(matches!(err, RakurakuError::TokenRefused { status: 401 }));
    assert_eq!(fake.requests().len(), 1);
    assert_eq!(
        fake.requests()[0].api_token.as_deref(),
        Some(other.as_str())
    );

    fake.script(Scripted::Refuse(403));
    let err = test(&fake, TOKEN).await.unwrap_err();
    assert!(matches!(err, RakurakuError::TokenRefused { status: 403 }));
    assert_no_token(&err);
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn the_maintenance_page_is_not_taken_for_success() {
    let fake = fake().await;
    fake.script(Scripted::Maintenance);
    let err = test(&fake, TOKEN).await.unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::Maintenance);
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_wrong_url_is_told_apart() {
    let fake = fake().await;
    // An account the fake does not know: 404.
    let err = client(&fake, Duration::from_secs(2))
        .test_connection("https://rbsample.eco-serv.jp/other/", &Secret::new(TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::UrlWrong);
    assert_eq!(fake.requests()[0].path, "/other/api/v1/customers/");
    // A scripted 404 for the right account.
    fake.script(Scripted::NotFound);
    assert_eq!(
        test(&fake, TOKEN).await.unwrap_err().outcome(),
        ConnectionOutcome::UrlWrong
    );
    // Some other site answering 200 with something that is not JSON.
    fake.script(Scripted::Raw {
        status: 200,
        content_type: "text/plain".into(),
        body: "hello".into(),
    });
    let err = test(&fake, TOKEN).await.unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::UrlWrong);
    assert_no_token(&err);
}

#[tokio::test]
async fn a_slow_answer_times_out_and_is_not_retried() {
    let fake = fake().await;
    fake.script(Scripted::Hang(Duration::from_millis(1500)));
    let started = Instant::now();
    let err = client(&fake, Duration::from_millis(300))
        .test_connection(MEISAI_URL, &Secret::new(TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::Timeout);
    assert!(started.elapsed() < Duration::from_millis(1400));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn rate_limits_and_server_errors_are_retried_once() {
    let fake = fake().await;
    fake.script(Scripted::TooManyRequests {
        retry_after_secs: Some(0),
    });
    test(&fake, TOKEN).await.unwrap();
    assert_eq!(fake.requests().len(), 2);

    for _ in 0..2 {
        fake.script(Scripted::TooManyRequests {
            retry_after_secs: None,
        });
    }
    let err = test(&fake, TOKEN).await.unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::RateLimited);
    assert_eq!(fake.requests().len(), 4);

    for _ in 0..2 {
        fake.script(Scripted::Raw {
            status: 503,
            content_type: "text/html".into(),
            body: "<html>busy</html>".into(),
        });
    }
    assert_eq!(
        test(&fake, TOKEN).await.unwrap_err().outcome(),
        ConnectionOutcome::ServerError
    );
}

#[tokio::test]
async fn an_unreachable_host_is_a_network_error_without_the_token() {
    let fake = fake().await;
    let base = fake.base_url();
    drop(fake);
    let client = RakurakuClient::new(RakurakuConfig {
        origin_override: Some(base),
        timeout: Duration::from_secs(2),
        max_retries: 0,
        ..RakurakuConfig::default()
    })
    .unwrap();
    let err = client
        .test_connection(MEISAI_URL, &Secret::new(TOKEN))
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), ConnectionOutcome::Network);
    assert_no_token(&err);
}

#[tokio::test]
async fn a_token_that_cannot_be_a_header_is_refused_before_sending() {
    let fake = fake().await;
    let err = test(&fake, "bad\ntoken").await.unwrap_err();
    assert!(matches!(err, RakurakuError::Config { .. }));
    assert!(fake.requests().is_empty());
}
