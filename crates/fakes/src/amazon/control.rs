//! The control endpoints under `/__fake/`, for the end-to-end tests that run `fake-amazon`.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::model::{Marketplace, SellerAuthorization};
use super::responses::sp_errors;
use super::script::Scripted;
use super::state::{add_app, add_authorization, expire_access_tokens, Shared};
use crate::server::{json, respond, JSON_UTF8};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppDto {
    client_id: String,
    client_secret: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum MarketplaceDto {
    Id(String),
    Full(Marketplace),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RefreshTokenDto {
    refresh_token: String,
    client_id: String,
    #[serde(default)]
    marketplaces: Option<Vec<MarketplaceDto>>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    revoked: bool,
    #[serde(default)]
    access_token_expires_in: Option<u32>,
}

impl RefreshTokenDto {
    fn into_authorization(self) -> Result<SellerAuthorization, String> {
        let marketplaces = match self.marketplaces {
            None => vec![Marketplace::japan()],
            Some(list) => list
                .into_iter()
                .map(|m| match m {
                    MarketplaceDto::Id(id) => Marketplace::by_id(&id)
                        .ok_or_else(|| format!("unknown marketplace id {id:?}: give the object")),
                    MarketplaceDto::Full(m) => Ok(m),
                })
                .collect::<Result<_, _>>()?,
        };
        if self.refresh_token.is_empty() || self.client_id.is_empty() {
            return Err("refreshToken and clientId must not be empty".to_owned());
        }
        Ok(SellerAuthorization {
            refresh_token: self.refresh_token,
            client_id: self.client_id,
            marketplaces,
            roles: self.roles,
            revoked: self.revoked,
            access_token_expires_in: self.access_token_expires_in.unwrap_or(3600),
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScriptDto {
    #[serde(default)]
    path: Option<String>,
    #[serde(flatten)]
    kind: ScriptKindDto,
}

#[derive(Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
enum ScriptKindDto {
    TooManyRequests {
        #[serde(default)]
        retry_after_secs: Option<u64>,
        #[serde(default)]
        rate_limit: Option<f64>,
    },
    ServiceUnavailable,
    InternalError,
    Hang {
        millis: u64,
    },
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
}

impl From<ScriptKindDto> for Scripted {
    fn from(dto: ScriptKindDto) -> Self {
        match dto {
            ScriptKindDto::TooManyRequests {
                retry_after_secs,
                rate_limit,
            } => Scripted::TooManyRequests {
                retry_after_secs,
                rate_limit,
            },
            ScriptKindDto::ServiceUnavailable => Scripted::ServiceUnavailable,
            ScriptKindDto::InternalError => Scripted::InternalError,
            ScriptKindDto::Hang { millis } => Scripted::Hang(Duration::from_millis(millis)),
            ScriptKindDto::Raw {
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
    content_type: Option<&'a str>,
    access_token: Option<&'a str>,
    form: Vec<[&'a str; 2]>,
    body: &'a str,
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
        ("POST", "apps") => match serde_json::from_slice::<AppDto>(body) {
            Ok(a) if !a.client_id.is_empty() && !a.client_secret.is_empty() => {
                add_app(&mut shared.lock(), &a.client_id, &a.client_secret);
                no_content()
            }
            Ok(_) => control_error("clientId and clientSecret must not be empty"),
            Err(e) => control_error(&e.to_string()),
        },
        ("POST", "refresh-tokens") => match serde_json::from_slice::<RefreshTokenDto>(body)
            .map_err(|e| e.to_string())
            .and_then(RefreshTokenDto::into_authorization)
        {
            Ok(a) => {
                add_authorization(&mut shared.lock(), a);
                no_content()
            }
            Err(e) => control_error(&e),
        },
        ("POST", "script") => match serde_json::from_slice::<ScriptDto>(body) {
            Ok(s) => {
                shared.lock().scripted.push_back((s.path, s.kind.into()));
                no_content()
            }
            Err(e) => control_error(&e.to_string()),
        },
        ("POST", "expire-access-tokens") => {
            expire_access_tokens(&mut shared.lock());
            no_content()
        }
        ("GET", "requests") => {
            let inner = shared.lock();
            let list: Vec<RequestDto<'_>> = inner
                .requests
                .iter()
                .map(|r| RequestDto {
                    method: &r.method,
                    path: &r.path,
                    query: r.query.as_deref(),
                    content_type: r.content_type.as_deref(),
                    access_token: r.access_token.as_deref(),
                    form: r
                        .form
                        .iter()
                        .map(|(k, v)| [k.as_str(), v.as_str()])
                        .collect(),
                    body: &r.body,
                    at_ms: r.at.saturating_duration_since(shared.started).as_millis(),
                })
                .collect();
            json(
                StatusCode::OK,
                serde_json::to_string(&list).unwrap_or_else(|_| "[]".into()),
            )
        }
        _ => sp_errors(
            StatusCode::NOT_FOUND,
            "NotFound",
            "unknown control endpoint",
            "",
        ),
    }
}

fn control_error(message: &str) -> Response {
    sp_errors(StatusCode::BAD_REQUEST, "BadControlRequest", message, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amazon::TOKEN_PATH;
    use serde_json::json;

    #[test]
    fn control_marketplaces_accept_ids_and_objects() {
        let dto: RefreshTokenDto = serde_json::from_value(json!({
            "refreshToken": "Atzr|x", "clientId": "c",
            "marketplaces": ["A1VC38T7YXB528", {"id":"X","name":"n","countryCode":"XX",
              "defaultCurrencyCode":"XXX","defaultLanguageCode":"xx_XX","domainName":"d",
              "isParticipating": false}]
        }))
        .unwrap();
        let a = dto.into_authorization().unwrap();
        assert_eq!(a.marketplaces[0], Marketplace::japan());
        assert!(!a.marketplaces[1].is_participating);
        assert_eq!(a.access_token_expires_in, 3600);
        let dto: RefreshTokenDto = serde_json::from_value(
            json!({"refreshToken":"Atzr|x","clientId":"c","marketplaces":["NOPE"]}),
        )
        .unwrap();
        assert!(dto.into_authorization().is_err());
    }

    #[test]
    fn script_dto_takes_an_optional_path() {
        let s: ScriptDto = serde_json::from_value(json!({
            "kind":"tooManyRequests","retryAfterSecs":1,"rateLimit":0.5,"path":"/auth/o2/token"
        }))
        .unwrap();
        assert_eq!(s.path.as_deref(), Some(TOKEN_PATH));
        assert_eq!(
            Scripted::from(s.kind),
            Scripted::TooManyRequests {
                retry_after_secs: Some(1),
                rate_limit: Some(0.5)
            }
        );
        let s: ScriptDto = serde_json::from_value(json!({"kind":"hang","millis":5})).unwrap();
        assert!(s.path.is_none());
        assert_eq!(
            Scripted::from(s.kind),
            Scripted::Hang(Duration::from_millis(5))
        );
    }
}
