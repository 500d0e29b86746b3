//! Rakuten RMS WEB SERVICE client: LicenseManagementAPI `license.expiryDate.get`.
//!
//! `GET {base}/es/1.0/license-management/license-key/expiry-date?licenseKey=…` with
//! `Authorization: ESA base64(serviceSecret:licenseKey)` both verifies the pair and returns the
//! key's real expiry (`{"expiryDate":"2026-11-28T23:59:59"}`, JST without a zone).
//!
//! Secrets never leave this module except in the request itself: error messages, `Debug`
//! output and logs carry neither the serviceSecret, the licenseKey, the `Authorization` header
//! nor the request URL (whose query holds the licenseKey).

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use kagiban_core::expiry::parse_rms_expiry;
use kagiban_core::rakuten::authorization_header;
use kagiban_core::verify::VerifyCode;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{StatusCode, Url};
use tokio::sync::Mutex;

/// The production RMS API host.
pub const DEFAULT_BASE_URL: &str = "https://api.rms.rakuten.co.jp";
/// Environment variable that overrides [`DEFAULT_BASE_URL`] (tests, the end-to-end fake).
pub const BASE_URL_ENV: &str = "KAGIBAN_RAKUTEN_API_BASE";
/// The path of `license.expiryDate.get`.
pub const EXPIRY_DATE_PATH: &str = "/es/1.0/license-management/license-key/expiry-date";

const USER_AGENT: &str = concat!("Kagiban/", env!("CARGO_PKG_VERSION"));

/// How the client talks to RMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmsConfig {
    /// Scheme and host (and optional path prefix), without a trailing slash. Plain `http` is
    /// accepted for loopback hosts only.
    pub base_url: String,
    /// Per-request time limit, covering connect, headers and body.
    pub timeout: Duration,
    /// Retries after the first attempt, for 429, 5xx, timeouts and network errors.
    pub max_retries: u32,
    /// At most one request per this interval across all clones of a client (RMS documents
    /// 「1秒に1リクエストまで」). Retries count too.
    pub min_interval: Duration,
    /// The first retry waits this long, doubling after each retry (unless `Retry-After` says).
    pub backoff_base: Duration,
    /// The longest wait honoured from `Retry-After` (and the cap on the backoff).
    pub max_retry_after: Duration,
}

