//! Outcomes of checking an SP-API authorization (LWA refresh grant, then
//! `GET /sellers/v1/marketplaceParticipations`) or asking for an RDT, each with what to do;
//! and the pure rules that map HTTP answers to them.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rdt::Role;
use crate::lang::{Lang, Text};

/// The result of an SP-API check. The serialized names are stable (SQLite, IPC, CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SpApiCode {
    /// The authorization works and the chosen marketplace is among the seller's.
    Ok,
    /// LWA `invalid_grant`: the authorization expired or was revoked.
    InvalidGrant,
    /// LWA `invalid_client`: the client secret is wrong or was rotated.
    InvalidClient,
    /// 403: the application lacks a role.
    MissingRole,
    /// 429: too many requests.
    RateLimited,
    /// 5xx: Amazon is overloaded or down.
    ServiceUnavailable,
    /// No answer in time.
    Timeout,
    /// An answer that could not be understood.
    BadResponse,
    /// The chosen marketplace is not among the seller's participations.
    MarketplaceMissing,
    /// Amazon could not be reached at all.
    Network,
}

impl SpApiCode {
    /// Every code.
    pub const ALL: [SpApiCode; 10] = [
        SpApiCode::Ok,
        SpApiCode::InvalidGrant,
        SpApiCode::InvalidClient,
        SpApiCode::MissingRole,
        SpApiCode::RateLimited,
        SpApiCode::ServiceUnavailable,
        SpApiCode::Timeout,
        SpApiCode::BadResponse,
        SpApiCode::MarketplaceMissing,
        SpApiCode::Network,
    ];

    /// The stable snake_case name (same as serde).
    pub fn as_str(self) -> &'static str {
        match self {
            SpApiCode::Ok => "ok",
            SpApiCode::InvalidGrant => "invalid_grant",
            SpApiCode::InvalidClient => "invalid_client",
            SpApiCode::MissingRole => "missing_role",
            SpApiCode::RateLimited => "rate_limited",
            SpApiCode::ServiceUnavailable => "service_unavailable",
            SpApiCode::Timeout => "timeout",
            SpApiCode::BadResponse => "bad_response",
            SpApiCode::MarketplaceMissing => "marketplace_missing",
            SpApiCode::Network => "network",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<SpApiCode> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether trying again later may succeed.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            SpApiCode::RateLimited
                | SpApiCode::ServiceUnavailable
                | SpApiCode::Timeout
                | SpApiCode::Network
        )
    }

    /// What happened and what to do, in Japanese and English.
    pub fn message(self) -> Text {
        match self {
            SpApiCode::Ok => Text::new(
                "SP-API の認可は有効です。選んだマーケットプレイスで出品者として登録されていることを確認できました。",
                "The SP-API authorization works, and the seller is registered on the chosen marketplace.",
            ),
            SpApiCode::InvalidGrant => Text::new(
                "アプリの認可の期限が切れたか、取り消されています（invalid_grant）。セラーセントラルの「アプリを管理」でアプリを再認可し、新しく発行されたリフレッシュトークンを鍵番に登録してください。",
                "The app's authorization has expired or was revoked (invalid_grant). Re-authorize the app in Seller Central's 「アプリを管理」 (Manage Your Apps) and enter the new refresh token in Kagiban.",
            ),
            SpApiCode::InvalidClient => Text::new(
                "LWA クライアントシークレットが違うか、更新（ローテーション）されて古くなっています（invalid_client）。デベロッパーセントラルまたはソリューションプロバイダーポータルの「LWA認証情報」で今のクライアントシークレットを確認し、鍵番で更新してください。",
                "The LWA client secret is wrong or was rotated (invalid_client). Look up the current client secret under LWA credentials in Developer Central or the Solution Provider Portal, and update it in Kagiban.",
            ),
            SpApiCode::MissingRole => Text::new(
                "アプリに必要なロール（権限）がないため、Amazon に断られました（403）。開発者プロファイルで下に示したロールを申請し、承認されたらアプリを再認可してください。",
                "Amazon refused because the app lacks a role (403). Request the role shown below in the developer profile, and re-authorize the app once it is approved.",
            ),
            SpApiCode::RateLimited => Text::new(
                "短時間に確認を繰り返したため、Amazon に一時的に断られました（429）。表示された時間だけ待ってから、もう一度確認してください。",
                "Amazon turned the check down because of too many requests (429). Wait for the time shown, then check again.",
            ),
            SpApiCode::ServiceUnavailable => Text::new(
                "Amazon の SP-API が混み合っているか障害中のため、確認できませんでした。しばらく時間をおいてから、もう一度確認してください。",
                "Amazon's SP-API is overloaded or down, so the check could not be made. Try again later.",
            ),
            SpApiCode::Timeout => Text::new(
                "Amazon から時間内に応答がありませんでした。インターネット接続を確認して、もう一度確認してください。",
                "Amazon did not answer in time. Check your internet connection and try again.",
            ),
            SpApiCode::BadResponse => Text::new(
                "Amazon から予期しない応答が返ってきました。しばらくしてからもう一度確認し、続く場合はサポートにご連絡ください。",
                "Amazon gave an unexpected answer. Try again later, and contact support if it keeps happening.",
            ),
            SpApiCode::MarketplaceMissing => Text::new(
                "認可は有効ですが、選んだマーケットプレイスはこの出品者の参加マーケットプレイスにありません。マーケットプレイス（日本は A1VC38T7YXB528）と出品者IDが正しいか確認してください。",
                "The authorization works, but the chosen marketplace is not among this seller's marketplaces. Check the marketplace (Japan is A1VC38T7YXB528) and the seller ID.",
            ),
            SpApiCode::Network => Text::new(
                "Amazon に接続できませんでした。インターネットにつながっているか、プロキシやセキュリティソフトが通信を止めていないか確認してください。",
                "Kagiban could not reach Amazon. Check that you are online and that no proxy or security software blocks the connection.",
            ),
        }
    }
}

