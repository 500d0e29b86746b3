//! Amazon: SP-API authorization, LWA client secret rotation, legacy MWS developer access, and
//! the restricted-data token (RDT) request builder.
//!
//! Everything here is pure: dates and `now` come in as parameters, nothing is sent anywhere.
//! The HTTP clients live in the service crate and use these rules and codes.

pub mod codes;
pub mod expiry;
pub mod ids;
pub mod rdt;

pub use codes::SpApiCode;
pub use rdt::{
    build_request, estimated_token_bytes, roles_needed, Need, RdtError, RdtRequest, Role,
};
