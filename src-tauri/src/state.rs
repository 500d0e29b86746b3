//! What the shell keeps for the app's lifetime.

use std::sync::{Arc, Mutex};

use kagiban_service::{Error, Service};

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
    /// A flow asked for (by the tray, a notification or the command line) before the window's
    /// page was listening.
    pub pending_flow: Mutex<Option<String>>,
}

impl AppState {
    /// Opens the service on the real adapters.
    pub fn open() -> Result<Self, Error> {
        Ok(Self {
            service: Arc::new(kagiban_service::open_default()?),
            clipboard: ClipboardHandle::start(),
            capture: Capture::default(),
            pending_flow: Mutex::new(None),
        })
    }
}
