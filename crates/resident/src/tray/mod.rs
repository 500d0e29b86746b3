//! The tray icon: its colour, its tooltip and its menu, drawn by the platform's tray.
//! Linux: a StatusNotifierItem on the session bus (ksni, no GTK); elsewhere: tray-icon.

use kagiban_core::expiry::Urgency;

use crate::menu::Line;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub use linux::spawn;

#[cfg(not(target_os = "linux"))]
mod native;
#[cfg(not(target_os = "linux"))]
pub use native::run_on_main_thread;

/// What the tray shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrayState {
    /// The status dot's colour.
    pub urgency: Urgency,
    /// One line: the state and the next expiry.
    pub tooltip: String,
    /// The menu.
    pub lines: Vec<Line>,
}

/// The tray's title.
pub const TITLE: &str = "鍵番 Kagiban";
