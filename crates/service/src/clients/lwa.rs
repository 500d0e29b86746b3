//! Login with Amazon: the refresh-token grant.
//!
//! `POST https://api.amazon.com/auth/o2/token` (one host for every region, Japan included:
//! api-facts §2.1) with the form `grant_type=refresh_token&refresh_token=…&client_id=…&
//! client_secret=…` answers `{"access_token":"Atza|…","token_type":"bearer","expires_in":3600}`.
//! A revoked or expired authorization answers 400 `invalid_grant`; a wrong (or rotated) client
//! secret answers 401 `invalid_client` (api-facts §2.2).
//!
//! Access tokens are kept in memory only (never persisted), keyed by the client id and a keyed
//! hash of the refresh token, and reused only while more than `reuse_margin` (60 s) of their
//! hour is left.
//!
//! Secrets never leave this module except in the request itself: error messages, `Debug`
//! output and logs carry neither the client secret, the refresh token, the access token nor the
//! request body. A few helpers here are shared with the SP-API client ([`super::spapi`]).

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::future::Future;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use kagiban_core::secret::Secret;
use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{StatusCode, Url};

/// The production LWA token endpoint (all SP-API regions, Japan included).
pub const DEFAULT_TOKEN_URL: &str = "https://api.amazon.com/auth/o2/token";
/// Environment variable that overrides [`DEFAULT_TOKEN_URL`] (tests, the end-to-end fake).
pub const TOKEN_URL_ENV: &str = "KAGIBAN_LWA_TOKEN_URL";
/// The documented access-token lifetime, assumed when LWA leaves `expires_in` out.
pub const DEFAULT_EXPIRES_IN: Duration = Duration::from_secs(3600);

/// The longest `expires_in` believed (a day), whatever the server says.
const MAX_EXPIRES_IN: Duration = Duration::from_secs(24 * 3600);

pub(crate) const USER_AGENT: &str =
    concat!("Kagiban/", env!("CARGO_PKG_VERSION"), " (Language=Rust)");

/// How the client talks to LWA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LwaConfig {
    /// The full token endpoint URL. Plain `http` is accepted for loopback hosts only.
    pub token_url: String,
    /// Per-request time limit, covering connect, headers and body.
    pub timeout: Duration,
    /// Retries after the first attempt, for 429, 5xx, timeouts and network errors.
    pub max_retries: u32,
    /// The first retry waits this long, doubling after each retry (unless `Retry-After` says).
    pub backoff_base: Duration,
    /// The longest wait honoured from `Retry-After` (and the cap on the backoff).
    pub max_retry_after: Duration,
    /// A cached access token is reused only while it has more than this left.
    pub reuse_margin: Duration,
}

impl Default for LwaConfig {
    fn default() -> Self {
        Self {
            token_url: DEFAULT_TOKEN_URL.to_owned(),
            timeout: Duration::from_secs(15),
            max_retries: 3,
            backoff_base: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(60),
            reuse_margin: Duration::from_secs(60),
        }
    }
}

impl LwaConfig {
    /// The production values, with `token_url` from `KAGIBAN_LWA_TOKEN_URL` when it is set and
    /// not empty.
    pub fn from_env() -> Self {
        Self::with_token_url_override(std::env::var(TOKEN_URL_ENV).ok().as_deref())
    }

    /// The production values, with `token_url` replaced when `token_url` is `Some` and not
    /// blank.
    pub fn with_token_url_override(token_url: Option<&str>) -> Self {
        let mut config = Self::default();
        if let Some(url) = token_url.map(str::trim).filter(|u| !u.is_empty()) {
            config.token_url = url.to_owned();
        }
        config
    }
}

