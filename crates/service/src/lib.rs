//! Kagiban's application service and its adapters: keychain, SQLite, API clients, clock.

pub mod clients;
pub mod clock;
pub mod config;
pub mod error;
pub mod folders;
pub mod keychain;
mod service;
pub mod store;
pub mod views;

pub use error::Error;
pub use service::{
    AmazonSpInput, Clients, Details, ExportedShop, ImportReport, KindReminders, Service, Settings,
    SettingsExport, CANDIDATE_LIFETIME, CLIPBOARD_CLEAR_RANGE, UNRECOGNIZED_KEY,
};

use std::sync::Arc;

/// The service wired to the real adapters: SQLite in the data folder, the OS keychain, the
/// production API URLs (or `KAGIBAN_RAKUTEN_API_BASE`, `KAGIBAN_LWA_TOKEN_URL`,
/// `KAGIBAN_SPAPI_BASE`), the system clock.
pub fn open_default() -> Result<Service, Error> {
    let dir = config::data_dir();
    let store = store::Store::open(&config::db_path(&dir))?;
    Ok(Service::new(
        store,
        Arc::new(keychain::OsKeychain::new(config::keychain_service())),
        Clients::from_env()?,
        clock::from_env()?,
    ))
}
