//! Property tests: recognizers survive paste damage, find keys in any surrounding text,
//! normalization is idempotent, masking never shows more than the last four characters.

use std::collections::BTreeSet;

use kagiban_core::normalize::{normalize_text, normalize_token};
use kagiban_core::recognize::{recognize, recognize_single, Warning};
use kagiban_core::CredentialKind;
use proptest::prelude::*;

const ZERO_WIDTH: [char; 6] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
];
const SPACES: [&str; 6] = [" ", "\t", "\n", "\r\n", "\u{3000}", "\u{00A0}"];

fn to_full_width(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
        _ => c,
    }
}

/// A well-formed Rakuten key: (kind, value, suffix).
fn rakuten_key() -> impl Strategy<Value = (CredentialKind, String, String)> {
    (
        prop_oneof![
            Just(CredentialKind::RakutenServiceSecret),
            Just(CredentialKind::RakutenLicenseKey)
        ],
        prop_oneof![4 => "[0-9]{6}", 1 => "[0-9]{5,8}"],
        prop_oneof![4 => "[A-Za-z0-9]{16}", 1 => "[A-Za-z0-9]{1,39}"],
    )
        .prop_map(|(kind, shop, suffix)| {
            let prefix = if kind == CredentialKind::RakutenServiceSecret {
                "SP"
            } else {
                "SL"
            };
            (kind, format!("{prefix}{shop}_{suffix}"), suffix)
        })
}

/// The format warnings a well-formed key carries, whatever was done to it.
fn format_warnings(suffix: &str) -> BTreeSet<&'static str> {
    let mut w = BTreeSet::new();
    if suffix.contains(['I', 'l']) {
        w.insert(Warning::ConfusableIl.code());
    }
    if suffix.len() != 16 {
        w.insert(Warning::UnusualLength.code());
    }
    w
}

/// What may be done to a character: (make it full-width, what to insert before it).
type Damage = (bool, Option<u8>, Option<u8>);

fn damage(len: usize) -> impl Strategy<Value = (Vec<Damage>, Option<u8>, Option<u8>)> {
    let per_char = (
        prop::bool::weighted(0.2),
        prop::option::weighted(0.1, 0u8..6),
        prop::option::weighted(0.1, 0u8..6),
    );
    (
        prop::collection::vec(per_char, len),
        prop::option::of(0u8..6),
        prop::option::of(0u8..6),
    )
}

/// Applies the damage; returns the damaged text and the normalization warnings expected.
fn apply(
    value: &str,
    (chars, trailing_zw, trailing_ws): &(Vec<Damage>, Option<u8>, Option<u8>),
) -> (String, BTreeSet<&'static str>) {
    let mut out = String::new();
    let mut expected = BTreeSet::new();
    for (i, (c, (fw, zw, ws))) in value.chars().zip(chars).enumerate() {
        if let Some(z) = zw {
            out.push(ZERO_WIDTH[*z as usize]);
            expected.insert(Warning::ZeroWidthRemoved.code());
        }
        if let Some(s) = ws {
            out.push_str(SPACES[*s as usize]);
            // Leading whitespace is trimmed silently; inside the value it is reported.
            if i > 0 {
                expected.insert(Warning::WhitespaceRemoved.code());
            }
        }
        if *fw {
            out.push(to_full_width(c));
            expected.insert(Warning::FullWidthNormalized.code());
        } else {
            out.push(c);
        }
    }
    if let Some(z) = trailing_zw {
        out.push(ZERO_WIDTH[*z as usize]);
        expected.insert(Warning::ZeroWidthRemoved.code());
    }
    if let Some(s) = trailing_ws {
        out.push_str(SPACES[*s as usize]);
    }
    (out, expected)
}

fn codes(warnings: &[Warning]) -> BTreeSet<&'static str> {
    warnings.iter().map(|w| w.code()).collect()
}