impl Default for RmsConfig {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: Duration::from_secs(15),
            max_retries: 3,
            min_interval: Duration::from_secs(1),
            backoff_base: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RmsConfig {
    /// The production values, with `base_url` from `KAGIBAN_RAKUTEN_API_BASE` when it is set
    /// and not empty.
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

/// Why `license.expiryDate.get` failed. No variant carries a secret or the request URL.
#[derive(Debug, thiserror::Error)]
pub enum RmsError {
    /// 401: the pair was refused (expired, mistyped, not active yet, or the API not enabled).
    /// Never retried.
    #[error("Rakuten RMS refused the serviceSecret/licenseKey pair (HTTP 401{})", code_suffix(.rms_code))]
    Unauthorized { rms_code: Option<String> },
    /// 400 DR0005: the request lacked the licenseKey parameter.
    #[error("Rakuten RMS says the licenseKey parameter is missing (HTTP 400 DR0005)")]
    MissingLicenseKey,
    /// 429 after every retry.
    #[error("Rakuten RMS rate limit hit (HTTP 429{})", retry_after_suffix(.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    /// 5xx after every retry.
    #[error("Rakuten RMS is unavailable (HTTP {status})")]
    ServiceUnavailable { status: u16 },
    /// No complete answer within the time limit, after every retry.
    #[error("Rakuten RMS did not answer in time")]
    Timeout,
    /// An answer that could not be understood (not JSON, no expiryDate, unexpected status …).
    #[error("unexpected answer from Rakuten RMS: {detail}")]
    BadResponse { detail: String },
    /// RMS could not be reached, after every retry.
    #[error("could not reach Rakuten RMS: {detail}")]
    Network { detail: String },
    /// The client could not be set up (bad base URL, TLS initialisation …).
    #[error("invalid Rakuten RMS client configuration: {detail}")]
    Config { detail: String },
}

fn code_suffix(code: &Option<String>) -> String {
    code.as_deref()
        .map(|c| format!(", {c}"))
        .unwrap_or_default()
}

fn retry_after_suffix(retry_after: &Option<Duration>) -> String {
    retry_after
        .map(|d| format!(", Retry-After {} s", d.as_secs()))
        .unwrap_or_default()
}

impl RmsError {
    /// The verification outcome this error stands for. `Unauthorized` stays `Unauthorized`:
    /// the service tells a not-yet-active key from the issue time. A configuration error is a
    /// `BadResponse` (permanent; the user should contact support).
    pub fn code(&self) -> VerifyCode {
        match self {
            RmsError::Unauthorized { .. } => VerifyCode::Unauthorized,
            RmsError::MissingLicenseKey => VerifyCode::MissingLicenseKey,
            RmsError::RateLimited { .. } => VerifyCode::RateLimited,
            RmsError::ServiceUnavailable { .. } => VerifyCode::ServiceUnavailable,
            RmsError::Timeout => VerifyCode::Timeout,
            RmsError::BadResponse { .. } | RmsError::Config { .. } => VerifyCode::BadResponse,
            RmsError::Network { .. } => VerifyCode::Network,
        }
    }

    /// Whether the client retries this error (429, 5xx, timeout, network).
    fn is_retryable(&self) -> bool {
        matches!(
            self,
            RmsError::RateLimited { .. }
                | RmsError::ServiceUnavailable { .. }
                | RmsError::Timeout
                | RmsError::Network { .. }
        )
    }
}

/// The RMS client. Cheap to clone; clones share the HTTP connection pool and the rate limiter.
#[derive(Clone)]
pub struct RmsClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: RmsConfig,
    /// The expiry-date endpoint, without a query.
    endpoint: Url,
    /// When the last request finished (or started, while one is in flight). Held across a
    /// request, so requests of one client never overlap and are `min_interval` apart.
    last_request: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for RmsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RmsClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// A failed attempt, with the server's `Retry-After` when it gave one.
struct Failure {
    error: RmsError,
    retry_after: Option<Duration>,
}

impl From<RmsError> for Failure {
    fn from(error: RmsError) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

impl RmsClient {
    /// Builds a client. Fails on a base URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: RmsConfig) -> Result<Self, RmsError> {
        let config_error = |detail: &str| RmsError::Config {
            detail: detail.to_owned(),
        };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero"));
        }
        let base = Url::parse(config.base_url.trim())
            .map_err(|_| config_error("the base URL is not a valid absolute URL"))?;
        let host = base
            .host_str()
            .ok_or_else(|| config_error("the base URL has no host"))?;
        let loopback = host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        match base.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(config_error(
                    "plain http is allowed for loopback hosts only; use https",
                ))
            }
            _ => return Err(config_error("the base URL must use https")),
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(config_error(
                "the base URL must not have a query or fragment",
            ));
        }
        if !base.username().is_empty() || base.password().is_some() {
            return Err(config_error(
                "the base URL must not contain user information",
            ));
        }
        let mut endpoint = base.clone();
        endpoint.set_path(&format!(
            "{}{EXPIRY_DATE_PATH}",
            base.path().trim_end_matches('/')
        ));

        let mut builder = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .user_agent(USER_AGENT)
            // A redirect would be unexpected, and following one would resend the licenseKey.
            .redirect(reqwest::redirect::Policy::none());
        if loopback {
            builder = builder.no_proxy();
        }
        let http = builder
            .build()
            .map_err(|_| config_error("the HTTP client could not be initialised"))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                endpoint,
                last_request: Mutex::new(None),
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &RmsConfig {
        &self.inner.config
    }

    /// `license.expiryDate.get`: verifies the pair and returns the key's real expiry (UTC).
    ///
    /// 429, 5xx, timeouts and network errors are retried up to `max_retries` times with
    /// exponential backoff (or the server's `Retry-After`, capped); a 401 never is.
    pub async fn license_expiry(
        &self,
        service_secret: &str,
        license_key: &str,
    ) -> Result<DateTime<Utc>, RmsError> {
        if license_key.trim().is_empty() {
            return Err(RmsError::MissingLicenseKey);
        }
        let header = authorization_header(service_secret, license_key);
        let mut authorization =
            HeaderValue::from_str(header.expose()).map_err(|_| RmsError::Config {
                detail: "the credentials cannot be sent in an HTTP header".to_owned(),
            })?;
        authorization.set_sensitive(true);
        let mut url = self.inner.endpoint.clone();
        url.query_pairs_mut().append_pair("licenseKey", license_key);
        let encoded_query = url.query().unwrap_or_default().to_owned();
        let base64 = header.expose().trim_start_matches("ESA ");
        let secrets = Secrets(vec![
            service_secret,
            license_key,
            base64,
            encoded_query.as_str(),
        ]);

        let config = &self.inner.config;
        let mut retry = 0u32;
        loop {
            match self.attempt(&url, &authorization, &secrets).await {
                Ok(expiry) => return Ok(expiry),
                Err(Failure { error, retry_after })
                    if error.is_retryable() && retry < config.max_retries =>
                {
                    let delay = match retry_after {
                        Some(d) => d.min(config.max_retry_after),
                        None => backoff(config, retry),
                    };
                    tracing::debug!(
                        retry = retry + 1,
                        code = %error.code(),
                        delay_ms = delay.as_millis() as u64,
                        "RMS license.expiryDate.get failed; retrying"
                    );
                    tokio::time::sleep(delay).await;
                    retry += 1;
                }
                Err(Failure { error, .. }) => {
                    tracing::debug!(code = %error.code(), "RMS license.expiryDate.get failed");
                    return Err(error);
                }
            }
        }
    }

