//! Validated serviceSecret and licenseKey values.

use super::FormatError;
use crate::kind::CredentialKind;
use crate::normalize::normalize_token;
use crate::recognize::{is_wrapper, recognize_single};
use crate::scan::RAKUTEN_MAX_LEN;
use crate::secret::Secret;
use crate::warning::Warning;

/// A validated serviceSecret (`SP` + shop number + `_` + random part). Does not expire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSecret(Secret);

/// A validated licenseKey (`SL` + shop number + `_` + random part). Valid about 3 months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseKey(Secret);

macro_rules! rakuten_key {
    ($ty:ident, $kind:expr) => {
        impl $ty {
            /// Normalizes and validates a pasted value; warnings say what to double-check.
            pub fn parse(raw: &str) -> Result<(Self, Vec<Warning>), FormatError> {
                parse_key(raw, $kind).map(|(secret, warnings)| (Self(secret), warnings))
            }

            /// The plain value, for the request header and the keychain only.
            pub fn expose(&self) -> &str {
                self.0.expose()
            }

            /// The last four characters, as RMS shows them (`••••5678`).
            pub fn masked(&self) -> String {
                self.0.masked()
            }

            /// The shop number between the prefix and `_` (e.g. `404839`).
            pub fn shop_number(&self) -> &str {
                shop_number(self.0.expose()).unwrap_or_default()
            }
        }
    };
}

rakuten_key!(ServiceSecret, CredentialKind::RakutenServiceSecret);
rakuten_key!(LicenseKey, CredentialKind::RakutenLicenseKey);

/// The digits between `SP`/`SL` and `_`, if the value has that shape.
fn shop_number(value: &str) -> Option<&str> {
    let rest = value.get(2..)?;
    let digits = &rest[..rest.find('_')?];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Warnings about a serviceSecret and licenseKey used together: [`Warning::ShopNumberMismatch`]
/// when their shop numbers differ. Values that do not parse give no warning here.
pub fn pair_warnings(service_secret: &str, license_key: &str) -> Vec<Warning> {
    let sp = normalize_token(service_secret).text;
    let sl = normalize_token(license_key).text;
    match (shop_number(&sp), shop_number(&sl)) {
        (Some(a), Some(b)) if a != b => vec![Warning::ShopNumberMismatch],
        _ => Vec::new(),
    }
}

fn parse_key(raw: &str, expected: CredentialKind) -> Result<(Secret, Vec<Warning>), FormatError> {
    match recognize_single(raw) {
        Some(r) if r.kind == expected => Ok((r.value, r.warnings)),
        Some(r) => Err(FormatError::WrongKind { found: r.kind }),
        None => Err(diagnose(
            normalize_token(raw).text.trim_matches(is_wrapper),
            expected,
        )),
    }
}

/// Says why a normalized value that matched no format is not the `expected` Rakuten key.
fn diagnose(value: &str, expected: CredentialKind) -> FormatError {
    let (prefix, other_prefix, other) = if expected == CredentialKind::RakutenServiceSecret {
        ("SP", "SL", CredentialKind::RakutenLicenseKey)
    } else {
        ("SL", "SP", CredentialKind::RakutenServiceSecret)
    };
    if value.is_empty() {
        return FormatError::Empty;
    }
    if value.starts_with(other_prefix) {
        return FormatError::WrongKind { found: other };
    }
    let Some(rest) = value.strip_prefix(prefix) else {
        return FormatError::WrongPrefix;
    };
    let Some((digits, suffix)) = rest.split_once('_') else {
        return FormatError::MissingUnderscore;
    };
    if !(5..=8).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return FormatError::BadShopNumber;
    }
    if suffix.is_empty() || !suffix.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return FormatError::BadSuffix;
    }
    if value.chars().count() > RAKUTEN_MAX_LEN {
        return FormatError::TooLong;
    }
    FormatError::BadSuffix
}

#[cfg(test)]
mod tests {
    use super::*;

    const SL: &str = "SL404839_abcdEFGH12345678";
    const SP: &str = "SP404839_zyxwVUTS98765432";

    #[test]
    fn parses_and_exposes_parts() {
        let (key, warnings) = LicenseKey::parse(&format!(" {SL}\n")).unwrap();
        assert_eq!(key.expose(), SL);
        assert_eq!(key.shop_number(), "404839");
        assert_eq!(key.masked(), "••••5678");
        assert!(warnings.is_empty());
        let (secret, _) = ServiceSecret::parse(SP).unwrap();
        assert_eq!(secret.shop_number(), "404839");
    }

    #[test]
    fn debug_is_redacted() {
        let (key, _) = LicenseKey::parse(SL).unwrap();
        let (secret, _) = ServiceSecret::parse(SP).unwrap();
        let shown = format!("{key:?} {secret:?}");
        assert!(
            !shown.contains("abcd") && !shown.contains("zyxw"),
            "{shown}"
        );
    }

    #[test]
    fn swapped_keys_are_named() {
        assert_eq!(
            ServiceSecret::parse(SL).unwrap_err(),
            FormatError::WrongKind {
                found: CredentialKind::RakutenLicenseKey
            }
        );
        assert_eq!(
            LicenseKey::parse(SP).unwrap_err(),
            FormatError::WrongKind {
                found: CredentialKind::RakutenServiceSecret
            }
        );
        // Even a damaged SL key in the SP field is reported as the swap it is.
        assert_eq!(
            ServiceSecret::parse("SL404839").unwrap_err(),
            FormatError::WrongKind {
                found: CredentialKind::RakutenLicenseKey
            }
        );
    }

    #[test]
    fn pair_mismatch() {
        assert!(pair_warnings(SP, SL).is_empty());
        assert_eq!(
            pair_warnings(SP, "SL404830_abcdEFGH12345678"),
            vec![Warning::ShopNumberMismatch]
        );
        assert!(pair_warnings("garbage", SL).is_empty());
    }
}
