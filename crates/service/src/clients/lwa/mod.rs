//! Login with Amazon: the refresh-token grant.
//!
//! `POST https://api.amazon.com/auth/o2/token` (one host for every region, Japan included:
//! api-facts §2.1) with the form `grant_type=refresh_token&refresh_token=…&client_id=…&
//! client_secret=…` answers `{"access_token":"Atza|…","token_type":"bearer","expires_in":3600}`.
//! A revoked or expired authorization answers 400 `invalid_grant`; a wrong (or rotated) client
//! secret answers 401 `invalid_client` (api-facts §2.2).
//!
//! Access tokens are kept in memory only (never persisted), keyed by the client id and a keyed
//! hash of the refresh token, and reused only while more than `reuse_margin` (60 s) of their
//! hour is left.
//!
//! Secrets never leave this module except in the request itself: error messages, `Debug`
//! output and logs carry neither the client secret, the refresh token, the access token nor the
//! request body. What it shares with the other clients is in `super::common`.

mod cache;
mod client;
mod config;
mod error;
mod grant;
mod token;

pub use client::LwaClient;
pub use config::{LwaConfig, DEFAULT_EXPIRES_IN, DEFAULT_TOKEN_URL, TOKEN_URL_ENV};
pub use error::LwaError;
pub use token::AccessToken;
