//! Fake Login with Amazon and Selling Partner API servers.
//!
//! One loopback server answers both the LWA token endpoint and the SP-API endpoints, on the
//! same base URL, reproducing api-facts.md §2:
//!
//! * `POST /auth/o2/token` (`application/x-www-form-urlencoded`,
//!   `grant_type=refresh_token&refresh_token=…&client_id=…&client_secret=…`):
//!   * unknown client id or wrong secret → 401
//!     `{"error":"invalid_client","error_description":"Client authentication failed"}`;
//!   * unknown, revoked or other app's refresh token → 400 `{"error":"invalid_grant",
//!     "error_description":"The request has an invalid grant parameter : refresh_token. User may
//!     have revoked or didn't grant the permission."}`;
//!   * otherwise 200 `{"access_token":"Atza|…","token_type":"bearer","expires_in":3600}`
//!     (`expires_in` is settable per refresh token, so tests can get short-lived tokens);
//!   * another content type or a missing parameter → 400 `invalid_request`, another grant type
//!     → 400 `unsupported_grant_type` (the fake's choice: api-facts does not cover these).
//! * `GET /sellers/v1/marketplaceParticipations` with `x-amz-access-token`: 200
//!   `{"payload":[{"marketplace":{…},"participation":{…}}]}` for the authorization's
//!   marketplaces.
//! * `POST /tokens/2021-03-01/restrictedDataToken` (`application/json`): 200
//!   `{"restrictedDataToken":"Atz.sprdt|…","expiresIn":3600}` when the authorization holds a
//!   role for every requested resource, else 403 `{"errors":[{"code":"Unauthorized","message":
//!   "Access to requested resource is denied.","details":""}]}`; no resources → 400
//!   `InvalidRequest` "Resource not provided."; another content type → 415.
//! * Both SP-API endpoints check the access token first: missing → 403 `Unauthorized` "Access
//!   token is missing in the request header.", unknown → "The access token you provided is
//!   revoked, malformed or invalid.", expired → "The access token you provided has expired."
//!   (api-facts §2.2: SP-API answers 403, not 401). Responses carry `x-amzn-RequestId` and
//!   `x-amzn-RateLimit-Limit` (0.016 for participations, 1.0 for tokens: §2.5/§2.6).
//!
//! Roles needed for a restricted resource (from the Tokens API guide): `shippingAddress`, an
//! order's `/address`, and shipping paths (`/mfn/`, `/shipping/`, `/easyShip/`,
//! `/vendor/directFulfillment/`) need [`ROLE_DIRECT_TO_CONSUMER_SHIPPING`]; `buyerInfo` and
//! `/buyerInfo` paths need [`ROLE_TAX_REMITTANCE`] or [`ROLE_TAX_INVOICING`];
//! `buyerTaxInformation` needs [`ROLE_TAX_INVOICING`] (an assumption); other order paths and
//! report documents need any of the three. Other paths → 400 `InvalidRequest`.
//!
//! Scripted responses ([`Scripted`]) are queued and consumed, first in first out, by the next
//! matching request (any request, or only one for a given path) before the normal handling.
//!
//! Control endpoints (not recorded, not subject to scripts), for the end-to-end tests that run
//! the `fake-amazon` binary:
//!
//! * `POST /__fake/apps` `{"clientId","clientSecret"}` → 204 (replaces the app's secret);
//! * `POST /__fake/refresh-tokens` `{"refreshToken","clientId","marketplaces"?:["A1VC38T7YXB528"
//!   or {"id","name","countryCode","defaultCurrencyCode","defaultLanguageCode","domainName",
//!   "isParticipating","hasSuspendedListings"}],"roles"?:[…],"revoked"?:false,
//!   "accessTokenExpiresIn"?:3600}` → 204 (default marketplaces: Japan only);
//! * `POST /__fake/script` `{"kind":"tooManyRequests","retryAfterSecs":1,"rateLimit":0.016,
//!   "path"?:"/sellers/v1/marketplaceParticipations"}` (kinds: `tooManyRequests`,
//!   `serviceUnavailable`, `internalError`, `hang` with `millis`, `raw` with `status`,
//!   `contentType`, `body`) → 204;
//! * `POST /__fake/expire-access-tokens` → 204 (every issued access token expires now);
//! * `GET /__fake/requests` → the recorded requests as JSON (`atMs` counts from the start).
//!   These include the fake credentials sent by the caller (form fields, access tokens):
//!   loopback and test data only.

