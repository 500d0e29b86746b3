//! The RMS client against the local fake of LicenseManagementAPI.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use kagiban_core::verify::VerifyCode;
use kagiban_fakes::rms::{FakeRms, RecordedRequest, Scripted, EXPIRY_DATE_PATH};
use kagiban_service::clients::rms::{
    RmsClient, RmsConfig, RmsError, BASE_URL_ENV, DEFAULT_BASE_URL,
};

const SP: &str = "SP123456_aBcDeFgHiJkLmNoP";
const SL: &str = "SL123456_QrStUvWxYz012345";
/// `printf 'SP123456_aBcDeFgHiJkLmNoP:SL123456_QrStUvWxYz012345' | base64`, computed outside
/// the code under test.
const SP_SL_BASE64: &str = "U1AxMjM0NTZfYUJjRGVGZ0hpSmtMbU5vUDpTTDEyMzQ1Nl9RclN0VXZXeFl6MDEyMzQ1";
const EXPIRY: &str = "2027-02-28T23:59:59";

/// Small intervals so the whole file runs in a few seconds.
fn config(base_url: &str) -> RmsConfig {
    RmsConfig {
        base_url: base_url.to_owned(),
        timeout: Duration::from_secs(2),
        max_retries: 3,
        min_interval: Duration::from_millis(10),
        backoff_base: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(5),
    }
}

async fn fake_with_key() -> FakeRms {
    let fake = FakeRms::start().await;
    fake.add_key(SP, SL, EXPIRY, Duration::ZERO);
    fake
}

fn client(fake: &FakeRms) -> RmsClient {
    RmsClient::new(config(&fake.base_url())).expect("client")
}

/// Neither the error's Display nor its Debug may carry a secret or the request URL's query.
fn assert_no_secrets(err: &RmsError) {
    for shown in [err.to_string(), format!("{err:?}")] {
        for secret in [SP, SL, SP_SL_BASE64, "licenseKey=", "ESA "] {
            assert!(!shown.contains(secret), "{secret:?} leaked in {shown:?}");
        }
    }
}

fn gaps(requests: &[RecordedRequest]) -> Vec<Duration> {
    requests
        .windows(2)
        .map(|w| w[1].at.duration_since(w[0].at))
        .collect()
}

#[tokio::test]
async fn returns_the_exact_expiry_and_sends_the_exact_request() {
    let fake = fake_with_key().await;
    let expiry = client(&fake).license_expiry(SP, SL).await.unwrap();

    // 2027-02-28T23:59:59 JST
    assert_eq!(
        expiry,
        Utc.with_ymd_and_hms(2027, 2, 28, 14, 59, 59).unwrap()
    );
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/es/1.0/license-management/license-key/expiry-date");
    assert_eq!(r.path, EXPIRY_DATE_PATH);
    assert_eq!(
        r.query.as_deref(),
        Some(format!("licenseKey={SL}").as_str())
    );
    assert_eq!(
        r.authorization.as_deref(),
        Some(format!("ESA {SP_SL_BASE64}").as_str())
    );
    assert_eq!(r.accept.as_deref(), Some("application/json"));
    let ua = r.user_agent.as_deref().unwrap_or_default();
    assert!(
        ua.starts_with("Kagiban/") && ua.len() > "Kagiban/".len(),
        "{ua}"
    );
}

#[tokio::test]
async fn sends_the_documented_header_for_the_documented_example() {
    let fake = FakeRms::start().await;
    fake.add_key("aaa", "bbb", "2026-11-28T23:59:59", Duration::ZERO);
    let expiry = client(&fake).license_expiry("aaa", "bbb").await.unwrap();
    assert_eq!(
        expiry,
        Utc.with_ymd_and_hms(2026, 11, 28, 14, 59, 59).unwrap()
    );
    assert_eq!(
        fake.requests()[0].authorization.as_deref(),
        Some("ESA YWFhOmJiYg==")
    );
}

#[tokio::test]
async fn unauthorized_is_never_retried() {
    let fake = FakeRms::start().await;
    // The same serviceSecret with another licenseKey is registered; ours is not.
    fake.add_key(SP, "SL123456_other0000000000", EXPIRY, Duration::ZERO);
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(&err, RmsError::Unauthorized { rms_code: Some(c) } if c == "GA0001"),
        "{err:?}"
    );
    assert_eq!(err.code(), VerifyCode::Unauthorized);
    assert_eq!(fake.requests().len(), 1, "a 401 must not be retried");
    assert_no_secrets(&err);
}

