//! The SP-API client: the two calls, with retries.

use std::sync::Arc;

use kagiban_core::secret::Secret;
use reqwest::header::{HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::{Method, Url};

use super::config::{
    SpApiConfig, ACCESS_TOKEN_HEADER, PARTICIPATIONS_PATH, RESTRICTED_DATA_TOKEN_PATH,
};
use super::error::SpApiError;
use super::failure::classify_error;
use super::model::{parse_participations, parse_rdt, Participation, RdtGranted};
use crate::clients::common::{
    checked_url, content_type, endpoint, exchange, http_client, with_retries, Answer, Failure,
    Scrubber, AMAZON_USER_AGENT,
};

/// The SP-API client. Cheap to clone; clones share the HTTP connection pool.
#[derive(Clone)]
pub struct SpApiClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: SpApiConfig,
    participations: Url,
    restricted_data_token: Url,
}

impl std::fmt::Debug for SpApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpApiClient")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// What a request sends besides the token.
enum Body<'a> {
    None,
    Json(&'a serde_json::Value),
}

impl SpApiClient {
    /// Builds a client. Fails on a base URL that is not `https` (or `http` on loopback), or
    /// when the HTTP client cannot be initialised.
    pub fn new(config: SpApiConfig) -> Result<Self, SpApiError> {
        let config_error = |detail: String| SpApiError::Config { detail };
        if config.timeout.is_zero() {
            return Err(config_error("the timeout must be longer than zero".into()));
        }
        let (base, loopback) = checked_url(&config.base_url, "base URL").map_err(config_error)?;
        let participations = endpoint(&base, PARTICIPATIONS_PATH);
        let restricted_data_token = endpoint(&base, RESTRICTED_DATA_TOKEN_PATH);
        let http =
            http_client(config.timeout, loopback, AMAZON_USER_AGENT).map_err(config_error)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                participations,
                restricted_data_token,
            }),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &SpApiConfig {
        &self.inner.config
    }

    /// getMarketplaceParticipations: the marketplaces the seller is registered in.
    ///
    /// 429 (after `Retry-After`, or `1 / x-amzn-RateLimit-Limit` seconds), 5xx, timeouts and
    /// network errors are retried; 401/403 never are.
    pub async fn marketplace_participations(
        &self,
        access_token: &Secret,
    ) -> Result<Vec<Participation>, SpApiError> {
        let body = self
            .call(
                Method::GET,
                &self.inner.participations,
                access_token,
                Body::None,
                "SP-API getMarketplaceParticipations",
            )
            .await?;
        let (content_type, bytes) = body;
        parse_participations(content_type.as_deref(), &bytes)
    }

    /// createRestrictedDataToken for `request_json` (`{"restrictedResources":[…]}`): whether
    /// the app may get restricted data. The RDT in the answer is read and dropped, never
    /// returned; only its lifetime is.
    pub async fn restricted_data_token(
        &self,
        access_token: &Secret,
        request_json: &serde_json::Value,
    ) -> Result<RdtGranted, SpApiError> {
        let (content_type, bytes) = self
            .call(
                Method::POST,
                &self.inner.restricted_data_token,
                access_token,
                Body::Json(request_json),
                "SP-API createRestrictedDataToken",
            )
            .await?;
        parse_rdt(content_type.as_deref(), &bytes)
    }

    /// One call with retries: the 2xx answer's content type and body.
    async fn call(
        &self,
        method: Method,
        url: &Url,
        access_token: &Secret,
        body: Body<'_>,
        what: &'static str,
    ) -> Result<(Option<String>, Vec<u8>), SpApiError> {
        let mut token = HeaderValue::from_str(access_token.expose()).map_err(|_| {
            // A token that cannot be a header value is not a token SP-API would accept.
            SpApiError::Unauthorized
        })?;
        token.set_sensitive(true);
        let mut secrets = Scrubber::default();
        secrets.add(access_token.expose());
        with_retries(
            &self.inner.config.retry_policy(),
            what,
            || self.send(method.clone(), url, &token, &body, &secrets, what),
            SpApiError::is_transient,
            SpApiError::code,
        )
        .await
    }

    async fn send(
        &self,
        method: Method,
        url: &Url,
        token: &HeaderValue,
        body: &Body<'_>,
        secrets: &Scrubber,
        what: &'static str,
    ) -> Result<(Option<String>, Vec<u8>), Failure<SpApiError>> {
        let mut request = self
            .inner
            .http
            .request(method, url.clone())
            .header(HeaderName::from_static(ACCESS_TOKEN_HEADER), token.clone())
            .header(ACCEPT, "application/json");
        if let Body::Json(value) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(value.to_string());
        }
        let Answer {
            status,
            headers,
            body: bytes,
        } = exchange(request, secrets).await?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = bytes.len(),
            request_id = headers
                .get("x-amzn-requestid")
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
            "{what} answered"
        );
        if status.is_success() {
            return Ok((content_type(&headers), bytes));
        }
        let mut failure = classify_error(status, &headers, &bytes);
        failure.error = failure.error.scrubbed(secrets);
        Err(failure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_keep_a_path_prefix() {
        let client = SpApiClient::new(SpApiConfig {
            base_url: "http://127.0.0.1:9/prefix/".into(),
            ..SpApiConfig::default()
        })
        .unwrap();
        assert_eq!(
            client.inner.participations.as_str(),
            "http://127.0.0.1:9/prefix/sellers/v1/marketplaceParticipations"
        );
        assert_eq!(
            client.inner.restricted_data_token.as_str(),
            "http://127.0.0.1:9/prefix/tokens/2021-03-01/restrictedDataToken"
        );
        for bad in [
            "http://sellingpartnerapi-fe.amazon.com",
            "https://h/?q",
            "nope",
        ] {
            let r = SpApiClient::new(SpApiConfig {
                base_url: bad.into(),
                ..SpApiConfig::default()
            });
            assert!(matches!(r, Err(SpApiError::Config { .. })), "{bad}");
        }
    }
}
