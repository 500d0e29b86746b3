//! The flow definitions, one data file per flow.

pub mod amazon_mws;
pub mod amazon_sp_api;
pub mod rakuraku_connector;
pub mod rakuten_license_key;
