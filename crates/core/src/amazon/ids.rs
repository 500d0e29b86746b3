//! Values the user enters for Amazon: developer ID, seller ID, marketplace, LWA client ID,
//! client secret and refresh token, MWS auth token. Cleaned up with `crate::normalize` and
//! recognized with `crate::recognize` (the formats live in one place); this module only adds
//! the field-specific diagnosis. Errors never contain the value.

mod error;

pub use error::IdError;

use crate::kind::CredentialKind;
use crate::marketplace::{JAPAN, MARKETPLACES};
use crate::normalize::normalize_token;
use crate::recognize::{is_wrapper, recognize_single, Recognized, Warning};
use crate::secret::Secret;

/// Recognizes `raw` as exactly `expected`, or says why it is not.
/// Recognizes `raw` as a value of `expected` (an Amazon kind), or says precisely what is wrong.
pub fn recognize_as(raw: &str, expected: CredentialKind) -> Result<Recognized, IdError> {
    match recognize_single(raw) {
        Some(r) if r.kind == expected => Ok(r),
        Some(r) => Err(wrong_kind(expected, r.kind)),
        None => Err(diagnose(&cleaned(raw), expected)),
    }
}

/// The value as the recognizer sees it, for diagnosis.
fn cleaned(raw: &str) -> String {
    normalize_token(raw)
        .text
        .trim_matches(is_wrapper)
        .to_string()
}

fn wrong_kind(expected: CredentialKind, found: CredentialKind) -> IdError {
    match (expected, found) {
        // A 64-character token in the secret field is a mangled secret, not a 楽楽明細 token.
        (CredentialKind::LwaClientSecret, CredentialKind::RakurakuApiToken) => {
            IdError::ClientSecretFormat
        }
        // Unknown marketplace IDs have the seller-ID shape.
        (CredentialKind::AmazonMarketplaceId, CredentialKind::AmazonSellerId) => {
            IdError::UnknownMarketplace
        }
        _ => IdError::WrongKind {
            field: expected,
            found,
        },
    }
}

/// Why a cleaned-up value matched no format, for the field that expects `expected`.
fn diagnose(value: &str, expected: CredentialKind) -> IdError {
    if value.is_empty() {
        return IdError::Empty { field: expected };
    }
    match expected {
        CredentialKind::AmazonDeveloperId => IdError::DeveloperIdFormat,
        CredentialKind::AmazonSellerId
            if value.starts_with(['A', 'a'])
                && value.len() > 1
                && value.chars().all(|c| c.is_ascii_alphanumeric())
                && value.chars().any(|c| c.is_ascii_lowercase()) =>
        {
            IdError::SellerIdLowercase
        }
        CredentialKind::AmazonSellerId => IdError::SellerIdFormat,
        CredentialKind::AmazonMarketplaceId => IdError::UnknownMarketplace,
        CredentialKind::LwaClientId => IdError::ClientIdFormat,
        CredentialKind::LwaClientSecret => IdError::ClientSecretFormat,
        CredentialKind::LwaRefreshToken if value.starts_with("Atza|") => IdError::ShortLivedToken,
        CredentialKind::LwaRefreshToken if value.starts_with("Atz.sprdt|") => {
            IdError::ShortLivedToken
        }
        CredentialKind::LwaRefreshToken => IdError::RefreshTokenFormat,
        _ => IdError::MwsAuthTokenFormat,
    }
}

/// Dashes a Japanese keyboard produces in place of `-` (‐ ‑ ‒ – — ― − ー ｰ).
fn is_dash_like(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}'
    )
}

/// An MWS developer ID (開発者ID): 12 digits, entered plain or 4-4-4 with hyphens. Not secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeveloperId(String);

