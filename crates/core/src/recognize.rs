//! Recognizing credentials in a pasted value or in free text (a clipboard capture, an email).

use crate::kind::CredentialKind;
use crate::normalize::{
    normalize_text_mapped, normalize_token, FLAG_FULL_WIDTH, FLAG_ZERO_WIDTH_BEFORE,
};
use crate::scan::{match_at, starts_clean, Mode};
use crate::secret::Secret;
use crate::warning::push_unique;

pub use crate::warning::Warning;

/// A credential found in the input: its kind, the cleaned-up value, and what to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognized {
    /// The kind of credential.
    pub kind: CredentialKind,
    /// The normalized value (secret or not, always wrapped so it cannot leak through `Debug`).
    pub value: Secret,
    /// Things the user should check, deduplicated, in the order found.
    pub warnings: Vec<Warning>,
}

impl Recognized {
    /// The value for display: secrets show only their last four characters, IDs in full.
    pub fn masked(&self) -> String {
        if self.kind.is_secret() {
            self.value.masked()
        } else {
            self.value.expose().to_string()
        }
    }
}

/// Quotes and brackets that often come along when a value is copied.
pub(crate) fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '「'
            | '」'
            | '『'
            | '』'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '【'
            | '】'
            | '、'
            | '。'
            | ','
            | ';'
    )
}

/// Recognizes one pasted value: the whole input must be a single credential (after
/// [`normalize_token`], and ignoring surrounding quotes or brackets).
pub fn recognize_single(raw: &str) -> Option<Recognized> {
    let normalized = normalize_token(raw);
    let chars: Vec<char> = normalized.text.trim_matches(is_wrapper).chars().collect();
    if chars.is_empty() {
        return None;
    }
    let found = match_at(&chars, 0, Mode::Single).filter(|f| f.len == chars.len())?;
    let mut warnings = Vec::new();
    for change in normalized.changes {
        push_unique(&mut warnings, Warning::from_change(change));
    }
    for w in found.warnings {
        push_unique(&mut warnings, w);
    }
    Some(Recognized {
        kind: found.kind,
        value: Secret::new(chars.into_iter().collect::<String>()),
        warnings,
    })
}

/// Finds every credential in free text, in order of appearance, duplicates removed.
///
/// Each value's warnings cover only the changes made inside that value.
pub fn recognize(text: &str) -> Vec<Recognized> {
    let (chars, flags) = normalize_text_mapped(text);
    let mut out: Vec<Recognized> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = if starts_clean(&chars, i) {
            match_at(&chars, i, Mode::Text)
        } else {
            None
        };
        let Some(found) = found else {
            i += 1;
            continue;
        };
        let span = i..i + found.len;
        let mut warnings = Vec::new();
        if flags[span.clone()].iter().any(|f| f & FLAG_FULL_WIDTH != 0) {
            warnings.push(Warning::FullWidthNormalized);
        }
        if flags[span.start + 1..span.end]
            .iter()
            .any(|f| f & FLAG_ZERO_WIDTH_BEFORE != 0)
        {
            warnings.push(Warning::ZeroWidthRemoved);
        }
        for w in found.warnings {
            push_unique(&mut warnings, w);
        }
        let value: String = chars[span.clone()].iter().collect();
        let duplicate = out
            .iter()
            .any(|r| r.kind == found.kind && r.value.expose() == value);
        if !duplicate {
            out.push(Recognized {
                kind: found.kind,
                value: Secret::new(value),
                warnings,
            });
        }
        i = span.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SL: &str = "SL404839_abcdEFGH12345678";
    const SP: &str = "SP404839_zyxwVUTS98765432";

    #[test]
    fn single_key_with_quotes_and_newline() {
        let r = recognize_single(&format!("\"{SL}\"\n")).unwrap();
        assert_eq!(r.kind, CredentialKind::RakutenLicenseKey);
        assert_eq!(r.value.expose(), SL);
        assert!(r.warnings.is_empty());
        assert_eq!(r.masked(), "••••5678");
    }

    #[test]
    fn single_rejects_labelled_values_and_empty_input() {
        assert!(recognize_single(&format!("licenseKey: {SL}")).is_none());
        assert!(recognize_single("   ").is_none());
        assert!(recognize_single("「」").is_none());
    }

    #[test]
    fn finds_keys_in_japanese_and_json() {
        let text = format!(
            "licenseKey: {SL}\n「serviceSecret」＝「{SP}」です。\n{{\"licenseKey\":\"{SL}\"}}"
        );
        let found = recognize(&text);
        let kinds: Vec<_> = found.iter().map(|r| (r.kind, r.value.expose())).collect();
        assert_eq!(
            kinds,
            vec![
                (CredentialKind::RakutenLicenseKey, SL),
                (CredentialKind::RakutenServiceSecret, SP),
            ]
        );
    }

    #[test]
    fn warnings_in_free_text_belong_to_the_token() {
        let text = format!("ＳＬ404839_abcd　{SP}\u{200B} SL404839_ab\u{200B}cdEFGH12345678");
        let found = recognize(&text);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].warnings,
            vec![Warning::FullWidthNormalized, Warning::UnusualLength]
        );
        assert!(found[1].warnings.is_empty());
        assert_eq!(found[2].value.expose(), SL);
        assert_eq!(found[2].warnings, vec![Warning::ZeroWidthRemoved]);
    }

    #[test]
    fn debug_never_shows_the_value() {
        let r = recognize_single(SL).unwrap();
        assert!(!format!("{r:?}").contains("abcd"));
    }

    #[test]
    fn ids_are_shown_in_full() {
        let r = recognize_single("A1VC38T7YXB528").unwrap();
        assert_eq!(r.kind, CredentialKind::AmazonMarketplaceId);
        assert_eq!(r.masked(), "A1VC38T7YXB528");
    }
}
