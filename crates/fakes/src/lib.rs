//! Local fake marketplace API servers that reproduce the documented behaviour, for tests.
//!
//! Every fake listens on loopback only and is used both by the Rust tests (as a library)
//! and by the end-to-end tests of the desktop app (as the `fake-rms` binary).

pub mod amazon;
pub mod notifications;
pub mod rakuraku;
pub mod rms;

mod server;
