//! Reading 楽楽明細's answer to the customers search.

use std::time::Duration;

use reqwest::StatusCode;

use super::error::RakurakuError;
use crate::clients::common::Failure;

/// Ok for 楽楽明細's JSON; otherwise why not.
pub(super) fn classify(
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
    retry_after: Option<Duration>,
) -> Result<(), Failure<RakurakuError>> {
    match status.as_u16() {
        200..=299 => success(content_type, body).map_err(Failure::from),
        300..=399 => Err(RakurakuError::UrlWrong {
            detail: format!("HTTP {} redirect (a login page?)", status.as_u16()),
        }
        .into()),
        s @ (401 | 403) => Err(RakurakuError::TokenRefused { status: s }.into()),
        404 => Err(RakurakuError::UrlWrong {
            detail: "HTTP 404".to_owned(),
        }
        .into()),
        429 => Err(Failure {
            error: RakurakuError::RateLimited { retry_after },
            retry_after,
        }),
        s @ 500..=599 => Err(Failure {
            error: RakurakuError::ServerError { status: s },
            retry_after,
        }),
        s => Err(RakurakuError::Unexpected { status: s }.into()),
    }
}

/// A 2xx answer: JSON (an object or a list) is 楽楽明細; an HTML page is its maintenance page;
/// anything else is not 楽楽明細's API.
fn success(content_type: Option<&str>, body: &[u8]) -> Result<(), RakurakuError> {
    let essence = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|e| e.trim().to_owned())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(body);
    let looks_html = text.trim_start().starts_with('<');
    if essence == "text/html" || essence == "application/xhtml+xml" || looks_html {
        return Err(RakurakuError::Maintenance);
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(_) | serde_json::Value::Array(_)) => Ok(()),
        Ok(_) => Err(RakurakuError::UrlWrong {
            detail: "HTTP 200 whose JSON is not an object or a list".to_owned(),
        }),
        Err(_) => Err(RakurakuError::UrlWrong {
            detail: format!(
                "HTTP 200 that is not JSON (content type {:?})",
                essence.chars().take(60).collect::<String>()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(status: u16, ct: Option<&str>, body: &str) -> Result<(), String> {
        classify(
            StatusCode::from_u16(status).unwrap(),
            ct,
            body.as_bytes(),
            None,
        )
        .map_err(|f| f.error.outcome().code().to_owned())
    }

    #[test]
    fn answers_are_told_apart() {
        let json = Some("application/json;charset=UTF-8");
        assert_eq!(outcome(200, json, r#"{"customers":[]}"#), Ok(()));
        assert_eq!(outcome(200, json, "[]"), Ok(()));
        assert_eq!(outcome(200, None, r#"{"a":1}"#), Ok(()));
        let err = |s: &str| Err(s.to_owned());
        assert_eq!(
            outcome(200, Some("text/html"), "<html>"),
            err("maintenance")
        );
        assert_eq!(outcome(200, None, "  <!DOCTYPE html>"), err("maintenance"));
        assert_eq!(outcome(200, json, "<html>"), err("maintenance"));
        assert_eq!(outcome(200, Some("text/plain"), "OK"), err("url_wrong"));
        assert_eq!(outcome(200, json, "\"x\""), err("url_wrong"));
        assert_eq!(outcome(302, None, ""), err("url_wrong"));
        assert_eq!(outcome(404, Some("text/html"), "<html>"), err("url_wrong"));
        assert_eq!(outcome(401, json, "{}"), err("token_refused"));
        assert_eq!(outcome(403, json, "{}"), err("token_refused"));
        assert_eq!(outcome(429, json, "{}"), err("rate_limited"));
        assert_eq!(outcome(503, None, ""), err("server_error"));
        assert_eq!(outcome(400, json, "{}"), err("unexpected"));
    }
}
