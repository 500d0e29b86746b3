//! HTTP clients for the marketplace APIs.

mod common;
pub mod lwa;
pub mod rms;
pub mod spapi;