use std::collections::VecDeque;
use std::hash::BuildHasher;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::Router;
use serde::{Deserialize, Serialize};

/// The LWA token endpoint.
pub const TOKEN_PATH: &str = "/auth/o2/token";
/// getMarketplaceParticipations.
pub const PARTICIPATIONS_PATH: &str = "/sellers/v1/marketplaceParticipations";
/// createRestrictedDataToken.
pub const RESTRICTED_DATA_TOKEN_PATH: &str = "/tokens/2021-03-01/restrictedDataToken";
/// The Japan marketplace id.
pub const JAPAN_MARKETPLACE_ID: &str = "A1VC38T7YXB528";

/// Needed for shipping address information.
pub const ROLE_DIRECT_TO_CONSUMER_SHIPPING: &str = "Direct-to-Consumer Shipping";
/// One of the two roles for buyer information.
pub const ROLE_TAX_REMITTANCE: &str = "Tax Remittance";
/// One of the two roles for buyer information; also for buyer tax information.
pub const ROLE_TAX_INVOICING: &str = "Tax Invoicing";

/// api-facts §2.2, revoked/expired/invalid refresh token (HTTP 400).
pub const INVALID_GRANT_BODY: &str = r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."}"#;
/// api-facts §2.2, wrong client secret (HTTP 401).
pub const INVALID_CLIENT_BODY: &str =
    r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
/// 403 for a restricted resource the app has no role for.
pub const ACCESS_DENIED_BODY: &str = r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}"#;
/// `details` of the 403 for an expired access token.
pub const EXPIRED_TOKEN_DETAILS: &str = "The access token you provided has expired.";
/// `details` of the 403 for an unknown access token.
pub const INVALID_TOKEN_DETAILS: &str =
    "The access token you provided is revoked, malformed or invalid.";
/// `details` of the 403 without an access token.
pub const MISSING_TOKEN_DETAILS: &str = "Access token is missing in the request header.";

/// The usage-plan rate of getMarketplaceParticipations (requests per second).
pub const PARTICIPATIONS_RATE_LIMIT: &str = "0.016";
/// The usage-plan rate of createRestrictedDataToken (requests per second).
pub const RDT_RATE_LIMIT: &str = "1.0";

const JSON: &str = "application/json";
const JSON_UTF8: &str = "application/json;charset=UTF-8";
const FORM: &str = "application/x-www-form-urlencoded";
const PII_ROLES: [&str; 3] = [
    ROLE_DIRECT_TO_CONSUMER_SHIPPING,
    ROLE_TAX_REMITTANCE,
    ROLE_TAX_INVOICING,
];

/// A marketplace as getMarketplaceParticipations shows it, with the seller's participation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marketplace {
    pub id: String,
    pub name: String,
    pub country_code: String,
    pub default_currency_code: String,
    pub default_language_code: String,
    pub domain_name: String,
    #[serde(default = "yes")]
    pub is_participating: bool,
    #[serde(default)]
    pub has_suspended_listings: bool,
}

fn yes() -> bool {
    true
}

impl Marketplace {
    fn new(id: &str, name: &str, country: &str, currency: &str, lang: &str, domain: &str) -> Self {
        Marketplace {
            id: id.to_owned(),
            name: name.to_owned(),
            country_code: country.to_owned(),
            default_currency_code: currency.to_owned(),
            default_language_code: lang.to_owned(),
            domain_name: domain.to_owned(),
            is_participating: true,
            has_suspended_listings: false,
        }
    }

    /// Amazon.co.jp, `A1VC38T7YXB528`.
    pub fn japan() -> Self {
        Self::new(
            JAPAN_MARKETPLACE_ID,
            "Amazon.co.jp",
            "JP",
            "JPY",
            "ja_JP",
            "www.amazon.co.jp",
        )
    }

