//! Reading a failed SP-API call: the status, the errors body, the rate-limit headers.

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::config::RATE_LIMIT_HEADER;
use super::error::SpApiError;
use crate::clients::common::{code_like, code_suffix, parse_retry_after, Failure};

/// A non-2xx answer.
pub(super) fn classify_error(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Failure<SpApiError> {
    let errors = error_entries(body);
    let first_code = || errors.first().and_then(|e| code_like(&e.code));
    match status.as_u16() {
        401 => SpApiError::Unauthorized.into(),
        403 => {
            // "The access token you provided has expired." / "… is revoked, malformed or
            // invalid." / "Access token is missing in the request header."
            let about_token = errors
                .iter()
                .any(|e| e.details.to_ascii_lowercase().contains("access token"));
            if about_token {
                SpApiError::Unauthorized.into()
            } else {
                SpApiError::Forbidden {
                    errors: errors
                        .iter()
                        .map(|e| {
                            (
                                code_like(&e.code).unwrap_or_default(),
                                shorten(&e.message, 120),
                            )
                        })
                        .collect(),
                }
                .into()
            }
        }
        429 => {
            let retry_after = parse_retry_after(headers);
            let rate_limit = parse_rate_limit(headers);
            // Without Retry-After, one request's worth of the usage plan's rate.
            let hint = retry_after.or_else(|| {
                rate_limit
                    .filter(|r| *r > 0.0)
                    .and_then(|r| Duration::try_from_secs_f64(1.0 / r).ok())
            });
            Failure {
                error: SpApiError::RateLimited {
                    retry_after,
                    rate_limit,
                },
                retry_after: hint,
            }
        }
        s @ 500..=599 => Failure {
            error: SpApiError::ServiceUnavailable { status: s },
            retry_after: parse_retry_after(headers),
        },
        s => SpApiError::BadResponse {
            detail: format!("HTTP {s}{}", code_suffix(first_code().as_deref())),
        }
        .into(),
    }
}

struct ErrorEntry {
    code: String,
    message: String,
    details: String,
}

/// The entries of `{"errors":[{"code","message","details"}]}`.
fn error_entries(body: &[u8]) -> Vec<ErrorEntry> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let text = |e: &serde_json::Value, name: &str| {
        e.get(name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    value
        .get("errors")
        .and_then(serde_json::Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .take(10)
                .map(|e| ErrorEntry {
                    code: text(e, "code"),
                    message: text(e, "message"),
                    details: text(e, "details"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// At most `max` characters, printable only.
fn shorten(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// `x-amzn-RateLimit-Limit` as requests per second.
fn parse_rate_limit(headers: &HeaderMap) -> Option<f64> {
    headers
        .get(RATE_LIMIT_HEADER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|r| r.is_finite() && *r >= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn status(s: u16) -> StatusCode {
        StatusCode::from_u16(s).unwrap()
    }

    #[test]
    fn a_403_about_the_token_is_unauthorized_and_otherwise_a_missing_role() {
        for details in [
            "The access token you provided has expired.",
            "The access token you provided is revoked, malformed or invalid.",
            "Access token is missing in the request header.",
        ] {
            let body = serde_json::json!({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":details}]});
            let f = classify_error(status(403), &HeaderMap::new(), body.to_string().as_bytes());
            assert!(matches!(f.error, SpApiError::Unauthorized), "{details}");
        }
        let f = classify_error(
            status(403),
            &HeaderMap::new(),
            br#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}"#,
        );
        match f.error {
            SpApiError::Forbidden { errors } => assert_eq!(
                errors,
                [(
                    "Unauthorized".to_owned(),
                    "Access to requested resource is denied.".to_owned()
                )]
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            classify_error(status(401), &HeaderMap::new(), b"").error,
            SpApiError::Unauthorized
        ));
    }

    #[test]
    fn a_429_hints_at_the_rate_limit() {
        let mut headers = HeaderMap::new();
        headers.insert("x-amzn-RateLimit-Limit", HeaderValue::from_static("2.0"));
        let f = classify_error(status(429), &headers, b"");
        assert_eq!(f.retry_after, Some(Duration::from_millis(500)));
        assert!(matches!(
            f.error,
            SpApiError::RateLimited { retry_after: None, rate_limit: Some(r) } if r == 2.0
        ));
        headers.insert("retry-after", HeaderValue::from_static("3"));
        let f = classify_error(status(429), &headers, b"");
        assert_eq!(f.retry_after, Some(Duration::from_secs(3)));
        headers.insert("x-amzn-RateLimit-Limit", HeaderValue::from_static("NaN"));
        assert_eq!(parse_rate_limit(&headers), None);
    }

    #[test]
    fn other_statuses() {
        let f = classify_error(
            status(400),
            &HeaderMap::new(),
            br#"{"errors":[{"code":"InvalidRequest","message":"Request is missing or has invalid parameters","details":"Resource not provided."}]}"#,
        );
        assert!(
            matches!(&f.error, SpApiError::BadResponse { detail } if detail == "HTTP 400 InvalidRequest"),
            "{:?}",
            f.error
        );
        assert!(matches!(
            classify_error(status(503), &HeaderMap::new(), b"").error,
            SpApiError::ServiceUnavailable { status: 503 }
        ));
    }
}
