//! Clipboard capture: polls the clipboard only while a capture step is open.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::Duration;

use kagiban_core::kind::CredentialKind;
use kagiban_service::views::CandidateSource;
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// How often the clipboard is read while a step waits for a key.
pub const POLL_INTERVAL: Duration = Duration::from_millis(150);
/// Longer clipboard texts are not keys; they are not examined.
const MAX_TEXT: usize = 4096;
/// Event carrying a `CandidateView`.
pub const CANDIDATE_EVENT: &str = "capture-candidate";

/// The running capture, if any.
#[derive(Default)]
pub struct Capture {
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Capture {
    /// Starts watching for a key of `kind` for `shop_id`, replacing any earlier watch.
    pub fn start<R: Runtime>(&self, app: AppHandle<R>, kind: CredentialKind, shop_id: String) {
        let task = tauri::async_runtime::spawn(async move {
            let mut last_seen: Option<u64> = None;
            loop {
                let state = app.state::<AppState>();
                if let Some(text) = state.clipboard.read_text().await {
                    let fingerprint = fingerprint(&text);
                    if last_seen != Some(fingerprint) {
                        last_seen = Some(fingerprint);
                        if text.len() <= MAX_TEXT {
                            if let Ok(view) = state.service.candidate_from_text(
                                kind,
                                &shop_id,
                                &text,
                                CandidateSource::Clipboard,
                            ) {
                                let _ = app.emit(CANDIDATE_EVENT, view);
                            }
                        }
                    }
                }
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        });
        if let Some(previous) = self.task.lock().expect("capture lock").replace(task) {
            previous.abort();
        }
    }

    /// Stops watching.
    pub fn stop(&self) {
        if let Some(task) = self.task.lock().expect("capture lock").take() {
            task.abort();
        }
    }
}

/// An in-memory fingerprint to notice changes without keeping the text.
fn fingerprint(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}