    /// Amazon.com, `ATVPDKIKX0DER`.
    pub fn united_states() -> Self {
        Self::new(
            "ATVPDKIKX0DER",
            "Amazon.com",
            "US",
            "USD",
            "en_US",
            "www.amazon.com",
        )
    }

    /// Amazon.com.au, `A39IBJ37TRP1C6`.
    pub fn australia() -> Self {
        Self::new(
            "A39IBJ37TRP1C6",
            "Amazon.com.au",
            "AU",
            "AUD",
            "en_AU",
            "www.amazon.com.au",
        )
    }

    /// Amazon.sg, `A19VAU5U5O7RUS`.
    pub fn singapore() -> Self {
        Self::new(
            "A19VAU5U5O7RUS",
            "Amazon.sg",
            "SG",
            "SGD",
            "en_SG",
            "www.amazon.sg",
        )
    }

    /// One of the marketplaces above, by id.
    pub fn by_id(id: &str) -> Option<Self> {
        [
            Self::japan(),
            Self::united_states(),
            Self::australia(),
            Self::singapore(),
        ]
        .into_iter()
        .find(|m| m.id == id)
    }

    /// Marks the seller as not participating (any more).
    pub fn not_participating(mut self) -> Self {
        self.is_participating = false;
        self
    }
}

/// A seller's authorization of an app: a refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SellerAuthorization {
    /// The `Atzr|…` refresh token.
    pub refresh_token: String,
    /// The app (LWA client id) it was issued to.
    pub client_id: String,
    /// getMarketplaceParticipations' answer.
    pub marketplaces: Vec<Marketplace>,
    /// The restricted-data roles granted (e.g. [`ROLE_TAX_INVOICING`], or kagiban-core's id
    /// `tax_invoicing`: names are compared case-insensitively, `-` and space as `_`).
    pub roles: Vec<String>,
    /// Revoked (or past its 365 days): the grant answers `invalid_grant`.
    pub revoked: bool,
    /// `expires_in` of the access tokens issued for it (3600 unless a test wants less).
    pub access_token_expires_in: u32,
}

impl SellerAuthorization {
    /// A live authorization in Japan only, with no restricted-data role, issuing 1-hour tokens.
    pub fn new(refresh_token: &str, client_id: &str) -> Self {
        SellerAuthorization {
            refresh_token: refresh_token.to_owned(),
            client_id: client_id.to_owned(),
            marketplaces: vec![Marketplace::japan()],
            roles: Vec::new(),
            revoked: false,
            access_token_expires_in: 3600,
        }
    }

    /// Replaces the marketplaces.
    pub fn with_marketplaces(mut self, marketplaces: Vec<Marketplace>) -> Self {
        self.marketplaces = marketplaces;
        self
    }

    /// Replaces the roles.
    pub fn with_roles(mut self, roles: &[&str]) -> Self {
        self.roles = roles.iter().map(|r| (*r).to_owned()).collect();
        self
    }

    /// Marks it revoked.
    pub fn revoked(mut self) -> Self {
        self.revoked = true;
        self
    }

    /// Sets the `expires_in` of the access tokens issued for it.
    pub fn with_access_token_expires_in(mut self, secs: u32) -> Self {
        self.access_token_expires_in = secs;
        self
    }
}

/// A response forced onto the next matching request, before the normal handling.
#[derive(Debug, Clone, PartialEq)]
pub enum Scripted {
    /// 429 with `Retry-After: N` and `x-amzn-RateLimit-Limit: R` when given.
    TooManyRequests {
        retry_after_secs: Option<u64>,
        rate_limit: Option<f64>,
    },
    /// 503 with an errors body.
    ServiceUnavailable,
    /// 500 with an errors body.
    InternalError,
    /// Sleeps this long, then handles the request normally.
    Hang(Duration),
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
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The `x-amz-access-token` header.
    pub access_token: Option<String>,
    /// The decoded fields of a form body, in order (secret values included: test data only).
    pub form: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
    /// When the request arrived (before any scripted delay).
    pub at: Instant,
}

