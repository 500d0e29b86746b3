//! HTTP clients for the marketplace APIs.

pub mod lwa;
pub mod rms;
pub mod spapi;
