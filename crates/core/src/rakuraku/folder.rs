//! フォルダ名 and ファイル名: 「Qanat Universeエージェント内の「ファイルの配置場所」に続くフォルダ名を
//! 指定ください。」 and 「ファイル名は「前方一致」での連携となります。」 The agent runs on Windows, so
//! Windows' naming rules apply.

use super::rule::Rule;

/// The agent's default 「ファイルの配置場所」 on Windows (the manual's example path).
pub const DEFAULT_AGENT_FOLDER_WINDOWS: &str = r"C:\_qanatuniverse\_qua\userdata";

/// Characters that separate folders, or look like it to a Japanese Windows user (the yen sign
/// is how Japanese fonts draw the backslash).
const SEPARATORS: [char; 6] = ['\\', '/', '¥', '￥', '＼', '／'];
/// Characters Windows forbids in a name (besides separators and control characters).
const FORBIDDEN: [char; 7] = ['<', '>', ':', '"', '|', '?', '*'];
/// Longest name Windows allows for one folder.
const MAX_NAME_CHARS: usize = 255;

/// Checks a フォルダ名: one folder name under the 「ファイルの配置場所」, trimmed. Refused when
/// empty, with a drive letter, separators, characters or names Windows forbids.
pub fn check_folder_name(raw: &str) -> Result<String, Rule> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Rule::FolderMissing);
    }
    let mut chars = name.chars();
    let first = chars.next();
    let second = chars.next();
    if first.is_some_and(|c| c.is_ascii_alphabetic() || ('Ａ'..='ｚ').contains(&c))
        && matches!(second, Some(':' | '：'))
    {
        return Err(Rule::FolderHasDrive);
    }
    if name.contains(SEPARATORS) {
        return Err(Rule::FolderHasSeparator);
    }
    if name.contains(FORBIDDEN) || name.chars().any(char::is_control) {
        return Err(Rule::FolderForbiddenChar);
    }
    if name == "." || name == ".." {
        return Err(Rule::FolderRelative);
    }
    if is_reserved(name) {
        return Err(Rule::FolderReservedName);
    }
    if name.ends_with('.') {
        return Err(Rule::FolderEndsWithDot);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Rule::FolderTooLong);
    }
    Ok(name.to_string())
}

/// CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension, any case.
fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit()
            && upper.as_bytes()[3] != b'0')
}

/// Checks a ファイル名 (a prefix): trimmed, no wildcards, no separators, no characters Windows
/// forbids.
pub fn check_file_prefix(raw: &str) -> Result<String, Rule> {
    let prefix = raw.trim();
    if prefix.is_empty() {
        return Err(Rule::FileNameMissing);
    }
    if prefix.contains(['*', '?', '＊', '？']) {
        return Err(Rule::FileNameWildcard);
    }
    if prefix.contains(SEPARATORS) {
        return Err(Rule::FileNameHasSeparator);
    }
    if prefix.contains(FORBIDDEN) || prefix.chars().any(char::is_control) {
        return Err(Rule::FileNameForbiddenChar);
    }
    Ok(prefix.to_string())
}

/// How a file name relates to a configured prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrefixMatch {
    /// Starts with the prefix exactly: it will be picked up.
    Exact,
    /// Starts with it only when upper and lower case are ignored: worth a look.
    CaseOnly,
    /// Does not start with it.
    No,
}

/// Whether `file_name` starts with `prefix` (前方一致).
pub fn prefix_match(file_name: &str, prefix: &str) -> PrefixMatch {
    if file_name.starts_with(prefix) {
        return PrefixMatch::Exact;
    }
    let lower = |s: &str| s.to_lowercase();
    if lower(file_name).starts_with(&lower(prefix)) {
        PrefixMatch::CaseOnly
    } else {
        PrefixMatch::No
    }
}
