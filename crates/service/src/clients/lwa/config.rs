//! How the LWA client is configured.

use std::time::Duration;

use crate::clients::common::{url_override, RetryPolicy};

/// The production LWA token endpoint (all SP-API regions, Japan included).
pub const DEFAULT_TOKEN_URL: &str = "https://api.amazon.com/auth/o2/token";
/// Environment variable that overrides [`DEFAULT_TOKEN_URL`] (tests, the end-to-end fake).
pub const TOKEN_URL_ENV: &str = "KAGIBAN_LWA_TOKEN_URL";
/// The documented access-token lifetime, assumed when LWA leaves `expires_in` out.
pub const DEFAULT_EXPIRES_IN: Duration = Duration::from_secs(3600);

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
        if let Some(url) = url_override(token_url) {
            config.token_url = url.to_owned();
        }
        config
    }

    pub(super) fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy {
            max_retries: self.max_retries,
            backoff_base: self.backoff_base,
            max_retry_after: self.max_retry_after,
        }
    }
}
