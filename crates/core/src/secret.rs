//! A secret string that cannot leak through `Debug`, `Display` or serde.

use zeroize::Zeroize;

/// A secret value (licenseKey, serviceSecret, token …).
///
/// `Debug` prints `<redacted>`; there is no `Display` and no `Serialize`, so a secret cannot
/// reach a log line, an IPC response or a SQLite row by accident. The memory is zeroed on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The plain value, for the few places that must send or store it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The masked form shown to users: the last four characters, as RMS shows them.
    pub fn masked(&self) -> String {
        crate::mask::mask_tail(&self.0)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_contains_the_value() {
        let s = Secret::new("SL404839_abcdEFGH12345678");
        let shown = format!("{s:?} {:?}", vec![s.clone()]);
        assert!(!shown.contains("abcd"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn masked_shows_only_the_last_four() {
        assert_eq!(
            Secret::new("SL404839_abcdEFGH12345678").masked(),
            "••••5678"
        );
    }
}
