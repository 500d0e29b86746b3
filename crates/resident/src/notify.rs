//! Desktop notifications (notify-rust). A notification that cannot be shown is logged only: the
//! reminder still shows in the tray and in the app.

use kagiban_core::lang::Lang;
use kagiban_service::views::{ReminderNotice, VerifyReport};
use kagiban_service::{config::APP_IDENTIFIER, Service};

/// The action id of 「更新する」 on a reminder.
pub const RENEW_ACTION: &str = "renew";

/// What a notification is, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Title.
    pub summary: String,
    /// Text.
    pub body: String,
    /// 「更新する」: the flow it opens, where the platform supports actions.
    pub renew_flow: Option<String>,
    /// The action's label.
    pub renew_label: String,
}

impl Note {
    /// A notification without an action.
    pub fn plain(summary: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            summary: summary.into(),
            body: body.into(),
            renew_flow: None,
            renew_label: String::new(),
        }
    }
}

/// A reminder before (or after) an expiry, with 「更新する」 opening the flow that renews it.
pub fn reminder_note(reminder: &ReminderNotice, flow: Option<String>, lang: Lang) -> Note {
    Note {
        summary: reminder.summary.clone(),
        body: reminder.body.clone(),
        renew_flow: flow,
        renew_label: match lang {
            Lang::Ja => "更新する".into(),
            Lang::En => "Renew".into(),
        },
    }
}

/// A background verification finished (the new key works, or it did not).
pub fn verification_note(service: &Service, report: &VerifyReport) -> Note {
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
    Note::plain(summary, report.message.clone())
}

/// Shows `note` on a thread of its own; `on_renew` runs if the user chooses 「更新する」
/// (Linux: the notification server's ActionInvoked signal).
pub fn show(note: Note, on_renew: impl FnOnce(String) + Send + 'static) {
    std::thread::spawn(move || {
        #[cfg(target_os = "macos")]
        let _ = notify_rust::set_application(APP_IDENTIFIER);
        let mut notification = notify_rust::Notification::new();
        notification
            .summary(&note.summary)
            .body(&note.body)
            .appname("Kagiban");
        #[cfg(all(unix, not(target_os = "macos")))]
        notification.icon(APP_IDENTIFIER);
        #[cfg(windows)]
        notification.app_id(APP_IDENTIFIER);
        #[cfg(all(unix, not(target_os = "macos")))]
        if note.renew_flow.is_some() {
            notification.action(RENEW_ACTION, &note.renew_label);
        }
        match notification.show() {
            #[cfg(all(unix, not(target_os = "macos")))]
            Ok(handle) => {
                if let Some(flow) = note.renew_flow {
                    handle.wait_for_action(|action| {
                        if action == RENEW_ACTION {
                            on_renew(flow);
                        }
                    });
                }
            }
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {
                let _ = on_renew;
            }
            Err(err) => tracing::warn!(%err, "desktop notification could not be shown"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use kagiban_core::expiry::Urgency;
    use kagiban_core::kind::CredentialKind;

    #[test]
    fn a_reminder_offers_to_renew_in_the_users_language() {
        let notice = ReminderNotice {
            credential_id: "c1".into(),
            kind: CredentialKind::RakutenLicenseKey,
            shop: "テスト店".into(),
            days_left: 6,
            urgency: Urgency::DueSoon,
            summary: "licenseKey の期限まであと6日".into(),
            body: "2026/11/30 に期限が切れます。".into(),
        };
        let ja = reminder_note(&notice, Some("rakuten_license_key".into()), Lang::Ja);
        assert_eq!(ja.summary, notice.summary);
        assert_eq!(ja.body, notice.body);
        assert_eq!(ja.renew_flow.as_deref(), Some("rakuten_license_key"));
        assert_eq!(ja.renew_label, "更新する");
        assert_eq!(reminder_note(&notice, None, Lang::En).renew_label, "Renew");
    }
}
