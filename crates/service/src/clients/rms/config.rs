//! How the RMS client is configured, and the API's fixed names.

use std::time::Duration;

use crate::clients::common::{url_override, RetryPolicy};

/// The production RMS API host.
pub const DEFAULT_BASE_URL: &str = "https://api.rms.rakuten.co.jp";
/// Environment variable that overrides [`DEFAULT_BASE_URL`] (tests, the end-to-end fake).
pub const BASE_URL_ENV: &str = "KAGIBAN_RAKUTEN_API_BASE";
/// The path of `license.expiryDate.get`.
pub const EXPIRY_DATE_PATH: &str = "/es/1.0/license-management/license-key/expiry-date";

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let config = RmsConfig::default();
        let backoff = |n| config.retry_policy().backoff(n);
        let secs: Vec<u64> = (0..8).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(backoff(u32::MAX), Duration::from_secs(60));
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
