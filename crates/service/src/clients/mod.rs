//! HTTP clients for the marketplace APIs.

mod common;
pub mod lwa;
pub mod rakuraku;
pub mod rms;
pub mod spapi;
