//! Selling Partner API: marketplace participations and restricted data tokens.
//!
//! * `GET {base}/sellers/v1/marketplaceParticipations` (getMarketplaceParticipations, the cheap
//!   verification call of api-facts §2.5): `{"payload":[{"marketplace":{"id","name",
//!   "countryCode","defaultCurrencyCode","defaultLanguageCode","domainName"},"participation":
//!   {"isParticipating","hasSuspendedListings"}}]}`. Usage plan 0.016 req/s, burst 15.
//! * `POST {base}/tokens/2021-03-01/restrictedDataToken` (createRestrictedDataToken, §2.6):
//!   `{"restrictedDataToken":"Atz.sprdt|…","expiresIn":3600}`. Used to learn whether the app
//!   holds the roles for restricted data; the RDT itself is dropped at once.
//!
//! Both send the LWA access token in `x-amz-access-token` (no SigV4 since October 2023).
//! Errors come back as `{"errors":[{"code","message","details"}]}`. An expired, revoked or
//! missing access token answers **403** `Unauthorized` with a `details` about the access token
//! (api-facts §2.2); the same 403 `Unauthorized` "Access to requested resource is denied." with
//! empty `details` means the app lacks a role for the resource.
//!
//! Secrets (the access token, the RDT) never appear in errors, `Debug` output or logs.

use std::sync::Arc;
use std::time::Duration;

use kagiban_core::secret::Secret;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::{Method, StatusCode, Url};

use super::lwa::{
    checked_url, code_like, code_suffix, content_type, http_client, parse_json_object,
    parse_retry_after, retry_after_suffix, transport_error, with_retries, Failure, RetryPolicy,
    Scrubber, Transport,
};

/// The production SP-API host for the Far East region (Japan, Australia, Singapore).
pub const DEFAULT_BASE_URL: &str = "https://sellingpartnerapi-fe.amazon.com";
/// Environment variable that overrides [`DEFAULT_BASE_URL`] (tests, the end-to-end fake).
pub const BASE_URL_ENV: &str = "KAGIBAN_SPAPI_BASE";
/// The path of getMarketplaceParticipations.
pub const PARTICIPATIONS_PATH: &str = "/sellers/v1/marketplaceParticipations";
/// The path of createRestrictedDataToken.
pub const RESTRICTED_DATA_TOKEN_PATH: &str = "/tokens/2021-03-01/restrictedDataToken";
/// The Japan marketplace id.
pub const JAPAN_MARKETPLACE_ID: &str = "A1VC38T7YXB528";
/// The header that carries the LWA access token.
pub const ACCESS_TOKEN_HEADER: &str = "x-amz-access-token";
/// The header that carries the usage plan's rate (requests per second).
pub const RATE_LIMIT_HEADER: &str = "x-amzn-ratelimit-limit";

/// How the client talks to SP-API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpApiConfig {
    /// Scheme and host (and optional path prefix), without a trailing slash. Plain `http` is
    /// accepted for loopback hosts only.
    pub base_url: String,
    /// Per-request time limit, covering connect, headers and body.
    pub timeout: Duration,
    /// Retries after the first attempt, for 429, 5xx, timeouts and network errors.
    pub max_retries: u32,
    /// The first retry waits this long, doubling after each retry (unless the server says).
    pub backoff_base: Duration,
    /// The longest wait honoured from `Retry-After` or `x-amzn-RateLimit-Limit` (and the cap
    /// on the backoff).
    pub max_retry_after: Duration,
}

