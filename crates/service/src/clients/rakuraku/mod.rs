//! 楽楽明細 API client: the connection test of 楽楽コネクタ's Step 1.
//!
//! `GET <楽楽明細 URL>api/v1/customers/?keyword=…` with `X-WB-apitoken: <APIトークン>`, a
//! read-only customers search (api-facts §4.1). The base URL is the user's own; for tests the
//! scheme, host and port can be replaced by `KAGIBAN_RAKURAKU_API_BASE` (the account path is
//! kept).
//!
//! The token never leaves this module except in the request header: errors, `Debug` output and
//! logs carry neither the token nor the header.

mod client;
mod config;
mod error;
mod response;

pub use client::RakurakuClient;
pub use config::{RakurakuConfig, BASE_URL_ENV, SEARCH_KEYWORD};
pub use error::RakurakuError;
