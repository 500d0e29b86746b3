//! What a test scripts and what the fake records.

use std::time::{Duration, Instant};

/// A response forced onto the next matching request, before the normal handling.
#[derive(Debug, Clone, PartialEq)]
pub enum Scripted {
    /// 429 with `Retry-After: N` and `x-amzn-RateLimit-Limit: R` when given.
    TooManyRequests {
        retry_after_secs: Option<u64>,
        rate_limit: Option<f64>,
    },
    /// 503 with an errors body.
    ServiceUnavailable,
    /// 500 with an errors body.
    InternalError,
    /// Sleeps this long, then handles the request normally.
    Hang(Duration),
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
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `x-amz-access-token` header.
    pub access_token: Option<String>,
    /// The decoded fields of a form body, in order (secret values included: test data only).
    pub form: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
    /// When the request arrived (before any scripted delay).
    pub at: Instant,
}

impl RecordedRequest {
    /// The first form field of that name.
    pub fn form_field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}