impl Default for SpApiConfig {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: Duration::from_secs(15),
            max_retries: 3,
            backoff_base: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl SpApiConfig {
    /// The production values, with `base_url` from `KAGIBAN_SPAPI_BASE` when it is set and not
    /// empty.
    pub fn from_env() -> Self {
        Self::with_base_url_override(std::env::var(BASE_URL_ENV).ok().as_deref())
    }

    /// The production values, with `base_url` replaced when `base_url` is `Some` and not blank.
    pub fn with_base_url_override(base_url: Option<&str>) -> Self {
        let mut config = Self::default();
        if let Some(base) = base_url.map(str::trim).filter(|b| !b.is_empty()) {
            config.base_url = base.to_owned();
        }
        config
    }
}

/// One marketplace the seller is registered in (an item of getMarketplaceParticipations).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    /// `marketplace.id`, e.g. `A1VC38T7YXB528` (Japan).
    pub marketplace_id: String,
    /// `marketplace.countryCode`, e.g. `JP`.
    pub country_code: String,
    /// `marketplace.name`, e.g. `Amazon.co.jp`.
    pub name: String,
    /// `marketplace.defaultCurrencyCode`, e.g. `JPY`.
    pub default_currency_code: String,
    /// `marketplace.defaultLanguageCode`, e.g. `ja_JP`.
    pub default_language_code: String,
    /// `marketplace.domainName`, e.g. `www.amazon.co.jp`.
    pub domain_name: String,
    /// `participation.isParticipating`.
    pub is_participating: bool,
    /// `participation.hasSuspendedListings`.
    pub has_suspended_listings: bool,
}

impl Participation {
    /// Whether this is the Japan marketplace.
    pub fn is_japan(&self) -> bool {
        self.marketplace_id == JAPAN_MARKETPLACE_ID
    }
}

/// A granted restricted data token: only its lifetime. The RDT itself was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RdtGranted {
    /// `expiresIn`, in seconds (3600).
    pub expires_in: u32,
}

/// Why an SP-API call failed. No variant carries a token.
#[derive(Debug, thiserror::Error)]
pub enum SpApiError {
    /// 401, or 403 about the access token (expired, revoked, malformed or missing): get a new
    /// access token. Never retried.
    #[error("Amazon SP-API refused the access token (expired, revoked or invalid)")]
    Unauthorized,
    /// 403 otherwise: the app lacks a role for the resource (or is not authorized by this
    /// seller). Never retried.
    #[error("Amazon SP-API denied access (HTTP 403{}): the app lacks a role for this resource", errors_suffix(.errors))]
    Forbidden {
        /// The `(code, message)` pairs of the errors body, scrubbed and shortened.
        errors: Vec<(String, String)>,
    },
    /// 429 after every retry.
    #[error("Amazon SP-API rate limit hit (HTTP 429{}{})", retry_after_suffix(.retry_after), rate_suffix(.rate_limit))]
    RateLimited {
        /// The server's last `Retry-After`, if any.
        retry_after: Option<Duration>,
        /// The last `x-amzn-RateLimit-Limit` (requests per second), if any.
        rate_limit: Option<f64>,
    },
    /// 5xx after every retry.
    #[error("Amazon SP-API is unavailable (HTTP {status})")]
    ServiceUnavailable {
        /// The last HTTP status.
        status: u16,
    },
    /// No complete answer within the time limit, after every retry.
    #[error("Amazon SP-API did not answer in time")]
    Timeout,
    /// An answer that could not be understood (not JSON, no payload, other 4xx …).
    #[error("unexpected answer from Amazon SP-API: {detail}")]
    BadResponse {
        /// What was wrong (never a secret).
        detail: String,
    },
    /// SP-API could not be reached, after every retry.
    #[error("could not reach Amazon SP-API: {detail}")]
    Network {
        /// The transport error, without the URL and scrubbed of secrets.
        detail: String,
    },
    /// The client could not be set up (bad base URL, TLS initialisation …).
    #[error("invalid Amazon SP-API client configuration: {detail}")]
    Config {
        /// What was wrong.
        detail: String,
    },
}

fn errors_suffix(errors: &[(String, String)]) -> String {
    let joined: String = errors
        .iter()
        .map(|(code, message)| {
            if message.is_empty() {
                format!(" {code}")
            } else {
                format!(" {code}: {message}")
            }
        })
        .collect::<Vec<_>>()
        .join(";")
        .chars()
        .take(300)
        .collect();
    if joined.is_empty() {
        joined
    } else {
        format!(",{joined}")
    }
}

fn rate_suffix(rate: &Option<f64>) -> String {
    rate.map(|r| format!(", rate limit {r}/s"))
        .unwrap_or_default()
}

