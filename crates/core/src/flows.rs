//! The flow definitions, one data file per flow.

pub mod rakuten_license_key;