/// An LWA access token. `Debug` shows the expiry only; the token itself is a [`Secret`].
#[derive(Clone)]
pub struct AccessToken {
    /// The `Atza|…` token, for the `x-amz-access-token` header.
    pub token: Secret,
    /// When it expires: the request's start plus `expires_in` (so never later than LWA's).
    pub expires_at: DateTime<Utc>,
    /// A new refresh token, when LWA sent one with this grant (rare on the refresh grant): it
    /// replaces the stored one. Always `None` on a token served from the cache.
    pub refresh_token: Option<Secret>,
    /// The same deadline on the monotonic clock.
    valid_until: Instant,
}

impl AccessToken {
    /// The time left before it expires (zero once expired).
    pub fn remaining(&self) -> Duration {
        self.valid_until.saturating_duration_since(Instant::now())
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// Why the refresh grant failed. No variant carries a secret or the request body.
#[derive(Debug, thiserror::Error)]
pub enum LwaError {
    /// 400 `invalid_grant`: the seller's authorization expired (365 days) or was revoked, or the
    /// refresh token is wrong. The seller must re-authorize the app. Never retried.
    #[error("Login with Amazon refused the refresh token (invalid_grant): the authorization expired or was revoked")]
    InvalidGrant,
    /// 401 (or 400) `invalid_client`: the client id or secret is wrong, or the secret was
    /// rotated (every 180 days). Never retried.
    #[error("Login with Amazon refused the client id/secret (invalid_client): the secret is wrong or was rotated")]
    InvalidClient,
    /// 429 after every retry.
    #[error("Login with Amazon rate limit hit (HTTP 429{})", retry_after_suffix(.retry_after))]
    RateLimited {
        /// The server's last `Retry-After`, if any.
        retry_after: Option<Duration>,
    },
    /// 5xx after every retry.
    #[error("Login with Amazon is unavailable (HTTP {status})")]
    ServiceUnavailable {
        /// The last HTTP status.
        status: u16,
    },
    /// No complete answer within the time limit, after every retry.
    #[error("Login with Amazon did not answer in time")]
    Timeout,
    /// An answer that could not be understood (not JSON, no access_token, other 4xx …).
    #[error("unexpected answer from Login with Amazon: {detail}")]
    BadResponse {
        /// What was wrong (never a secret).
        detail: String,
    },
    /// LWA could not be reached, after every retry.
    #[error("could not reach Login with Amazon: {detail}")]
    Network {
        /// The transport error, without the URL and scrubbed of secrets.
        detail: String,
    },
    /// The client could not be set up (bad token URL, TLS initialisation …).
    #[error("invalid Login with Amazon client configuration: {detail}")]
    Config {
        /// What was wrong.
        detail: String,
    },
}

impl LwaError {
    /// The stable code: `invalid_grant`, `invalid_client`, `rate_limited`,
    /// `service_unavailable`, `timeout`, `bad_response`, `network`. A configuration error is a
    /// `bad_response` (permanent; a bug or a broken install).
    pub fn code(&self) -> &'static str {
        match self {
            LwaError::InvalidGrant => "invalid_grant",
            LwaError::InvalidClient => "invalid_client",
            LwaError::RateLimited { .. } => "rate_limited",
            LwaError::ServiceUnavailable { .. } => "service_unavailable",
            LwaError::Timeout => "timeout",
            LwaError::BadResponse { .. } | LwaError::Config { .. } => "bad_response",
            LwaError::Network { .. } => "network",
        }
    }

    /// Whether trying again later may succeed (429, 5xx, timeout, network).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            LwaError::RateLimited { .. }
                | LwaError::ServiceUnavailable { .. }
                | LwaError::Timeout
                | LwaError::Network { .. }
        )
    }

    fn scrubbed(self, secrets: &Scrubber) -> Self {
        match self {
            LwaError::BadResponse { detail } => LwaError::BadResponse {
                detail: secrets.scrub(detail),
            },
            LwaError::Network { detail } => LwaError::Network {
                detail: secrets.scrub(detail),
            },
            LwaError::Config { detail } => LwaError::Config {
                detail: secrets.scrub(detail),
            },
            other => other,
        }
    }
}

pub(crate) fn retry_after_suffix(retry_after: &Option<Duration>) -> String {
    retry_after
        .map(|d| format!(", Retry-After {} s", d.as_secs()))
        .unwrap_or_default()
}