impl SpApiError {
    /// The stable code: `unauthorized`, `missing_role`, `rate_limited`, `service_unavailable`,
    /// `timeout`, `bad_response`, `network`. A configuration error is a `bad_response`.
    pub fn code(&self) -> &'static str {
        match self {
            SpApiError::Unauthorized => "unauthorized",
            SpApiError::Forbidden { .. } => "missing_role",
            SpApiError::RateLimited { .. } => "rate_limited",
            SpApiError::ServiceUnavailable { .. } => "service_unavailable",
            SpApiError::Timeout => "timeout",
            SpApiError::BadResponse { .. } | SpApiError::Config { .. } => "bad_response",
            SpApiError::Network { .. } => "network",
        }
    }

    /// Whether trying again later may succeed (429, 5xx, timeout, network).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SpApiError::RateLimited { .. }
                | SpApiError::ServiceUnavailable { .. }
                | SpApiError::Timeout
                | SpApiError::Network { .. }
        )
    }

    fn scrubbed(self, secrets: &Scrubber) -> Self {
        match self {
            SpApiError::Forbidden { errors } => SpApiError::Forbidden {
                errors: errors
                    .into_iter()
                    .map(|(code, message)| (secrets.scrub(code), secrets.scrub(message)))
                    .collect(),
            },
            SpApiError::BadResponse { detail } => SpApiError::BadResponse {
                detail: secrets.scrub(detail),
            },
            SpApiError::Network { detail } => SpApiError::Network {
                detail: secrets.scrub(detail),
            },
            SpApiError::Config { detail } => SpApiError::Config {
                detail: secrets.scrub(detail),
            },
            other => other,
        }
    }
}

/// The SP-API client. Cheap to clone; clones share the HTTP connection pool.
#[derive(Clone)]
pub struct SpApiClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: SpApiConfig,
    participations: Url,
    restricted_data_token: Url,
}

impl std::fmt::Debug for SpApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpApiClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// What a request sends besides the token.
enum Body<'a> {
    None,
    Json(&'a serde_json::Value),
}

impl SpApiClient {
    /// Builds a client. Fails on a base URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: SpApiConfig) -> Result<Self, SpApiError> {
        let config_error = |detail: String| SpApiError::Config { detail };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero".into()));
        }
        let (base, loopback) = checked_url(&config.base_url, "base URL").map_err(config_error)?;
        let endpoint = |path: &str| {
            let mut url = base.clone();
            url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
            url
        };
        let participations = endpoint(PARTICIPATIONS_PATH);
        let restricted_data_token = endpoint(RESTRICTED_DATA_TOKEN_PATH);
        let http = http_client(config.timeout, loopback).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                participations,
                restricted_data_token,
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &SpApiConfig {
        &self.inner.config
    }

    /// getMarketplaceParticipations: the marketplaces the seller is registered in.
    ///
    /// 429 (after `Retry-After`, or `1 / x-amzn-RateLimit-Limit` seconds), 5xx, timeouts and
    /// network errors are retried; 401/403 never are.
    pub async fn marketplace_participations(
        &self,
        access_token: &Secret,
    ) -> Result<Vec<Participation>, SpApiError> {
        let body = self
            .call(
                Method::GET,
                &self.inner.participations,
                access_token,
                Body::None,
                "SP-API getMarketplaceParticipations",
            )
            .await?;
        let (content_type, bytes) = body;
        parse_participations(content_type.as_deref(), &bytes)
    }

    /// createRestrictedDataToken for `request_json` (`{"restrictedResources":[…]}`): whether
    /// the app may get restricted data. The RDT in the answer is read and dropped, never
    /// returned; only its lifetime is.
    pub async fn restricted_data_token(
        &self,
        access_token: &Secret,
        request_json: &serde_json::Value,
    ) -> Result<RdtGranted, SpApiError> {
        let (content_type, bytes) = self
            .call(
                Method::POST,
                &self.inner.restricted_data_token,
                access_token,
                Body::Json(request_json),
                "SP-API createRestrictedDataToken",
            )
            .await?;
        parse_rdt(content_type.as_deref(), &bytes)
    }

    /// One call with retries: the 2xx answer's content type and body.
    async fn call(
        &self,
        method: Method,
        url: &Url,
        access_token: &Secret,
        body: Body<'_>,
        what: &'static str,
    ) -> Result<(Option<String>, Vec<u8>), SpApiError> {
        let mut token = HeaderValue::from_str(access_token.expose()).map_err(|_| {
            // A token that cannot be a header value is not a token SP-API would accept.
            SpApiError::Unauthorized
        })?;
        token.set_sensitive(true);
        let mut secrets = Scrubber::default();
        secrets.add(access_token.expose());
        let config = &self.inner.config;
        let policy = RetryPolicy {
            max_retries: config.max_retries,
            backoff_base: config.backoff_base,
            max_retry_after: config.max_retry_after,
        };
        with_retries(
            &policy,
            what,
            || self.send(method.clone(), url, &token, &body, &secrets, what),
            SpApiError::is_transient,
            SpApiError::code,
        )
        .await
    }

    async fn send(
        &self,
        method: Method,
        url: &Url,
        token: &HeaderValue,
        body: &Body<'_>,
        secrets: &Scrubber,
        what: &'static str,
    ) -> Result<(Option<String>, Vec<u8>), Failure<SpApiError>> {
        let mut request = self
            .inner
            .http
            .request(method, url.clone())
            .header(HeaderName::from_static(ACCESS_TOKEN_HEADER), token.clone())
            .header(ACCEPT, "application/json");
        if let Body::Json(value) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(value.to_string());
        }
        let response = request
            .send()
            .await
            .map_err(|e| spapi_transport(e, secrets))?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| spapi_transport(e, secrets))?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = bytes.len(),
            request_id = headers
                .get("x-amzn-requestid")
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
            "{what} answered"
        );
        if status.is_success() {
            return Ok((content_type(&headers), bytes.to_vec()));
        }
        let mut failure = classify_error(status, &headers, &bytes);
        failure.error = failure.error.scrubbed(secrets);
        Err(failure)
    }
}

