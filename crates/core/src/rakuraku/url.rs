//! The 楽楽明細 URL as the manual asks for it: 「貴社管理画面URLの
//! 「https://rbsample.eco-serv.jp/xxxxxxx/」までを貼り付けます。(末尾の「/backadmin」は削除します。)」

use crate::normalize::{normalize_token, Change};
use crate::recognize::is_wrapper;

use super::rule::Rule;

/// The domain every 楽楽明細 environment lives under.
pub const ECO_SERV_DOMAIN: &str = "eco-serv.jp";

/// A normalized 楽楽明細 URL: `https://<host>/<account>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeisaiUrl {
    /// `https://<host>/<account>/`, what 楽楽コネクタ's Step 1 takes.
    pub url: String,
    /// The host, lowercase (with `:port` when one was given).
    pub host: String,
    /// The environment's part (the manual's `xxxxxxx`).
    pub account: String,
    /// What the user should check (host not under eco-serv.jp, cleaned-up input …).
    pub warnings: Vec<Rule>,
}

/// Normalizes a pasted admin-screen URL: full-width and stray whitespace cleaned, `https://`
/// added when missing, the host lowercased, `/backadmin` and anything after the account dropped,
/// the trailing slash added. `http://` and other schemes are refused.
pub fn normalize_meisai_url(raw: &str) -> Result<MeisaiUrl, Rule> {
    let cleaned = normalize_token(raw);
    let text = cleaned.text.trim_matches(is_wrapper);
    let mut warnings = Vec::new();
    if cleaned.changes.contains(&Change::FullWidth) {
        warnings.push(Rule::FullWidthNormalized);
    }
    if text.is_empty() {
        return Err(Rule::UrlEmpty);
    }
    let rest = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => rest,
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("http") => return Err(Rule::UrlNotHttps),
        Some((scheme, _)) if is_scheme(scheme) => return Err(Rule::UrlNotHttps),
        Some(_) => return Err(Rule::UrlInvalid),
        None if looks_like_host(text) => {
            warnings.push(Rule::UrlSchemeAdded);
            text
        }
        None => return Err(Rule::UrlInvalid),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let host = parse_authority(authority)?;
    let path = tail.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let account = match segments.next() {
        None => return Err(Rule::UrlNoAccount),
        Some(s) if s.eq_ignore_ascii_case("backadmin") => return Err(Rule::UrlNoAccount),
        Some(s) if s.chars().all(is_account_char) => s.to_string(),
        Some(_) => return Err(Rule::UrlInvalid),
    };
    if segments
        .next()
        .is_some_and(|s| !s.eq_ignore_ascii_case("backadmin"))
    {
        warnings.push(Rule::UrlPathDropped);
    }
    let bare_host = host.split(':').next().unwrap_or_default();
    if bare_host != ECO_SERV_DOMAIN && !bare_host.ends_with(&format!(".{ECO_SERV_DOMAIN}")) {
        warnings.push(Rule::UrlNotEcoServ);
    }
    Ok(MeisaiUrl {
        url: format!("https://{host}/{account}/"),
        host,
        account,
        warnings,
    })
}

/// `https` and friends: letters, then letters, digits, `+ - .`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `rbsample.eco-serv.jp/…` pasted without a scheme: a dotted host name first.
fn looks_like_host(text: &str) -> bool {
    let host = text.split(['/', '?', '#']).next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// The host (lowercase) and a non-default port; no user information.
fn parse_authority(authority: &str) -> Result<String, Rule> {
    if authority.is_empty() {
        return Err(Rule::UrlNoHost);
    }
    if authority.contains('@') {
        return Err(Rule::UrlInvalid);
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return Err(Rule::UrlNoHost);
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !host.split('.').all(label_ok) {
        return Err(Rule::UrlInvalid);
    }
    match port {
        None | Some("443") => Ok(host),
        Some(p) if !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()) => {
            match p.parse::<u16>() {
                Ok(n) if n > 0 => Ok(format!("{host}:{n}")),
                _ => Err(Rule::UrlInvalid),
            }
        }
        Some(_) => Err(Rule::UrlInvalid),
    }
}

/// Characters seen in environment names; anything else (spaces, Japanese, `%`) is not a
/// 楽楽明細 account.
fn is_account_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}
