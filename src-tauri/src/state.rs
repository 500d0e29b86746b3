//! What the shell keeps for the app's lifetime.

use std::sync::{Arc, Mutex};

use kagiban_service::{Error, Service};
use tauri::async_runtime::JoinHandle;

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
    /// The keychain self-test started with the process, so it runs while WebKit starts; the
    /// page's first status takes its result, later ones test again.
    first_keychain_check: Mutex<Option<JoinHandle<Result<(), Error>>>>,
}

impl AppState {
    /// Opens the service on the real adapters.
    pub fn open() -> Result<Self, Error> {
        let service = Arc::new(kagiban_service::open_default()?);
        let first_check = Self::spawn_keychain_check(&service);
        Ok(Self {
            service,
            clipboard: ClipboardHandle::start(),
            capture: Capture::default(),
            pending_flow: Mutex::new(None),
            first_keychain_check: Mutex::new(Some(first_check)),
        })
    }

    fn spawn_keychain_check(service: &Service) -> JoinHandle<Result<(), Error>> {
        let store = service.secret_store();
        tauri::async_runtime::spawn_blocking(move || kagiban_service::keychain::self_test(store))
    }

    /// Whether the OS keychain stores and returns a secret: the check started with the process
    /// the first time, a new one after that (the user may have unlocked the keychain meanwhile).
    pub async fn keychain_check(&self) -> Result<(), Error> {
        let started = self
            .first_keychain_check
            .lock()
            .expect("keychain check lock")
            .take();
        let handle = started.unwrap_or_else(|| Self::spawn_keychain_check(&self.service));
        handle.await.unwrap_or_else(|e| {
            Err(Error::KeychainUnavailable {
                detail: e.to_string(),
            })
        })
    }
}
