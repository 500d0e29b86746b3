//! Start at login: the OS's login item starts the tray resident (never the window), so Kagiban
//! starts hidden. XDG autostart on Linux, the Run key on Windows, a launch agent on macOS.

use auto_launch::{AutoLaunch, AutoLaunchBuilder, MacOSLaunchMode};

use crate::launcher::{sibling, RESIDENT_BIN};

/// The login item's name.
pub const LOGIN_ITEM_NAME: &str = "Kagiban";

fn login_item() -> Result<AutoLaunch, String> {
    let resident = sibling(RESIDENT_BIN).map_err(|e| e.to_string())?;
    AutoLaunchBuilder::new()
        .set_app_name(LOGIN_ITEM_NAME)
        .set_app_path(&resident.to_string_lossy())
        .set_macos_launch_mode(MacOSLaunchMode::LaunchAgent)
        .build()
        .map_err(|e| e.to_string())
}

/// Registers or removes the login item; the OS's answer when it refuses.
pub fn set_start_at_login(enabled: bool) -> Result<(), String> {
    let item = login_item()?;
    let registered = item.is_enabled().unwrap_or(false);
    match (enabled, registered) {
        (true, false) => item.enable().map_err(|e| e.to_string()),
        (false, true) => item.disable().map_err(|e| e.to_string()),
        _ => Ok(()),
    }
}

/// Whether the login item is registered.
pub fn starts_at_login() -> bool {
    login_item()
        .and_then(|i| i.is_enabled().map_err(|e| e.to_string()))
        .unwrap_or(false)
}
