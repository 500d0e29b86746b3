//! What the fake RMS answers on the API path: scripts first, then RMS's documented behaviour.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;

use super::control::handle_control;
use super::script::{RecordedRequest, Scripted};
use super::state::Shared;
use crate::server::{header_text, json, percent_decode, respond};

/// The path of `license.expiryDate.get`.
pub const EXPIRY_DATE_PATH: &str = "/es/1.0/license-management/license-key/expiry-date";

const UNAUTHORISED_BODY: &str = r#"{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}"#;
const MISSING_LICENSE_KEY_BODY: &str =
    r#"{"errors":[{"code":"DR0005","message":"licenseKey is required"}]}"#;
const MAINTENANCE_HTML: &str = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">\
<title>メンテナンス中</title></head><body><h1>ただいまメンテナンス中です</h1>\
<p>ご迷惑をおかけしますが、しばらくお待ちください。</p></body></html>\n";
const MALFORMED_JSON: &str = r#"{"expiryDate":"2027-02-28T23:5"#;

pub(super) async fn handle(
    State(shared): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let response = if let Some(control) = path.strip_prefix("/__fake/") {
        handle_control(&shared, &method, control, &body)
    } else {
        handle_api(&shared, &method, &uri, &headers).await
    };
    if shared.lock().log_requests {
        // Path and status only: the query and the Authorization header carry secrets.
        eprintln!(
            "fake-rms: {method} {path} -> {}",
            response.status().as_u16()
        );
    }
    response
}

async fn handle_api(shared: &Shared, method: &Method, uri: &Uri, headers: &HeaderMap) -> Response {
    let text = |name: header::HeaderName| header_text(headers, name);
    let authorization = text(header::AUTHORIZATION);
    let scripted = {
        let mut inner = shared.lock();
        inner.requests.push(RecordedRequest {
            method: method.as_str().to_owned(),
            path: uri.path().to_owned(),
            query: uri.query().map(str::to_owned),
            authorization: authorization.clone(),
            user_agent: text(header::USER_AGENT),
            accept: text(header::ACCEPT),
            at: Instant::now(),
        });
        inner.scripted.pop_front()
    };
    match scripted {
        Some(Scripted::TooManyRequests { retry_after_secs }) => {
            let mut r = json(
                StatusCode::TOO_MANY_REQUESTS,
                r#"{"errors":[{"code":"TooManyRequests","message":"Too Many Requests"}]}"#,
            );
            if let Some(secs) = retry_after_secs {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            return r;
        }
        Some(Scripted::ServiceUnavailable) => {
            return json(
                StatusCode::SERVICE_UNAVAILABLE,
                r#"{"errors":[{"code":"ServiceUnavailable","message":"Service Unavailable"}]}"#,
            )
        }
        Some(Scripted::InternalError) => {
            return json(
                StatusCode::INTERNAL_SERVER_ERROR,
                r#"{"errors":[{"code":"InternalServerError","message":"Internal Server Error"}]}"#,
            )
        }
        Some(Scripted::Html200) => {
            return respond(StatusCode::OK, "text/html;charset=UTF-8", MAINTENANCE_HTML)
        }
        Some(Scripted::MalformedJson200) => return json(StatusCode::OK, MALFORMED_JSON),
        Some(Scripted::MissingLicenseKey) => {
            return json(StatusCode::BAD_REQUEST, MISSING_LICENSE_KEY_BODY)
        }
        Some(Scripted::Raw {
            status,
            content_type,
            body,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return respond(status, &content_type, body);
        }
        Some(Scripted::Hang(delay)) => tokio::time::sleep(delay).await,
        None => {}
    }
    normal(shared, method, uri, authorization.as_deref())
}

/// What RMS does.
fn normal(shared: &Shared, method: &Method, uri: &Uri, authorization: Option<&str>) -> Response {
    if uri.path() != EXPIRY_DATE_PATH {
        return json(
            StatusCode::NOT_FOUND,
            r#"{"errors":[{"code":"NotFound","message":"Not Found"}]}"#,
        );
    }
    if method != Method::GET {
        let mut r = json(
            StatusCode::METHOD_NOT_ALLOWED,
            r#"{"errors":[{"code":"MethodNotAllowed","message":"Method Not Allowed"}]}"#,
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET"));
        return r;
    }
    let Some((service_secret, header_license_key)) = authorization.and_then(parse_esa) else {
        return unauthorised();
    };
    let query_license_key = uri
        .query()
        .and_then(|q| query_param(q, "licenseKey"))
        .filter(|v| !v.is_empty());
    let Some(query_license_key) = query_license_key else {
        return json(StatusCode::BAD_REQUEST, MISSING_LICENSE_KEY_BODY);
    };
    let inner = shared.lock();
    let Some(key) = inner
        .keys
        .iter()
        .find(|k| k.service_secret == service_secret && k.license_key == header_license_key)
    else {
        return unauthorised();
    };
    if key.added.elapsed() < key.active_after
        || query_license_key != header_license_key
        || has_expired(&key.expiry_date)
    {
        return unauthorised();
    }
    let body = serde_json::json!({ "expiryDate": key.expiry_date }).to_string();
    json(StatusCode::OK, body)
}

/// `ESA base64(sp:sl)` → `(sp, sl)`.
fn parse_esa(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("ESA ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (sp, sl) = decoded.split_once(':')?;
    if sp.is_empty() || sl.is_empty() {
        return None;
    }
    Some((sp.to_owned(), sl.to_owned()))
}

/// An expiry "YYYY-MM-DDTHH:MM:SS" (JST) in the past. Unparseable dates never expire, so a test
/// can make the fake return a date the client must reject.
fn has_expired(expiry_date: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(expiry_date, "%Y-%m-%dT%H:%M:%S")
        .map(|jst| jst - chrono::Duration::hours(9) < chrono::Utc::now().naive_utc())
        .unwrap_or(false)
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k) == name).then(|| percent_decode(v))
    })
}

fn unauthorised() -> Response {
    json(StatusCode::UNAUTHORIZED, UNAUTHORISED_BODY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_header() {
        assert_eq!(
            parse_esa("ESA YWFhOmJiYg=="),
            Some(("aaa".to_owned(), "bbb".to_owned()))
        );
        assert_eq!(parse_esa("Basic YWFhOmJiYg=="), None);
        assert_eq!(parse_esa("ESA !!!"), None);
    }

    #[test]
    fn decodes_query_values() {
        assert_eq!(
            query_param("a=1&licenseKey=SL1%5Fx+y", "licenseKey").as_deref(),
            Some("SL1_x y")
        );
        assert_eq!(query_param("licenseKeyX=1", "licenseKey"), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn expiry_is_jst() {
        assert!(has_expired("2020-01-01T00:00:00"));
        assert!(!has_expired("2999-01-01T00:00:00"));
        assert!(!has_expired("not a date"));
    }
}
