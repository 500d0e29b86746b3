//! What the 楽楽明細 connection test found, each with a sentence that says what to do.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;
use crate::verify::VerifyCode;

/// The result of calling 楽楽明細's read-only customers search with the URL and the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionOutcome {
    /// 楽楽明細 answered with its JSON: the URL and the token work.
    Ok,
    /// 401 or 403: the token was refused.
    TokenRefused,
    /// 404, a redirect, or an answer that is not 楽楽明細's JSON: the URL is wrong.
    UrlWrong,
    /// HTTP 200 with an HTML page: 楽楽明細 is under maintenance.
    Maintenance,
    /// 429: too many requests.
    RateLimited,
    /// 5xx: 楽楽明細 has a problem.
    ServerError,
    /// Another status (400, 405 …).
    Unexpected,
    /// No complete answer in time.
    Timeout,
    /// The host could not be reached.
    Network,
}

impl ConnectionOutcome {
    /// Every outcome.
    pub const ALL: [ConnectionOutcome; 9] = [
        ConnectionOutcome::Ok,
        ConnectionOutcome::TokenRefused,
        ConnectionOutcome::UrlWrong,
        ConnectionOutcome::Maintenance,
        ConnectionOutcome::RateLimited,
        ConnectionOutcome::ServerError,
        ConnectionOutcome::Unexpected,
        ConnectionOutcome::Timeout,
        ConnectionOutcome::Network,
    ];

    /// The stable snake_case code (same as serde).
    pub fn code(self) -> &'static str {
        match self {
            ConnectionOutcome::Ok => "ok",
            ConnectionOutcome::TokenRefused => "token_refused",
            ConnectionOutcome::UrlWrong => "url_wrong",
            ConnectionOutcome::Maintenance => "maintenance",
            ConnectionOutcome::RateLimited => "rate_limited",
            ConnectionOutcome::ServerError => "server_error",
            ConnectionOutcome::Unexpected => "unexpected",
            ConnectionOutcome::Timeout => "timeout",
            ConnectionOutcome::Network => "network",
        }
    }

    /// The verification code recorded on the API token.
    pub fn verify_code(self) -> VerifyCode {
        match self {
            ConnectionOutcome::Ok => VerifyCode::Ok,
            ConnectionOutcome::TokenRefused => VerifyCode::Unauthorized,
            ConnectionOutcome::UrlWrong | ConnectionOutcome::Unexpected => VerifyCode::BadResponse,
            ConnectionOutcome::Maintenance | ConnectionOutcome::ServerError => {
                VerifyCode::ServiceUnavailable
            }
            ConnectionOutcome::RateLimited => VerifyCode::RateLimited,
            ConnectionOutcome::Timeout => VerifyCode::Timeout,
            ConnectionOutcome::Network => VerifyCode::Network,
        }
    }

    /// The outcome a recorded verification code stands for (the dashboard keeps only the
    /// code). A 楽楽明細 outage is most often its maintenance, so `service_unavailable` reads
    /// as maintenance.
    pub fn from_verify_code(code: VerifyCode) -> Option<ConnectionOutcome> {
        Some(match code {
            VerifyCode::Ok => ConnectionOutcome::Ok,
            VerifyCode::Unauthorized => ConnectionOutcome::TokenRefused,
            VerifyCode::BadResponse => ConnectionOutcome::UrlWrong,
            VerifyCode::ServiceUnavailable => ConnectionOutcome::Maintenance,
            VerifyCode::RateLimited => ConnectionOutcome::RateLimited,
            VerifyCode::Timeout => ConnectionOutcome::Timeout,
            VerifyCode::Network => ConnectionOutcome::Network,
            _ => return None,
        })
    }

    /// What it means and what to do.
    pub fn message(self) -> Text {
        match self {
            ConnectionOutcome::Ok => Text::new(
                "「楽楽明細」のAPIに接続できました。URLとAPIトークンは正しく、楽楽コネクタの「Step1.「楽楽明細」API接続設定」にそのまま入力できます。",
                "Connected to the 楽楽明細 API: the URL and the API token are right and can be entered as they are in 楽楽コネクタ's 「Step1.「楽楽明細」API接続設定」.",
            ),
            ConnectionOutcome::TokenRefused => Text::new(
                "APIトークンが受け付けられませんでした。「楽楽明細」のAPI設定画面で発行したコードを最初から最後までコピーし直してください。再発行した場合は古いトークンは使えません。",
                "The API token was refused. Copy the code issued on 楽楽明細's API settings screen again, in full. After a reissue the old token no longer works.",
            ),
            ConnectionOutcome::UrlWrong => Text::new(
                "このURLでは「楽楽明細」のAPIが見つかりませんでした。貴社管理画面のURLの「https://rbsample.eco-serv.jp/xxxxxxx/」までになっているか（末尾の「/backadmin」は削除）確認してください。API連携オプションのお申し込みも必要です。",
                "The 楽楽明細 API was not found at this URL. Check that it is your admin screen's URL up to 「https://rbsample.eco-serv.jp/xxxxxxx/」 (without the trailing 「/backadmin」). The API連携 option is also required.",
            ),
            ConnectionOutcome::Maintenance => Text::new(
                "「楽楽明細」はメンテナンス中のようです（APIの代わりにメンテナンス画面が返りました）。メンテナンスが終わってから、もう一度接続テストをしてください。",
                "楽楽明細 seems to be under maintenance (a maintenance page came back instead of the API). Test the connection again after the maintenance.",
            ),
            ConnectionOutcome::RateLimited => Text::new(
                "「楽楽明細」のAPIへのリクエストが多すぎます。1分ほど待ってから、もう一度接続テストをしてください。",
                "Too many requests to the 楽楽明細 API. Wait about a minute, then test the connection again.",
            ),
            ConnectionOutcome::ServerError => Text::new(
                "「楽楽明細」側でエラーが起きています。しばらく待ってから、もう一度接続テストをしてください。",
                "楽楽明細 is having a problem. Wait a while, then test the connection again.",
            ),
            ConnectionOutcome::Unexpected => Text::new(
                "「楽楽明細」から想定外の応答がありました。URLを確認し、続く場合は「楽楽明細」のサポートにご相談ください。",
                "楽楽明細 gave an unexpected answer. Check the URL; if it persists, ask 楽楽明細's support.",
            ),
            ConnectionOutcome::Timeout => Text::new(
                "「楽楽明細」から時間内に応答がありませんでした。インターネット接続を確認して、もう一度お試しください。",
                "楽楽明細 did not answer in time. Check the internet connection and try again.",
            ),
            ConnectionOutcome::Network => Text::new(
                "「楽楽明細」に接続できませんでした。URLのホスト名（rbsample.eco-serv.jp の部分）とインターネット接続を確認してください。",
                "Could not reach 楽楽明細. Check the URL's host name (the rbsample.eco-serv.jp part) and the internet connection.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_serde_and_only_ok_is_ok() {
        for o in ConnectionOutcome::ALL {
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", o.code())
            );
            assert_eq!(
                o.verify_code() == VerifyCode::Ok,
                o == ConnectionOutcome::Ok
            );
            assert!(o.message().ja.ends_with('。') && o.message().en.ends_with('.'));
            let back = ConnectionOutcome::from_verify_code(o.verify_code()).unwrap();
            assert_eq!(back.verify_code(), o.verify_code(), "{o:?}");
        }
        assert_eq!(
            VerifyCode::Unauthorized.message_for(crate::kind::CredentialKind::RakurakuApiToken),
            ConnectionOutcome::TokenRefused.message()
        );
    }
}
