//! HTTP clients for the marketplace APIs.

pub mod rms;