impl DeveloperId {
    /// Parses `525964794073`, `5259-6479-4073`, `5259 6479 4073` or full-width forms. Dashes
    /// typed with a Japanese keyboard (`ー`, `−` …) count as hyphens.
    pub fn parse(raw: &str) -> Result<(Self, Vec<Warning>), IdError> {
        let dashes = raw.chars().any(is_dash_like);
        let raw: String = raw
            .chars()
            .map(|c| if is_dash_like(c) { '-' } else { c })
            .collect();
        let r = recognize_as(&raw, CredentialKind::AmazonDeveloperId)?;
        let mut warnings = r.warnings;
        if dashes && !warnings.contains(&Warning::FullWidthNormalized) {
            warnings.push(Warning::FullWidthNormalized);
        }
        let digits = r.value.expose().replace('-', "");
        Ok((Self(digits), warnings))
    }

    /// The canonical form: 12 digits, no hyphens (`525964794073`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form Seller Central shows: `5259-6479-4073`.
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

/// A seller ID (出品者ID / merchant token), e.g. `A3FHEXAMPLEYWS`. Not secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SellerId(String);

impl SellerId {
    /// Parses a seller ID: `A` + uppercase letters and digits, not a marketplace ID.
    pub fn parse(raw: &str) -> Result<(Self, Vec<Warning>), IdError> {
        let r = recognize_as(raw, CredentialKind::AmazonSellerId)?;
        Ok((Self(r.value.expose().to_string()), r.warnings))
    }

    /// The ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The marketplace chosen: empty means Japan (`A1VC38T7YXB528`); a known marketplace ID or its
/// country code (`JP`, `us` …) selects another.
pub fn parse_marketplace(raw: &str) -> Result<&'static str, IdError> {
    let value = cleaned(raw);
    if value.is_empty() {
        return Ok(JAPAN);
    }
    let known = MARKETPLACES
        .iter()
        .find(|(id, cc, _)| id.eq_ignore_ascii_case(&value) || cc.eq_ignore_ascii_case(&value));
    match known {
        Some((id, _, _)) => Ok(id),
        // Not a known ID or country: say what it is instead, if it is something else.
        None => Err(recognize_as(raw, CredentialKind::AmazonMarketplaceId)
            .err()
            .unwrap_or(IdError::UnknownMarketplace)),
    }
}

/// An LWA client ID: `amzn1.application-oa2-client.` + 32 lowercase hex. Not secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LwaClientId(String);

impl LwaClientId {
    /// Parses a client ID.
    pub fn parse(raw: &str) -> Result<(Self, Vec<Warning>), IdError> {
        let r = recognize_as(raw, CredentialKind::LwaClientId)?;
        Ok((Self(r.value.expose().to_string()), r.warnings))
    }

    /// The ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! secret_value {
    ($ty:ident, $kind:expr, $doc:literal, $parse_doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $ty(Secret);

        impl $ty {
            #[doc = $parse_doc]
            pub fn parse(raw: &str) -> Result<(Self, Vec<Warning>), IdError> {
                let r = recognize_as(raw, $kind)?;
                Ok((Self(r.value), r.warnings))
            }

            /// The plain value, for the request and the keychain only.
            pub fn expose(&self) -> &str {
                self.0.expose()
            }

            /// The last four characters (`••••1a2b`).
            pub fn masked(&self) -> String {
                self.0.masked()
            }
        }
    };
}

secret_value!(
    LwaClientSecret,
    CredentialKind::LwaClientSecret,
    "An LWA client secret: `amzn1.oa2-cs.v1.` + 64 lowercase hex, or the older bare 64 hex.",
    "Parses a client secret; the old form without the prefix comes with `LegacyClientSecret`."
);
secret_value!(
    LwaRefreshToken,
    CredentialKind::LwaRefreshToken,
    "An LWA refresh token (`Atzr|…`), issued when the seller authorizes the app.",
    "Parses a refresh token; an access token (`Atza|`) or an RDT is refused."
);
secret_value!(
    MwsAuthToken,
    CredentialKind::AmazonMwsAuthToken,
    "A legacy MWS auth token (`amzn.mws.` + UUID). Kept for reference; MWS has ended.",
    "Parses an MWS auth token."
);

impl LwaClientSecret {
    /// Whether it is the old bare 64-hex form, without `amzn1.oa2-cs.v1.`.
    pub fn is_legacy(&self) -> bool {
        !self.expose().starts_with("amzn1.oa2-cs.v1.")
    }
}
