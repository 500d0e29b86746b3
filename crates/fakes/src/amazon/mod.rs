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

mod api;
mod constants;
mod control;
mod fake;
mod lwa;
mod model;
mod responses;
mod roles;
mod script;
mod spapi;
mod state;

pub use constants::*;
pub use fake::FakeAmazon;
pub use model::{Marketplace, SellerAuthorization};
pub use script::{RecordedRequest, Scripted};
