//! A fake of the 楽楽明細 API's read-only customers search, the call Kagiban's connection test
//! makes (api-facts §4.1).
//!
//! * `GET /<account>/api/v1/customers/?keyword=…` with `X-WB-apitoken: <token>`;
//! * a registered account and its token → 200 `application/json` `{"customers":[],"count":0}`;
//! * a registered account with a missing or other token → 401 JSON;
//! * an unknown account or any other path → 404 with an HTML page (as a web server does);
//! * another method on the search path → 405.
//!
//! Scripted responses ([`Scripted`]) are queued and consumed, first in first out, by the next
//! requests before the normal handling: the maintenance page (HTTP 200 `text/html`, as 楽楽精算
//! documents for its maintenance), a refusal, a 404, a slow answer, a 429, any raw answer.
//!
//! Control endpoints (not recorded, not subject to scripts), for the end-to-end tests that run
//! the `fake-rakuraku` binary:
//!
//! * `POST /__fake/accounts` `{"account","token"}` → 204;
//! * `POST /__fake/script` `{"kind":"maintenance"}` (kinds: `maintenance`, `refuse` with
//!   `status`, `notFound`, `hang` with `millis`, `tooManyRequests` with `retryAfterSecs`, `raw`
//!   with `status`, `contentType`, `body`) → 204;
//! * `GET /__fake/requests` → the recorded requests as JSON. These include the fake token sent
//!   by the caller: loopback and test data only.

mod api;
mod control;
mod fake;
mod script;

pub use api::CUSTOMERS_PATH;
pub use fake::FakeRakuraku;
pub use script::{RecordedRequest, Scripted};
