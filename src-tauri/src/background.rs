//! Keeps the page in step with the other processes: the tray resident re-checks new keys and
//! records reminders, the CLI may add keys. SQLite's data_version tells when another process
//! committed; the page then reloads.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Event telling the UI to reload credentials.
pub const CHANGED_EVENT: &str = "credentials-changed";
/// How often the window looks (one pragma on an open connection).
const POLL: Duration = Duration::from_secs(1);

/// Starts watching on Tauri's async runtime, for the life of the window process.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut seen = None;
        loop {
            let version = app.state::<AppState>().service.data_version().ok();
            if seen.is_some() && version != seen {
                let _ = app.emit(CHANGED_EVENT, ());
            }
            seen = version;
            tokio::time::sleep(POLL).await;
        }
    });
}
