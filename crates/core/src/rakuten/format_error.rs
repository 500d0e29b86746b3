//! Why a pasted value is not a valid serviceSecret or licenseKey, and what to do about it.

use crate::kind::CredentialKind;
use crate::lang::Text;

/// A value that cannot be a Rakuten key. The messages never contain the value itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Nothing was entered.
    #[error("the value is empty")]
    Empty,
    /// Another kind of credential, typically the licenseKey pasted where the serviceSecret goes.
    #[error("this is a {found}, not the expected kind of key")]
    WrongKind {
        /// The kind the value was recognized as.
        found: CredentialKind,
    },
    /// Does not start with `SP` / `SL` (often: the first character was lost when copying).
    #[error("the key does not start with the expected prefix")]
    WrongPrefix,
    /// No `_` between the shop number and the random part.
    #[error("the key has no underscore after the shop number")]
    MissingUnderscore,
    /// The shop number after `SP`/`SL` is missing or not 5–8 digits.
    #[error("the shop number in the key is not valid")]
    BadShopNumber,
    /// The part after `_` is empty or contains something other than letters and digits.
    #[error("the part after the underscore is not letters and digits only")]
    BadSuffix,
    /// Longer than the 50 characters RMS allows.
    #[error("the key is longer than 50 characters")]
    TooLong,
}

