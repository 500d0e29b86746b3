//! Why `license.expiryDate.get` failed.

use std::time::Duration;

use kagiban_core::verify::VerifyCode;

use crate::clients::common::{retry_after_suffix, Scrubber, TransportError};

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

pub(super) fn code_suffix(code: &Option<String>) -> String {
    code.as_deref()
        .map(|c| format!(", {c}"))
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
    pub(super) fn is_retryable(&self) -> bool {
        matches!(
            self,
            RmsError::RateLimited { .. }
                | RmsError::ServiceUnavailable { .. }
                | RmsError::Timeout
                | RmsError::Network { .. }
        )
    }

    /// Drops an error code that contains a secret and redacts secrets from details (a server
    /// that echoes the request must not make the key show up in a message).
    pub(super) fn scrubbed(self, secrets: &Scrubber) -> Self {
        match self {
            RmsError::Unauthorized { rms_code } => RmsError::Unauthorized {
                rms_code: rms_code.filter(|c| secrets.scrub(c.clone()) == *c),
            },
            RmsError::BadResponse { detail } => RmsError::BadResponse {
                detail: secrets.scrub(detail),
            },
            RmsError::Network { detail } => RmsError::Network {
                detail: secrets.scrub(detail),
            },
            RmsError::Config { detail } => RmsError::Config {
                detail: secrets.scrub(detail),
            },
            other => other,
        }
    }
}

impl TransportError for RmsError {
    fn timeout() -> Self {
        RmsError::Timeout
    }

    fn builder(detail: String) -> Self {
        RmsError::Config { detail }
    }

    fn network(detail: String) -> Self {
        RmsError::Network { detail }
    }
}
