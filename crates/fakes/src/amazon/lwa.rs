//! What the fake LWA token endpoint does for the refresh grant.

use std::time::{Duration, Instant};

use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;

use super::api::media_type;
use super::constants::{FORM, INVALID_CLIENT_BODY, INVALID_GRANT_BODY};
use super::responses::oauth_error;
use super::script::RecordedRequest;
use super::state::{IssuedToken, Shared};
use crate::server::json;

/// What LWA does for the refresh grant.
pub(super) fn token_endpoint(
    shared: &Shared,
    method: &Method,
    request: &RecordedRequest,
) -> Response {
    if method != Method::POST {
        let mut r = oauth_error(
            StatusCode::METHOD_NOT_ALLOWED,
            "invalid_request",
            "The request method is not supported",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return r;
    }
    if media_type(request.content_type.as_deref()) != FORM {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request has an invalid parameter : Content-Type",
        );
    }
    let field = |name: &str| request.form_field(name).filter(|v| !v.is_empty());
    let Some(grant_type) = field("grant_type") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request is missing a required parameter : grant_type",
        );
    };
    if grant_type != "refresh_token" {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server",
        );
    }
    let mut inner = shared.lock();
    let client_ok = match (field("client_id"), field("client_secret")) {
        (Some(id), Some(secret)) => inner
            .apps
            .iter()
            .any(|a| a.client_id == id && a.client_secret == secret),
        _ => false,
    };
    if !client_ok {
        return json(StatusCode::UNAUTHORIZED, INVALID_CLIENT_BODY);
    }
    let client_id = field("client_id").unwrap_or_default();
    let Some(authorization) = field("refresh_token").and_then(|rt| {
        inner
            .authorizations
            .iter()
            .find(|a| a.refresh_token == rt && a.client_id == client_id && !a.revoked)
    }) else {
        return json(StatusCode::BAD_REQUEST, INVALID_GRANT_BODY);
    };
    let refresh_token = authorization.refresh_token.clone();
    let expires_in = authorization.access_token_expires_in;
    let token = format!("Atza|IwEB{}", shared.token_body(&mut inner, 48));
    inner.access_tokens.push(IssuedToken {
        token: token.clone(),
        refresh_token,
        expires: Instant::now() + Duration::from_secs(u64::from(expires_in)),
    });
    let body = format!(
        r#"{{"access_token":{},"token_type":"bearer","expires_in":{expires_in}}}"#,
        serde_json::Value::String(token)
    );
    json(StatusCode::OK, body)
}
