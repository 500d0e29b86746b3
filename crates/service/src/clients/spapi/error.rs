//! Why an SP-API call failed.

use std::time::Duration;

use crate::clients::common::{retry_after_suffix, Scrubber, TransportError};

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

    pub(super) fn scrubbed(self, secrets: &Scrubber) -> Self {
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

impl TransportError for SpApiError {
    fn timeout() -> Self {
        SpApiError::Timeout
    }

    fn builder(detail: String) -> Self {
        SpApiError::Config { detail }
    }

    fn network(detail: String) -> Self {
        SpApiError::Network { detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
