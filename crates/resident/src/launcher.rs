//! Starting Kagiban's other processes: the window (`kagiban-app`) from the tray, and the tray
//! (`kagiban-resident`) from the window. Both executables are installed side by side.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The window's executable name.
pub const WINDOW_BIN: &str = "kagiban-app";
/// The tray's executable name.
pub const RESIDENT_BIN: &str = "kagiban-resident";
/// Argument asking the window to open a flow (followed by the flow id).
pub const FLOW_ARG: &str = "--flow";
/// Argument asking the window to open the settings.
pub const SETTINGS_ARG: &str = "--settings";

/// `name` next to the running executable (with `.exe` on Windows).
pub fn sibling(name: &str) -> std::io::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    Ok(dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
}

/// Starts `program` with `args`, detached from our stdin/stdout (stderr is shared, for logs).
pub fn spawn(program: &Path, args: &[String]) -> std::io::Result<Child> {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
}

/// The window's arguments for what the tray asked.
pub fn window_args(flow: Option<&str>, settings: bool) -> Vec<String> {
    match (flow, settings) {
        (Some(flow), _) => vec![FLOW_ARG.into(), flow.into()],
        (None, true) => vec![SETTINGS_ARG.into()],
        (None, false) => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_told_which_flow_or_screen_to_open() {
        assert_eq!(
            window_args(Some("amazon_sp_api"), false),
            ["--flow", "amazon_sp_api"]
        );
        assert_eq!(window_args(None, true), ["--settings"]);
        assert!(window_args(None, false).is_empty());
    }

    #[test]
    fn siblings_live_next_to_this_executable() {
        let here = std::env::current_exe().unwrap();
        let window = sibling(WINDOW_BIN).unwrap();
        assert_eq!(window.parent(), here.parent());
        assert!(window
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("kagiban-app"));
    }
}
