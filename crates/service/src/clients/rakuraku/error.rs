//! Why the connection test failed.

use std::time::Duration;

use kagiban_core::rakuraku::ConnectionOutcome;

use crate::clients::common::{retry_after_suffix, Scrubber, TransportError};

/// Why the 楽楽明細 connection test failed. No variant carries the token.
#[derive(Debug, thiserror::Error)]
pub enum RakurakuError {
    /// 401 or 403: the token was refused. Never retried.
    #[error("楽楽明細 refused the API token (HTTP {status})")]
    TokenRefused { status: u16 },
    /// 404, a redirect, or an answer that is not 楽楽明細's JSON.
    #[error("no 楽楽明細 API at this URL: {detail}")]
    UrlWrong { detail: String },
    /// HTTP 200 with an HTML page instead of JSON.
    #[error("楽楽明細 answered with an HTML page (maintenance)")]
    Maintenance,
    /// 429 after every retry.
    #[error("楽楽明細 rate limit hit (HTTP 429{})", retry_after_suffix(.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    /// 5xx after every retry.
    #[error("楽楽明細 is unavailable (HTTP {status})")]
    ServerError { status: u16 },
    /// Another status.
    #[error("unexpected answer from 楽楽明細 (HTTP {status})")]
    Unexpected { status: u16 },
    /// No complete answer within the time limit.
    #[error("楽楽明細 did not answer in time")]
    Timeout,
    /// 楽楽明細 could not be reached, after every retry.
    #[error("could not reach 楽楽明細: {detail}")]
    Network { detail: String },
    /// The request could not be made (a URL or token that cannot be sent, TLS set-up …).
    #[error("invalid 楽楽明細 request: {detail}")]
    Config { detail: String },
}

impl RakurakuError {
    /// What the user is told.
    pub fn outcome(&self) -> ConnectionOutcome {
        match self {
            RakurakuError::TokenRefused { .. } => ConnectionOutcome::TokenRefused,
            RakurakuError::UrlWrong { .. } => ConnectionOutcome::UrlWrong,
            RakurakuError::Maintenance => ConnectionOutcome::Maintenance,
            RakurakuError::RateLimited { .. } => ConnectionOutcome::RateLimited,
            RakurakuError::ServerError { .. } => ConnectionOutcome::ServerError,
            RakurakuError::Unexpected { .. } | RakurakuError::Config { .. } => {
                ConnectionOutcome::Unexpected
            }
            RakurakuError::Timeout => ConnectionOutcome::Timeout,
            RakurakuError::Network { .. } => ConnectionOutcome::Network,
        }
    }

    /// Whether the client retries this error (429, 5xx, network).
    pub(super) fn is_retryable(&self) -> bool {
        matches!(
            self,
            RakurakuError::RateLimited { .. }
                | RakurakuError::ServerError { .. }
                | RakurakuError::Network { .. }
        )
    }

    /// Redacts the token from details (a server that echoes the request must not make the
    /// token show up in a message).
    pub(super) fn scrubbed(self, secrets: &Scrubber) -> Self {
        match self {
            RakurakuError::UrlWrong { detail } => RakurakuError::UrlWrong {
                detail: secrets.scrub(detail),
            },
            RakurakuError::Network { detail } => RakurakuError::Network {
                detail: secrets.scrub(detail),
            },
            RakurakuError::Config { detail } => RakurakuError::Config {
                detail: secrets.scrub(detail),
            },
            other => other,
        }
    }
}

impl TransportError for RakurakuError {
    fn timeout() -> Self {
        RakurakuError::Timeout
    }

    fn builder(detail: String) -> Self {
        RakurakuError::Config { detail }
    }

    fn network(detail: String) -> Self {
        RakurakuError::Network { detail }
    }
}
