//! Where things live: the data folder and the keychain service name, overridable by environment.

use std::path::PathBuf;

/// The app identifier; also the name of the data folder and the keychain service.
pub const APP_IDENTIFIER: &str = "jp.kagiban.desktop";
/// Moves the SQLite file (tests, portable installs).
pub const DATA_DIR_ENV: &str = "KAGIBAN_DATA_DIR";
/// File name of the metadata database.
pub const DB_FILE: &str = "kagiban.sqlite3";

/// The data folder: `$KAGIBAN_DATA_DIR`, else the OS's per-user data folder + identifier
/// (the same folder Tauri's `app_data_dir` uses, so app and CLI share it).
pub fn data_dir() -> PathBuf {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_IDENTIFIER),
    }
}

/// The SQLite file in `dir`.
pub fn db_path(dir: &std::path::Path) -> PathBuf {
    dir.join(DB_FILE)
}

/// Keychain service name: separate for debug builds so development never touches real keys.
pub fn keychain_service() -> String {
    if cfg!(debug_assertions) {
        format!("{APP_IDENTIFIER}.dev")
    } else {
        APP_IDENTIFIER.to_string()
    }
}