/// The LWA client. Cheap to clone; clones share the HTTP connection pool and the token cache.
#[derive(Clone)]
pub struct LwaClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: LwaConfig,
    endpoint: Url,
    cache: Mutex<HashMap<CacheKey, CacheEntry>>,
    /// Per-process random keys: the cache holds no refresh token or secret, only these hashes.
    hash_a: RandomState,
    hash_b: RandomState,
}

#[derive(Hash, PartialEq, Eq)]
struct CacheKey {
    client_id: String,
    refresh_token_hash: u128,
}

struct CacheEntry {
    /// A token obtained with another client secret is not reused: a new secret must be
    /// checked against LWA, not answered from the cache.
    client_secret_hash: u128,
    token: AccessToken,
}

impl std::fmt::Debug for LwaClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LwaClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// The parsed grant.
struct Grant {
    access_token: String,
    expires_in: Duration,
    refresh_token: Option<String>,
}

impl LwaClient {
    /// Builds a client. Fails on a token URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: LwaConfig) -> Result<Self, LwaError> {
        let config_error = |detail: String| LwaError::Config { detail };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero".into()));
        }
        let (endpoint, loopback) =
            checked_url(&config.token_url, "token URL").map_err(config_error)?;
        let http = http_client(config.timeout, loopback).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                endpoint,
                cache: Mutex::new(HashMap::new()),
                hash_a: RandomState::new(),
                hash_b: RandomState::new(),
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &LwaConfig {
        &self.inner.config
    }

    /// The refresh-token grant: an access token for this seller authorization.
    ///
    /// A token cached from an earlier call with the same client id, client secret and refresh
    /// token is returned without a request while it has more than `reuse_margin` left.
    /// 429, 5xx, timeouts and network errors are retried up to `max_retries` times with
    /// exponential backoff (or the server's `Retry-After`, capped); `invalid_grant` and
    /// `invalid_client` never are.
    pub async fn refresh(
        &self,
        client_id: &str,
        client_secret: &str,
        refresh_token: &str,
    ) -> Result<AccessToken, LwaError> {
        let key = CacheKey {
            client_id: client_id.to_owned(),
            refresh_token_hash: self.hash(refresh_token),
        };
        let client_secret_hash = self.hash(client_secret);
        if let Some(token) = self.cached(&key, client_secret_hash) {
            tracing::debug!("LWA access token reused from the in-memory cache");
            return Ok(token);
        }

        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", client_id),
            ("client_secret", client_secret),
        ];
        let mut secrets = Scrubber::default();
        secrets.add_form_value(client_secret);
        secrets.add_form_value(refresh_token);

        let config = &self.inner.config;
        let policy = RetryPolicy {
            max_retries: config.max_retries,
            backoff_base: config.backoff_base,
            max_retry_after: config.max_retry_after,
        };
        let result = with_retries(
            &policy,
            "LWA refresh grant",
            || async {
                let started = Instant::now();
                let started_utc = Utc::now();
                self.send(&form, &secrets)
                    .await
                    .map(|grant| (grant, started, started_utc))
            },
            |e: &LwaError| e.is_transient(),
            LwaError::code,
        )
        .await;

        match result {
            Ok((grant, started, started_utc)) => {
                let token = AccessToken {
                    token: Secret::new(grant.access_token),
                    // `expires_in` is at most MAX_EXPIRES_IN, so neither addition overflows.
                    expires_at: started_utc
                        + chrono::Duration::from_std(grant.expires_in)
                            .unwrap_or(chrono::Duration::zero()),
                    refresh_token: grant.refresh_token.map(Secret::new),
                    valid_until: started + grant.expires_in,
                };
                let cached = AccessToken {
                    refresh_token: None,
                    ..token.clone()
                };
                let mut cache = self.cache();
                cache.insert(
                    key,
                    CacheEntry {
                        client_secret_hash,
                        token: cached,
                    },
                );
                Ok(token)
            }
            Err(error) => {
                if matches!(error, LwaError::InvalidGrant | LwaError::InvalidClient) {
                    self.cache().remove(&key);
                }
                Err(error)
            }
        }
    }

    /// Forgets the cached access token of this authorization (after SP-API refused it, or when
    /// the refresh token is replaced).
    pub fn invalidate(&self, client_id: &str, refresh_token: &str) {
        let key = CacheKey {
            client_id: client_id.to_owned(),
            refresh_token_hash: self.hash(refresh_token),
        };
        self.cache().remove(&key);
    }

    /// Forgets every cached access token.
    pub fn clear_cache(&self) {
        self.cache().clear();
    }

    fn cache(&self) -> MutexGuard<'_, HashMap<CacheKey, CacheEntry>> {
        // Nothing can be left half-updated by a panic: keep going.
        self.inner.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn cached(&self, key: &CacheKey, client_secret_hash: u128) -> Option<AccessToken> {
        let margin = self.inner.config.reuse_margin;
        let mut cache = self.cache();
        cache.retain(|_, entry| entry.token.remaining() > margin);
        cache
            .get(key)
            .filter(|entry| entry.client_secret_hash == client_secret_hash)
            .map(|entry| entry.token.clone())
    }

    fn hash(&self, value: &str) -> u128 {
        let a = self.inner.hash_a.hash_one(value);
        let b = self.inner.hash_b.hash_one(value);
        (u128::from(a) << 64) | u128::from(b)
    }

    async fn send(
        &self,
        form: &[(&str, &str)],
        secrets: &Scrubber,
    ) -> Result<Grant, Failure<LwaError>> {
        let response = self
            .inner
            .http
            .post(self.inner.endpoint.clone())
            .header(ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .map_err(|e| lwa_transport_error(e, secrets))?;
        let status = response.status();
        let retry_after = parse_retry_after(response.headers());
        let content_type = content_type(response.headers());
        let body = response
            .bytes()
            .await
            .map_err(|e| lwa_transport_error(e, secrets))?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "LWA token endpoint answered"
        );
        classify(status, content_type.as_deref(), &body, retry_after).map_err(|mut failure| {
            failure.error = failure.error.scrubbed(secrets);
            failure
        })
    }
}

