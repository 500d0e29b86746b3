//! The main window. It lives in this process, which ends when the window closes: the tray
//! resident (`kagiban-resident`) stays, without a webview, and opens a new window when asked.

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::state::AppState;

/// Label of the main window (the capability is bound to it).
pub const MAIN: &str = "main";
/// Event asking the page to open a flow, or the settings (payload: the flow id or `settings`).
pub const OPEN_FLOW_EVENT: &str = "open-flow";

/// Shows the main window, creating it if needed.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    if let Some(window) = app.get_webview_window(MAIN) {
        window.show()?;
        window.unminimize()?;
        return window.set_focus();
    }
    WebviewWindowBuilder::new(app, MAIN, WebviewUrl::default())
        .title("鍵番 Kagiban")
        .inner_size(1100.0, 760.0)
        .min_inner_size(800.0, 560.0)
        .build()?;
    Ok(())
}

/// Brings the window forward on `target` (a flow id or `settings`): told to a page that is up
/// by an event, and kept for a page that is still loading (it asks with `take_pending_flow`).
pub fn open<R: Runtime>(app: &AppHandle<R>, target: Option<String>) {
    let existed = app.get_webview_window(MAIN).is_some();
    if let Some(target) = &target {
        *app.state::<AppState>()
            .pending_flow
            .lock()
            .expect("pending flow") = Some(target.clone());
    }
    if let Err(err) = show_main(app) {
        tracing::warn!(%err, "could not open the window");
        return;
    }
    if let (true, Some(target)) = (existed, target) {
        let _ = app.emit(OPEN_FLOW_EVENT, target);
    }
}
