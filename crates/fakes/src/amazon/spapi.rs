//! What the fake SP-API endpoints do: check the access token, then answer.

use std::time::Instant;

use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;

use super::constants::{
    ACCESS_DENIED_BODY, EXPIRED_TOKEN_DETAILS, INVALID_TOKEN_DETAILS, MISSING_TOKEN_DETAILS,
    PARTICIPATIONS_RATE_LIMIT, RDT_RATE_LIMIT,
};
use super::model::SellerAuthorization;
use super::responses::{quote, sp_errors};
use super::roles::{check_rdt_request, RdtRefusal};
use super::script::RecordedRequest;
use super::state::{Inner, Shared};
use crate::server::json;

/// The authorization behind a valid access token, or the `details` of SP-API's 403.
fn authorize(
    inner: &Inner,
    request: &RecordedRequest,
) -> Result<SellerAuthorization, &'static str> {
    let Some(token) = request.access_token.as_deref().filter(|t| !t.is_empty()) else {
        return Err(MISSING_TOKEN_DETAILS);
    };
    let Some(issued) = inner.access_tokens.iter().find(|t| t.token == token) else {
        return Err(INVALID_TOKEN_DETAILS);
    };
    if Instant::now() >= issued.expires {
        return Err(EXPIRED_TOKEN_DETAILS);
    }
    inner
        .authorizations
        .iter()
        .find(|a| a.refresh_token == issued.refresh_token)
        .cloned()
        .ok_or(INVALID_TOKEN_DETAILS)
}

/// SP-API's 403 for a missing, unknown or expired access token.
fn token_denied(details: &str) -> Response {
    sp_errors(
        StatusCode::FORBIDDEN,
        "Unauthorized",
        "Access to requested resource is denied.",
        details,
    )
}

fn method_not_allowed(allow: &'static str) -> Response {
    let mut r = sp_errors(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        "Method not allowed.",
        "",
    );
    r.headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    r
}

fn with_rate_limit(mut r: Response, rate: &'static str) -> Response {
    r.headers_mut().insert(
        HeaderName::from_static("x-amzn-ratelimit-limit"),
        HeaderValue::from_static(rate),
    );
    r
}

pub(super) fn participations(
    shared: &Shared,
    method: &Method,
    request: &RecordedRequest,
) -> Response {
    if method != Method::GET {
        return method_not_allowed("GET");
    }
    let authorization = match authorize(&shared.lock(), request) {
        Ok(a) => a,
        Err(details) => return token_denied(details),
    };
    // Built by hand to keep the documented key order (serde_json would sort the keys).
    let payload: Vec<String> = authorization
        .marketplaces
        .iter()
        .map(|m| {
            format!(
                r#"{{"marketplace":{{"id":{},"name":{},"countryCode":{},"defaultCurrencyCode":{},"defaultLanguageCode":{},"domainName":{}}},"participation":{{"isParticipating":{},"hasSuspendedListings":{}}}}}"#,
                quote(&m.id),
                quote(&m.name),
                quote(&m.country_code),
                quote(&m.default_currency_code),
                quote(&m.default_language_code),
                quote(&m.domain_name),
                m.is_participating,
                m.has_suspended_listings,
            )
        })
        .collect();
    let body = format!(r#"{{"payload":[{}]}}"#, payload.join(","));
    with_rate_limit(json(StatusCode::OK, body), PARTICIPATIONS_RATE_LIMIT)
}

pub(super) fn restricted_data_token(
    shared: &Shared,
    method: &Method,
    request: &RecordedRequest,
) -> Response {
    if method != Method::POST {
        return method_not_allowed("POST");
    }
    let mut inner = shared.lock();
    let authorization = match authorize(&inner, request) {
        Ok(a) => a,
        Err(details) => return token_denied(details),
    };
    let response = match check_rdt_request(request, &authorization.roles) {
        Ok(()) => {
            let rdt = format!("Atz.sprdt|IQEB{}", shared.token_body(&mut inner, 40));
            inner.rdts.push(rdt.clone());
            let body = format!(
                r#"{{"restrictedDataToken":{},"expiresIn":3600}}"#,
                quote(&rdt)
            );
            json(StatusCode::OK, body)
        }
        Err(RdtRefusal::UnsupportedMediaType) => sp_errors(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            "The request's Content-Type is not supported.",
            "",
        ),
        Err(RdtRefusal::Invalid(details)) => sp_errors(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "Request is missing or has invalid parameters",
            &details,
        ),
        Err(RdtRefusal::MissingRole) => json(StatusCode::FORBIDDEN, ACCESS_DENIED_BODY),
    };
    with_rate_limit(response, RDT_RATE_LIMIT)
}