fn classify(
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
    retry_after: Option<Duration>,
) -> Result<Grant, Failure<LwaError>> {
    let bad = |detail: String| LwaError::BadResponse { detail };
    match status.as_u16() {
        200..=299 => parse_grant(content_type, body).map_err(Failure::from),
        s @ (400 | 401) => {
            let error = oauth_error(body);
            match error.as_deref() {
                Some("invalid_grant") => Err(LwaError::InvalidGrant.into()),
                Some("invalid_client") => Err(LwaError::InvalidClient.into()),
                // RFC 6749 §5.2: a 401 from the token endpoint is a failed client
                // authentication.
                _ if s == 401 => Err(LwaError::InvalidClient.into()),
                other => Err(bad(format!("HTTP {s}{}", code_suffix(other))).into()),
            }
        }
        429 => Err(Failure {
            error: LwaError::RateLimited { retry_after },
            retry_after,
        }),
        s @ 500..=599 => Err(Failure {
            error: LwaError::ServiceUnavailable { status: s },
            retry_after,
        }),
        s => Err(bad(format!(
            "unexpected HTTP status {s}{}",
            code_suffix(oauth_error(body).as_deref())
        ))
        .into()),
    }
}

/// The `error` of an OAuth error body, when it is a short code.
fn oauth_error(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value
        .get("error")
        .and_then(serde_json::Value::as_str)
        .and_then(code_like)
}