impl RecordedRequest {
    /// The first form field of that name.
    pub fn form_field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}

struct App {
    client_id: String,
    client_secret: String,
}

struct IssuedToken {
    token: String,
    refresh_token: String,
    expires: Instant,
}

struct Inner {
    apps: Vec<App>,
    authorizations: Vec<SellerAuthorization>,
    access_tokens: Vec<IssuedToken>,
    rdts: Vec<String>,
    scripted: VecDeque<(Option<String>, Scripted)>,
    requests: Vec<RecordedRequest>,
    log_requests: bool,
    counter: u64,
}

#[derive(Clone)]
struct Shared {
    inner: Arc<Mutex<Inner>>,
    started: Instant,
    random: Arc<std::collections::hash_map::RandomState>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the state inconsistent: keep going.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A unique, unguessable-enough token body for test data.
    fn token_body(&self, inner: &mut Inner, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::with_capacity(len);
        while out.len() < len {
            inner.counter += 1;
            let mut n = self.random.hash_one(inner.counter);
            for _ in 0..10 {
                out.push(ALPHABET[(n % 64) as usize] as char);
                n /= 64;
            }
        }
        out.truncate(len);
        out
    }
}

/// A running fake LWA + SP-API on loopback. The server task is aborted when this is dropped.
pub struct FakeAmazon {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeAmazon {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start() -> FakeAmazon {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind 127.0.0.1:0 for the fake Amazon")
    }

