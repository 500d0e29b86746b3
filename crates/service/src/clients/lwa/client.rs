//! The LWA client: the refresh grant, with retries and the token cache.

use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use kagiban_core::secret::Secret;
use reqwest::header::ACCEPT;
use reqwest::Url;

use super::cache::TokenCache;
use super::config::LwaConfig;
use super::error::LwaError;
use super::grant::{classify, Grant};
use super::token::AccessToken;
use crate::clients::common::{
    checked_url, content_type, exchange, http_client, parse_retry_after, with_retries, Answer,
    Failure, Scrubber, AMAZON_USER_AGENT,
};

/// The LWA client. Cheap to clone; clones share the HTTP connection pool and the token cache.
#[derive(Clone)]
pub struct LwaClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: LwaConfig,
    endpoint: Url,
    cache: TokenCache,
}

impl std::fmt::Debug for LwaClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LwaClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl LwaClient {
    /// Builds a client. Fails on a token URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: LwaConfig) -> Result<Self, LwaError> {
        let config_error = |detail: String| LwaError::Config { detail };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero".into()));
        }
        let (endpoint, loopback) =
            checked_url(&config.token_url, "token URL").map_err(config_error)?;
        let http =
            http_client(config.timeout, loopback, AMAZON_USER_AGENT).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                endpoint,
                cache: TokenCache::new(),
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &LwaConfig {
        &self.inner.config
    }

    /// The refresh-token grant: an access token for this seller authorization.
    ///
    /// A token cached from an earlier call with the same client id, client secret and refresh
    /// token is returned without a request while it has more than `reuse_margin` left.
    /// 429, 5xx, timeouts and network errors are retried up to `max_retries` times with
    /// exponential backoff (or the server's `Retry-After`, capped); `invalid_grant` and
    /// `invalid_client` never are.
    pub async fn refresh(
        &self,
        client_id: &str,
        client_secret: &str,
        refresh_token: &str,
    ) -> Result<AccessToken, LwaError> {
        let cache = &self.inner.cache;
        let key = cache.key(client_id, refresh_token);
        let client_secret_hash = cache.hash(client_secret);
        if let Some(token) = cache.get(&key, client_secret_hash, self.inner.config.reuse_margin) {
            tracing::debug!("LWA access token reused from the in-memory cache");
            return Ok(token);
        }

        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", client_id),
            ("client_secret", client_secret),
        ];
        let mut secrets = Scrubber::default();
        secrets.add_form_value(client_secret);
        secrets.add_form_value(refresh_token);

        let result = with_retries(
            &self.inner.config.retry_policy(),
            "LWA refresh grant",
            || async {
                let started = Instant::now();
                let started_utc = Utc::now();
                self.send(&form, &secrets)
                    .await
                    .map(|grant| (grant, started, started_utc))
            },
            |e: &LwaError| e.is_transient(),
            LwaError::code,
        )
        .await;

        match result {
            Ok((grant, started, started_utc)) => {
                let token = AccessToken {
                    token: Secret::new(grant.access_token),
                    // `expires_in` is at most MAX_EXPIRES_IN, so neither addition overflows.
                    expires_at: started_utc
                        + chrono::Duration::from_std(grant.expires_in)
                            .unwrap_or(chrono::Duration::zero()),
                    refresh_token: grant.refresh_token.map(Secret::new),
                    valid_until: started + grant.expires_in,
                };
                let cached = AccessToken {
                    refresh_token: None,
                    ..token.clone()
                };
                cache.insert(key, client_secret_hash, cached);
                Ok(token)
            }
            Err(error) => {
                if matches!(error, LwaError::InvalidGrant | LwaError::InvalidClient) {
                    cache.remove(&key);
                }
                Err(error)
            }
        }
    }

    /// Forgets the cached access token of this authorization (after SP-API refused it, or when
    /// the refresh token is replaced).
    pub fn invalidate(&self, client_id: &str, refresh_token: &str) {
        let cache = &self.inner.cache;
        cache.remove(&cache.key(client_id, refresh_token));
    }

    /// Forgets every cached access token.
    pub fn clear_cache(&self) {
        self.inner.cache.clear();
    }

    async fn send(
        &self,
        form: &[(&str, &str)],
        secrets: &Scrubber,
    ) -> Result<Grant, Failure<LwaError>> {
        let request = self
            .inner
            .http
            .post(self.inner.endpoint.clone())
            .header(ACCEPT, "application/json")
            .form(form);
        let Answer {
            status,
            headers,
            body,
        } = exchange(request, secrets).await?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "LWA token endpoint answered"
        );
        let content_type = content_type(&headers);
        let retry_after = parse_retry_after(&headers);
        classify(status, content_type.as_deref(), &body, retry_after).map_err(|mut failure| {
            failure.error = failure.error.scrubbed(secrets);
            failure
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_rules() {
        assert!(matches!(
            LwaClient::new(LwaConfig {
                token_url: "http://api.amazon.com/auth/o2/token".into(),
                ..LwaConfig::default()
            }),
            Err(LwaError::Config { .. })
        ));
        assert!(LwaClient::new(LwaConfig::default()).is_ok());
    }
}
