//! What the marketplace API clients share: retries with backoff and `Retry-After`, the URL
//! rules, the one `reqwest` client setup, reading answers, and keeping secrets out of errors.

mod exchange;
mod http;
mod response;
mod retry;
mod scrub;
mod url;

pub(crate) use exchange::{exchange, Answer, TransportError};
pub(crate) use http::{http_client, AMAZON_USER_AGENT, RAKURAKU_USER_AGENT, RMS_USER_AGENT};
pub(crate) use response::{
    code_like, code_suffix, content_type, parse_json_object, reject_non_json,
};
pub(crate) use retry::{parse_retry_after, retry_after_suffix, with_retries, Failure, RetryPolicy};
pub(crate) use scrub::Scrubber;
pub(crate) use url::{check_url, checked_url, endpoint, url_override, UrlProblem};
