//! Kagiban's pure core: everything here is deterministic and free of I/O.

#![warn(missing_docs)]

pub mod amazon;
pub mod checks;
pub mod expiry;
pub mod flow;
pub mod flows;
pub mod form;
pub mod kind;
pub mod lang;
pub mod marketplace;
pub mod mask;
pub mod normalize;
pub mod rakuraku;
pub mod rakuten;
pub mod recognize;
pub mod reminders;
mod scan;
pub mod secret;
pub mod verify;
mod warning;

pub use expiry::{ExpirySource, Urgency};
pub use flow::{find_flow, view, FlowDef, FlowView};
pub use kind::CredentialKind;
pub use lang::{Lang, Text};
pub use recognize::{recognize, recognize_single, Recognized, Warning};
pub use secret::Secret;
pub use verify::VerifyCode;
