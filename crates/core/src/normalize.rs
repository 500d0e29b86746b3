//! Cleaning up pasted text before recognition: full-width ASCII, stray whitespace, invisible
//! characters. Japanese IMEs and web pages produce all three, and RMS rejects any of them.

/// One kind of change made while normalizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Full-width ASCII (`ＳＬ４０４…`) or an ideographic space was converted to ASCII.
    FullWidth,
    /// Whitespace inside the value (spaces, tabs, line breaks, NBSP) was removed.
    Whitespace,
    /// Invisible zero-width characters (ZWSP, ZWJ, BOM, soft hyphen …) were removed.
    ZeroWidth,
}

/// The normalized text and what was changed to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The cleaned-up text.
    pub text: String,
    /// The changes made, deduplicated, in the order first seen.
    pub changes: Vec<Change>,
}

/// Per-character flag: this character came from a full-width form.
pub(crate) const FLAG_FULL_WIDTH: u8 = 1;
/// Per-character flag: zero-width characters were removed right before this character.
pub(crate) const FLAG_ZERO_WIDTH_BEFORE: u8 = 2;

/// Whether `c` is an invisible character that never belongs in a key.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Maps a full-width ASCII character (U+FF01–U+FF5E) to its ASCII form.
fn from_full_width(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

fn push_change(changes: &mut Vec<Change>, change: Change) {
    if !changes.contains(&change) {
        changes.push(change);
    }
}

/// Normalizes a value that should be ONE key (a paste into a field, a clipboard capture).
///
/// Full-width ASCII becomes ASCII; every whitespace character (including U+3000, NBSP, tabs and
/// line breaks) and every zero-width character is removed. Whitespace at the very start or end
/// is trimmed without being reported: nearly every copy from a web page carries some.
pub fn normalize_token(raw: &str) -> Normalized {
    let mut text = String::with_capacity(raw.len());
    let mut changes = Vec::new();
    // Whitespace seen since the last kept character: reported only if more text follows.
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if is_zero_width(c) {
            push_change(&mut changes, Change::ZeroWidth);
            continue;
        }
        if pending_space && !text.is_empty() {
            push_change(&mut changes, Change::Whitespace);
        }
        pending_space = false;
        match from_full_width(c) {
            Some(ascii) => {
                push_change(&mut changes, Change::FullWidth);
                text.push(ascii);
            }
            None => text.push(c),
        }
    }
    Normalized { text, changes }
}

/// Normalizes free text: full-width and zero-width handling as [`normalize_token`], but
/// whitespace is kept (U+3000 becomes an ordinary space) so tokens stay separated.
pub fn normalize_text(raw: &str) -> Normalized {
    let (chars, flags) = normalize_text_mapped(raw);
    let mut changes = Vec::new();
    for &f in &flags {
        if f & FLAG_ZERO_WIDTH_BEFORE != 0 {
            push_change(&mut changes, Change::ZeroWidth);
        }
        if f & FLAG_FULL_WIDTH != 0 {
            push_change(&mut changes, Change::FullWidth);
        }
    }
    // Zero-width characters after the last kept character have no character to carry the flag.
    if raw.chars().next_back().is_some_and(is_zero_width) {
        push_change(&mut changes, Change::ZeroWidth);
    }
    Normalized {
        text: chars.into_iter().collect(),
        changes,
    }
}

/// [`normalize_text`] as characters, each with flags saying how it was produced, so a scanner
/// can tell which changes touched a particular token.
pub(crate) fn normalize_text_mapped(raw: &str) -> (Vec<char>, Vec<u8>) {
    let mut chars = Vec::with_capacity(raw.len());
    let mut flags = Vec::with_capacity(raw.len());
    let mut zero_width_pending = false;
    for c in raw.chars() {
        if is_zero_width(c) {
            zero_width_pending = true;
            continue;
        }
        let mut flag = if zero_width_pending {
            FLAG_ZERO_WIDTH_BEFORE
        } else {
            0
        };
        zero_width_pending = false;
        let out = if c == '\u{3000}' {
            flag |= FLAG_FULL_WIDTH;
            ' '
        } else if let Some(ascii) = from_full_width(c) {
            flag |= FLAG_FULL_WIDTH;
            ascii
        } else {
            c
        };
        chars.push(out);
        flags.push(flag);
    }
    (chars, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_converts_full_width_and_removes_spaces_and_invisibles() {
        let n = normalize_token("ＳＬ４０４８３９＿ab\u{200B}cd\u{3000}EF\nGH");
        assert_eq!(n.text, "SL404839_abcdEFGH");
        assert_eq!(
            n.changes,
            vec![Change::FullWidth, Change::ZeroWidth, Change::Whitespace]
        );
    }

    #[test]
    fn token_trims_edges_silently() {
        let n = normalize_token("  \tSL404839_abcd\r\n\u{00A0}");
        assert_eq!(n.text, "SL404839_abcd");
        assert!(n.changes.is_empty());
    }

    #[test]
    fn token_reports_every_kind_of_inner_whitespace() {
        for ws in [" ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}"] {
            let n = normalize_token(&format!("ab{ws}cd"));
            assert_eq!(n.text, "abcd");
            assert_eq!(n.changes, vec![Change::Whitespace], "{ws:?}");
        }
    }

    #[test]
    fn token_removes_every_zero_width_character() {
        for zw in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
        ] {
            let n = normalize_token(&format!("{zw}ab{zw}cd{zw}"));
            assert_eq!(n.text, "abcd");
            assert_eq!(n.changes, vec![Change::ZeroWidth]);
        }
    }

    #[test]
    fn full_width_range_edges() {
        assert_eq!(normalize_token("！～").text, "!~");
        // Outside the range: kept as is.
        assert_eq!(normalize_token("｟ア").text, "｟ア");
    }

    #[test]
    fn text_keeps_whitespace_and_converts_ideographic_space() {
        let n = normalize_text("licenseKey：\u{3000}ＳＬ404839_ab\u{FEFF}cd\nです");
        assert_eq!(n.text, "licenseKey: SL404839_abcd\nです");
        assert_eq!(n.changes, vec![Change::FullWidth, Change::ZeroWidth]);
    }

    #[test]
    fn text_reports_trailing_zero_width() {
        let n = normalize_text("abc\u{200B}");
        assert_eq!(n.text, "abc");
        assert_eq!(n.changes, vec![Change::ZeroWidth]);
    }

    #[test]
    fn plain_text_is_unchanged() {
        let n = normalize_text("楽天 SL404839_abcd です。");
        assert_eq!(n.text, "楽天 SL404839_abcd です。");
        assert!(n.changes.is_empty());
    }
}