impl std::fmt::Display for SpApiCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of the LWA token call (`POST https://api.amazon.com/auth/o2/token`) from its
/// status and the `error` field of its body: 2xx is [`SpApiCode::Ok`] (go on to the SP-API).
pub fn classify_lwa(status: u16, error: Option<&str>) -> SpApiCode {
    match (status, error) {
        (200..=299, _) => SpApiCode::Ok,
        (_, Some("invalid_grant")) => SpApiCode::InvalidGrant,
        (_, Some("invalid_client" | "unauthorized_client")) | (401, _) => SpApiCode::InvalidClient,
        (429, _) => SpApiCode::RateLimited,
        (500..=599, _) => SpApiCode::ServiceUnavailable,
        _ => SpApiCode::BadResponse,
    }
}

/// The outcome of an SP-API call made with a fresh access token (getMarketplaceParticipations,
/// createRestrictedDataToken). 403 means a missing role; 2xx is [`SpApiCode::Ok`] as far as
/// the status goes (check the marketplace with [`check_marketplace`]).
pub fn classify_sp_api(status: u16) -> SpApiCode {
    match status {
        200..=299 => SpApiCode::Ok,
        403 => SpApiCode::MissingRole,
        429 => SpApiCode::RateLimited,
        500..=599 => SpApiCode::ServiceUnavailable,
        _ => SpApiCode::BadResponse,
    }
}

/// [`SpApiCode::Ok`] if `chosen` is among the marketplace IDs of the participations payload.
pub fn check_marketplace<'a>(
    participations: impl IntoIterator<Item = &'a str>,
    chosen: &str,
) -> SpApiCode {
    if participations.into_iter().any(|id| id == chosen) {
        SpApiCode::Ok
    } else {
        SpApiCode::MarketplaceMissing
    }
}

/// The wait when nothing says how long (getMarketplaceParticipations allows 1 call a minute).
pub const DEFAULT_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// The longest wait Kagiban honours before telling the user to try later.
pub const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(3600);

/// How long to wait after a 429: `Retry-After` (seconds or an HTTP date, relative to `now`)
/// if present, else one request's worth of `x-amzn-RateLimit-Limit` (requests per second, so
/// `0.0167` → 60 s), else [`DEFAULT_RATE_LIMIT_WAIT`]; between 1 s and [`MAX_RATE_LIMIT_WAIT`].
pub fn rate_limit_wait(
    retry_after: Option<&str>,
    rate_limit: Option<&str>,
    now: DateTime<Utc>,
) -> Duration {
    let from_retry_after = retry_after.map(str::trim).and_then(|v| {
        v.parse::<u64>().ok().or_else(|| {
            DateTime::parse_from_rfc2822(v)
                .ok()
                .map(|t| (t.with_timezone(&Utc) - now).num_seconds().max(0) as u64)
        })
    });
    let from_rate = rate_limit
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|r| r.is_finite() && *r > 0.0)
        .map(|r| (1.0 / r).ceil().min(MAX_RATE_LIMIT_WAIT.as_secs_f64()) as u64);
    let secs = from_retry_after
        .or(from_rate)
        .unwrap_or(DEFAULT_RATE_LIMIT_WAIT.as_secs());
    Duration::from_secs(secs.clamp(1, MAX_RATE_LIMIT_WAIT.as_secs()))
}

/// The [`SpApiCode::MissingRole`] message followed by the roles to check (for instance
/// [`super::rdt::roles_needed`]): 「確認するロール: 購入者への直送、税金送金」. For which role
/// serves which data, use [`super::rdt::describe_roles`].
pub fn missing_role_message(roles: &[Role], lang: Lang) -> String {
    let base = SpApiCode::MissingRole.message().get(lang);
    if roles.is_empty() {
        return base.to_string();
    }
    let (label, sep) = match lang {
        Lang::Ja => ("確認するロール: ", "、"),
        Lang::En => ("Roles to check: ", ", "),
    };
    let names: Vec<&str> = roles.iter().map(|r| r.label().get(lang)).collect();
    format!("{base}\n{label}{}", names.join(sep))
}