#[tokio::test]
async fn an_expired_key_is_unauthorized() {
    let fake = FakeRms::start().await;
    fake.add_key(SP, SL, "2020-01-31T23:59:59", Duration::ZERO);
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::Unauthorized { .. }), "{err:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_new_key_answers_401_until_it_is_active() {
    let fake = FakeRms::start().await;
    let active_after = Duration::from_millis(700);
    let added = Instant::now();
    fake.add_key(SP, SL, EXPIRY, active_after);
    let client = client(&fake);

    let err = client.license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(&err, RmsError::Unauthorized { rms_code: Some(c) } if c == "GA0001"),
        "{err:?}"
    );
    assert_eq!(fake.requests().len(), 1);

    tokio::time::sleep(
        (added + active_after + Duration::from_millis(50))
            .saturating_duration_since(Instant::now()),
    )
    .await;
    let expiry = client.license_expiry(SP, SL).await.unwrap();
    assert_eq!(
        expiry,
        Utc.with_ymd_and_hms(2027, 2, 28, 14, 59, 59).unwrap()
    );
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn the_fake_answers_like_rms_to_malformed_requests() {
    let fake = fake_with_key().await;
    let http = reqwest::Client::new();
    let url = format!("{}{EXPIRY_DATE_PATH}", fake.base_url());
    let auth = format!("ESA {SP_SL_BASE64}");

    // licenseKey missing from the query → 400 DR0005.
    let r = http
        .get(&url)
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.text().await.unwrap(),
        r#"{"errors":[{"code":"DR0005","message":"licenseKey is required"}]}"#
    );

    // No Authorization → 401 GA0001.
    let r = http
        .get(format!("{url}?licenseKey={SL}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.text().await.unwrap(),
        r#"{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}"#
    );

    // The query's licenseKey differs from the header's → 401.
    let r = http
        .get(format!("{url}?licenseKey=SL123456_somethingElse0000"))
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // A registered active pair → 200 JSON.
    let r = http
        .get(format!("{url}?licenseKey={SL}"))
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"].to_str().unwrap(),
        "application/json;charset=UTF-8"
    );
    assert_eq!(
        r.text().await.unwrap(),
        format!(r#"{{"expiryDate":"{EXPIRY}"}}"#)
    );

    // POST → 405; an unknown path → 404.
    let r = http
        .post(format!("{url}?licenseKey={SL}"))
        .header("Authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    let r = http
        .get(format!("{}/es/1.0/nothing", fake.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    let methods: Vec<_> = fake.requests().iter().map(|r| r.method.clone()).collect();
    assert_eq!(methods, ["GET", "GET", "GET", "GET", "POST", "GET"]);
}

#[tokio::test]
async fn a_400_dr0005_is_missing_license_key_and_not_retried() {
    let fake = fake_with_key().await;
    fake.script(Scripted::MissingLicenseKey);
    let client = client(&fake);
    let err = client.license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::MissingLicenseKey), "{err:?}");
    assert_eq!(err.code(), VerifyCode::MissingLicenseKey);
    assert_eq!(fake.requests().len(), 1);
    assert_no_secrets(&err);

    // An empty licenseKey is never sent.
    let err = client.license_expiry(SP, "  ").await.unwrap_err();
    assert!(matches!(err, RmsError::MissingLicenseKey), "{err:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn other_4xx_answers_are_bad_responses_and_not_retried() {
    let fake = fake_with_key().await;
    let client = client(&fake);
    for status in [400, 403, 404, 405] {
        fake.script(Scripted::Raw {
            status,
            content_type: "application/json".into(),
            body: r#"{"errors":[{"code":"XX0001","message":"no"}]}"#.into(),
        });
        let before = fake.requests().len();
        let err = client.license_expiry(SP, SL).await.unwrap_err();
        assert!(
            matches!(&err, RmsError::BadResponse { detail } if detail.contains(&status.to_string())),
            "{status}: {err:?}"
        );
        assert_eq!(err.code(), VerifyCode::BadResponse);
        assert_eq!(fake.requests().len(), before + 1);
        assert_no_secrets(&err);
    }
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried_after_that_long() {
    let fake = fake_with_key().await;
    fake.script(Scripted::TooManyRequests {
        retry_after_secs: Some(1),
    });
    let expiry = client(&fake).license_expiry(SP, SL).await.unwrap();
    assert_eq!(
        expiry,
        Utc.with_ymd_and_hms(2027, 2, 28, 14, 59, 59).unwrap()
    );
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    let gap = gaps(&requests)[0];
    assert!(gap >= Duration::from_secs(1), "{gap:?}");
    assert!(gap < Duration::from_secs(2), "{gap:?}");
}

#[tokio::test]
async fn a_long_retry_after_is_capped() {
    let fake = fake_with_key().await;
    fake.script(Scripted::TooManyRequests {
        retry_after_secs: Some(3600),
    });
    let client = RmsClient::new(RmsConfig {
        max_retry_after: Duration::from_millis(200),
        ..config(&fake.base_url())
    })
    .unwrap();
    let started = Instant::now();
    client.license_expiry(SP, SL).await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    let gap = gaps(&fake.requests())[0];
    assert!(gap >= Duration::from_millis(200), "{gap:?}");
}

#[tokio::test]
async fn a_429_forever_gives_rate_limited_after_every_retry() {
    let fake = fake_with_key().await;
    for _ in 0..4 {
        fake.script(Scripted::TooManyRequests {
            retry_after_secs: None,
        });
    }
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(err, RmsError::RateLimited { retry_after: None }),
        "{err:?}"
    );
    assert_eq!(err.code(), VerifyCode::RateLimited);
    let requests = fake.requests();
    assert_eq!(requests.len(), 4, "1 request + max_retries (3)");
    // Exponential backoff: 20, 40, 80 ms.
    for (n, gap) in gaps(&requests).into_iter().enumerate() {
        let backoff = Duration::from_millis(20 * 2u64.pow(n as u32));
        assert!(gap >= backoff, "retry {n}: {gap:?} < {backoff:?}");
    }
    assert_no_secrets(&err);
}

#[tokio::test]
async fn a_503_is_retried_then_reported() {
    let fake = fake_with_key().await;
    for _ in 0..4 {
        fake.script(Scripted::ServiceUnavailable);
    }
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(err, RmsError::ServiceUnavailable { status: 503 }),
        "{err:?}"
    );
    assert_eq!(err.code(), VerifyCode::ServiceUnavailable);
    assert_eq!(fake.requests().len(), 4);
    assert_no_secrets(&err);
}

#[tokio::test]
async fn a_5xx_then_success_succeeds() {
    let fake = fake_with_key().await;
    fake.script(Scripted::InternalError);
    fake.script(Scripted::ServiceUnavailable);
    let expiry = client(&fake).license_expiry(SP, SL).await.unwrap();
    assert_eq!(
        expiry,
        Utc.with_ymd_and_hms(2027, 2, 28, 14, 59, 59).unwrap()
    );
    assert_eq!(fake.requests().len(), 3);
}

#[tokio::test]
async fn an_html_maintenance_page_is_a_bad_response() {
    let fake = fake_with_key().await;
    fake.script(Scripted::Html200);
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::BadResponse { .. }), "{err:?}");
    assert_eq!(err.code(), VerifyCode::BadResponse);
    assert_eq!(fake.requests().len(), 1);
    assert_no_secrets(&err);
}