    /// Starts on the given address.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeAmazon> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                apps: Vec::new(),
                authorizations: Vec::new(),
                access_tokens: Vec::new(),
                rdts: Vec::new(),
                scripted: VecDeque::new(),
                requests: Vec::new(),
                log_requests: false,
                counter: 0,
            })),
            started: Instant::now(),
            random: Arc::new(Default::default()),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("fake-amazon: server stopped: {e}");
            }
        });
        Ok(FakeAmazon { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash): the SP-API base URL.
    pub fn base_url(&self) -> String {
        let ip = if self.addr.ip().is_unspecified() {
            Ipv4Addr::LOCALHOST.into()
        } else {
            self.addr.ip()
        };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// `http://127.0.0.1:PORT/auth/o2/token`: the LWA token URL.
    pub fn token_url(&self) -> String {
        format!("{}{TOKEN_PATH}", self.base_url())
    }

    /// The address the fake listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Registers an app, or replaces its client secret (a rotation: the old one stops working).
    pub fn add_app(&self, client_id: &str, client_secret: &str) {
        add_app(&mut self.shared.lock(), client_id, client_secret);
    }

    /// Registers a refresh token, replacing an earlier registration of the same token.
    pub fn add_refresh_token(&self, authorization: SellerAuthorization) {
        add_authorization(&mut self.shared.lock(), authorization);
    }

    /// Revokes a refresh token (the seller removed the app, or 365 days passed). Access tokens
    /// already issued keep working until they expire.
    pub fn revoke_refresh_token(&self, refresh_token: &str) {
        let mut inner = self.shared.lock();
        for a in inner
            .authorizations
            .iter_mut()
            .filter(|a| a.refresh_token == refresh_token)
        {
            a.revoked = true;
        }
    }

    /// Makes every access token issued so far expired.
    pub fn expire_access_tokens(&self) {
        expire_access_tokens(&mut self.shared.lock());
    }

    /// Queues a forced response for the next request, whatever its path (FIFO).
    pub fn script(&self, response: Scripted) {
        self.shared.lock().scripted.push_back((None, response));
    }

    /// Queues a forced response for the next request to `path` (FIFO among the scripts).
    pub fn script_on(&self, path: &str, response: Scripted) {
        self.shared
            .lock()
            .scripted
            .push_back((Some(path.to_owned()), response));
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// The requests received so far for one path.
    pub fn requests_to(&self, path: &str) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    /// Every access token issued so far, in order.
    pub fn issued_access_tokens(&self) -> Vec<String> {
        self.shared
            .lock()
            .access_tokens
            .iter()
            .map(|t| t.token.clone())
            .collect()
    }

    /// Every restricted data token issued so far, in order.
    pub fn issued_rdts(&self) -> Vec<String> {
        self.shared.lock().rdts.clone()
    }

    /// Logs `METHOD PATH -> STATUS` for each request to stderr (never headers or bodies).
    pub fn set_log_requests(&self, on: bool) {
        self.shared.lock().log_requests = on;
    }
}

impl Drop for FakeAmazon {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for FakeAmazon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeAmazon")
            .field("addr", &self.addr)
            .finish()
    }
}

fn add_app(inner: &mut Inner, client_id: &str, client_secret: &str) {
    inner.apps.retain(|a| a.client_id != client_id);
    inner.apps.push(App {
        client_id: client_id.to_owned(),
        client_secret: client_secret.to_owned(),
    });
}

fn add_authorization(inner: &mut Inner, authorization: SellerAuthorization) {
    inner
        .authorizations
        .retain(|a| a.refresh_token != authorization.refresh_token);
    inner.authorizations.push(authorization);
}

fn expire_access_tokens(inner: &mut Inner) {
    let now = Instant::now();
    for t in &mut inner.access_tokens {
        t.expires = t.expires.min(now);
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

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

fn media_type(content_type: Option<&str>) -> String {
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

/// What LWA does for the refresh grant.
fn token_endpoint(shared: &Shared, method: &Method, request: &RecordedRequest) -> Response {
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

fn participations(shared: &Shared, method: &Method, request: &RecordedRequest) -> Response {
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

fn restricted_data_token(shared: &Shared, method: &Method, request: &RecordedRequest) -> Response {
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

/// `Direct-to-Consumer Shipping` and `direct_to_consumer_shipping` (kagiban-core's id) are
/// the same role.
fn role_key(role: &str) -> String {
    role.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

enum RdtRefusal {
    UnsupportedMediaType,
    Invalid(String),
    MissingRole,
}

/// Whether `roles` cover every restricted resource of a createRestrictedDataToken request.
fn check_rdt_request(request: &RecordedRequest, roles: &[String]) -> Result<(), RdtRefusal> {
    if media_type(request.content_type.as_deref()) != JSON {
        return Err(RdtRefusal::UnsupportedMediaType);
    }
    let invalid = |details: &str| RdtRefusal::Invalid(details.to_owned());
    let body: serde_json::Value = serde_json::from_str(&request.body)
        .map_err(|_| invalid("Request body is not valid JSON."))?;
    let resources = body
        .get("restrictedResources")
        .and_then(serde_json::Value::as_array)
        .filter(|r| !r.is_empty())
        .ok_or_else(|| invalid("Resource not provided."))?;
    if resources.len() > 50 {
        return Err(invalid("Too many resources: at most 50."));
    }
    for resource in resources {
        let needs = required_roles(resource).map_err(RdtRefusal::Invalid)?;
        for any_of in needs {
            if !any_of
                .iter()
                .any(|role| roles.iter().any(|r| role_key(r) == role_key(role)))
            {
                return Err(RdtRefusal::MissingRole);
            }
        }
    }
    Ok(())
}

/// For one restricted resource, the roles needed: each inner list is "any of these".
fn required_roles(resource: &serde_json::Value) -> Result<Vec<Vec<&'static str>>, String> {
    let method = resource
        .get("method")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if !matches!(method, "GET" | "PUT" | "POST" | "DELETE") {
        return Err("Invalid method: use GET, PUT, POST or DELETE.".to_owned());
    }
    let path = resource
        .get("path")
        .and_then(serde_json::Value::as_str)
        .filter(|p| p.starts_with('/'))
        .ok_or_else(|| "Invalid path.".to_owned())?;
    let elements: Vec<&str> = match resource.get("dataElements") {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_str).collect())
            .ok_or_else(|| "Invalid dataElements.".to_owned())?,
    };
    let shipping = vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING];
    let buyer = vec![ROLE_TAX_REMITTANCE, ROLE_TAX_INVOICING];
    let any_pii = PII_ROLES.to_vec();
    let mut needs = Vec::new();
    for element in &elements {
        needs.push(match *element {
            "shippingAddress" => shipping.clone(),
            "buyerInfo" => buyer.clone(),
            "buyerTaxInformation" => vec![ROLE_TAX_INVOICING],
            other => return Err(format!("Invalid dataElement: {other}.")),
        });
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    match segments.as_slice() {
        ["orders", "v0", "orders", ..] => {
            if !elements.is_empty() {
                // dataElements decide (getOrders, getOrder, getOrderItems).
            } else if segments.last() == Some(&"address") {
                needs.push(shipping);
            } else if segments.last() == Some(&"buyerInfo") {
                needs.push(buyer);
            } else {
                needs.push(any_pii);
            }
        }
        ["mfn", ..] | ["shipping", ..] | ["easyShip", ..] => needs.push(shipping),
        ["vendor", "directFulfillment", ..] => needs.push(shipping),
        ["reports", "2021-06-30", "documents", _] => {
            if path.contains('{') {
                return Err("A report document needs a specific path.".to_owned());
            }
            needs.push(any_pii);
        }
        _ => return Err("Invalid restricted resource.".to_owned()),
    }
    Ok(needs)
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = format!(
        r#"{{"error":{},"error_description":{}}}"#,
        quote(error),
        quote(description)
    );
    json(status, body)
}

/// `{"errors":[{"code","message","details"}]}`, in that key order.
fn sp_errors(status: StatusCode, code: &str, message: &str, details: &str) -> Response {
    let body = format!(
        r#"{{"errors":[{{"code":{},"message":{},"details":{}}}]}}"#,
        quote(code),
        quote(message),
        quote(details)
    );
    json(status, body)
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

/// `a=1&b=x%7Cy` → `[("a","1"),("b","x|y")]`.
fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
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

// ---------------------------------------------------------------------------------------------
// Control endpoints.
// ---------------------------------------------------------------------------------------------

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

fn handle_control(shared: &Shared, method: &Method, control: &str, body: &[u8]) -> Response {
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
    use serde_json::json;

    #[test]
    fn role_names_and_ids_match() {
        assert_eq!(
            role_key(ROLE_DIRECT_TO_CONSUMER_SHIPPING),
            "direct_to_consumer_shipping"
        );
        assert_eq!(role_key(ROLE_TAX_REMITTANCE), "tax_remittance");
        assert_eq!(role_key(" Tax Invoicing"), "tax_invoicing");
    }

    #[test]
    fn decodes_form_bodies() {
        assert_eq!(
            parse_form("grant_type=refresh_token&refresh_token=Atzr%7CIwEBI%2Bx&a=b+c&e="),
            [
                ("grant_type".to_owned(), "refresh_token".to_owned()),
                ("refresh_token".to_owned(), "Atzr|IwEBI+x".to_owned()),
                ("a".to_owned(), "b c".to_owned()),
                ("e".to_owned(), String::new()),
            ]
        );
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%41"), "A");
    }

    #[test]
    fn roles_follow_the_tokens_api_guide() {
        let r = |v: serde_json::Value| required_roles(&v);
        assert_eq!(
            r(json!({"method":"GET","path":"/orders/v0/orders","dataElements":["buyerInfo","shippingAddress"]})).unwrap(),
            [
                vec![ROLE_TAX_REMITTANCE, ROLE_TAX_INVOICING],
                vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]
            ]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/orders/v0/orders/{orderId}/address"})).unwrap(),
            [vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/mfn/v0/shipments/{shipmentId}"})).unwrap(),
            [vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/reports/2021-06-30/documents/amzn1.spdoc.1.4.eu.x"}))
                .unwrap(),
            [PII_ROLES.to_vec()]
        );
        assert!(r(json!({"method":"GET","path":"/reports/2021-06-30/documents/{id}"})).is_err());
        assert!(r(json!({"method":"PATCH","path":"/orders/v0/orders"})).is_err());
        assert!(r(json!({"method":"GET","path":"/sellers/v1/marketplaceParticipations"})).is_err());
        assert!(
            r(json!({"method":"GET","path":"/orders/v0/orders","dataElements":["x"]})).is_err()
        );
    }

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
