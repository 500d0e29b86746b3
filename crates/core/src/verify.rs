//! Outcomes of checking a key against its API, each with a sentence that says what to do.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::amazon::SpApiCode;
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::Text;

/// The result of a verification. The serialized names are stable (SQLite, IPC, CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VerifyCode {
    /// The key works.
    Ok,
    /// 401: expired, mistyped, or LicenseManagementAPI not switched on.
    Unauthorized,
    /// 401 shortly after issue: the new key is not active yet (10–30 min, sometimes over 1 h).
    NotYetActive,
    /// 429: too many requests.
    RateLimited,
    /// 5xx: maintenance or overload.
    ServiceUnavailable,
    /// No answer within the timeout.
    Timeout,
    /// An answer that could not be understood.
    BadResponse,
    /// The OS keychain could not be used.
    KeychainUnavailable,
    /// The API could not be reached at all.
    Network,
    /// 400 DR0005: the request lacked the licenseKey parameter (a bug on our side).
    MissingLicenseKey,
    /// This kind of credential has no API to check it with.
    NotVerifiable,
    /// LWA `invalid_grant`: the SP-API authorization expired or was revoked.
    InvalidGrant,
    /// LWA `invalid_client`: the client secret is wrong or was rotated.
    InvalidClient,
    /// SP-API 403: the application lacks a role.
    MissingRole,
    /// The chosen marketplace is not among the seller's participations.
    MarketplaceMissing,
}

impl VerifyCode {
    /// Every code.
    pub const ALL: [VerifyCode; 15] = [
        VerifyCode::Ok,
        VerifyCode::Unauthorized,
        VerifyCode::NotYetActive,
        VerifyCode::RateLimited,
        VerifyCode::ServiceUnavailable,
        VerifyCode::Timeout,
        VerifyCode::BadResponse,
        VerifyCode::KeychainUnavailable,
        VerifyCode::Network,
        VerifyCode::MissingLicenseKey,
        VerifyCode::NotVerifiable,
        VerifyCode::InvalidGrant,
        VerifyCode::InvalidClient,
        VerifyCode::MissingRole,
        VerifyCode::MarketplaceMissing,
    ];

