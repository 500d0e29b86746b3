//! Rakuten RMS WEB SERVICE credentials: serviceSecret (SP…) and licenseKey (SL…).

mod activation;
mod format_error;
mod keys;

use base64::Engine;

pub use activation::{activation_retry_delay, classify_unauthorized, ACTIVATION_WINDOW_MINUTES};
pub use format_error::FormatError;
pub use keys::{pair_warnings, LicenseKey, ServiceSecret};

use crate::secret::Secret;

/// `Authorization: ESA base64(serviceSecret:licenseKey)`, strict Base64 without line breaks
/// (RMS rejects a header that contains one).
pub fn authorization_header(service_secret: &str, license_key: &str) -> Secret {
    let raw = Secret::new(format!("{service_secret}:{license_key}"));
    let encoded = Secret::new(base64::engine::general_purpose::STANDARD.encode(raw.expose()));
    Secret::new(format!("ESA {}", encoded.expose()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_matches_the_rms_documentation_example() {
        assert_eq!(
            authorization_header("aaa", "bbb").expose(),
            "ESA YWFhOmJiYg=="
        );
    }

    #[test]
    fn authorization_never_contains_a_line_break() {
        let long = "x".repeat(50);
        let header = authorization_header(&long, &long);
        assert!(!header.expose().contains('\n'));
        assert!(header.expose().len() > 100);
    }
}
