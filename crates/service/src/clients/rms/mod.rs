//! Rakuten RMS WEB SERVICE client: LicenseManagementAPI `license.expiryDate.get`.
//!
//! `GET {base}/es/1.0/license-management/license-key/expiry-date?licenseKey=…` with
//! `Authorization: ESA base64(serviceSecret:licenseKey)` both verifies the pair and returns the
//! key's real expiry (`{"expiryDate":"2026-11-28T23:59:59"}`, JST without a zone).
//!
//! Secrets never leave this module except in the request itself: error messages, `Debug`
//! output and logs carry neither the serviceSecret, the licenseKey, the `Authorization` header
//! nor the request URL (whose query holds the licenseKey). What it shares with the other clients
//! is in `super::common`.

mod client;
mod config;
mod error;
mod response;

pub use client::RmsClient;
pub use config::{RmsConfig, BASE_URL_ENV, DEFAULT_BASE_URL, EXPIRY_DATE_PATH};
pub use error::RmsError;
