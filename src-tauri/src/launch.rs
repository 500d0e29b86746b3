//! What the window was asked to open: from its own command line, or from a second launch
//! handed over by the single-instance plugin.

use kagiban_resident::launcher::{FLOW_ARG, SETTINGS_ARG};

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Launch {
    /// Open this flow (the tray's expiry items, a notification's 「更新する」).
    pub flow: Option<String>,
    /// Open the settings (the tray's 設定).
    pub settings: bool,
}

impl Launch {
    /// Reads the arguments (the program name first, as `std::env::args` gives them).
    /// Unknown arguments are ignored: WebDriver and the OS may add their own.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Self {
        let mut launch = Self::default();
        let mut args = args.into_iter().skip(1);
        while let Some(arg) = args.next() {
            if arg == FLOW_ARG {
                launch.flow = args.next().filter(|f| !f.starts_with("--"));
            } else if arg == SETTINGS_ARG {
                launch.settings = true;
            }
        }
        launch
    }

    /// This process's launch.
    pub fn current() -> Self {
        Self::from_args(std::env::args())
    }

    /// What the page should open first: a flow id, or `settings`.
    pub fn target(&self) -> Option<String> {
        self.flow
            .clone()
            .or_else(|| self.settings.then(|| SETTINGS_TARGET.to_string()))
    }
}

/// The pseudo flow id that opens the settings screen.
pub const SETTINGS_TARGET: &str = "settings";

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(args: &[&str]) -> Launch {
        Launch::from_args(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn the_tray_and_notifications_name_what_to_open() {
        assert_eq!(launch(&["kagiban-app"]).target(), None);
        assert_eq!(
            launch(&["kagiban-app", "--flow", "amazon_sp_api"]).target(),
            Some("amazon_sp_api".into())
        );
        assert_eq!(
            launch(&["kagiban-app", "--settings"]).target(),
            Some("settings".into())
        );
        // A dangling --flow, or one followed by another option, opens nothing in particular.
        assert_eq!(launch(&["kagiban-app", "--flow"]).target(), None);
        assert_eq!(launch(&["kagiban-app", "--flow", "--settings"]).flow, None);
        // Arguments added by WebDriver or the OS are ignored.
        assert_eq!(launch(&["kagiban-app", "--automation"]), Launch::default());
    }
}
