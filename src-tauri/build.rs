//! Generates the Tauri context and the ACL permissions of the app's own commands.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(kagiban_commands())),
    )
    .expect("tauri build script");
}

/// Every app command; each must be allowed in capabilities/main.json to be callable.
fn kagiban_commands() -> &'static [&'static str] {
    &[
        "app_status",
        "set_lang",
        "get_flow",
        "list_shops",
        "add_shop",
        "dashboard",
        "get_progress",
        "save_progress",
        "reset_progress",
        "capture_start",
        "capture_stop",
        "candidate_from_text",
        "reveal_candidate",
        "discard_candidate",
        "accept_candidate",
        "check_rdt",
        "record_renewal",
        "verify_credential",
        "reveal_credential",
        "copy_credential",
        "open_link",
        "take_pending_flow",
        "snooze_reminders",
        "dismiss_reminders",
        "page_ready",
        "get_settings",
        "save_settings",
        "login_offer_pending",
        "answer_login_offer",
        "import_settings",
        "export_settings_file",
        "export_calendar_file",
        "rakuraku_connector",
        "save_rakuraku_connector",
        "test_rakuraku_connection",
        "check_rakuraku_folders",
        "export_rakuraku_file",
        "copy_text",
    ]
}