fn parse_grant(content_type: Option<&str>, body: &[u8]) -> Result<Grant, LwaError> {
    let value =
        parse_json_object(content_type, body).map_err(|detail| LwaError::BadResponse { detail })?;
    let bad = |detail: &str| LwaError::BadResponse {
        detail: detail.to_owned(),
    };
    let access_token = value
        .get("access_token")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| bad("HTTP 200 without an access_token string"))?;
    match value.get("token_type") {
        None => {}
        Some(serde_json::Value::String(t)) if t.eq_ignore_ascii_case("bearer") => {}
        Some(_) => return Err(bad("HTTP 200 with a token_type other than bearer")),
    }
    let expires_in = match value.get("expires_in") {
        None | Some(serde_json::Value::Null) => DEFAULT_EXPIRES_IN,
        Some(v) => match v.as_u64() {
            // A longer lifetime than LWA's is not trusted for longer than a day.
            Some(secs) if secs > 0 => Duration::from_secs(secs).min(MAX_EXPIRES_IN),
            _ => {
                return Err(bad(
                    "HTTP 200 whose expires_in is not a positive whole number",
                ))
            }
        },
    };
    let refresh_token = value
        .get("refresh_token")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned);
    Ok(Grant {
        access_token: access_token.to_owned(),
        expires_in,
        refresh_token,
    })
}

fn lwa_transport_error(error: reqwest::Error, secrets: &Scrubber) -> Failure<LwaError> {
    match transport_error(error, secrets) {
        Transport::Timeout => LwaError::Timeout.into(),
        Transport::Builder(detail) => LwaError::Config { detail }.into(),
        Transport::Network(detail) => LwaError::Network { detail }.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared with the SP-API client.
// ---------------------------------------------------------------------------------------------

/// A failed attempt, with the server's `Retry-After` (or another hint) when it gave one.
pub(crate) struct Failure<E> {
    pub(crate) error: E,
    pub(crate) retry_after: Option<Duration>,
}

impl<E> From<E> for Failure<E> {
    fn from(error: E) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

pub(crate) struct RetryPolicy {
    pub(crate) max_retries: u32,
    pub(crate) backoff_base: Duration,
    pub(crate) max_retry_after: Duration,
}

impl RetryPolicy {
    /// `backoff_base × 2^retry`, capped at `max_retry_after`.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        self.backoff_base
            .checked_mul(2u32.saturating_pow(retry))
            .unwrap_or(self.max_retry_after)
            .min(self.max_retry_after)
    }
}

/// Runs `attempt` until it succeeds, fails for good, or `max_retries` retries are spent.
pub(crate) async fn with_retries<T, E, F, Fut>(
    policy: &RetryPolicy,
    what: &'static str,
    mut attempt: F,
    is_retryable: impl Fn(&E) -> bool,
    code: impl Fn(&E) -> &'static str,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Failure<E>>>,
{
    let mut retry = 0u32;
    loop {
        match attempt().await {
            Ok(value) => return Ok(value),
            Err(Failure { error, retry_after })
                if is_retryable(&error) && retry < policy.max_retries =>
            {
                let delay = match retry_after {
                    Some(d) => d.min(policy.max_retry_after),
                    None => policy.backoff(retry),
                };
                tracing::debug!(
                    retry = retry + 1,
                    code = code(&error),
                    delay_ms = delay.as_millis() as u64,
                    "{what} failed; retrying"
                );
                tokio::time::sleep(delay).await;
                retry += 1;
            }
            Err(Failure { error, .. }) => {
                tracing::debug!(code = code(&error), "{what} failed");
                return Err(error);
            }
        }
    }
}

/// Parses and checks a configured URL: `https`, or `http` on a loopback host; no query,
/// fragment or user information. Returns the URL and whether its host is loopback.
pub(crate) fn checked_url(raw: &str, what: &str) -> Result<(Url, bool), String> {
    let url =
        Url::parse(raw.trim()).map_err(|_| format!("the {what} is not a valid absolute URL"))?;
    let host = url
        .host_str()
        .ok_or_else(|| format!("the {what} has no host"))?;
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(format!(
                "plain http is allowed for loopback hosts only; the {what} must use https"
            ))
        }
        _ => return Err(format!("the {what} must use https")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("the {what} must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("the {what} must not contain user information"));
    }
    Ok((url, loopback))
}

/// The one HTTP client of an API client: time limits, no redirects (following one would
/// resend the credentials elsewhere), no proxy for loopback.
pub(crate) fn http_client(timeout: Duration, loopback: bool) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none());
    if loopback {
        builder = builder.no_proxy();
    }
    builder
        .build()
        .map_err(|_| "the HTTP client could not be initialised".to_owned())
}

/// The lower-cased `Content-Type`.
pub(crate) fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase)
}

