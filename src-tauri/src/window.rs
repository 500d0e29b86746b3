//! The main window: created on demand, so closing it frees the webview.

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

/// Label of the main window (the capability is bound to it).
pub const MAIN: &str = "main";

/// Shows the main window, creating it if it was closed.
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
