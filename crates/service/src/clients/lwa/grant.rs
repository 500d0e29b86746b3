//! Reading the token endpoint's answer: the grant, or why it failed.

use std::time::Duration;

use reqwest::StatusCode;

use super::config::DEFAULT_EXPIRES_IN;
use super::error::LwaError;
use crate::clients::common::{code_like, code_suffix, parse_json_object, Failure};

/// The longest `expires_in` believed (a day), whatever the server says.
const MAX_EXPIRES_IN: Duration = Duration::from_secs(24 * 3600);

/// The parsed grant.
pub(super) struct Grant {
    pub(super) access_token: String,
    pub(super) expires_in: Duration,
    pub(super) refresh_token: Option<String>,
}

pub(super) fn classify(
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
    retry_after: Option<Duration>,
) -> Result<Grant, Failure<LwaError>> {
    let bad = |detail: String| LwaError::BadResponse { detail };
    match status.as_u16() {
        200..=299 => parse_grant(content_type, body).map_err(Failure::from),
        s @ (400 | 401) => {
            let error = oauth_error(body);
            match error.as_deref() {
                Some("invalid_grant") => Err(LwaError::InvalidGrant.into()),
                Some("invalid_client") => Err(LwaError::InvalidClient.into()),
                // RFC 6749 §5.2: a 401 from the token endpoint is a failed client
                // authentication.
                _ if s == 401 => Err(LwaError::InvalidClient.into()),
                other => Err(bad(format!("HTTP {s}{}", code_suffix(other))).into()),
            }
        }
        429 => Err(Failure {
            error: LwaError::RateLimited { retry_after },
            retry_after,
        }),
        s @ 500..=599 => Err(Failure {
            error: LwaError::ServiceUnavailable { status: s },
            retry_after,
        }),
        s => Err(bad(format!(
            "unexpected HTTP status {s}{}",
            code_suffix(oauth_error(body).as_deref())
        ))
        .into()),
    }
}

/// The `error` of an OAuth error body, when it is a short code.
fn oauth_error(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value
        .get("error")
        .and_then(serde_json::Value::as_str)
        .and_then(code_like)
}

fn parse_grant(content_type: Option<&str>, body: &[u8]) -> Result<Grant, LwaError> {
    let value =
        parse_json_object(content_type, body).map_err(|detail| LwaError::BadResponse { detail })?;
    let bad = |detail: &str| LwaError::BadResponse {
        detail: detail.to_owned(),
    };
    let access_token = value
        .get("access_token")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| bad("HTTP 200 without an access_token string"))?;
    match value.get("token_type") {
        None => {}
        Some(serde_json::Value::String(t)) if t.eq_ignore_ascii_case("bearer") => {}
        Some(_) => return Err(bad("HTTP 200 with a token_type other than bearer")),
    }
    let expires_in = match value.get("expires_in") {
        None | Some(serde_json::Value::Null) => DEFAULT_EXPIRES_IN,
        Some(v) => match v.as_u64() {
            // A longer lifetime than LWA's is not trusted for longer than a day.
            Some(secs) if secs > 0 => Duration::from_secs(secs).min(MAX_EXPIRES_IN),
            _ => {
                return Err(bad(
                    "HTTP 200 whose expires_in is not a positive whole number",
                ))
            }
        },
    };
    let refresh_token = value
        .get("refresh_token")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned);
    Ok(Grant {
        access_token: access_token.to_owned(),
        expires_in,
        refresh_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_parsing() {
        let g = parse_grant(
            Some("application/json;charset=utf-8"),
            br#"{"access_token":"Atza|x","token_type":"bearer","expires_in":3600}"#,
        )
        .ok()
        .unwrap();
        assert_eq!(g.access_token, "Atza|x");
        assert_eq!(g.expires_in, Duration::from_secs(3600));
        assert!(g.refresh_token.is_none());
        let g = parse_grant(
            None,
            br#"{"access_token":"Atza|x","refresh_token":"Atzr|y"}"#,
        )
        .ok()
        .unwrap();
        assert_eq!(g.expires_in, DEFAULT_EXPIRES_IN);
        assert_eq!(g.refresh_token.as_deref(), Some("Atzr|y"));
        for body in [
            &br#"{"token_type":"bearer","expires_in":3600}"#[..],
            br#"{"access_token":"","expires_in":3600}"#,
            br#"{"access_token":"Atza|x","token_type":"mac"}"#,
            br#"{"access_token":"Atza|x","expires_in":-5}"#,
            br#"{"access_token":"Atza|x","expires_in":"3600"}"#,
            b"<html>",
            b"[]",
        ] {
            assert!(parse_grant(None, body).is_err());
        }
        assert!(parse_grant(Some("text/html"), br#"{"access_token":"a"}"#).is_err());
    }

    #[test]
    fn oauth_errors_are_classified() {
        let invalid_grant = br#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."}"#;
        let invalid_client =
            br#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
        let c = |s: u16, b: &[u8]| {
            classify(StatusCode::from_u16(s).unwrap(), None, b, None)
                .err()
                .unwrap()
                .error
        };
        assert!(matches!(c(400, invalid_grant), LwaError::InvalidGrant));
        assert!(matches!(c(401, invalid_client), LwaError::InvalidClient));
        assert!(matches!(c(400, invalid_client), LwaError::InvalidClient));
        assert!(matches!(c(401, b"oops"), LwaError::InvalidClient));
        assert!(matches!(
            c(400, br#"{"error":"unsupported_grant_type"}"#),
            LwaError::BadResponse { detail } if detail == "HTTP 400 unsupported_grant_type"
        ));
        assert!(matches!(c(404, b""), LwaError::BadResponse { .. }));
    }
}
