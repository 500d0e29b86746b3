//! The RMS client: `license.expiryDate.get`, rate-limited and with retries.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use kagiban_core::rakuten::authorization_header;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION};
use reqwest::Url;
use tokio::sync::Mutex;

use super::config::{RmsConfig, EXPIRY_DATE_PATH};
use super::error::RmsError;
use super::response::classify;
use crate::clients::common::{
    check_url, content_type, endpoint, exchange, http_client, parse_retry_after, with_retries,
    Answer, Failure, Scrubber, UrlProblem, RMS_USER_AGENT,
};

/// The RMS client. Cheap to clone; clones share the HTTP connection pool and the rate limiter.
#[derive(Clone)]
pub struct RmsClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: RmsConfig,
    /// The expiry-date endpoint, without a query.
    endpoint: Url,
    /// When the last request finished (or started, while one is in flight). Held across a
    /// request, so requests of one client never overlap and are `min_interval` apart.
    last_request: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for RmsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RmsClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl RmsClient {
    /// Builds a client. Fails on a base URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: RmsConfig) -> Result<Self, RmsError> {
        let config_error = |detail: String| RmsError::Config { detail };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero".into()));
        }
        let (base, loopback) = check_url(&config.base_url).map_err(|problem| {
            config_error(match problem {
                UrlProblem::PlainHttp => {
                    "plain http is allowed for loopback hosts only; use https".to_owned()
                }
                other => other.describe("base URL"),
            })
        })?;
        let endpoint = endpoint(&base, EXPIRY_DATE_PATH);
        // A redirect would be unexpected, and following one would resend the licenseKey.
        let http = http_client(config.timeout, loopback, RMS_USER_AGENT).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                endpoint,
                last_request: Mutex::new(None),
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &RmsConfig {
        &self.inner.config
    }

    /// `license.expiryDate.get`: verifies the pair and returns the key's real expiry (UTC).
    ///
    /// 429, 5xx, timeouts and network errors are retried up to `max_retries` times with
    /// exponential backoff (or the server's `Retry-After`, capped); a 401 never is.
    pub async fn license_expiry(
        &self,
        service_secret: &str,
        license_key: &str,
    ) -> Result<DateTime<Utc>, RmsError> {
        if license_key.trim().is_empty() {
            return Err(RmsError::MissingLicenseKey);
        }
        let header = authorization_header(service_secret, license_key);
        let mut authorization =
            HeaderValue::from_str(header.expose()).map_err(|_| RmsError::Config {
                detail: "the credentials cannot be sent in an HTTP header".to_owned(),
            })?;
        authorization.set_sensitive(true);
        let mut url = self.inner.endpoint.clone();
        url.query_pairs_mut().append_pair("licenseKey", license_key);
        let encoded_query = url.query().unwrap_or_default().to_owned();
        let base64 = header.expose().trim_start_matches("ESA ");
        let mut secrets = Scrubber::default();
        for secret in [service_secret, license_key, base64, encoded_query.as_str()] {
            secrets.add(secret);
        }

        with_retries(
            &self.inner.config.retry_policy(),
            "RMS license.expiryDate.get",
            || self.attempt(&url, &authorization, &secrets),
            RmsError::is_retryable,
            |e: &RmsError| e.code().as_str(),
        )
        .await
    }

    /// One request, spaced `min_interval` after the previous one of this client.
    async fn attempt(
        &self,
        url: &Url,
        authorization: &HeaderValue,
        secrets: &Scrubber,
    ) -> Result<DateTime<Utc>, Failure<RmsError>> {
        let mut last = self.inner.last_request.lock().await;
        if let Some(previous) = *last {
            let wait = (previous + self.inner.config.min_interval)
                .saturating_duration_since(Instant::now());
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        *last = Some(Instant::now());
        let result = self.send(url, authorization, secrets).await;
        // Counting from the end of the exchange keeps requests `min_interval` apart as the
        // server sees them, whatever the latency.
        *last = Some(Instant::now());
        result
    }

    async fn send(
        &self,
        url: &Url,
        authorization: &HeaderValue,
        secrets: &Scrubber,
    ) -> Result<DateTime<Utc>, Failure<RmsError>> {
        let request = self
            .inner
            .http
            .get(url.clone())
            .header(AUTHORIZATION, authorization.clone())
            .header(ACCEPT, "application/json");
        let Answer {
            status,
            headers,
            body,
        } = exchange(request, secrets).await?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "RMS license.expiryDate.get answered"
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
    fn base_url_rules() {
        let with = |base: &str| RmsConfig {
            base_url: base.to_owned(),
            ..RmsConfig::default()
        };
        assert!(RmsClient::new(RmsConfig::default()).is_ok());
        assert!(RmsClient::new(with("http://127.0.0.1:9/")).is_ok());
        assert!(RmsClient::new(with("http://localhost:9/prefix")).is_ok());
        for bad in [
            "http://api.rms.rakuten.co.jp",
            "ftp://127.0.0.1",
            "not a url",
            "https://h/?x=1",
            "https://u:p@h/",
        ] {
            assert!(
                matches!(RmsClient::new(with(bad)), Err(RmsError::Config { .. })),
                "{bad}"
            );
        }
        let client = RmsClient::new(with("http://localhost:9/prefix/")).unwrap();
        assert_eq!(
            client.inner.endpoint.as_str(),
            "http://localhost:9/prefix/es/1.0/license-management/license-key/expiry-date"
        );
    }
}