#[tokio::test]
async fn html_sent_as_json_is_a_bad_response() {
    let fake = fake_with_key().await;
    fake.script(Scripted::Raw {
        status: 200,
        content_type: "application/json".into(),
        body: "<html><body>ただいまメンテナンス中です</body></html>".into(),
    });
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::BadResponse { .. }), "{err:?}");
}

#[tokio::test]
async fn malformed_or_incomplete_json_is_a_bad_response() {
    let fake = fake_with_key().await;
    let client = client(&fake);
    fake.script(Scripted::MalformedJson200);
    let err = client.license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::BadResponse { .. }), "{err:?}");
    assert_no_secrets(&err);

    for body in [
        r#"{"expiry":"2027-02-28T23:59:59"}"#,
        r#"{"expiryDate":20270228}"#,
        r#"{"expiryDate":"next February"}"#,
        r#"{"expiryDate":""}"#,
        "[]",
    ] {
        fake.script(Scripted::Raw {
            status: 200,
            content_type: "application/json;charset=UTF-8".into(),
            body: body.into(),
        });
        let err = client.license_expiry(SP, SL).await.unwrap_err();
        assert!(
            matches!(err, RmsError::BadResponse { .. }),
            "{body}: {err:?}"
        );
        assert_no_secrets(&err);
    }
    assert_eq!(fake.requests().len(), 6, "bad responses are not retried");
}

#[tokio::test]
async fn a_hang_past_the_timeout_is_a_timeout() {
    let fake = fake_with_key().await;
    fake.script(Scripted::Hang(Duration::from_secs(3)));
    fake.script(Scripted::Hang(Duration::from_secs(3)));
    let client = RmsClient::new(RmsConfig {
        timeout: Duration::from_secs(1),
        max_retries: 1,
        ..config(&fake.base_url())
    })
    .unwrap();
    let started = Instant::now();
    let err = client.license_expiry(SP, SL).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, RmsError::Timeout), "{err:?}");
    assert_eq!(err.code(), VerifyCode::Timeout);
    assert_eq!(fake.requests().len(), 2, "a timeout is retried");
    assert!(
        elapsed >= Duration::from_secs(2) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
    assert_no_secrets(&err);
}

#[tokio::test]
async fn a_short_hang_within_the_timeout_succeeds() {
    let fake = fake_with_key().await;
    fake.script(Scripted::Hang(Duration::from_millis(200)));
    client(&fake).license_expiry(SP, SL).await.unwrap();
    assert_eq!(fake.requests().len(), 1);
}

