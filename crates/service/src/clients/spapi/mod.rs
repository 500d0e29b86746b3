//! Selling Partner API: marketplace participations and restricted data tokens.
//!
//! * `GET {base}/sellers/v1/marketplaceParticipations` (getMarketplaceParticipations, the cheap
//!   verification call of api-facts §2.5): `{"payload":[{"marketplace":{"id","name",
//!   "countryCode","defaultCurrencyCode","defaultLanguageCode","domainName"},"participation":
//!   {"isParticipating","hasSuspendedListings"}}]}`. Usage plan 0.016 req/s, burst 15.
//! * `POST {base}/tokens/2021-03-01/restrictedDataToken` (createRestrictedDataToken, §2.6):
//!   `{"restrictedDataToken":"Atz.sprdt|…","expiresIn":3600}`. Used to learn whether the app
//!   holds the roles for restricted data; the RDT itself is dropped at once.
//!
//! Both send the LWA access token in `x-amz-access-token` (no SigV4 since October 2023).
//! Errors come back as `{"errors":[{"code","message","details"}]}`. An expired, revoked or
//! missing access token answers **403** `Unauthorized` with a `details` about the access token
//! (api-facts §2.2); the same 403 `Unauthorized` "Access to requested resource is denied." with
//! empty `details` means the app lacks a role for the resource.
//!
//! Secrets (the access token, the RDT) never appear in errors, `Debug` output or logs. What it
//! shares with the other clients is in `super::common`.

mod client;
mod config;
mod error;
mod failure;
mod model;

pub use client::SpApiClient;
pub use config::{
    SpApiConfig, ACCESS_TOKEN_HEADER, BASE_URL_ENV, DEFAULT_BASE_URL, JAPAN_MARKETPLACE_ID,
    PARTICIPATIONS_PATH, RATE_LIMIT_HEADER, RESTRICTED_DATA_TOKEN_PATH,
};
pub use error::SpApiError;
pub use model::{Participation, RdtGranted};
