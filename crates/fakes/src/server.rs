//! What the fakes share: starting a loopback server, their base URL, the shared-state lock,
//! building responses and decoding percent-encoded text.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Mutex, MutexGuard};

use axum::body::Body;
use axum::http::header::AsHeaderName;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;

/// The content type of every JSON answer.
pub(crate) const JSON_UTF8: &str = "application/json;charset=UTF-8";

/// Serves `app` on `listener` in a task; `name` prefixes the message if the server stops.
pub(crate) fn spawn(
    listener: tokio::net::TcpListener,
    app: Router,
    name: &'static str,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("{name}: server stopped: {e}");
        }
    })
}

/// `http://IP:PORT` (no trailing slash), with `127.0.0.1` for an unspecified address.
pub(crate) fn base_url(addr: SocketAddr) -> String {
    let ip = if addr.ip().is_unspecified() {
        Ipv4Addr::LOCALHOST.into()
    } else {
        addr.ip()
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// Locks a fake's state. A panic while holding the lock cannot leave the state inconsistent:
/// keep going.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// A header as text (lossy), if present.
pub(crate) fn header_text(headers: &HeaderMap, name: impl AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, body: impl Into<Body>) -> Response {
    respond(status, JSON_UTF8, body)
}

/// An answer with any content type.
pub(crate) fn respond(status: StatusCode, content_type: &str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r
}

/// Decodes `%XX` and `+` (form and query encoding); a malformed escape stays as it is.
pub(crate) fn percent_decode(s: &str) -> String {
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
