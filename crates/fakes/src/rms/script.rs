//! What a test scripts and what the fake records.

use std::time::{Duration, Instant};

/// A response forced onto the next request, before the normal handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scripted {
    /// 429, with `Retry-After: N` when given.
    TooManyRequests { retry_after_secs: Option<u64> },
    /// 503 with a JSON errors body.
    ServiceUnavailable,
    /// 500 with a JSON errors body.
    InternalError,
    /// 200 `text/html` maintenance page (「ただいまメンテナンス中です」).
    Html200,
    /// 200 `application/json` whose body is cut off.
    MalformedJson200,
    /// Sleeps this long, then handles the request normally (200 for an active key).
    Hang(Duration),
    /// 400 `DR0005` whatever the request (the real client always sends `licenseKey`).
    MissingLicenseKey,
    /// Any status, content type and body.
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
}

/// One request received by the fake (control endpoints excluded).
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: Option<String>,
    /// The raw `Authorization` header.
    pub authorization: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// When the request arrived (before any scripted delay).
    pub at: Instant,
}
