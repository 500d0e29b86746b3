//! Desktop notifications (notify-rust): a notification that cannot be shown is logged only.

use kagiban_core::lang::Lang;
use kagiban_service::views::{ReminderNotice, VerifyReport};
use kagiban_service::Service;
use tauri::{AppHandle, Runtime};

/// Tells the user a background verification finished (the new key works, or it did not).
pub fn verification_finished<R: Runtime>(
    app: &AppHandle<R>,
    service: &Service,
    report: &VerifyReport,
) {
    let lang = service.lang();
    let (shop, what) = service
        .credential_view(&report.id)
        .map(|c| (c.shop, c.kind_label))
        .unwrap_or_default();
    let summary = match (report.ok, lang) {
        (true, Lang::Ja) => format!("{shop}: 新しい{what}が使えるようになりました"),
        (true, Lang::En) => format!("{shop}: the new {what} is now active"),
        (false, Lang::Ja) => format!("{shop}: 新しい{what}を確認できませんでした"),
        (false, Lang::En) => format!("{shop}: the new {what} could not be verified"),
    };
    show(app, summary, report.message.clone());
}

/// A reminder before (or after) an expiry.
pub fn reminder<R: Runtime>(app: &AppHandle<R>, reminder: &ReminderNotice) {
    show(app, reminder.summary.clone(), reminder.body.clone());
}

fn show<R: Runtime>(app: &AppHandle<R>, summary: String, body: String) {
    let identifier = app.config().identifier.clone();
    std::thread::spawn(move || {
        #[cfg(target_os = "macos")]
        let _ = notify_rust::set_application(&identifier);
        let mut notification = notify_rust::Notification::new();
        notification
            .summary(&summary)
            .body(&body)
            .appname("Kagiban");
        #[cfg(all(unix, not(target_os = "macos")))]
        notification.icon(&identifier);
        #[cfg(windows)]
        notification.app_id(&identifier);
        if let Err(err) = notification.show() {
            tracing::warn!(%err, "desktop notification could not be shown");
        }
    });
}