    /// The stable snake_case name (same as serde).
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyCode::Ok => "ok",
            VerifyCode::Unauthorized => "unauthorized",
            VerifyCode::NotYetActive => "not_yet_active",
            VerifyCode::RateLimited => "rate_limited",
            VerifyCode::ServiceUnavailable => "service_unavailable",
            VerifyCode::Timeout => "timeout",
            VerifyCode::BadResponse => "bad_response",
            VerifyCode::KeychainUnavailable => "keychain_unavailable",
            VerifyCode::Network => "network",
            VerifyCode::MissingLicenseKey => "missing_license_key",
            VerifyCode::NotVerifiable => "not_verifiable",
            VerifyCode::InvalidGrant => "invalid_grant",
            VerifyCode::InvalidClient => "invalid_client",
            VerifyCode::MissingRole => "missing_role",
            VerifyCode::MarketplaceMissing => "marketplace_missing",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<VerifyCode> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether trying again later may succeed (retry with backoff); never true for a 401.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            VerifyCode::RateLimited
                | VerifyCode::ServiceUnavailable
                | VerifyCode::Timeout
                | VerifyCode::Network
        )
    }

    /// Whether the service refused the credential (as opposed to not answering): the user has
    /// something to fix.
    pub fn is_refusal(self) -> bool {
        matches!(
            self,
            VerifyCode::Unauthorized
                | VerifyCode::InvalidGrant
                | VerifyCode::InvalidClient
                | VerifyCode::MissingRole
                | VerifyCode::MarketplaceMissing
        )
    }

    /// The SP-API outcome this code stands for, when it is one.
    pub fn sp_api(self) -> Option<SpApiCode> {
        Some(match self {
            VerifyCode::Ok => SpApiCode::Ok,
            VerifyCode::InvalidGrant => SpApiCode::InvalidGrant,
            VerifyCode::InvalidClient => SpApiCode::InvalidClient,
            VerifyCode::MissingRole => SpApiCode::MissingRole,
            VerifyCode::RateLimited => SpApiCode::RateLimited,
            VerifyCode::ServiceUnavailable => SpApiCode::ServiceUnavailable,
            VerifyCode::Timeout => SpApiCode::Timeout,
            VerifyCode::BadResponse => SpApiCode::BadResponse,
            VerifyCode::MarketplaceMissing => SpApiCode::MarketplaceMissing,
            VerifyCode::Network => SpApiCode::Network,
            _ => return None,
        })
    }

    /// What happened to a credential of `kind` and what to do: Amazon's wording for Amazon
    /// credentials, 楽楽明細's for 楽楽明細 ones, RMS's otherwise.
    pub fn message_for(self, kind: CredentialKind) -> Text {
        match (kind.marketplace(), self.sp_api()) {
            (Marketplace::Amazon, Some(code)) => code.message(),
            (Marketplace::Rakuraku, _) => {
                match crate::rakuraku::ConnectionOutcome::from_verify_code(self) {
                    Some(outcome) => outcome.message(),
                    None => self.message(),
                }
            }
            _ => self.message(),
        }
    }

    /// What happened and what to do, in Japanese and English (RMS's wording for the codes both
    /// APIs share; see [`VerifyCode::message_for`]).
    pub fn message(self) -> Text {
        match self {
            VerifyCode::InvalidGrant => SpApiCode::InvalidGrant.message(),
            VerifyCode::InvalidClient => SpApiCode::InvalidClient.message(),
            VerifyCode::MissingRole => SpApiCode::MissingRole.message(),
            VerifyCode::MarketplaceMissing => SpApiCode::MarketplaceMissing.message(),
            VerifyCode::Ok => Text::new(
                "キーは有効です。楽天 RMS で確認できました。",
                "The key works: Rakuten RMS accepted it.",
            ),
            VerifyCode::Unauthorized => Text::new(
                "楽天 RMS がキーを受け付けませんでした（期限切れ・入力ミス、または LicenseManagementAPI が有効になっていない可能性があります）。RMS でキーを確認し、RMS › 店舗様向け情報・サービス › WEB APIサービス › 利用設定 › WEB API › 利用機能一覧 › 利用機能編集 で「LicenseManagementAPI(ライセンス管理API)」を「利用する」にしてください。",
                "Rakuten RMS did not accept the key: it may be expired or mistyped, or LicenseManagementAPI may not be switched on. Check the key in RMS, and in RMS › 店舗様向け情報・サービス › WEB APIサービス › 利用設定 › WEB API › 利用機能一覧 › 利用機能編集 set 「LicenseManagementAPI(ライセンス管理API)」 to 「利用する」.",
            ),
            VerifyCode::NotYetActive => Text::new(
                "新しいキーは使えるようになるまで10〜30分(1時間以上かかることもあります)かかります。鍵番が裏で確認を続けて結果をお知らせしますので、この画面は閉じてもかまいません。",
                "A new key takes 10–30 minutes (sometimes over an hour) to become active. Kagiban keeps checking in the background and will tell you; you may close this window.",
            ),
            VerifyCode::RateLimited => Text::new(
                "短時間に確認を繰り返したため、楽天 RMS に一時的に断られました。数分待ってからもう一度確認してください。",
                "Rakuten RMS turned the check down because of too many requests in a short time. Wait a few minutes and check again.",
            ),
            VerifyCode::ServiceUnavailable => Text::new(
                "楽天 RMS がメンテナンス中か混み合っているため、確認できませんでした。しばらく時間をおいてから、もう一度確認してください。",
                "Rakuten RMS is under maintenance or overloaded, so the key could not be checked. Try again later.",
            ),
            VerifyCode::Timeout => Text::new(
                "15秒待っても楽天 RMS から応答がありませんでした。インターネット接続を確認して、もう一度確認してください。",
                "Rakuten RMS did not answer within 15 seconds. Check your internet connection and try again.",
            ),
            VerifyCode::BadResponse => Text::new(
                "楽天 RMS から予期しない応答が返ってきました。しばらくしてからもう一度確認し、続く場合はサポートにご連絡ください。",
                "Rakuten RMS gave an unexpected answer. Try again later, and contact support if it keeps happening.",
            ),
            VerifyCode::KeychainUnavailable => Text::new(
                "パソコンのキーの保管庫（Windows 資格情報マネージャー / macOS キーチェーン）を使えなかったため、キーを読み出せませんでした。パソコンにログインし直すか再起動してから、もう一度お試しください。",
                "The computer's key store (Windows Credential Manager / macOS Keychain) could not be used, so the key could not be read. Sign in again or restart the computer, then try again.",
            ),
            VerifyCode::Network => Text::new(
                "楽天 RMS に接続できませんでした。インターネットにつながっているか、プロキシやセキュリティソフトが通信を止めていないか確認してください。",
                "Kagiban could not reach Rakuten RMS. Check that you are online and that no proxy or security software blocks the connection.",
            ),
            VerifyCode::MissingLicenseKey => Text::new(
                "内部エラーです（確認の要求に licenseKey が含まれていませんでした）。お手数ですが、サポートにご連絡ください。",
                "Internal error: the check was sent without the licenseKey. Please report this to support.",
            ),
            VerifyCode::NotVerifiable => Text::new(
                "この種類のキーには確認用の API がないため、鍵番では有効かどうか確認できません。有効期限の管理とお知らせは続けます。",
                "This kind of key has no API to check it with, so Kagiban cannot verify it. Kagiban still tracks its expiry and reminds you.",
            ),
        }
    }
}

