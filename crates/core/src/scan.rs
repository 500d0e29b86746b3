//! Hand-written matchers for every credential format (api-facts.md §1–4), on normalized chars.
//!
//! Each matcher looks at `chars[i..]` and returns the kind and length of the credential that
//! starts there, if any. Word boundaries are checked here so the same code serves a single
//! pasted value and a scan through free text.

use crate::kind::CredentialKind;
use crate::marketplace::MARKETPLACES;
use crate::warning::{push_unique, Warning};

/// Where the characters come from: one pasted value, or free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The whole input is one candidate value.
    Single,
    /// A scan through free text: stricter where a format could match ordinary words.
    Text,
}

/// A credential found at some position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub kind: CredentialKind,
    pub len: usize,
    pub warnings: Vec<Warning>,
}

/// Longest Rakuten key: 「serviceSecret、licenseKey それぞれ、最大値は 50 文字」.
pub(crate) const RAKUTEN_MAX_LEN: usize = 50;
/// The random part of every observed Rakuten key is 16 characters.
pub(crate) const RAKUTEN_SUFFIX_LEN: usize = 16;

const MWS_PREFIX: &str = "amzn.mws.";
const LWA_CLIENT_ID_PREFIX: &str = "amzn1.application-oa2-client.";
const LWA_CLIENT_SECRET_PREFIX: &str = "amzn1.oa2-cs.v1.";
const REFRESH_PREFIX: &str = "Atzr|";
const REFRESH_MIN_BODY: usize = 20;

/// A character that continues a word: a credential cannot start or end next to one.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_lower_hex(c: char) -> bool {
    c.is_ascii_digit() || ('a'..='f').contains(&c)
}

fn is_refresh_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '/' | '=' | '|')
}

/// Number of consecutive characters from `i` that satisfy `pred`.
fn run(chars: &[char], i: usize, pred: impl Fn(char) -> bool) -> usize {
    chars
        .get(i..)
        .map_or(0, |rest| rest.iter().take_while(|c| pred(**c)).count())
}

fn starts_with(chars: &[char], i: usize, prefix: &str) -> bool {
    let n = prefix.chars().count();
    chars
        .get(i..i + n)
        .is_some_and(|s| s.iter().copied().eq(prefix.chars()))
}

/// Whether nothing word-like follows position `end`.
fn ends_clean(chars: &[char], end: usize) -> bool {
    chars.get(end).is_none_or(|c| !is_word(*c))
}

/// Whether a credential may start at `i` in free text.
pub(crate) fn starts_clean(chars: &[char], i: usize) -> bool {
    i == 0 || !is_word(chars[i - 1])
}

fn has_confusable(chars: &[char]) -> bool {
    chars.iter().any(|c| matches!(c, 'I' | 'l'))
}

fn found(kind: CredentialKind, len: usize, warnings: Vec<Warning>) -> Option<Found> {
    Some(Found {
        kind,
        len,
        warnings,
    })
}

/// The credential starting at `i`, trying every format in a fixed order.
pub(crate) fn match_at(chars: &[char], i: usize, mode: Mode) -> Option<Found> {
    rakuten(chars, i)
        .or_else(|| mws(chars, i))
        .or_else(|| {
            hex_after(
                chars,
                i,
                LWA_CLIENT_ID_PREFIX,
                32,
                CredentialKind::LwaClientId,
            )
        })
        .or_else(|| {
            hex_after(
                chars,
                i,
                LWA_CLIENT_SECRET_PREFIX,
                64,
                CredentialKind::LwaClientSecret,
            )
        })
        .or_else(|| refresh_token(chars, i))
        .or_else(|| marketplace(chars, i))
        .or_else(|| seller(chars, i, mode))
        .or_else(|| developer(chars, i))
        .or_else(|| alnum64(chars, i))
}

/// `SP`/`SL` + 5–8 digit shop number + `_` + letters and digits, at most 50 characters.
fn rakuten(chars: &[char], i: usize) -> Option<Found> {
    if chars.get(i) != Some(&'S') {
        return None;
    }
    let kind = match chars.get(i + 1) {
        Some('P') => CredentialKind::RakutenServiceSecret,
        Some('L') => CredentialKind::RakutenLicenseKey,
        _ => return None,
    };
    let digits = run(chars, i + 2, |c| c.is_ascii_digit());
    if !(5..=8).contains(&digits) || chars.get(i + 2 + digits) != Some(&'_') {
        return None;
    }
    let suffix_start = i + 3 + digits;
    let suffix = run(chars, suffix_start, |c| c.is_ascii_alphanumeric());
    let len = 3 + digits + suffix;
    if suffix == 0 || len > RAKUTEN_MAX_LEN || !ends_clean(chars, i + len) {
        return None;
    }
    let mut warnings = Vec::new();
    if has_confusable(&chars[suffix_start..suffix_start + suffix]) {
        warnings.push(Warning::ConfusableIl);
    }
    if suffix != RAKUTEN_SUFFIX_LEN {
        warnings.push(Warning::UnusualLength);
    }
    found(kind, len, warnings)
}