/// A non-2xx answer.
fn classify_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Failure<SpApiError> {
    let errors = error_entries(body);
    let first_code = || errors.first().and_then(|e| code_like(&e.code));
    match status.as_u16() {
        401 => SpApiError::Unauthorized.into(),
        403 => {
            // "The access token you provided has expired." / "… is revoked, malformed or
            // invalid." / "Access token is missing in the request header."
            let about_token = errors
                .iter()
                .any(|e| e.details.to_ascii_lowercase().contains("access token"));
            if about_token {
                SpApiError::Unauthorized.into()
            } else {
                SpApiError::Forbidden {
                    errors: errors
                        .iter()
                        .map(|e| {
                            (
                                code_like(&e.code).unwrap_or_default(),
                                shorten(&e.message, 120),
                            )
                        })
                        .collect(),
                }
                .into()
            }
        }
        429 => {
            let retry_after = parse_retry_after(headers);
            let rate_limit = parse_rate_limit(headers);
            // Without Retry-After, one request's worth of the usage plan's rate.
            let hint = retry_after.or_else(|| {
                rate_limit
                    .filter(|r| *r > 0.0)
                    .and_then(|r| Duration::try_from_secs_f64(1.0 / r).ok())
            });
            Failure {
                error: SpApiError::RateLimited {
                    retry_after,
                    rate_limit,
                },
                retry_after: hint,
            }
        }
        s @ 500..=599 => Failure {
            error: SpApiError::ServiceUnavailable { status: s },
            retry_after: parse_retry_after(headers),
        },
        s => SpApiError::BadResponse {
            detail: format!("HTTP {s}{}", code_suffix(first_code().as_deref())),
        }
        .into(),
    }
}

struct ErrorEntry {
    code: String,
    message: String,
    details: String,
}

