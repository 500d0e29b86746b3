//! The access token a refresh grant yields.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use kagiban_core::secret::Secret;

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
    pub(super) valid_until: Instant,
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
