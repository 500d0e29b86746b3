//! The bodies LWA and SP-API answer with, and the form bodies they read.

use axum::http::StatusCode;
use axum::response::Response;

use crate::server::{json, percent_decode};

/// A JSON string literal.
pub(super) fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

pub(super) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = format!(
        r#"{{"error":{},"error_description":{}}}"#,
        quote(error),
        quote(description)
    );
    json(status, body)
}

/// `{"errors":[{"code","message","details"}]}`, in that key order.
pub(super) fn sp_errors(status: StatusCode, code: &str, message: &str, details: &str) -> Response {
    let body = format!(
        r#"{{"errors":[{{"code":{},"message":{},"details":{}}}]}}"#,
        quote(code),
        quote(message),
        quote(details)
    );
    json(status, body)
}

/// `a=1&b=x%7Cy` → `[("a","1"),("b","x|y")]`.
pub(super) fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_form_bodies() {
        assert_eq!(
            parse_form("grant_type=refresh_token&refresh_token=Atzr%7CIwEBI%2Bx&a=b+c&e="),
            [
                ("grant_type".to_owned(), "refresh_token".to_owned()),
                ("refresh_token".to_owned(), "Atzr|IwEBI+x".to_owned()),
                ("a".to_owned(), "b c".to_owned()),
                ("e".to_owned(), String::new()),
            ]
        );
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%41"), "A");
    }
}
