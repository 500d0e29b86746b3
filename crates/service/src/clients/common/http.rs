//! The one `reqwest` client of an API client.

use std::time::Duration;

/// The User-Agent sent to Amazon (LWA and SP-API ask for the language in it).
pub(crate) const AMAZON_USER_AGENT: &str =
    concat!("Kagiban/", env!("CARGO_PKG_VERSION"), " (Language=Rust)");
/// The User-Agent sent to Rakuten RMS.
pub(crate) const RMS_USER_AGENT: &str = concat!("Kagiban/", env!("CARGO_PKG_VERSION"));
/// The User-Agent sent to 楽楽明細.
pub(crate) const RAKURAKU_USER_AGENT: &str = RMS_USER_AGENT;

/// Time limits, no redirects (following one would resend the credentials elsewhere), no proxy
/// for loopback.
pub(crate) fn http_client(
    timeout: Duration,
    loopback: bool,
    user_agent: &'static str,
) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(user_agent)
        .redirect(reqwest::redirect::Policy::none());
    if loopback {
        builder = builder.no_proxy();
    }
    builder
        .build()
        .map_err(|_| "the HTTP client could not be initialised".to_owned())
}
