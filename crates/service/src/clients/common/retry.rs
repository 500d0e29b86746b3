//! Retries: exponential backoff, or the server's `Retry-After` (capped).

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, RETRY_AFTER};

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

/// `, Retry-After N s` for an error message, or nothing.
pub(crate) fn retry_after_suffix(retry_after: &Option<Duration>) -> String {
    retry_after
        .map(|d| format!(", Retry-After {} s", d.as_secs()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

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
}