    /// One request, spaced `min_interval` after the previous one of this client.
    async fn attempt(
        &self,
        url: &Url,
        authorization: &HeaderValue,
        secrets: &Secrets<'_>,
    ) -> Result<DateTime<Utc>, Failure> {
        let mut last = self.inner.last_request.lock().await;
        if let Some(previous) = *last {
            let wait = (previous + self.inner.config.min_interval)
                .saturating_duration_since(Instant::now());
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        *last = Some(Instant::now());
        let result = self.send(url, authorization, secrets).await;
        // Counting from the end of the exchange keeps requests `min_interval` apart as the
        // server sees them, whatever the latency.
        *last = Some(Instant::now());
        result
    }

    async fn send(
        &self,
        url: &Url,
        authorization: &HeaderValue,
        secrets: &Secrets<'_>,
    ) -> Result<DateTime<Utc>, Failure> {
        let response = self
            .inner
            .http
            .get(url.clone())
            .header(AUTHORIZATION, authorization.clone())
            .header(ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| transport_error(e, secrets))?;
        let status = response.status();
        let retry_after = parse_retry_after(response.headers());
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(e, secrets))?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "RMS license.expiryDate.get answered"
        );
        classify(status, content_type.as_deref(), &body, retry_after).map_err(|mut failure| {
            failure.error = secrets.sanitize(failure.error);
            failure
        })
    }
}

/// `backoff_base × 2^retry`, capped at `max_retry_after`.
fn backoff(config: &RmsConfig, retry: u32) -> Duration {
    config
        .backoff_base
        .checked_mul(2u32.saturating_pow(retry))
        .unwrap_or(config.max_retry_after)
        .min(config.max_retry_after)
}

fn classify(
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
    retry_after: Option<Duration>,
) -> Result<DateTime<Utc>, Failure> {
    match status.as_u16() {
        200..=299 => parse_success(content_type, body).map_err(Failure::from),
        401 => Err(RmsError::Unauthorized {
            rms_code: error_codes(body).into_iter().next(),
        }
        .into()),
        400 => {
            let codes = error_codes(body);
            if codes.iter().any(|c| c == "DR0005") {
                Err(RmsError::MissingLicenseKey.into())
            } else {
                Err(bad_response(format!(
                    "HTTP 400{}",
                    code_suffix(&codes.into_iter().next())
                ))
                .into())
            }
        }
        429 => Err(Failure {
            error: RmsError::RateLimited { retry_after },
            retry_after,
        }),
        s @ 500..=599 => Err(Failure {
            error: RmsError::ServiceUnavailable { status: s },
            retry_after,
        }),
        s => Err(bad_response(format!(
            "unexpected HTTP status {s}{}",
            code_suffix(&error_codes(body).into_iter().next())
        ))
        .into()),
    }
}

fn bad_response(detail: impl Into<String>) -> RmsError {
    RmsError::BadResponse {
        detail: detail.into(),
    }
}

