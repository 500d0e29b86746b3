//! The control endpoints under `/__fake/`, for the end-to-end tests that run `fake-rakuraku`.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::fake::Shared;
use super::script::Scripted;
use crate::server::{json, respond, JSON_UTF8};

#[derive(Deserialize)]
struct AccountDto {
    account: String,
    token: String,
}

#[derive(Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
enum ScriptDto {
    Maintenance,
    Refuse {
        status: u16,
    },
    NotFound,
    Hang {
        millis: u64,
    },
    TooManyRequests {
        #[serde(default)]
        retry_after_secs: Option<u64>,
    },
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
}

impl From<ScriptDto> for Scripted {
    fn from(dto: ScriptDto) -> Self {
        match dto {
            ScriptDto::Maintenance => Scripted::Maintenance,
            ScriptDto::Refuse { status } => Scripted::Refuse(status),
            ScriptDto::NotFound => Scripted::NotFound,
            ScriptDto::Hang { millis } => Scripted::Hang(Duration::from_millis(millis)),
            ScriptDto::TooManyRequests { retry_after_secs } => {
                Scripted::TooManyRequests { retry_after_secs }
            }
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
    api_token: Option<&'a str>,
    at_ms: u128,
}

fn no_content() -> Response {
    respond(StatusCode::NO_CONTENT, JSON_UTF8, Body::empty())
}

pub(super) fn handle_control(
    shared: &Shared,
    method: &Method,
    control: &str,
    body: &[u8],
) -> Response {
    match (method.as_str(), control) {
        ("POST", "accounts") => match serde_json::from_slice::<AccountDto>(body) {
            Ok(a) => {
                shared.add_account(&a.account, &a.token);
                no_content()
            }
            Err(e) => control_error(&e),
        },
        ("POST", "script") => match serde_json::from_slice::<ScriptDto>(body) {
            Ok(s) => {
                shared.lock().scripted.push_back(s.into());
                no_content()
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
                    api_token: r.api_token.as_deref(),
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
