//! The tray icon. Linux trays give no click events, so every action is in the menu.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Runtime};

use crate::window;

/// Creates the tray icon with its menu: 開く, 終了.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "開く / Open", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "終了 / Quit", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut builder = TrayIconBuilder::with_id("kagiban")
        .tooltip("鍵番 Kagiban")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => {
                if let Err(err) = window::show_main(app) {
                    tracing::warn!(%err, "could not open the window");
                }
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}
