//! What the fake answers on the API paths: scripts first, then the endpoint's behaviour.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;

use super::constants::{FORM, PARTICIPATIONS_PATH, RESTRICTED_DATA_TOKEN_PATH, TOKEN_PATH};
use super::control::handle_control;
use super::lwa::token_endpoint;
use super::responses::{parse_form, sp_errors};
use super::script::{RecordedRequest, Scripted};
use super::spapi::{participations, restricted_data_token};
use super::state::Shared;
use crate::server::{header_text, respond};

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
        handle_api(&shared, &method, &uri, &headers, &body).await
    };
    if shared.lock().log_requests {
        // Path and status only: headers and bodies carry secrets.
        eprintln!(
            "fake-amazon: {method} {path} -> {}",
            response.status().as_u16()
        );
    }
    response
}

pub(super) fn media_type(content_type: Option<&str>) -> String {
    content_type
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

async fn handle_api(
    shared: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    let content_type = header_text(headers, "content-type");
    let text = String::from_utf8_lossy(body).into_owned();
    let form = if media_type(content_type.as_deref()) == FORM {
        parse_form(&text)
    } else {
        Vec::new()
    };
    let request = RecordedRequest {
        method: method.as_str().to_owned(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        content_type,
        accept: header_text(headers, "accept"),
        user_agent: header_text(headers, "user-agent"),
        access_token: header_text(headers, "x-amz-access-token"),
        form,
        body: text,
        at: Instant::now(),
    };
    let scripted = {
        let mut inner = shared.lock();
        inner.requests.push(request.clone());
        let position = inner
            .scripted
            .iter()
            .position(|(path, _)| path.as_deref().is_none_or(|p| p == request.path));
        position
            .and_then(|i| inner.scripted.remove(i))
            .map(|(_, s)| s)
    };
    match scripted {
        Some(Scripted::TooManyRequests {
            retry_after_secs,
            rate_limit,
        }) => {
            let mut r = sp_errors(
                StatusCode::TOO_MANY_REQUESTS,
                "QuotaExceeded",
                "You exceeded your quota for the requested resource.",
                "",
            );
            if let Some(secs) = retry_after_secs {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            if let Some(rate) = rate_limit {
                if let Ok(v) = HeaderValue::from_str(&rate.to_string()) {
                    r.headers_mut()
                        .insert(HeaderName::from_static("x-amzn-ratelimit-limit"), v);
                }
            }
            return r;
        }
        Some(Scripted::ServiceUnavailable) => {
            return sp_errors(
                StatusCode::SERVICE_UNAVAILABLE,
                "ServiceUnavailable",
                "Service temporarily unavailable. Please try again.",
                "",
            )
        }
        Some(Scripted::InternalError) => {
            return sp_errors(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InternalFailure",
                "We encountered an internal error. Please try again.",
                "",
            )
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
    let mut response = match request.path.as_str() {
        TOKEN_PATH => token_endpoint(shared, method, &request),
        PARTICIPATIONS_PATH => participations(shared, method, &request),
        RESTRICTED_DATA_TOKEN_PATH => restricted_data_token(shared, method, &request),
        _ => sp_errors(StatusCode::NOT_FOUND, "NotFound", "Resource not found.", ""),
    };
    if request.path != TOKEN_PATH {
        let id = {
            let mut inner = shared.lock();
            shared.token_body(&mut inner, 12)
        };
        if let Ok(v) = HeaderValue::from_str(&format!("fake-{id}")) {
            response
                .headers_mut()
                .insert(HeaderName::from_static("x-amzn-requestid"), v);
        }
    }
    response
}