#[test]
fn production_defaults() {
    let d = RmsConfig::default();
    assert_eq!(d.base_url, "https://api.rms.rakuten.co.jp");
    assert_eq!(d.base_url, DEFAULT_BASE_URL);
    assert_eq!(d.timeout, Duration::from_secs(15));
    assert_eq!(d.min_interval, Duration::from_secs(1));
    assert_eq!(d.max_retries, 3);
    assert_eq!(d.backoff_base, Duration::from_secs(1));
    assert_eq!(d.max_retry_after, Duration::from_secs(60));
}

#[test]
fn the_base_url_comes_from_the_environment() {
    // The only test in this binary that reads or writes the variable.
    assert_eq!(BASE_URL_ENV, "KAGIBAN_RAKUTEN_API_BASE");
    std::env::set_var(BASE_URL_ENV, "http://127.0.0.1:4010");
    assert_eq!(RmsConfig::from_env().base_url, "http://127.0.0.1:4010");
    assert_eq!(RmsConfig::from_env().timeout, Duration::from_secs(15));
    std::env::set_var(BASE_URL_ENV, "");
    assert_eq!(RmsConfig::from_env().base_url, DEFAULT_BASE_URL);
    std::env::remove_var(BASE_URL_ENV);
    assert_eq!(RmsConfig::from_env().base_url, DEFAULT_BASE_URL);
}

#[tokio::test]
async fn consecutive_calls_are_min_interval_apart_across_clones() {
    let fake = fake_with_key().await;
    let client = RmsClient::new(RmsConfig {
        min_interval: Duration::from_millis(300),
        ..config(&fake.base_url())
    })
    .unwrap();
    client.license_expiry(SP, SL).await.unwrap();
    client.clone().license_expiry(SP, SL).await.unwrap();
    // Concurrent calls from clones queue up behind the same limiter.
    let other = client.clone();
    let (a, b) = tokio::join!(client.license_expiry(SP, SL), other.license_expiry(SP, SL));
    a.unwrap();
    b.unwrap();
    let requests = fake.requests();
    assert_eq!(requests.len(), 4);
    for gap in gaps(&requests) {
        assert!(gap >= Duration::from_millis(300), "{gap:?}");
    }
}

#[tokio::test]
async fn connection_refused_is_a_network_error() {
    // A port that was free a moment ago and has nothing listening now.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = RmsClient::new(config(&format!("http://127.0.0.1:{port}"))).unwrap();
    let err = client.license_expiry(SP, SL).await.unwrap_err();
    assert!(matches!(err, RmsError::Network { .. }), "{err:?}");
    assert_eq!(err.code(), VerifyCode::Network);
    assert_no_secrets(&err);
}

#[test]
fn a_bad_base_url_is_a_config_error() {
    for base in ["http://api.example.com", "not a url", ""] {
        let err = RmsClient::new(RmsConfig {
            base_url: base.into(),
            ..RmsConfig::default()
        })
        .unwrap_err();
        assert!(matches!(err, RmsError::Config { .. }), "{base}: {err:?}");
        assert_no_secrets(&err);
    }
}

#[tokio::test]
async fn every_error_variant_is_free_of_secrets() {
    let errors = [
        RmsError::Unauthorized {
            rms_code: Some("GA0001".into()),
        },
        RmsError::Unauthorized { rms_code: None },
        RmsError::MissingLicenseKey,
        RmsError::RateLimited {
            retry_after: Some(Duration::from_secs(1)),
        },
        RmsError::ServiceUnavailable { status: 503 },
        RmsError::Timeout,
    ];
    for err in &errors {
        assert_no_secrets(err);
        assert!(!err.to_string().is_empty());
    }
    // The variants with a free-form detail are checked where they are produced above
    // (BadResponse, Network, Config); here, a 401 body that echoes the key is not copied.
    let fake = FakeRms::start().await;
    fake.script(Scripted::Raw {
        status: 401,
        content_type: "application/json".into(),
        body: format!(r#"{{"errors":[{{"code":"{SL}: bad","message":"{SP}"}}]}}"#),
    });
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(err, RmsError::Unauthorized { rms_code: None }),
        "{err:?}"
    );
    assert_no_secrets(&err);
    // Nor a code that is exactly the key.
    fake.script(Scripted::Raw {
        status: 401,
        content_type: "application/json".into(),
        body: format!(r#"{{"errors":[{{"code":"{SL}","message":"x"}}]}}"#),
    });
    let err = client(&fake).license_expiry(SP, SL).await.unwrap_err();
    assert!(
        matches!(err, RmsError::Unauthorized { rms_code: None }),
        "{err:?}"
    );
    assert_no_secrets(&err);
}