impl From<SpApiCode> for VerifyCode {
    fn from(code: SpApiCode) -> Self {
        match code {
            SpApiCode::Ok => VerifyCode::Ok,
            SpApiCode::InvalidGrant => VerifyCode::InvalidGrant,
            SpApiCode::InvalidClient => VerifyCode::InvalidClient,
            SpApiCode::MissingRole => VerifyCode::MissingRole,
            SpApiCode::RateLimited => VerifyCode::RateLimited,
            SpApiCode::ServiceUnavailable => VerifyCode::ServiceUnavailable,
            SpApiCode::Timeout => VerifyCode::Timeout,
            SpApiCode::BadResponse => VerifyCode::BadResponse,
            SpApiCode::MarketplaceMissing => VerifyCode::MarketplaceMissing,
            SpApiCode::Network => VerifyCode::Network,
        }
    }
}

impl std::fmt::Display for VerifyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for code in VerifyCode::ALL {
            assert_eq!(VerifyCode::parse(code.as_str()), Some(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
        assert_eq!(VerifyCode::parse("OK"), None);
    }

    #[test]
    fn every_message_is_bilingual_and_complete() {
        for code in VerifyCode::ALL {
            let m = code.message();
            assert!(m.ja.ends_with('。'), "{code:?}");
            assert!(!m.en.is_empty(), "{code:?}");
        }
        let m = VerifyCode::Unauthorized.message();
        assert!(
            m.ja.contains("LicenseManagementAPI(ライセンス管理API)") && m.ja.contains("利用する")
        );
    }

    #[test]
    fn amazon_credentials_get_amazon_wording() {
        for code in SpApiCode::ALL {
            let v = VerifyCode::from(code);
            assert_eq!(v.sp_api(), Some(code));
            assert_eq!(
                v.message_for(CredentialKind::LwaRefreshToken),
                code.message()
            );
        }
        let rms = VerifyCode::Timeout.message_for(CredentialKind::RakutenLicenseKey);
        assert!(rms.ja.contains("楽天 RMS"));
        let amazon = VerifyCode::Timeout.message_for(CredentialKind::LwaClientSecret);
        assert!(amazon.ja.contains("Amazon") && !amazon.ja.contains("楽天"));
        assert_eq!(
            VerifyCode::NotVerifiable.message_for(CredentialKind::AmazonDeveloperId),
            VerifyCode::NotVerifiable.message()
        );
    }

    #[test]
    fn only_temporary_failures_are_transient() {
        let transient: Vec<_> = VerifyCode::ALL
            .into_iter()
            .filter(|c| c.is_transient())
            .collect();
        assert_eq!(
            transient,
            vec![
                VerifyCode::RateLimited,
                VerifyCode::ServiceUnavailable,
                VerifyCode::Timeout,
                VerifyCode::Network
            ]
        );
    }
}
