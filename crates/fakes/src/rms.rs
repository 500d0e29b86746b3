//! A fake of Rakuten RMS WEB SERVICE's LicenseManagementAPI (`license.expiryDate.get`).
//!
//! It reproduces the documented behaviour (api-facts.md §1.5/§1.6):
//!
//! * `GET /es/1.0/license-management/license-key/expiry-date?licenseKey=…` with
//!   `Authorization: ESA base64(serviceSecret:licenseKey)`;
//! * no or invalid `Authorization` → 401 `{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}`;
//! * a valid header but no (or an empty) `licenseKey` query parameter → 400 `DR0005`;
//! * a registered pair added less than `active_after` ago → 401 (a new key is not active yet,
//!   and RMS does not say so: the answer is the same as for a bad key);
//! * a query `licenseKey` that differs from the header's → 401;
//! * a registered pair whose expiry (JST) has passed → 401 (a real expired key gives GA0001);
//! * a registered active pair → 200 `{"expiryDate":"2027-02-28T23:59:59"}`;
//! * any other method on that path → 405; any other path → 404.
//!
//! Scripted responses ([`Scripted`]) are queued and consumed, first in first out, by the next
//! requests before the normal handling.
//!
//! Control endpoints (not recorded, not subject to scripts), for the end-to-end tests that run
//! the `fake-rms` binary:
//!
//! * `POST /__fake/keys` `{"serviceSecret","licenseKey","expiryDate","activeAfterSecs"?}` → 204;
//! * `POST /__fake/script` `{"kind":"tooManyRequests","retryAfterSecs":1}` (kinds:
//!   `tooManyRequests`, `serviceUnavailable`, `internalError`, `html200`, `malformedJson200`,
//!   `hang` with `millis`, `missingLicenseKey`, `raw` with `status`, `contentType`, `body`) → 204;
//! * `GET /__fake/requests` → the recorded requests as JSON (`atMs` counts from the start).
//!   These include the fake credentials sent by the caller: loopback and test data only.

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::Router;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The path of `license.expiryDate.get`.
pub const EXPIRY_DATE_PATH: &str = "/es/1.0/license-management/license-key/expiry-date";

const JSON_UTF8: &str = "application/json;charset=UTF-8";
const UNAUTHORISED_BODY: &str = r#"{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}"#;
const MISSING_LICENSE_KEY_BODY: &str =
    r#"{"errors":[{"code":"DR0005","message":"licenseKey is required"}]}"#;
const MAINTENANCE_HTML: &str = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">\
<title>メンテナンス中</title></head><body><h1>ただいまメンテナンス中です</h1>\
<p>ご迷惑をおかけしますが、しばらくお待ちください。</p></body></html>\n";
const MALFORMED_JSON: &str = r#"{"expiryDate":"2027-02-28T23:5"#;

/// A response forced onto the next request, before the normal handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scripted {
    /// 429, with `Retry-After: N` when given.
    TooManyRequests { retry_after_secs: Option<u64> },
    /// 503 with a JSON errors body.
    ServiceUnavailable,
    /// 500 with a JSON errors body.
    InternalError,
    /// 200 `text/html` maintenance page (「ただいまメンテナンス中です」).
    Html200,
    /// 200 `application/json` whose body is cut off.
    MalformedJson200,
    /// Sleeps this long, then handles the request normally (200 for an active key).
    Hang(Duration),
    /// 400 `DR0005` whatever the request (the real client always sends `licenseKey`).
    MissingLicenseKey,
    /// Any status, content type and body.
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
}

/// One request received by the fake (control endpoints excluded).
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: Option<String>,
    /// The raw `Authorization` header.
    pub authorization: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// When the request arrived (before any scripted delay).
    pub at: Instant,
}

struct Key {
    service_secret: String,
    license_key: String,
    expiry_date: String,
    added: Instant,
    active_after: Duration,
}

struct Inner {
    keys: Vec<Key>,
    scripted: VecDeque<Scripted>,
    requests: Vec<RecordedRequest>,
    log_requests: bool,
}

#[derive(Clone)]
struct Shared {
    inner: Arc<Mutex<Inner>>,
    started: Instant,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the state inconsistent: keep going.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A running fake RMS on loopback. The server task is aborted when this is dropped.
pub struct FakeRms {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeRms {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start() -> FakeRms {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind 127.0.0.1:0 for the fake RMS")
    }

    /// Starts on the given address.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeRms> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                keys: Vec::new(),
                scripted: VecDeque::new(),
                requests: Vec::new(),
                log_requests: false,
            })),
            started: Instant::now(),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("fake-rms: server stopped: {e}");
            }
        });
        Ok(FakeRms { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        let ip = if self.addr.ip().is_unspecified() {
            Ipv4Addr::LOCALHOST.into()
        } else {
            self.addr.ip()
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// The address the fake listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Registers a pair (replacing an earlier registration of the same pair). The key answers
    /// 401 until `active_after` has passed, like a freshly issued RMS key.
    pub fn add_key(
        &self,
        service_secret: &str,
        license_key: &str,
        expiry_date: &str,
        active_after: Duration,
    ) {
        let mut inner = self.shared.lock();
        inner
            .keys
            .retain(|k| !(k.service_secret == service_secret && k.license_key == license_key));
        inner.keys.push(Key {
            service_secret: service_secret.to_owned(),
            license_key: license_key.to_owned(),
            expiry_date: expiry_date.to_owned(),
            added: Instant::now(),
            active_after,
        });
    }

    /// Queues a forced response for the next request (FIFO).
    pub fn script(&self, response: Scripted) {
        self.shared.lock().scripted.push_back(response);
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Logs `METHOD PATH -> STATUS` for each request to stderr (never headers or query values).
    pub fn set_log_requests(&self, on: bool) {
        self.shared.lock().log_requests = on;
    }
}

impl Drop for FakeRms {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for FakeRms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeRms").field("addr", &self.addr).finish()
    }
}

async fn handle(
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
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
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

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn unauthorised() -> Response {
    json(StatusCode::UNAUTHORIZED, UNAUTHORISED_BODY)
}

fn json(status: StatusCode, body: impl Into<Body>) -> Response {
    respond(status, JSON_UTF8, body)
}

fn respond(status: StatusCode, content_type: &str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r
}

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

fn handle_control(shared: &Shared, method: &Method, control: &str, body: &[u8]) -> Response {
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
