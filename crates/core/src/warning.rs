//! Warnings about an accepted value: it was cleaned up, or it looks unusual.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;
use crate::normalize::Change;

/// Something the user should check about a value that was accepted anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// Full-width characters were converted to ASCII.
    FullWidthNormalized,
    /// Whitespace or line breaks inside the value were removed.
    WhitespaceRemoved,
    /// Invisible zero-width characters were removed.
    ZeroWidthRemoved,
    /// The random part contains `I` (capital i) or `l` (lowercase L), easily confused by hand.
    ConfusableIl,
    /// The shop numbers in serviceSecret (SP…) and licenseKey (SL…) differ.
    ShopNumberMismatch,
    /// An LWA client secret in the old bare 64-hex form, without `amzn1.oa2-cs.v1.`.
    LegacyClientSecret,
    /// A Rakuten key whose random part is not the usual 16 characters.
    UnusualLength,
    /// A 楽楽明細 API token that is not the 64 letters and digits observed so far.
    UnusualTokenFormat,
}

impl Warning {
    /// Every warning, for exhaustive tests and message files.
    pub const ALL: [Warning; 8] = [
        Warning::FullWidthNormalized,
        Warning::WhitespaceRemoved,
        Warning::ZeroWidthRemoved,
        Warning::ConfusableIl,
        Warning::ShopNumberMismatch,
        Warning::LegacyClientSecret,
        Warning::UnusualLength,
        Warning::UnusualTokenFormat,
    ];

    /// The stable snake_case code (same as the serde name).
    pub fn code(self) -> &'static str {
        match self {
            Warning::FullWidthNormalized => "full_width_normalized",
            Warning::WhitespaceRemoved => "whitespace_removed",
            Warning::ZeroWidthRemoved => "zero_width_removed",
            Warning::ConfusableIl => "confusable_il",
            Warning::ShopNumberMismatch => "shop_number_mismatch",
            Warning::LegacyClientSecret => "legacy_client_secret",
            Warning::UnusualLength => "unusual_length",
            Warning::UnusualTokenFormat => "unusual_token_format",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<Warning> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }

    /// What it means and what to check, in Japanese and English.
    pub fn message(self) -> Text {
        match self {
            Warning::FullWidthNormalized => Text::new(
                "全角の英数字が含まれていたので半角に直しました。末尾4桁が元の画面と同じか確認してください。",
                "Full-width characters were converted to normal (half-width) ones. Check that the last four characters match the original screen.",
            ),
            Warning::WhitespaceRemoved => Text::new(
                "キーの途中にあった空白や改行を取り除きました。キーが途中で切れていないか、末尾4桁が元の画面と同じか確認してください。",
                "Spaces or line breaks inside the key were removed. Check that the key is complete and that its last four characters match the original screen.",
            ),
            Warning::ZeroWidthRemoved => Text::new(
                "目に見えない文字（ゼロ幅文字）が含まれていたので取り除きました。末尾4桁が元の画面と同じか確認してください。",
                "Invisible (zero-width) characters were removed. Check that the last four characters match the original screen.",
            ),
            Warning::ConfusableIl => Text::new(
                "I(大文字のアイ)と l(小文字のエル)が含まれています。手入力した場合は見間違いがないか確認してください。",
                "The key contains I (capital i) or l (lowercase L), which are easily confused. If you typed it by hand, check these characters.",
            ),
            Warning::ShopNumberMismatch => Text::new(
                "serviceSecret(SP…)と licenseKey(SL…)の店舗番号が一致しません。同じ店舗のキーか確認してください。",
                "The shop numbers in the serviceSecret (SP…) and the licenseKey (SL…) differ. Check that both keys belong to the same shop.",
            ),
            Warning::LegacyClientSecret => Text::new(
                "amzn1.oa2-cs.v1. で始まらない古い形式の LWA クライアントシークレットです。180日ごとの更新が必要なので、開発者向け画面（Develop Apps）で最新のものか確認してください。",
                "This is an LWA client secret in the old format, without amzn1.oa2-cs.v1. Secrets must be rotated every 180 days: check in Develop Apps that it is the current one.",
            ),
            Warning::UnusualLength => Text::new(
                "楽天のキーは通常25文字（SP/SL＋店舗番号6桁＋_＋英数字16文字）ですが、長さが違います。最初や最後の文字が欠けていないか確認してください。",
                "Rakuten keys are usually 25 characters (SP/SL + 6-digit shop number + _ + 16 letters and digits), but this one is not. Check that no character was lost at the start or the end.",
            ),
            Warning::UnusualTokenFormat => Text::new(
                "楽楽明細のAPIトークンは通常64文字の英数字ですが、長さか文字の種類が違います。API設定画面に表示されたコードを最初から最後までコピーしたか確認してください（接続テストで確かめられます）。",
                "楽楽明細 API tokens are usually 64 letters and digits, but this one differs in length or characters. Check that you copied the whole code shown on the API settings screen (the connection test will tell).",
            ),
        }
    }

    /// The warning for a normalization change.
    pub fn from_change(change: Change) -> Warning {
        match change {
            Change::FullWidth => Warning::FullWidthNormalized,
            Change::Whitespace => Warning::WhitespaceRemoved,
            Change::ZeroWidth => Warning::ZeroWidthRemoved,
        }
    }
}

/// Appends `w` unless it is already there (warnings keep their first-seen order).
pub(crate) fn push_unique(list: &mut Vec<Warning>, w: Warning) {
    if !list.contains(&w) {
        list.push(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_serde_and_round_trip() {
        for w in Warning::ALL {
            assert_eq!(
                serde_json::to_string(&w).unwrap(),
                format!("\"{}\"", w.code())
            );
            assert_eq!(Warning::parse(w.code()), Some(w));
        }
    }

    #[test]
    fn every_message_is_bilingual() {
        for w in Warning::ALL {
            let m = w.message();
            assert!(m.ja.ends_with('。'), "{w:?}");
            assert!(m.en.ends_with('.'), "{w:?}");
        }
    }
}
