//! The 楽楽明細 client.

use std::sync::Arc;

use kagiban_core::rakuraku::{API_TOKEN_HEADER, CUSTOMERS_SEARCH_PATH};
use kagiban_core::secret::Secret;
use reqwest::header::{HeaderName, HeaderValue, ACCEPT};
use reqwest::Url;

use super::config::{RakurakuConfig, SEARCH_KEYWORD};
use super::error::RakurakuError;
use super::response::classify;
use crate::clients::common::{
    check_url, content_type, exchange, http_client, parse_retry_after, with_retries, Answer,
    Failure, Scrubber, RAKURAKU_USER_AGENT,
};

/// The 楽楽明細 client. Cheap to clone; clones share the HTTP connection pool.
#[derive(Clone)]
pub struct RakurakuClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: RakurakuConfig,
    /// The override's scheme, host and port, checked.
    origin: Option<Url>,
}

impl std::fmt::Debug for RakurakuClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RakurakuClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// `X-WB-apitoken` (HTTP header names are case-insensitive; sent lowercase).
fn token_header() -> HeaderName {
    HeaderName::from_bytes(API_TOKEN_HEADER.as_bytes()).expect("a valid header name")
}

fn config_error(detail: impl Into<String>) -> RakurakuError {
    RakurakuError::Config {
        detail: detail.into(),
    }
}

impl RakurakuClient {
    /// Builds a client. Fails on an override that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: RakurakuConfig) -> Result<Self, RakurakuError> {
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero"));
        }
        let (origin, loopback) = match &config.origin_override {
            Some(raw) => {
                let (url, loopback) =
                    check_url(raw).map_err(|p| config_error(p.describe("override URL")))?;
                (Some(url), loopback)
            }
            None => (None, false),
        };
        // No redirects: following one would resend the token elsewhere.
        let http =
            http_client(config.timeout, loopback, RAKURAKU_USER_AGENT).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                origin,
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &RakurakuConfig {
        &self.inner.config
    }

    /// The URL the connection test calls for a 楽楽明細 URL (`https://<host>/<account>/`):
    /// `…/api/v1/customers/?keyword=…`, on the override's origin when there is one.
    pub fn search_url(&self, meisai_url: &str) -> Result<Url, RakurakuError> {
        let mut base = Url::parse(meisai_url.trim())
            .map_err(|_| config_error("the 楽楽明細 URL is not a valid URL"))?;
        if let Some(origin) = &self.inner.origin {
            base.set_scheme(origin.scheme())
                .and_then(|()| base.set_host(origin.host_str()).map_err(|_| ()))
                .and_then(|()| base.set_port(origin.port()))
                .map_err(|()| config_error("the override cannot be applied"))?;
        } else if base.scheme() != "https" {
            return Err(config_error("the 楽楽明細 URL must use https"));
        }
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        base.set_query(None);
        base.set_fragment(None);
        let mut url = base
            .join(CUSTOMERS_SEARCH_PATH)
            .map_err(|_| config_error("the search URL cannot be built"))?;
        url.query_pairs_mut().append_pair("keyword", SEARCH_KEYWORD);
        Ok(url)
    }

    /// The connection test: a read-only customers search with the token. Ok when 楽楽明細
    /// answers with its JSON.
    ///
    /// 429, 5xx and network errors are retried up to `max_retries` times (honouring
    /// `Retry-After`, capped); a refusal or a timeout never is.
    pub async fn test_connection(
        &self,
        meisai_url: &str,
        token: &Secret,
    ) -> Result<(), RakurakuError> {
        let url = self.search_url(meisai_url)?;
        let mut header = HeaderValue::from_str(token.expose())
            .map_err(|_| config_error("the API token cannot be sent in an HTTP header"))?;
        header.set_sensitive(true);
        let mut secrets = Scrubber::default();
        secrets.add(token.expose());
        with_retries(
            &self.inner.config.retry_policy(),
            "楽楽明細 customers search",
            || self.send(&url, &header, &secrets),
            RakurakuError::is_retryable,
            |e: &RakurakuError| e.outcome().code(),
        )
        .await
    }

    async fn send(
        &self,
        url: &Url,
        token: &HeaderValue,
        secrets: &Scrubber,
    ) -> Result<(), Failure<RakurakuError>> {
        let request = self
            .inner
            .http
            .get(url.clone())
            .header(token_header(), token.clone())
            .header(ACCEPT, "application/json");
        let Answer {
            status,
            headers,
            body,
        } = exchange(request, secrets).await?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "楽楽明細 customers search answered"
        );
        let content_type = content_type(&headers);
        classify(
            status,
            content_type.as_deref(),
            &body,
            parse_retry_after(&headers),
        )
        .map_err(|mut failure| {
            failure.error = failure.error.scrubbed(secrets);
            failure
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_url_keeps_the_account_and_honours_the_override() {
        let plain = RakurakuClient::new(RakurakuConfig::default()).unwrap();
        assert_eq!(
            plain
                .search_url("https://rbsample.eco-serv.jp/xxxxxxx/")
                .unwrap()
                .as_str(),
            "https://rbsample.eco-serv.jp/xxxxxxx/api/v1/customers/?keyword=kagiban-connection-test"
        );
        assert_eq!(
            plain
                .search_url("https://rbsample.eco-serv.jp/xxxxxxx")
                .unwrap()
                .path(),
            "/xxxxxxx/api/v1/customers/"
        );
        assert!(plain.search_url("http://rbsample.eco-serv.jp/x/").is_err());
        assert!(plain.search_url("not a url").is_err());
        let faked = RakurakuClient::new(RakurakuConfig {
            origin_override: Some("http://127.0.0.1:4321".into()),
            ..RakurakuConfig::default()
        })
        .unwrap();
        assert_eq!(
            faked
                .search_url("https://rbsample.eco-serv.jp/xxxxxxx/")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:4321/xxxxxxx/api/v1/customers/?keyword=kagiban-connection-test"
        );
        for bad in ["http://example.com", "ftp://127.0.0.1"] {
            let config = RakurakuConfig {
                origin_override: Some(bad.into()),
                ..RakurakuConfig::default()
            };
            assert!(RakurakuClient::new(config).is_err(), "{bad}");
        }
    }
}
