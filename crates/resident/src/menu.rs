//! The tray menu as data: what it lists and what each line does. Linux trays give no click
//! events, so every action is in the menu.

use kagiban_core::lang::Lang;
use kagiban_service::views::TraySummary;

/// What a menu line does when chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open (or bring forward) the window on the dashboard.
    Open,
    /// Open the window on a flow (the one that renews a credential).
    OpenFlow(String),
    /// Open the window on the settings screen.
    Settings,
    /// Check every credential an API can check, now.
    CheckNow,
    /// Quit Kagiban: the tray and the window it opened.
    Quit,
}

/// One line of the menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A line with a label; `None` means shown greyed out, for information only.
    Item {
        /// What it says.
        label: String,
        /// What choosing it does.
        action: Option<Action>,
    },
    /// A separator.
    Separator,
}

fn item(label: impl Into<String>, action: Action) -> Line {
    Line::Item {
        label: label.into(),
        action: Some(action),
    }
}

/// The menu for `summary`: the next five expiries (each opens its flow), then 開く, 今すぐ確認,
/// 設定, and 終了 on its own.
pub fn lines(summary: &TraySummary, lang: Lang) -> Vec<Line> {
    let text = |ja: &'static str, en: &'static str| match lang {
        Lang::Ja => ja,
        Lang::En => en,
    };
    let mut lines = Vec::new();
    if summary.next.is_empty() {
        lines.push(Line::Item {
            label: text("期限のある鍵はまだありません", "No expiring keys yet").into(),
            action: None,
        });
    }
    for next in summary.next.iter().take(5) {
        let action = match &next.flow_id {
            Some(flow) => Action::OpenFlow(flow.clone()),
            None => Action::Open,
        };
        lines.push(item(&next.label, action));
    }
    lines.push(Line::Separator);
    lines.push(item(text("開く", "Open"), Action::Open));
    lines.push(item(text("今すぐ確認", "Check now"), Action::CheckNow));
    lines.push(item(text("設定", "Settings"), Action::Settings));
    lines.push(Line::Separator);
    lines.push(item(text("終了", "Quit"), Action::Quit));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use kagiban_core::expiry::Urgency;
    use kagiban_service::views::TrayItem;

    fn labels(lines: &[Line]) -> Vec<&str> {
        lines
            .iter()
            .map(|l| match l {
                Line::Item { label, .. } => label.as_str(),
                Line::Separator => "—",
            })
            .collect()
    }

    #[test]
    fn expiries_come_first_each_opening_the_flow_that_renews_it() {
        let summary = TraySummary {
            urgency: Urgency::DueSoon,
            tooltip: "鍵番".into(),
            next: (0..7)
                .map(|i| TrayItem {
                    credential_id: format!("c{i}"),
                    flow_id: (i != 1).then(|| "rakuten_license_key".to_string()),
                    label: format!("licenseKey 店{i}: あと{i}日"),
                })
                .collect(),
        };
        let lines = lines(&summary, Lang::Ja);
        assert_eq!(
            labels(&lines),
            [
                "licenseKey 店0: あと0日",
                "licenseKey 店1: あと1日",
                "licenseKey 店2: あと2日",
                "licenseKey 店3: あと3日",
                "licenseKey 店4: あと4日",
                "—",
                "開く",
                "今すぐ確認",
                "設定",
                "—",
                "終了"
            ]
        );
        assert_eq!(
            lines[0],
            item(
                "licenseKey 店0: あと0日",
                Action::OpenFlow("rakuten_license_key".into())
            )
        );
        assert_eq!(lines[1], item("licenseKey 店1: あと1日", Action::Open));
    }

    #[test]
    fn with_nothing_to_watch_the_menu_says_so_and_keeps_every_action() {
        let summary = TraySummary {
            urgency: Urgency::Ok,
            tooltip: "Kagiban".into(),
            next: vec![],
        };
        let lines = lines(&summary, Lang::En);
        assert_eq!(
            lines[0],
            Line::Item {
                label: "No expiring keys yet".into(),
                action: None
            }
        );
        let actions: Vec<_> = lines
            .iter()
            .filter_map(|l| match l {
                Line::Item { action, .. } => action.clone(),
                Line::Separator => None,
            })
            .collect();
        assert_eq!(
            actions,
            [
                Action::Open,
                Action::CheckNow,
                Action::Settings,
                Action::Quit
            ]
        );
    }
}
