//! Why the refresh grant failed.

use std::time::Duration;

use crate::clients::common::{retry_after_suffix, Scrubber, TransportError};

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

    pub(super) fn scrubbed(self, secrets: &Scrubber) -> Self {
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

impl TransportError for LwaError {
    fn timeout() -> Self {
        LwaError::Timeout
    }

    fn builder(detail: String) -> Self {
        LwaError::Config { detail }
    }

    fn network(detail: String) -> Self {
        LwaError::Network { detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
