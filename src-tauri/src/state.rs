//! What the shell keeps for the app's lifetime.

use std::sync::{Arc, Mutex};

use kagiban_service::{Error, Service};
use tokio::sync::Notify;

use crate::capture::Capture;
use crate::clipboard::ClipboardHandle;

/// Shared state, managed by Tauri.
pub struct AppState {
    /// The application service.
    pub service: Arc<Service>,
    /// The one owner of the system clipboard.
    pub clipboard: ClipboardHandle,
    /// The clipboard capture, running only while a capture step is open.
    pub capture: Capture,
    /// Wakes the background loop when a check was scheduled or credentials changed.
    pub wake: Arc<Notify>,
    /// A flow the tray asked to open, for a window that was still loading.
    pub pending_flow: Mutex<Option<String>>,
}

impl AppState {
    /// Opens the service on the real adapters.
    pub fn open() -> Result<Self, Error> {
        Ok(Self {
            service: Arc::new(kagiban_service::open_default()?),
            clipboard: ClipboardHandle::start(),
            capture: Capture::default(),
            wake: Arc::new(Notify::new()),
            pending_flow: Mutex::new(None),
        })
    }
}
