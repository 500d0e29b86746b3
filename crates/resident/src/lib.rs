//! Kagiban in the tray. A small process without a webview that gives the reminders, runs the
//! background checks and keeps the tray icon; it opens the window (`kagiban-app`, a process of
//! its own that ends when its window closes) when asked. One per data folder.

pub mod icon;
pub mod instance;
pub mod launcher;
pub mod login;
pub mod menu;
pub mod notify;
mod run;
pub mod schedule;
pub mod tray;

pub use run::run;
