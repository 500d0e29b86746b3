//! Reading RMS's answer: the expiry date, or why the call failed.

use std::time::Duration;

use chrono::{DateTime, Utc};
use kagiban_core::expiry::parse_rms_expiry;
use reqwest::StatusCode;

use super::error::{code_suffix, RmsError};
use crate::clients::common::{reject_non_json, Failure};

pub(super) fn classify(
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
    retry_after: Option<Duration>,
) -> Result<DateTime<Utc>, Failure<RmsError>> {
    match status.as_u16() {
        200..=299 => parse_success(content_type, body).map_err(Failure::from),
        401 => Err(RmsError::Unauthorized {
            rms_code: error_codes(body).into_iter().next(),
        }
        .into()),
        400 => {
            let codes = error_codes(body);
            if codes.iter().any(|c| c == "DR0005") {
                Err(RmsError::MissingLicenseKey.into())
            } else {
                Err(bad_response(format!(
                    "HTTP 400{}",
                    code_suffix(&codes.into_iter().next())
                ))
                .into())
            }
        }
        429 => Err(Failure {
            error: RmsError::RateLimited { retry_after },
            retry_after,
        }),
        s @ 500..=599 => Err(Failure {
            error: RmsError::ServiceUnavailable { status: s },
            retry_after,
        }),
        s => Err(bad_response(format!(
            "unexpected HTTP status {s}{}",
            code_suffix(&error_codes(body).into_iter().next())
        ))
        .into()),
    }
}

fn bad_response(detail: impl Into<String>) -> RmsError {
    RmsError::BadResponse {
        detail: detail.into(),
    }
}

/// A 2xx body must be JSON with a string `expiryDate` in RMS's format.
fn parse_success(content_type: Option<&str>, body: &[u8]) -> Result<DateTime<Utc>, RmsError> {
    reject_non_json(content_type, body)
        .map_err(|detail| bad_response(format!("{detail} (maintenance page?)")))?;
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|_| bad_response("HTTP 200 whose body is not valid JSON"))?;
    let expiry = value
        .get("expiryDate")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| bad_response("HTTP 200 without an expiryDate string"))?;
    parse_rms_expiry(expiry).map_err(|e| bad_response(format!("expiryDate: {e}")))
}

/// The error codes of `{"errors":[{"code":…}]}` (or the 2.0 gateway's
/// `{"Results":{"errorCode":…}}`), keeping only short code-like values.
fn error_codes(body: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let mut codes: Vec<&str> = value
        .get("errors")
        .and_then(serde_json::Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e.get("code").and_then(serde_json::Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    if let Some(code) = value
        .pointer("/Results/errorCode")
        .and_then(serde_json::Value::as_str)
    {
        codes.push(code);
    }
    codes
        .into_iter()
        .filter(|c| {
            !c.is_empty()
                && c.len() <= 32
                && c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_read_from_both_shapes_and_sanitised() {
        assert_eq!(
            error_codes(br#"{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}"#),
            ["GA0001"]
        );
        assert_eq!(
            error_codes(br#"{"Results":{"errorCode":"ES01-01","message":"x"}}"#),
            ["ES01-01"]
        );
        assert!(error_codes(br#"{"errors":[{"code":"SL123 leaked: key"}]}"#).is_empty());
        assert!(error_codes(b"<html>").is_empty());
    }
}