/// Surrounding text that never touches a key with a letter or digit.
fn surrounding() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("楽天"),
        Just("ライセンスキー"),
        Just("です。"),
        Just("「"),
        Just("」"),
        Just("、"),
        Just(" "),
        Just("\n"),
        Just("licenseKey: "),
        Just("=\""),
        Just("\","),
        Just("（"),
        Just("）"),
        Just("：\u{3000}"),
        Just("有効期限は2026/11/28です"),
        Just("{\"key\": "),
        Just("\u{200B}"),
        Just("お知らせ"),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just("\n"),
        Just("「"),
        Just("」"),
        Just(":"),
        Just("="),
        Just("\""),
        Just("。"),
        Just("\u{3000}")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// (a) A pasted key damaged by invisible characters, spaces, line breaks and full-width
    /// conversion is still recognized as the right kind with the original value.
    #[test]
    fn damaged_paste_is_recognized(
        ((kind, value, suffix), dmg) in rakuten_key().prop_flat_map(|k| {
            let len = k.1.chars().count();
            (Just(k), damage(len))
        })
    ) {
        let (pasted, mut expected) = apply(&value, &dmg);
        expected.extend(format_warnings(&suffix));
        let r = recognize_single(&pasted).expect("recognized");
        prop_assert_eq!(r.kind, kind);
        prop_assert_eq!(r.value.expose(), value.as_str());
        prop_assert_eq!(codes(&r.warnings), expected);
        prop_assert_eq!(codes(&r.warnings).len(), r.warnings.len(), "duplicate warnings");
    }

    /// (b) recognize() finds a key embedded in Japanese / ASCII text, full-width or not.
    #[test]
    fn key_is_found_in_free_text(
        (kind, value, suffix) in rakuten_key(),
        before in surrounding(),
        sep_before in separator(),
        sep_after in separator(),
        after in surrounding(),
        full_width in any::<bool>(),
    ) {
        let shown: String = if full_width { value.chars().map(to_full_width).collect() } else { value.clone() };
        let text = format!("{before}{sep_before}{shown}{sep_after}{after}");
        let found = recognize(&text);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(found[0].kind, kind);
        prop_assert_eq!(found[0].value.expose(), value.as_str());
        let mut expected = format_warnings(&suffix);
        if full_width {
            expected.insert(Warning::FullWidthNormalized.code());
        }
        prop_assert_eq!(codes(&found[0].warnings), expected);
    }

    /// (b') Next to arbitrary ASCII words the key is still found (other finds are allowed).
    #[test]
    fn key_is_found_among_ascii_words(
        (kind, value, _) in rakuten_key(),
        words in prop::collection::vec("[A-Za-z0-9]{1,12}", 0..6),
        sep in separator(),
    ) {
        let text = format!("{} {value}{sep}{}", words.join(" "), words.join(","));
        let found = recognize(&text);
        prop_assert!(found.iter().any(|r| r.kind == kind && r.value.expose() == value));
    }

    /// (c) Normalizing twice changes nothing more.
    #[test]
    fn normalization_is_idempotent(raw in "[ -~ａ-ｚＡ-Ｚ０-９！-～\u{3000}\u{00A0}\u{200B}-\u{200D}\u{2060}\u{FEFF}\u{00AD}\t\n鍵番]{0,40}", any_text in any::<String>()) {
        for input in [raw.as_str(), any_text.as_str()] {
            let once = normalize_token(input);
            let twice = normalize_token(&once.text);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert!(twice.changes.is_empty());
            prop_assert!(!once.text.chars().any(char::is_whitespace));
            let once = normalize_text(input);
            let twice = normalize_text(&once.text);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert!(twice.changes.is_empty());
        }
    }

    /// (d) The masked form of a secret shows at most its last four characters.
    #[test]
    fn masked_shows_at_most_the_last_four((_, value, _) in rakuten_key(), other in "[ -~]{0,80}") {
        let r = recognize_single(&value).unwrap();
        let masked = r.masked();
        let shown = masked.trim_start_matches('•');
        prop_assert!(shown.chars().count() <= 4);
        prop_assert!(value.ends_with(shown));
        prop_assert!(!masked.contains(&value[..value.len() - 4]));
        let masked = kagiban_core::Secret::new(other.clone()).masked();
        let shown = masked.trim_start_matches('•');
        prop_assert!(shown.chars().count() <= 4 && other.ends_with(shown));
    }

    /// Recognition never panics, on anything.
    #[test]
    fn recognizers_never_panic(text in any::<String>()) {
        let _ = recognize(&text);
        let _ = recognize_single(&text);
    }
}
