//! How the 楽楽明細 client is configured.

use std::time::Duration;

use crate::clients::common::{url_override, RetryPolicy};

/// Environment variable that redirects requests (scheme, host, port) to a local fake.
pub const BASE_URL_ENV: &str = "KAGIBAN_RAKURAKU_API_BASE";
/// The keyword searched for: a word no customer is named, so the answer stays small.
pub const SEARCH_KEYWORD: &str = "kagiban-connection-test";

/// How the client talks to 楽楽明細.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RakurakuConfig {
    /// Replaces the scheme, host and port of the user's 楽楽明細 URL (tests). Plain `http` is
    /// accepted for loopback hosts only.
    pub origin_override: Option<String>,
    /// Per-request time limit, covering connect, headers and body.
    pub timeout: Duration,
    /// Retries after the first attempt, for 429, 5xx and network errors (never a timeout: the
    /// user is waiting, and never a refusal).
    pub max_retries: u32,
    /// The first retry waits this long, doubling after each retry (unless `Retry-After` says).
    pub backoff_base: Duration,
    /// The longest wait honoured from `Retry-After` (and the cap on the backoff).
    pub max_retry_after: Duration,
}

impl Default for RakurakuConfig {
    fn default() -> Self {
        Self {
            origin_override: None,
            timeout: Duration::from_secs(15),
            max_retries: 1,
            backoff_base: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

impl RakurakuConfig {
    /// The production values, with the origin override from `KAGIBAN_RAKURAKU_API_BASE` when it
    /// is set and not empty.
    pub fn from_env() -> Self {
        Self {
            origin_override: url_override(std::env::var(BASE_URL_ENV).ok().as_deref())
                .map(str::to_owned),
            ..Self::default()
        }
    }

    pub(super) fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy {
            max_retries: self.max_retries,
            backoff_base: self.backoff_base,
            max_retry_after: self.max_retry_after,
        }
    }
}
