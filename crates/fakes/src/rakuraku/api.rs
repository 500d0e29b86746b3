//! What the fake answers: scripts first, then the customers search.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;

use super::control::handle_control;
use super::fake::Shared;
use super::script::{RecordedRequest, Scripted};
use crate::server::{header_text, json, respond};

/// The customers search under an account: `/<account>` + this.
pub const CUSTOMERS_PATH: &str = "/api/v1/customers/";

const TOKEN_HEADER: &str = "x-wb-apitoken";
const HTML: &str = "text/html;charset=UTF-8";
const MAINTENANCE_HTML: &str = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">\
<title>メンテナンス中</title></head><body><h1>ただいまメンテナンス中です</h1>\
<p>ご迷惑をおかけしますが、しばらくお待ちください。</p></body></html>\n";
const NOT_FOUND_HTML: &str = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\
<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n";
const UNAUTHORIZED_BODY: &str = r#"{"errors":[{"code":"401","message":"APIトークンが不正です"}]}"#;
const SEARCH_BODY: &str = r#"{"customers":[],"count":0}"#;

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
        // Path and status only: the header carries the token.
        eprintln!(
            "fake-rakuraku: {method} {path} -> {}",
            response.status().as_u16()
        );
    }
    response
}

async fn handle_api(shared: &Shared, method: &Method, uri: &Uri, headers: &HeaderMap) -> Response {
    let token = header_text(headers, TOKEN_HEADER);
    let scripted = {
        let mut inner = shared.lock();
        inner.requests.push(RecordedRequest {
            method: method.as_str().to_owned(),
            path: uri.path().to_owned(),
            query: uri.query().map(str::to_owned),
            api_token: token.clone(),
            accept: header_text(headers, header::ACCEPT),
            user_agent: header_text(headers, header::USER_AGENT),
            at: Instant::now(),
        });
        inner.scripted.pop_front()
    };
    match scripted {
        Some(Scripted::Maintenance) => return respond(StatusCode::OK, HTML, MAINTENANCE_HTML),
        Some(Scripted::Refuse(status)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::UNAUTHORIZED);
            return json(status, UNAUTHORIZED_BODY);
        }
        Some(Scripted::NotFound) => return respond(StatusCode::NOT_FOUND, HTML, NOT_FOUND_HTML),
        Some(Scripted::TooManyRequests { retry_after_secs }) => {
            let mut r = json(
                StatusCode::TOO_MANY_REQUESTS,
                r#"{"errors":[{"code":"429","message":"Too Many Requests"}]}"#,
            );
            if let Some(secs) = retry_after_secs {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            return r;
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
    normal(shared, method, uri.path(), token.as_deref())
}

/// What 楽楽明細 does.
fn normal(shared: &Shared, method: &Method, path: &str, token: Option<&str>) -> Response {
    let account = path
        .strip_prefix('/')
        .and_then(|p| p.split_once('/'))
        .filter(|(_, rest)| format!("/{rest}") == CUSTOMERS_PATH)
        .map(|(account, _)| account);
    let inner = shared.lock();
    let Some(registered) = account.and_then(|a| inner.accounts.iter().find(|r| r.account == a))
    else {
        return respond(StatusCode::NOT_FOUND, HTML, NOT_FOUND_HTML);
    };
    if method != Method::GET {
        let mut r = json(
            StatusCode::METHOD_NOT_ALLOWED,
            r#"{"errors":[{"code":"405","message":"Method Not Allowed"}]}"#,
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET"));
        return r;
    }
    if token != Some(registered.token.as_str()) {
        return json(StatusCode::UNAUTHORIZED, UNAUTHORIZED_BODY);
    }
    json(StatusCode::OK, SEARCH_BODY)
}
