//! Reading an answer: content type, JSON bodies, error codes.

use reqwest::header::{HeaderMap, CONTENT_TYPE};

/// The lower-cased `Content-Type`.
pub(crate) fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase)
}

/// Refuses a 2xx answer that is not JSON: another content type, or an HTML page (a
/// maintenance page).
pub(crate) fn reject_non_json(content_type: Option<&str>, body: &[u8]) -> Result<(), String> {
    if let Some(ct) = content_type {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        if !essence.contains("json") {
            let shown: String = essence
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(60)
                .collect();
            return Err(format!(
                "HTTP 200 with content type {shown:?} instead of JSON"
            ));
        }
    }
    if String::from_utf8_lossy(body).trim_start().starts_with('<') {
        return Err("HTTP 200 with an HTML page instead of JSON".to_owned());
    }
    Ok(())
}

/// A 2xx body that must be a JSON object (not an HTML maintenance page).
pub(crate) fn parse_json_object(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    reject_non_json(content_type, body)?;
    match serde_json::from_slice(body) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(_) => Err("HTTP 200 whose body is not a JSON object".to_owned()),
        Err(_) => Err("HTTP 200 whose body is not valid JSON".to_owned()),
    }
}

/// `s` when it looks like an error code (short, no spaces), else `None`.
pub(crate) fn code_like(s: &str) -> Option<String> {
    (!s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    .then(|| s.to_owned())
}

/// ` CODE` for an error message, or nothing.
pub(crate) fn code_suffix(code: Option<&str>) -> String {
    code.map(|c| format!(" {c}")).unwrap_or_default()
}
