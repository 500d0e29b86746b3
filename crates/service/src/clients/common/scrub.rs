//! Keeping secrets out of error text.

use reqwest::Url;

/// Values that must never appear in an error message.
#[derive(Default)]
pub(crate) struct Scrubber(Vec<String>);

impl Scrubber {
    /// A value as sent, and as it appears form-encoded.
    pub(crate) fn add_form_value(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        self.0.push(secret.to_owned());
        let encoded: String = Url::parse_with_params("http://x/", [("v", secret)])
            .ok()
            .and_then(|u| u.query().map(|q| q.trim_start_matches("v=").to_owned()))
            .unwrap_or_default();
        if !encoded.is_empty() && encoded != secret {
            self.0.push(encoded);
        }
    }

    /// A value as sent.
    pub(crate) fn add(&mut self, secret: &str) {
        if !secret.is_empty() {
            self.0.push(secret.to_owned());
        }
    }

    /// `text` with every secret replaced by `<redacted>`.
    pub(crate) fn scrub(&self, mut text: String) -> String {
        for secret in &self.0 {
            if text.contains(secret.as_str()) {
                text = text.replace(secret.as_str(), "<redacted>");
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubber_catches_form_encoded_values() {
        let mut s = Scrubber::default();
        s.add_form_value("Atzr|IwEBI+a/b=c");
        let text = "body refresh_token=Atzr%7CIwEBI%2Ba%2Fb%3Dc and Atzr|IwEBI+a/b=c".to_owned();
        let out = s.scrub(text);
        assert!(!out.contains("IwEBI"), "{out}");
    }
}
