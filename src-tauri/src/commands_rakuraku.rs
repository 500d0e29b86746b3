//! Tauri commands of the 楽楽コネクタ setup: thin adapters over the service. Secrets go in
//! through the capture/candidate commands and out only through `copy_credential`; these
//! commands never return one (the views carry masked tails and keychain entry ids).

use std::path::PathBuf;

use kagiban_core::rakuraku::ConnectorConfig;
use kagiban_service::views::{ConnectionTestReport, ConnectorView, FolderCheckReport};
use kagiban_service::Error;
use tauri::{AppHandle, Runtime, State};

use crate::commands::{fail, save_download, CmdResult, SavedFile};
use crate::state::AppState;

/// A shop's 楽楽コネクタ configuration, checked, with its settings sheet.
#[tauri::command]
pub async fn rakuraku_connector(
    state: State<'_, AppState>,
    shop_id: String,
) -> CmdResult<ConnectorView> {
    state
        .service
        .rakuraku_connector(&shop_id)
        .map_err(|e| fail(&state, e))
}

/// Saves a shop's configuration (problems included: the user finishes it later); the secret
/// references in `config` are ignored.
#[tauri::command]
pub async fn save_rakuraku_connector(
    state: State<'_, AppState>,
    shop_id: String,
    config: ConnectorConfig,
) -> CmdResult<ConnectorView> {
    state
        .service
        .save_rakuraku_connector(&shop_id, &config)
        .map_err(|e| fail(&state, e))
}

/// The connection test of Step 1: one read-only customers search on 楽楽明細.
#[tauri::command]
pub async fn test_rakuraku_connection(
    state: State<'_, AppState>,
    shop_id: String,
) -> CmdResult<ConnectionTestReport> {
    state
        .service
        .test_rakuraku_connection(&shop_id)
        .await
        .map_err(|e| fail(&state, e))
}

/// The folder check under the agent's 「ファイルの配置場所」 (`base`, else the saved one, else
/// the Windows default). Reads files: run off the async workers.
#[tauri::command]
pub async fn check_rakuraku_folders(
    state: State<'_, AppState>,
    shop_id: String,
    base: Option<String>,
) -> CmdResult<FolderCheckReport> {
    let service = state.service.clone();
    let base = base
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .map(PathBuf::from);
    tauri::async_runtime::spawn_blocking(move || {
        service.check_rakuraku_folders(&shop_id, base.as_deref())
    })
    .await
    .unwrap_or_else(|e| Err(Error::Storage(e.to_string())))
    .map_err(|e| fail(&state, e))
}

/// Writes the configuration as JSON, without any secret, into the Downloads folder.
#[tauri::command]
pub async fn export_rakuraku_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    shop_id: String,
) -> CmdResult<SavedFile> {
    let json = state
        .service
        .export_rakuraku_json(&shop_id)
        .map_err(|e| fail(&state, e))?;
    save_download(&app, &state, "kagiban-rakuraku-connector", "json", &json)
}

/// Copies a value that is not a secret (a settings-sheet row, an IP address). Secrets are
/// copied with `copy_credential`, from the keychain.
#[tauri::command]
pub async fn copy_text(state: State<'_, AppState>, text: String) -> CmdResult<()> {
    state
        .clipboard
        .write_text(text)
        .await
        .map_err(|e| fail(&state, e))
}