/// A 2xx body must be JSON with a string `expiryDate` in RMS's format.
fn parse_success(content_type: Option<&str>, body: &[u8]) -> Result<DateTime<Utc>, RmsError> {
    if let Some(ct) = content_type {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        if !essence.contains("json") {
            let shown: String = essence
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(60)
                .collect();
            return Err(bad_response(format!(
                "HTTP 200 with content type {shown:?} instead of JSON (maintenance page?)"
            )));
        }
    }
    let text = String::from_utf8_lossy(body);
    if text.trim_start().starts_with('<') {
        return Err(bad_response(
            "HTTP 200 with an HTML page instead of JSON (maintenance page?)",
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|_| bad_response("HTTP 200 whose body is not valid JSON"))?;
    let expiry = value
        .get("expiryDate")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| bad_response("HTTP 200 without an expiryDate string"))?;
    parse_rms_expiry(expiry).map_err(|e| bad_response(format!("expiryDate: {e}")))
}

/// The error codes of `{"errors":[{"code":…}]}` (or the 2.0 gateway's
/// `{"Results":{"errorCode":…}}`), keeping only short code-like values.
fn error_codes(body: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let mut codes: Vec<&str> = value
        .get("errors")
        .and_then(serde_json::Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e.get("code").and_then(serde_json::Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    if let Some(code) = value
        .pointer("/Results/errorCode")
        .and_then(serde_json::Value::as_str)
    {
        codes.push(code);
    }
    codes
        .into_iter()
        .filter(|c| {
            !c.is_empty()
                && c.len() <= 32
                && c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        })
        .map(str::to_owned)
        .collect()
}

/// `Retry-After` in seconds, or as an HTTP date.
fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?;
    Some(
        (at.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

/// Values that must never appear in an error message.
struct Secrets<'a>(Vec<&'a str>);

impl Secrets<'_> {
    /// Drops an error code that contains a secret and redacts secrets from details (a server
    /// that echoes the request must not make the key show up in a message).
    fn sanitize(&self, error: RmsError) -> RmsError {
        match error {
            RmsError::Unauthorized { rms_code } => RmsError::Unauthorized {
                rms_code: rms_code.filter(|c| self.scrub(c.clone()) == *c),
            },
            RmsError::BadResponse { detail } => RmsError::BadResponse {
                detail: self.scrub(detail),
            },
            RmsError::Network { detail } => RmsError::Network {
                detail: self.scrub(detail),
            },
            RmsError::Config { detail } => RmsError::Config {
                detail: self.scrub(detail),
            },
            other => other,
        }
    }

    fn scrub(&self, mut text: String) -> String {
        for secret in self.0.iter().filter(|s| !s.is_empty()) {
            if text.contains(secret) {
                text = text.replace(secret, "<redacted>");
            }
        }
        text
    }
}

/// A reqwest error without the URL (its query holds the licenseKey) and with its causes.
fn transport_error(error: reqwest::Error, secrets: &Secrets<'_>) -> Failure {
    if error.is_timeout() {
        return RmsError::Timeout.into();
    }
    let builder = error.is_builder();
    let error = error.without_url();
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        detail.push_str(": ");
        detail.push_str(&cause.to_string());
        source = cause.source();
    }
    let detail = secrets.scrub(detail);
    if builder {
        RmsError::Config { detail }.into()
    } else {
        RmsError::Network { detail }.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(parse_retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
        );
        assert_eq!(parse_retry_after(&headers), Some(Duration::ZERO));
        let later = (Utc::now() + chrono::Duration::seconds(120)).to_rfc2822();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&later).unwrap());
        let d = parse_retry_after(&headers).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_secs(120),
            "{d:?}"
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(parse_retry_after(&headers), None);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let config = RmsConfig::default();
        let secs: Vec<u64> = (0..8).map(|n| backoff(&config, n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(backoff(&config, u32::MAX), Duration::from_secs(60));
    }

    #[test]
    fn error_codes_are_read_from_both_shapes_and_sanitised() {
        assert_eq!(
            error_codes(br#"{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}"#),
            ["GA0001"]
        );
        assert_eq!(
            error_codes(br#"{"Results":{"errorCode":"ES01-01","message":"x"}}"#),
            ["ES01-01"]
        );
        assert!(error_codes(br#"{"errors":[{"code":"SL123 leaked: key"}]}"#).is_empty());
        assert!(error_codes(b"<html>").is_empty());
    }

    #[test]
    fn base_url_rules() {
        let with = |base: &str| RmsConfig {
            base_url: base.to_owned(),
            ..RmsConfig::default()
        };
        assert!(RmsClient::new(RmsConfig::default()).is_ok());
        assert!(RmsClient::new(with("http://127.0.0.1:9/")).is_ok());
        assert!(RmsClient::new(with("http://localhost:9/prefix")).is_ok());
        for bad in [
            "http://api.rms.rakuten.co.jp",
            "ftp://127.0.0.1",
            "not a url",
            "https://h/?x=1",
            "https://u:p@h/",
        ] {
            assert!(
                matches!(RmsClient::new(with(bad)), Err(RmsError::Config { .. })),
                "{bad}"
            );
        }
        let client = RmsClient::new(with("http://localhost:9/prefix/")).unwrap();
        assert_eq!(
            client.inner.endpoint.as_str(),
            "http://localhost:9/prefix/es/1.0/license-management/license-key/expiry-date"
        );
    }

    #[test]
    fn base_url_override() {
        assert_eq!(
            RmsConfig::with_base_url_override(Some("  ")).base_url,
            DEFAULT_BASE_URL
        );
        assert_eq!(
            RmsConfig::with_base_url_override(None).base_url,
            DEFAULT_BASE_URL
        );
        assert_eq!(
            RmsConfig::with_base_url_override(Some("http://127.0.0.1:5000")).base_url,
            "http://127.0.0.1:5000"
        );
    }
}
