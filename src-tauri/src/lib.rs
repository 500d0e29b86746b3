//! Kagiban's desktop shell: a thin adapter from Tauri to `kagiban_service`.
//!
//! The shell owns only process concerns: windows, tray, clipboard, notifications, the
//! background loop. Every decision is made in the service and the core.

mod background;
mod capture;
mod clipboard;
mod commands;
mod commands_rakuraku;
mod files;
mod launch;
mod resident;
mod state;
mod window;

use tauri::{App, Builder, Manager, Runtime, WindowEvent};

pub use state::AppState;

/// Starts the desktop app.
pub fn run() {
    init_logging();
    // A second launch (the tray's 開く, a notification's 「更新する」, the menu entry) hands its
    // request to the window already open and ends.
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            let target = launch::Launch::from_args(args).target();
            window::open(app, target);
        }))
        .plugin(tauri_plugin_opener::init());
    let app = build(builder, tauri::generate_context!()).expect("Kagiban could not start");
    // The process ends with its window; the tray resident stays.
    app.run(|_app, _event| {});
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
            resident::ensure_running();
            window::open(app.handle(), launch::Launch::current().target());
            background::spawn(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { .. } = event {
                let state = window.state::<AppState>();
                resident::tell_once_about_the_tray(&state.service);
            }
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
            commands::page_ready,
            commands::get_settings,
            commands::save_settings,
            commands::login_offer_pending,
            commands::answer_login_offer,
            commands::import_settings,
            commands::export_settings_file,
            commands::export_calendar_file,
            commands_rakuraku::rakuraku_connector,
            commands_rakuraku::save_rakuraku_connector,
            commands_rakuraku::test_rakuraku_connection,
            commands_rakuraku::check_rakuraku_folders,
            commands_rakuraku::export_rakuraku_file,
            commands_rakuraku::copy_text,
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