impl FormatError {
    /// The stable snake_case code, for IPC and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            FormatError::Empty => "empty",
            FormatError::WrongKind { .. } => "wrong_kind",
            FormatError::WrongPrefix => "wrong_prefix",
            FormatError::MissingUnderscore => "missing_underscore",
            FormatError::BadShopNumber => "bad_shop_number",
            FormatError::BadSuffix => "bad_suffix",
            FormatError::TooLong => "too_long",
        }
    }

    /// What went wrong and what to do, for a field that expects `expected`
    /// (`RakutenServiceSecret` or `RakutenLicenseKey`; anything else reads as licenseKey).
    pub fn message(&self, expected: CredentialKind) -> Text {
        if expected == CredentialKind::RakutenServiceSecret {
            self.service_secret_message()
        } else {
            self.license_key_message()
        }
    }

    fn license_key_message(&self) -> Text {
        match self {
            FormatError::Empty => Text::new(
                "licenseKey が入力されていません。RMS の画面に表示された licenseKey をコピーして貼り付けてください。",
                "No licenseKey was entered. Copy the licenseKey shown in RMS and paste it here.",
            ),
            FormatError::WrongKind { found: CredentialKind::RakutenServiceSecret } => Text::new(
                "これは serviceSecret(SP…)です。ここには SL で始まる licenseKey を貼り付けてください。",
                "This is the serviceSecret (SP…). Paste the licenseKey, which starts with SL, here.",
            ),
            FormatError::WrongKind { .. } => Text::new(
                "これは楽天の licenseKey ではなく、別の種類のキーのようです。RMS の画面に表示された licenseKey(SL…)をそのままコピーしてください。",
                "This looks like another kind of key, not a Rakuten licenseKey. Copy the licenseKey (SL…) exactly as RMS shows it.",
            ),
            FormatError::WrongPrefix => Text::new(
                "licenseKey は SL(大文字)で始まる文字列です。先頭の文字が欠けていないか確認し、RMS の画面に表示された licenseKey をそのままコピーしてください。",
                "A licenseKey starts with SL (capitals). Check that the first character was not lost, and copy the licenseKey exactly as RMS shows it.",
            ),
            FormatError::MissingUnderscore => Text::new(
                "licenseKey は「SL＋店舗番号＋_＋英数字」の形ですが、_(アンダーバー)が見つかりません。RMS の画面に表示された licenseKey をそのままコピーしてください。",
                "A licenseKey reads SL + shop number + _ + letters and digits, but there is no underscore (_). Copy the licenseKey exactly as RMS shows it.",
            ),
            FormatError::BadShopNumber => Text::new(
                "licenseKey の SL の後にあるはずの店舗番号(数字)が正しくありません。RMS の画面に表示された licenseKey をそのままコピーしてください。",
                "The shop number (digits) after SL in the licenseKey is not valid. Copy the licenseKey exactly as RMS shows it.",
            ),
            FormatError::BadSuffix => Text::new(
                "licenseKey の _ の後は英数字だけのはずですが、記号や日本語が混ざっているか、途中で切れています。RMS の画面に表示された licenseKey をそのままコピーしてください。",
                "After the _ a licenseKey has only letters and digits, but this one has other characters or is cut short. Copy the licenseKey exactly as RMS shows it.",
            ),
            FormatError::TooLong => Text::new(
                "licenseKey は50文字以内のはずですが、長すぎます。余分な文字が付いていないか確認し、licenseKey だけをコピーしてください。",
                "A licenseKey has at most 50 characters, and this is longer. Check for extra characters and copy only the licenseKey.",
            ),
        }
    }

    fn service_secret_message(&self) -> Text {
        match self {
            FormatError::Empty => Text::new(
                "serviceSecret が入力されていません。RMS の[利用設定]画面に表示された serviceSecret をコピーして貼り付けてください。",
                "No serviceSecret was entered. Copy the serviceSecret shown on the RMS usage settings (利用設定) screen and paste it here.",
            ),
            FormatError::WrongKind { found: CredentialKind::RakutenLicenseKey } => Text::new(
                "これは licenseKey(SL…)です。ここには SP で始まる serviceSecret を貼り付けてください。",
                "This is the licenseKey (SL…). Paste the serviceSecret, which starts with SP, here.",
            ),
            FormatError::WrongKind { .. } => Text::new(
                "これは楽天の serviceSecret ではなく、別の種類のキーのようです。RMS の画面に表示された serviceSecret(SP…)をそのままコピーしてください。",
                "This looks like another kind of key, not a Rakuten serviceSecret. Copy the serviceSecret (SP…) exactly as RMS shows it.",
            ),
            FormatError::WrongPrefix => Text::new(
                "serviceSecret は SP(大文字)で始まる文字列です。先頭の文字が欠けていないか確認し、RMS の画面に表示された serviceSecret をそのままコピーしてください。",
                "A serviceSecret starts with SP (capitals). Check that the first character was not lost, and copy the serviceSecret exactly as RMS shows it.",
            ),
            FormatError::MissingUnderscore => Text::new(
                "serviceSecret は「SP＋店舗番号＋_＋英数字」の形ですが、_(アンダーバー)が見つかりません。RMS の画面に表示された serviceSecret をそのままコピーしてください。",
                "A serviceSecret reads SP + shop number + _ + letters and digits, but there is no underscore (_). Copy the serviceSecret exactly as RMS shows it.",
            ),
            FormatError::BadShopNumber => Text::new(
                "serviceSecret の SP の後にあるはずの店舗番号(数字)が正しくありません。RMS の画面に表示された serviceSecret をそのままコピーしてください。",
                "The shop number (digits) after SP in the serviceSecret is not valid. Copy the serviceSecret exactly as RMS shows it.",
            ),
            FormatError::BadSuffix => Text::new(
                "serviceSecret の _ の後は英数字だけのはずですが、記号や日本語が混ざっているか、途中で切れています。RMS の画面に表示された serviceSecret をそのままコピーしてください。",
                "After the _ a serviceSecret has only letters and digits, but this one has other characters or is cut short. Copy the serviceSecret exactly as RMS shows it.",
            ),
            FormatError::TooLong => Text::new(
                "serviceSecret は50文字以内のはずですが、長すぎます。余分な文字が付いていないか確認し、serviceSecret だけをコピーしてください。",
                "A serviceSecret has at most 50 characters, and this is longer. Check for extra characters and copy only the serviceSecret.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [FormatError; 8] = [
        FormatError::Empty,
        FormatError::WrongKind {
            found: CredentialKind::RakutenServiceSecret,
        },
        FormatError::WrongKind {
            found: CredentialKind::LwaRefreshToken,
        },
        FormatError::WrongPrefix,
        FormatError::MissingUnderscore,
        FormatError::BadShopNumber,
        FormatError::BadSuffix,
        FormatError::TooLong,
    ];

    #[test]
    fn every_error_has_a_message_for_both_fields() {
        for e in ALL {
            for (expected, name) in [
                (CredentialKind::RakutenServiceSecret, "serviceSecret"),
                (CredentialKind::RakutenLicenseKey, "licenseKey"),
            ] {
                let m = e.message(expected);
                assert!(m.ja.contains(name) && m.en.contains(name), "{e:?}");
                assert!(m.ja.ends_with('。') && m.en.ends_with('.'), "{e:?}");
            }
            assert!(e
                .code()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }

    #[test]
    fn wrong_kind_names_the_swap() {
        let sl_in_sp = FormatError::WrongKind {
            found: CredentialKind::RakutenLicenseKey,
        };
        let m = sl_in_sp.message(CredentialKind::RakutenServiceSecret);
        assert!(m.ja.starts_with("これは licenseKey"));
    }
}