/// A 2xx body that must be a JSON object (not an HTML maintenance page).
pub(crate) fn parse_json_object(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    if let Some(ct) = content_type {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        if !essence.contains("json") {
            let shown: String = essence
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(60)
                .collect();
            return Err(format!(
                "HTTP 200 with content type {shown:?} instead of JSON"
            ));
        }
    }
    if String::from_utf8_lossy(body).trim_start().starts_with('<') {
        return Err("HTTP 200 with an HTML page instead of JSON".to_owned());
    }
    match serde_json::from_slice(body) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(_) => Err("HTTP 200 whose body is not a JSON object".to_owned()),
        Err(_) => Err("HTTP 200 whose body is not valid JSON".to_owned()),
    }
}

/// `s` when it looks like an error code (short, no spaces), else `None`.
pub(crate) fn code_like(s: &str) -> Option<String> {
    (!s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    .then(|| s.to_owned())
}

pub(crate) fn code_suffix(code: Option<&str>) -> String {
    code.map(|c| format!(" {c}")).unwrap_or_default()
}

/// `Retry-After` in seconds, or as an HTTP date.
pub(crate) fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
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
#[derive(Default)]
pub(crate) struct Scrubber(Vec<String>);

impl Scrubber {
    /// A value as sent, and as it appears form-encoded.
    pub(crate) fn add_form_value(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        self.0.push(secret.to_owned());
        let encoded: String = Url::parse_with_params("http://x/", [("v", secret)])
            .ok()
            .and_then(|u| u.query().map(|q| q.trim_start_matches("v=").to_owned()))
            .unwrap_or_default();
        if !encoded.is_empty() && encoded != secret {
            self.0.push(encoded);
        }
    }

    pub(crate) fn add(&mut self, secret: &str) {
        if !secret.is_empty() {
            self.0.push(secret.to_owned());
        }
    }

    pub(crate) fn scrub(&self, mut text: String) -> String {
        for secret in &self.0 {
            if text.contains(secret.as_str()) {
                text = text.replace(secret.as_str(), "<redacted>");
            }
        }
        text
    }
}

pub(crate) enum Transport {
    Timeout,
    Builder(String),
    Network(String),
}

/// A reqwest error without the URL and with its causes, scrubbed of secrets.
pub(crate) fn transport_error(error: reqwest::Error, secrets: &Scrubber) -> Transport {
    if error.is_timeout() {
        return Transport::Timeout;
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
        Transport::Builder(detail)
    } else {
        Transport::Network(detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn url_rules() {
        assert!(checked_url(DEFAULT_TOKEN_URL, "token URL").is_ok_and(|(_, l)| !l));
        assert!(checked_url("http://127.0.0.1:9/auth/o2/token", "u").is_ok_and(|(_, l)| l));
        assert!(checked_url("http://[::1]:9/", "u").is_ok_and(|(_, l)| l));
        assert!(checked_url("http://localhost/", "u").is_ok());
        for bad in [
            "http://api.amazon.com/auth/o2/token",
            "ftp://127.0.0.1/",
            "not a url",
            "https://h/?x=1",
            "https://h/#f",
            "https://u:p@h/",
            "",
        ] {
            assert!(checked_url(bad, "u").is_err(), "{bad}");
        }
        assert!(matches!(
            LwaClient::new(LwaConfig {
                token_url: "http://api.amazon.com/auth/o2/token".into(),
                ..LwaConfig::default()
            }),
            Err(LwaError::Config { .. })
        ));
        assert!(LwaClient::new(LwaConfig::default()).is_ok());
    }

    #[test]
    fn scrubber_catches_form_encoded_values() {
        let mut s = Scrubber::default();
        s.add_form_value("Atzr|IwEBI+a/b=c");
        let text = "body refresh_token=Atzr%7CIwEBI%2Ba%2Fb%3Dc and Atzr|IwEBI+a/b=c".to_owned();
        let out = s.scrub(text);
        assert!(!out.contains("IwEBI"), "{out}");
    }

    #[test]
    fn grant_parsing() {
        let g = parse_grant(
            Some("application/json;charset=utf-8"),
            br#"{"access_token":"Atza|x","token_type":"bearer","expires_in":3600}"#,
        )
        .ok()
        .unwrap();
        assert_eq!(g.access_token, "Atza|x");
        assert_eq!(g.expires_in, Duration::from_secs(3600));
        assert!(g.refresh_token.is_none());
        let g = parse_grant(
            None,
            br#"{"access_token":"Atza|x","refresh_token":"Atzr|y"}"#,
        )
        .ok()
        .unwrap();
        assert_eq!(g.expires_in, DEFAULT_EXPIRES_IN);
        assert_eq!(g.refresh_token.as_deref(), Some("Atzr|y"));
        for body in [
            &br#"{"token_type":"bearer","expires_in":3600}"#[..],
            br#"{"access_token":"","expires_in":3600}"#,
            br#"{"access_token":"Atza|x","token_type":"mac"}"#,
            br#"{"access_token":"Atza|x","expires_in":-5}"#,
            br#"{"access_token":"Atza|x","expires_in":"3600"}"#,
            b"<html>",
            b"[]",
        ] {
            assert!(parse_grant(None, body).is_err());
        }
        assert!(parse_grant(Some("text/html"), br#"{"access_token":"a"}"#).is_err());
    }

    #[test]
    fn retry_after_and_backoff() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(parse_retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(parse_retry_after(&headers), None);
        let policy = RetryPolicy {
            max_retries: 3,
            backoff_base: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(60),
        };
        let secs: Vec<u64> = (0..8).map(|n| policy.backoff(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(policy.backoff(u32::MAX), Duration::from_secs(60));
    }

    #[test]
    fn error_codes_are_stable() {
        let all = [
            (LwaError::InvalidGrant, "invalid_grant"),
            (LwaError::InvalidClient, "invalid_client"),
            (LwaError::RateLimited { retry_after: None }, "rate_limited"),
            (
                LwaError::ServiceUnavailable { status: 503 },
                "service_unavailable",
            ),
            (LwaError::Timeout, "timeout"),
            (LwaError::BadResponse { detail: "x".into() }, "bad_response"),
            (LwaError::Network { detail: "x".into() }, "network"),
            (LwaError::Config { detail: "x".into() }, "bad_response"),
        ];
        for (e, code) in all {
            assert_eq!(e.code(), code);
        }
    }

    #[test]
    fn oauth_errors_are_classified() {
        let invalid_grant = br#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."}"#;
        let invalid_client =
            br#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
        let c = |s: u16, b: &[u8]| {
            classify(StatusCode::from_u16(s).unwrap(), None, b, None)
                .err()
                .unwrap()
                .error
        };
        assert!(matches!(c(400, invalid_grant), LwaError::InvalidGrant));
        assert!(matches!(c(401, invalid_client), LwaError::InvalidClient));
        assert!(matches!(c(400, invalid_client), LwaError::InvalidClient));
        assert!(matches!(c(401, b"oops"), LwaError::InvalidClient));
        assert!(matches!(
            c(400, br#"{"error":"unsupported_grant_type"}"#),
            LwaError::BadResponse { detail } if detail == "HTTP 400 unsupported_grant_type"
        ));
        assert!(matches!(c(404, b""), LwaError::BadResponse { .. }));
    }
}
