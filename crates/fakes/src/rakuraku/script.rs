//! What a test scripts and what the fake records.

use std::time::{Duration, Instant};

/// A response forced onto the next request, before the normal handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scripted {
    /// HTTP 200 `text/html` maintenance page.
    Maintenance,
    /// The token refused with this status (401 or 403).
    Refuse(u16),
    /// 404 with an HTML page.
    NotFound,
    /// Sleeps this long, then handles the request normally.
    Hang(Duration),
    /// 429, with `Retry-After: N` when given.
    TooManyRequests { retry_after_secs: Option<u64> },
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
    /// The raw `X-WB-apitoken` header.
    pub api_token: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// When the request arrived (before any scripted delay).
    pub at: Instant,
}