/// `amzn.mws.` + a lowercase UUID.
fn mws(chars: &[char], i: usize) -> Option<Found> {
    if !starts_with(chars, i, MWS_PREFIX) {
        return None;
    }
    let mut pos = i + MWS_PREFIX.len();
    for (n, group) in [8, 4, 4, 4, 12].into_iter().enumerate() {
        if n > 0 {
            if chars.get(pos) != Some(&'-') {
                return None;
            }
            pos += 1;
        }
        if run(chars, pos, is_lower_hex) < group {
            return None;
        }
        pos += group;
    }
    if !ends_clean(chars, pos) || chars.get(pos) == Some(&'-') {
        return None;
    }
    found(CredentialKind::AmazonMwsAuthToken, pos - i, Vec::new())
}

/// `prefix` + exactly `hex` lowercase hex digits.
fn hex_after(
    chars: &[char],
    i: usize,
    prefix: &str,
    hex: usize,
    kind: CredentialKind,
) -> Option<Found> {
    if !starts_with(chars, i, prefix) {
        return None;
    }
    let start = i + prefix.len();
    if run(chars, start, is_lower_hex) != hex || !ends_clean(chars, start + hex) {
        return None;
    }
    found(kind, prefix.len() + hex, Vec::new())
}

/// `Atzr|` + at least 20 characters of `[A-Za-z0-9_\-+/=|]`.
fn refresh_token(chars: &[char], i: usize) -> Option<Found> {
    if !starts_with(chars, i, REFRESH_PREFIX) {
        return None;
    }
    let start = i + REFRESH_PREFIX.len();
    let body = run(chars, start, is_refresh_char);
    if body < REFRESH_MIN_BODY {
        return None;
    }
    // No I/l warning: every refresh token starts `Atzr|IwEBI`, and at several hundred
    // characters nobody types one by hand.
    let warnings = Vec::new();
    found(
        CredentialKind::LwaRefreshToken,
        REFRESH_PREFIX.len() + body,
        warnings,
    )
}

/// One of the known marketplace IDs.
fn marketplace(chars: &[char], i: usize) -> Option<Found> {
    MARKETPLACES
        .iter()
        .map(|(id, _, _)| *id)
        .find(|id| starts_with(chars, i, id) && ends_clean(chars, i + id.len()))
        .and_then(|id| found(CredentialKind::AmazonMarketplaceId, id.len(), Vec::new()))
}

/// `A` + 9–20 uppercase letters and digits, not a marketplace ID. In free text at least one
/// digit is required, so that words in capitals (`AUTHORIZATION`) are not taken for IDs.
fn seller(chars: &[char], i: usize, mode: Mode) -> Option<Found> {
    if chars.get(i) != Some(&'A') {
        return None;
    }
    let body = run(chars, i + 1, |c| {
        c.is_ascii_uppercase() || c.is_ascii_digit()
    });
    let len = 1 + body;
    if !(9..=20).contains(&body) || !ends_clean(chars, i + len) {
        return None;
    }
    let value = &chars[i..i + len];
    if mode == Mode::Text && !value.iter().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let id: String = value.iter().collect();
    if crate::marketplace::is_marketplace_id(&id) {
        return None;
    }
    found(CredentialKind::AmazonSellerId, len, Vec::new())
}

/// 12 digits, plain or written 4-4-4 with hyphens (`5259-6479-4073`).
fn developer(chars: &[char], i: usize) -> Option<Found> {
    if i > 0 && chars[i - 1] == '-' {
        return None;
    }
    let digit = |c: char| c.is_ascii_digit();
    let len = if run(chars, i, digit) == 12 {
        12
    } else if run(chars, i, digit) == 4
        && chars.get(i + 4) == Some(&'-')
        && run(chars, i + 5, digit) == 4
        && chars.get(i + 9) == Some(&'-')
        && run(chars, i + 10, digit) == 4
    {
        14
    } else {
        return None;
    };
    if !ends_clean(chars, i + len) || chars.get(i + len) == Some(&'-') {
        return None;
    }
    found(CredentialKind::AmazonDeveloperId, len, Vec::new())
}

/// Exactly 64 letters and digits: a legacy LWA client secret when it is lowercase hex,
/// otherwise a 楽楽明細 API token.
fn alnum64(chars: &[char], i: usize) -> Option<Found> {
    let len = run(chars, i, |c| c.is_ascii_alphanumeric());
    if len != 64 || !ends_clean(chars, i + len) {
        return None;
    }
    let value = &chars[i..i + len];
    if value.iter().all(|c| is_lower_hex(*c)) {
        return found(
            CredentialKind::LwaClientSecret,
            len,
            vec![Warning::LegacyClientSecret],
        );
    }
    let mut warnings = Vec::new();
    if has_confusable(value) {
        push_unique(&mut warnings, Warning::ConfusableIl);
    }
    found(CredentialKind::RakurakuApiToken, len, warnings)
}
