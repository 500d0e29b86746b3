//! How the SP-API client is configured, and the API's fixed names.

use std::time::Duration;

use crate::clients::common::{url_override, RetryPolicy};

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
        if let Some(base) = url_override(base_url) {
            config.base_url = base.to_owned();
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
