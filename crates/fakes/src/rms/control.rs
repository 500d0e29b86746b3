//! The control endpoints under `/__fake/`, for the end-to-end tests that run `fake-rms`.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::script::Scripted;
use super::state::{Key, Shared};
use crate::server::{json, respond, JSON_UTF8};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyDto {
    service_secret: String,
    license_key: String,
    expiry_date: String,
    #[serde(default)]
    active_after_secs: u64,
}

#[derive(Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
enum ScriptDto {
    TooManyRequests {
        #[serde(default)]
        retry_after_secs: Option<u64>,
    },
    ServiceUnavailable,
    InternalError,
    Html200,
    MalformedJson200,
    Hang {
        millis: u64,
    },
    MissingLicenseKey,
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
}

impl From<ScriptDto> for Scripted {
    fn from(dto: ScriptDto) -> Self {
        match dto {
            ScriptDto::TooManyRequests { retry_after_secs } => {
                Scripted::TooManyRequests { retry_after_secs }
            }
            ScriptDto::ServiceUnavailable => Scripted::ServiceUnavailable,
            ScriptDto::InternalError => Scripted::InternalError,
            ScriptDto::Html200 => Scripted::Html200,
            ScriptDto::MalformedJson200 => Scripted::MalformedJson200,
            ScriptDto::Hang { millis } => Scripted::Hang(Duration::from_millis(millis)),
            ScriptDto::MissingLicenseKey => Scripted::MissingLicenseKey,
            ScriptDto::Raw {
                status,
                content_type,
                body,
            } => Scripted::Raw {
                status,
                content_type,
                body,
            },
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestDto<'a> {
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    authorization: Option<&'a str>,
    at_ms: u128,
}

pub(super) fn handle_control(
    shared: &Shared,
    method: &Method,
    control: &str,
    body: &[u8],
) -> Response {
    match (method.as_str(), control) {
        ("POST", "keys") => match serde_json::from_slice::<KeyDto>(body) {
            Ok(k) => {
                let mut inner = shared.lock();
                inner.keys.retain(|old| {
                    !(old.service_secret == k.service_secret && old.license_key == k.license_key)
                });
                inner.keys.push(Key {
                    service_secret: k.service_secret,
                    license_key: k.license_key,
                    expiry_date: k.expiry_date,
                    added: Instant::now(),
                    active_after: Duration::from_secs(k.active_after_secs),
                });
                respond(StatusCode::NO_CONTENT, JSON_UTF8, Body::empty())
            }
            Err(e) => control_error(&e),
        },
        ("POST", "script") => match serde_json::from_slice::<ScriptDto>(body) {
            Ok(s) => {
                shared.lock().scripted.push_back(s.into());
                respond(StatusCode::NO_CONTENT, JSON_UTF8, Body::empty())
            }
            Err(e) => control_error(&e),
        },
        ("GET", "requests") => {
            let inner = shared.lock();
            let list: Vec<RequestDto<'_>> = inner
                .requests
                .iter()
                .map(|r| RequestDto {
                    method: &r.method,
                    path: &r.path,
                    query: r.query.as_deref(),
                    authorization: r.authorization.as_deref(),
                    at_ms: r.at.saturating_duration_since(shared.started).as_millis(),
                })
                .collect();
            json(
                StatusCode::OK,
                serde_json::to_string(&list).unwrap_or_else(|_| "[]".into()),
            )
        }
        _ => json(
            StatusCode::NOT_FOUND,
            r#"{"errors":[{"code":"NotFound","message":"unknown control endpoint"}]}"#,
        ),
    }
}

fn control_error(e: &serde_json::Error) -> Response {
    let body = serde_json::json!({ "errors": [{ "code": "BadControlRequest", "message": e.to_string() }] });
    json(StatusCode::BAD_REQUEST, body.to_string())
}
