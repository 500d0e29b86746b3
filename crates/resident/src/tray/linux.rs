//! The tray on Linux: a StatusNotifierItem with a DBusMenu, on the session bus.

use ksni::menu::StandardItem;
use ksni::{MenuItem, Status, ToolTip, TrayMethods};
use tokio::sync::{mpsc, watch};

use super::{TrayState, TITLE};
use crate::icon::{to_argb_be, tray_icon};
use crate::menu::{Action, Line};
use kagiban_core::expiry::Urgency;
use kagiban_service::config::APP_IDENTIFIER;

struct Item {
    state: TrayState,
    actions: mpsc::UnboundedSender<Action>,
}

impl ksni::Tray for Item {
    fn id(&self) -> String {
        APP_IDENTIFIER.into()
    }

    fn title(&self) -> String {
        TITLE.into()
    }

    fn status(&self) -> Status {
        match self.state.urgency {
            Urgency::Ok => Status::Active,
            Urgency::DueSoon | Urgency::Expired => Status::NeedsAttention,
        }
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        let icon = tray_icon(self.state.urgency);
        vec![ksni::Icon {
            width: icon.width as i32,
            height: icon.height as i32,
            data: to_argb_be(&icon),
        }]
    }

    fn attention_icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icon_pixmap()
    }

    fn tool_tip(&self) -> ToolTip {
        ToolTip {
            title: TITLE.into(),
            description: self.state.tooltip.clone(),
            icon_name: String::new(),
            icon_pixmap: Vec::new(),
        }
    }

    /// A click where the tray gives one: open the window.
    fn activate(&mut self, _x: i32, _y: i32) {
        let _ = self.actions.send(Action::Open);
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        self.state
            .lines
            .iter()
            .map(|line| match line {
                Line::Separator => MenuItem::Separator,
                Line::Item { label, action } => StandardItem {
                    // Underscores are mnemonics in DBusMenu labels: double them.
                    label: label.replace('_', "__"),
                    enabled: action.is_some(),
                    activate: match action.clone() {
                        Some(action) => Box::new(move |item: &mut Self| {
                            let _ = item.actions.send(action.clone());
                        }),
                        None => Box::new(|_: &mut Self| {}),
                    },
                    ..Default::default()
                }
                .into(),
            })
            .collect()
    }
}

/// Puts the item on the session bus and keeps it in step with `states`. Without a tray host
/// (no StatusNotifierWatcher) the item still lives on the bus, and shows when a host appears.
pub async fn spawn(
    mut states: watch::Receiver<TrayState>,
    actions: mpsc::UnboundedSender<Action>,
) -> Result<(), ksni::Error> {
    let item = Item {
        state: states.borrow_and_update().clone(),
        actions,
    };
    let handle = item.assume_sni_available(true).spawn().await?;
    tokio::spawn(async move {
        while states.changed().await.is_ok() {
            let state = states.borrow_and_update().clone();
            if handle.update(|item| item.state = state).await.is_none() {
                break;
            }
        }
    });
    Ok(())
}
