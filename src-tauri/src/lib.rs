//! Kagiban's desktop shell: a thin adapter from Tauri to `kagiban_service`.
//!
//! The shell owns only process concerns: windows, tray, clipboard, notifications, the
//! background loop. Every decision is made in the service and the core.

mod background;
mod capture;
mod clipboard;
mod commands;
mod notify;
mod state;
// In unit tests (mock runtime) no tray is created; only its pure parts are tested.
#[cfg_attr(test, allow(dead_code))]
mod tray;
mod window;

use tauri::{App, Builder, Manager, RunEvent, Runtime};

pub use state::AppState;

/// Starts the desktop app.
pub fn run() {
    init_logging();
    let builder = Builder::default().plugin(tauri_plugin_opener::init());
    let app = build(builder, tauri::generate_context!()).expect("Kagiban could not start");
    app.run(|_app, event| {
        // Closing the last window keeps Kagiban in the tray (background checks go on);
        // an explicit exit (tray menu 終了) still quits.
        if let RunEvent::ExitRequested {
            code: None, api, ..
        } = event
        {
            api.prevent_exit();
        }
    });
}

/// Builds the app on any runtime (the real one, or Tauri's mock runtime in tests).
pub fn build<R: Runtime>(builder: Builder<R>, context: tauri::Context<R>) -> tauri::Result<App<R>> {
    builder
        .setup(|app| {
            let state = AppState::open().map_err(|e| {
                tracing::error!(code = e.code(), "cannot open Kagiban's data");
                Box::new(e) as Box<dyn std::error::Error>
            })?;
            app.manage(state);
            #[cfg(not(test))]
            tray::create(app.handle())?;
            window::show_main(app.handle())?;
            background::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::set_lang,
            commands::get_flow,
            commands::list_shops,
            commands::add_shop,
            commands::dashboard,
            commands::get_progress,
            commands::save_progress,
            commands::reset_progress,
            commands::capture_start,
            commands::capture_stop,
            commands::candidate_from_text,
            commands::reveal_candidate,
            commands::discard_candidate,
            commands::accept_candidate,
            commands::check_rdt,
            commands::record_renewal,
            commands::verify_credential,
            commands::reveal_credential,
            commands::copy_credential,
            commands::open_link,
            commands::take_pending_flow,
            commands::snooze_reminders,
            commands::dismiss_reminders,
        ])
        .build(context)
}

fn init_logging() {
    // Logs carry codes and ids only; secrets are `Secret`s and cannot be formatted.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KAGIBAN_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .try_init();
}
