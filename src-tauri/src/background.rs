//! The background loop: re-checks new keys until they become active, gives the reminders that
//! are due, and tells the user. Driven by the wall clock: it wakes at least every 30 s, so a
//! suspend or a clock change never delays a reminder by more than that.

use std::time::Duration;

use chrono::Utc;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::notify;
use crate::state::AppState;

/// Event telling the UI to reload credentials.
pub const CHANGED_EVENT: &str = "credentials-changed";
/// The loop looks at the wall clock at least this often (never one long sleep: suspend-safe).
const MAX_SLEEP: Duration = Duration::from_secs(30);

/// Starts the loop on Tauri's async runtime.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let state = app.state::<AppState>();
            match state.service.run_due_checks().await {
                Ok(reports) if !reports.is_empty() => {
                    let _ = app.emit(CHANGED_EVENT, ());
                    for report in reports.iter().filter(|r| !r.retrying) {
                        notify::verification_finished(&app, &state.service, report);
                    }
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(code = err.code(), "background checks failed"),
            }
            match state.service.take_due_reminders() {
                Ok(due) => {
                    for reminder in &due {
                        notify::reminder(&app, reminder);
                    }
                }
                Err(err) => tracing::warn!(code = err.code(), "reminders could not be planned"),
            }
            crate::tray::refresh(&app);
            let next_check = state.service.next_due_check().ok().flatten();
            let next_reminder = state.service.next_reminder_at().ok().flatten();
            let wait = [next_check, next_reminder]
                .into_iter()
                .flatten()
                .min()
                .map(|due| (due - Utc::now()).to_std().unwrap_or(Duration::ZERO))
                .unwrap_or(MAX_SLEEP)
                .clamp(Duration::from_millis(500), MAX_SLEEP);
            let wake = state.wake.clone();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = wake.notified() => {}
            }
        }
    });
}
