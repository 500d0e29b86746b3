//! One HTTP exchange: send the request, read the whole answer, and turn a transport failure
//! into the client's error type.

use reqwest::header::HeaderMap;
use reqwest::{RequestBuilder, StatusCode};

use super::retry::Failure;
use super::scrub::Scrubber;

/// How a client's error type stands for a transport failure.
pub(crate) trait TransportError: Sized {
    /// No complete answer within the time limit.
    fn timeout() -> Self;
    /// The request could not be built (a configuration problem).
    fn builder(detail: String) -> Self;
    /// The server could not be reached, or the answer was cut off.
    fn network(detail: String) -> Self;
}

/// A complete answer, whatever its status.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

/// Sends `request` and reads the whole answer. A transport failure becomes the client's error,
/// without the URL and scrubbed of secrets.
pub(crate) async fn exchange<E: TransportError>(
    request: RequestBuilder,
    secrets: &Scrubber,
) -> Result<Answer, Failure<E>> {
    let response = request
        .send()
        .await
        .map_err(|e| transport_failure(e, secrets))?;
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .bytes()
        .await
        .map_err(|e| transport_failure(e, secrets))?
        .to_vec();
    Ok(Answer {
        status,
        headers,
        body,
    })
}

fn transport_failure<E: TransportError>(error: reqwest::Error, secrets: &Scrubber) -> Failure<E> {
    match transport_error(error, secrets) {
        Transport::Timeout => E::timeout().into(),
        Transport::Builder(detail) => E::builder(detail).into(),
        Transport::Network(detail) => E::network(detail).into(),
    }
}

/// A transport failure, to be mapped onto a client's error type.
enum Transport {
    Timeout,
    Builder(String),
    Network(String),
}

/// A reqwest error without the URL and with its causes, scrubbed of secrets.
fn transport_error(error: reqwest::Error, secrets: &Scrubber) -> Transport {
    if error.is_timeout() {
        return Transport::Timeout;
    }
    let builder = error.is_builder();
    let error = error.without_url();
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        detail.push_str(": ");
        detail.push_str(&cause.to_string());
        source = cause.source();
    }
    let detail = secrets.scrub(detail);
    if builder {
        Transport::Builder(detail)
    } else {
        Transport::Network(detail)
    }
}
