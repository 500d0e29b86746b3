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

mod api;
mod control;
mod fake;
mod script;
mod state;

pub use api::EXPIRY_DATE_PATH;
pub use fake::FakeRms;
pub use script::{RecordedRequest, Scripted};