/// The entries of `{"errors":[{"code","message","details"}]}`.
fn error_entries(body: &[u8]) -> Vec<ErrorEntry> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let text = |e: &serde_json::Value, name: &str| {
        e.get(name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    value
        .get("errors")
        .and_then(serde_json::Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .take(10)
                .map(|e| ErrorEntry {
                    code: text(e, "code"),
                    message: text(e, "message"),
                    details: text(e, "details"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// At most `max` characters, printable only.
fn shorten(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// `x-amzn-RateLimit-Limit` as requests per second.
fn parse_rate_limit(headers: &HeaderMap) -> Option<f64> {
    headers
        .get(RATE_LIMIT_HEADER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|r| r.is_finite() && *r >= 0.0)
}

fn bad(detail: impl Into<String>) -> SpApiError {
    SpApiError::BadResponse {
        detail: detail.into(),
    }
}

fn parse_participations(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Vec<Participation>, SpApiError> {
    let value = parse_json_object(content_type, body).map_err(bad)?;
    let payload = value
        .get("payload")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| bad("HTTP 200 without a payload array"))?;
    payload
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let text = |pointer: &str| {
                item.pointer(pointer)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let flag = |pointer: &str| item.pointer(pointer).and_then(serde_json::Value::as_bool);
            let marketplace_id = text("/marketplace/id");
            if marketplace_id.is_empty() {
                return Err(bad(format!("payload item {n} without a marketplace.id")));
            }
            let is_participating = flag("/participation/isParticipating").ok_or_else(|| {
                bad(format!(
                    "payload item {n} without a participation.isParticipating flag"
                ))
            })?;
            Ok(Participation {
                marketplace_id,
                country_code: text("/marketplace/countryCode"),
                name: text("/marketplace/name"),
                default_currency_code: text("/marketplace/defaultCurrencyCode"),
                default_language_code: text("/marketplace/defaultLanguageCode"),
                domain_name: text("/marketplace/domainName"),
                is_participating,
                has_suspended_listings: flag("/participation/hasSuspendedListings")
                    .unwrap_or(false),
            })
        })
        .collect()
}

fn parse_rdt(content_type: Option<&str>, body: &[u8]) -> Result<RdtGranted, SpApiError> {
    let value = parse_json_object(content_type, body).map_err(bad)?;
    let rdt = value
        .get("restrictedDataToken")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(Secret::new)
        .ok_or_else(|| bad("HTTP 200 without a restrictedDataToken string"))?;
    // Held only as a Secret (zeroed on drop) and never returned.
    drop(rdt);
    let expires_in = value
        .get("expiresIn")
        .and_then(serde_json::Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| bad("HTTP 200 whose expiresIn is not a whole number of seconds"))?;
    Ok(RdtGranted { expires_in })
}

fn spapi_transport(error: reqwest::Error, secrets: &Scrubber) -> Failure<SpApiError> {
    match transport_error(error, secrets) {
        Transport::Timeout => SpApiError::Timeout.into(),
        Transport::Builder(detail) => SpApiError::Config { detail }.into(),
        Transport::Network(detail) => SpApiError::Network { detail }.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: u16) -> StatusCode {
        StatusCode::from_u16(s).unwrap()
    }

    #[test]
    fn endpoints_keep_a_path_prefix() {
        let client = SpApiClient::new(SpApiConfig {
            base_url: "http://127.0.0.1:9/prefix/".into(),
            ..SpApiConfig::default()
        })
        .unwrap();
        assert_eq!(
            client.inner.participations.as_str(),
            "http://127.0.0.1:9/prefix/sellers/v1/marketplaceParticipations"
        );
        assert_eq!(
            client.inner.restricted_data_token.as_str(),
            "http://127.0.0.1:9/prefix/tokens/2021-03-01/restrictedDataToken"
        );
        for bad in [
            "http://sellingpartnerapi-fe.amazon.com",
            "https://h/?q",
            "nope",
        ] {
            let r = SpApiClient::new(SpApiConfig {
                base_url: bad.into(),
                ..SpApiConfig::default()
            });
            assert!(matches!(r, Err(SpApiError::Config { .. })), "{bad}");
        }
    }

    #[test]
    fn a_403_about_the_token_is_unauthorized_and_otherwise_a_missing_role() {
        for details in [
            "The access token you provided has expired.",
            "The access token you provided is revoked, malformed or invalid.",
            "Access token is missing in the request header.",
        ] {
            let body = serde_json::json!({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":details}]});
            let f = classify_error(status(403), &HeaderMap::new(), body.to_string().as_bytes());
            assert!(matches!(f.error, SpApiError::Unauthorized), "{details}");
        }
        let f = classify_error(
            status(403),
            &HeaderMap::new(),
            br#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}"#,
        );
        match f.error {
            SpApiError::Forbidden { errors } => assert_eq!(
                errors,
                [(
                    "Unauthorized".to_owned(),
                    "Access to requested resource is denied.".to_owned()
                )]
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            classify_error(status(401), &HeaderMap::new(), b"").error,
            SpApiError::Unauthorized
        ));
    }

    #[test]
    fn a_429_hints_at_the_rate_limit() {
        let mut headers = HeaderMap::new();
        headers.insert("x-amzn-RateLimit-Limit", HeaderValue::from_static("2.0"));
        let f = classify_error(status(429), &headers, b"");
        assert_eq!(f.retry_after, Some(Duration::from_millis(500)));
        assert!(matches!(
            f.error,
            SpApiError::RateLimited { retry_after: None, rate_limit: Some(r) } if r == 2.0
        ));
        headers.insert("retry-after", HeaderValue::from_static("3"));
        let f = classify_error(status(429), &headers, b"");
        assert_eq!(f.retry_after, Some(Duration::from_secs(3)));
        headers.insert("x-amzn-RateLimit-Limit", HeaderValue::from_static("NaN"));
        assert_eq!(parse_rate_limit(&headers), None);
    }

    #[test]
    fn other_statuses() {
        let f = classify_error(
            status(400),
            &HeaderMap::new(),
            br#"{"errors":[{"code":"InvalidRequest","message":"Request is missing or has invalid parameters","details":"Resource not provided."}]}"#,
        );
        assert!(
            matches!(&f.error, SpApiError::BadResponse { detail } if detail == "HTTP 400 InvalidRequest"),
            "{:?}",
            f.error
        );
        assert!(matches!(
            classify_error(status(503), &HeaderMap::new(), b"").error,
            SpApiError::ServiceUnavailable { status: 503 }
        ));
    }

    #[test]
    fn participations_parsing() {
        let body = br#"{"payload":[{"marketplace":{"id":"A1VC38T7YXB528","name":"Amazon.co.jp","countryCode":"JP","defaultCurrencyCode":"JPY","defaultLanguageCode":"ja_JP","domainName":"www.amazon.co.jp"},"participation":{"isParticipating":true,"hasSuspendedListings":false}}]}"#;
        let list = parse_participations(Some("application/json"), body).unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].is_japan());
        assert_eq!(list[0].domain_name, "www.amazon.co.jp");
        for bad_body in [
            &br#"{"errors":[]}"#[..],
            br#"{"payload":[{"marketplace":{},"participation":{"isParticipating":true}}]}"#,
            br#"{"payload":[{"marketplace":{"id":"X"}}]}"#,
            b"<html>",
        ] {
            assert!(parse_participations(None, bad_body).is_err());
        }
        assert!(parse_participations(None, br#"{"payload":[]}"#)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn rdt_parsing_keeps_only_the_lifetime() {
        let granted = parse_rdt(
            None,
            br#"{"restrictedDataToken":"Atz.sprdt|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR","expiresIn":3600}"#,
        )
        .unwrap();
        assert_eq!(granted, RdtGranted { expires_in: 3600 });
        assert!(parse_rdt(None, br#"{"expiresIn":3600}"#).is_err());
        assert!(parse_rdt(None, br#"{"restrictedDataToken":"x"}"#).is_err());
    }

    #[test]
    fn codes_are_stable() {
        let all = [
            (SpApiError::Unauthorized, "unauthorized"),
            (SpApiError::Forbidden { errors: vec![] }, "missing_role"),
            (
                SpApiError::RateLimited {
                    retry_after: None,
                    rate_limit: None,
                },
                "rate_limited",
            ),
            (
                SpApiError::ServiceUnavailable { status: 500 },
                "service_unavailable",
            ),
            (SpApiError::Timeout, "timeout"),
            (
                SpApiError::BadResponse { detail: "x".into() },
                "bad_response",
            ),
            (SpApiError::Network { detail: "x".into() }, "network"),
            (SpApiError::Config { detail: "x".into() }, "bad_response"),
        ];
        for (e, code) in all {
            assert_eq!(e.code(), code);
            assert!(!e.to_string().is_empty());
        }
    }
}
