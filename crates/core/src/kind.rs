//! The kinds of credential Kagiban knows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;

/// Which marketplace (or service) a shop belongs to. Stable names (SQLite, IPC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Marketplace {
    /// 楽天市場
    Rakuten,
    /// Amazon
    Amazon,
    /// 楽楽明細
    Rakuraku,
}

impl Marketplace {
    /// Every marketplace, in display order.
    pub const ALL: [Marketplace; 3] = [
        Marketplace::Rakuten,
        Marketplace::Amazon,
        Marketplace::Rakuraku,
    ];

    /// Stable name used in SQLite.
    pub fn as_str(self) -> &'static str {
        match self {
            Marketplace::Rakuten => "rakuten",
            Marketplace::Amazon => "amazon",
            Marketplace::Rakuraku => "rakuraku",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Marketplace::Rakuten,
            Marketplace::Amazon,
            Marketplace::Rakuraku,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// A kind of credential. The serialized names are stable: CLI output, SQLite and IPC use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// 楽天 RMS serviceSecret (`SP…`), does not expire.
    RakutenServiceSecret,
    /// 楽天 RMS licenseKey (`SL…`), valid 3 months.
    RakutenLicenseKey,
    /// Amazon MWS auth token (`amzn.mws.<uuid>`), legacy.
    AmazonMwsAuthToken,
    /// Amazon seller ID (出品者ID / merchant token).
    AmazonSellerId,
    /// Amazon marketplace ID (マーケットプレイスID).
    AmazonMarketplaceId,
    /// Amazon MWS developer ID (12 digits).
    AmazonDeveloperId,
    /// Login with Amazon client ID.
    LwaClientId,
    /// Login with Amazon client secret (rotated every 180 days).
    LwaClientSecret,
    /// Login with Amazon refresh token (`Atzr|…`).
    LwaRefreshToken,
    /// 楽楽明細 API token.
    RakurakuApiToken,
    /// QanatUniverse agent's AgentKey (楽楽コネクタ Step 2).
    RakurakuAgentKey,
}

impl CredentialKind {
    /// Every kind, in display order.
    pub const ALL: [CredentialKind; 11] = [
        CredentialKind::RakutenServiceSecret,
        CredentialKind::RakutenLicenseKey,
        CredentialKind::AmazonMwsAuthToken,
        CredentialKind::AmazonSellerId,
        CredentialKind::AmazonMarketplaceId,
        CredentialKind::AmazonDeveloperId,
        CredentialKind::LwaClientId,
        CredentialKind::LwaClientSecret,
        CredentialKind::LwaRefreshToken,
        CredentialKind::RakurakuApiToken,
        CredentialKind::RakurakuAgentKey,
    ];

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::RakutenServiceSecret => "rakuten_service_secret",
            CredentialKind::RakutenLicenseKey => "rakuten_license_key",
            CredentialKind::AmazonMwsAuthToken => "amazon_mws_auth_token",
            CredentialKind::AmazonSellerId => "amazon_seller_id",
            CredentialKind::AmazonMarketplaceId => "amazon_marketplace_id",
            CredentialKind::AmazonDeveloperId => "amazon_developer_id",
            CredentialKind::LwaClientId => "lwa_client_id",
            CredentialKind::LwaClientSecret => "lwa_client_secret",
            CredentialKind::LwaRefreshToken => "lwa_refresh_token",
            CredentialKind::RakurakuApiToken => "rakuraku_api_token",
            CredentialKind::RakurakuAgentKey => "rakuraku_agent_key",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<CredentialKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the value is a secret (keychain only, masked in the UI). IDs are not.
    pub fn is_secret(self) -> bool {
        !matches!(
            self,
            CredentialKind::AmazonSellerId
                | CredentialKind::AmazonMarketplaceId
                | CredentialKind::AmazonDeveloperId
                | CredentialKind::LwaClientId
        )
    }

    /// Whether a new value waits for a successful check before it replaces the one in use
    /// (a renewed key may take time to work; the old one keeps working meanwhile). Other kinds
    /// replace the previous value as soon as they are stored.
    pub fn waits_for_verification(self) -> bool {
        matches!(
            self,
            CredentialKind::RakutenLicenseKey
                | CredentialKind::LwaRefreshToken
                | CredentialKind::LwaClientSecret
        )
    }

    /// The credential a check of this kind goes through: a serviceSecret is checked with the
    /// shop's licenseKey, the LWA client and seller settings with the SP-API authorization
    /// (refresh token). None when the kind is checked itself or not at all (the AgentKey is
    /// only pasted into 楽楽コネクタ; no API of ours can check it).
    pub fn checked_with(self) -> Option<CredentialKind> {
        match self {
            CredentialKind::RakutenServiceSecret => Some(CredentialKind::RakutenLicenseKey),
            CredentialKind::LwaClientId
            | CredentialKind::LwaClientSecret
            | CredentialKind::AmazonSellerId
            | CredentialKind::AmazonMarketplaceId => Some(CredentialKind::LwaRefreshToken),
            _ => None,
        }
    }

    /// Whether it has an expiry date (and so reminders): the licenseKey, the SP-API
    /// authorization, the LWA client secret and MWS developer access.
    pub fn expires(self) -> bool {
        matches!(
            self,
            CredentialKind::RakutenLicenseKey
                | CredentialKind::LwaRefreshToken
                | CredentialKind::LwaClientSecret
                | CredentialKind::AmazonDeveloperId
        )
    }

    /// Whether it is renewed by clicking a button in the other system, with nothing new to copy
    /// (MWS developer access: 「アクセス権を承認」), so Kagiban records the day instead.
    pub fn renewed_by_hand(self) -> bool {
        self == CredentialKind::AmazonDeveloperId
    }

    /// The marketplace (service) the credential belongs to.
    pub fn marketplace(self) -> Marketplace {
        match self {
            CredentialKind::RakutenServiceSecret | CredentialKind::RakutenLicenseKey => {
                Marketplace::Rakuten
            }
            CredentialKind::RakurakuApiToken | CredentialKind::RakurakuAgentKey => {
                Marketplace::Rakuraku
            }
            _ => Marketplace::Amazon,
        }
    }

    /// The name a shop owner knows it by.
    pub fn label(self) -> Text {
        match self {
            CredentialKind::RakutenServiceSecret => {
                Text::new("楽天 serviceSecret", "Rakuten serviceSecret")
            }
            CredentialKind::RakutenLicenseKey => Text::new("楽天 licenseKey", "Rakuten licenseKey"),
            CredentialKind::AmazonMwsAuthToken => Text::new("MWS 認証トークン", "MWS auth token"),
            CredentialKind::AmazonSellerId => Text::new("出品者ID", "Seller ID"),
            CredentialKind::AmazonMarketplaceId => {
                Text::new("マーケットプレイスID", "Marketplace ID")
            }
            CredentialKind::AmazonDeveloperId => Text::new(
                "MWS 開発者アクセス権（開発者ID）",
                "MWS developer access (developer ID)",
            ),
            CredentialKind::LwaClientId => Text::new("LWA クライアントID", "LWA client ID"),
            CredentialKind::LwaClientSecret => {
                Text::new("LWA クライアントシークレット", "LWA client secret")
            }
            CredentialKind::LwaRefreshToken => Text::new(
                "SP-API の認可（リフレッシュトークン）",
                "SP-API authorization (refresh token)",
            ),
            CredentialKind::RakurakuApiToken => {
                Text::new("楽楽明細 APIトークン", "楽楽明細 API token")
            }
            CredentialKind::RakurakuAgentKey => Text::new(
                "QanatUniverse エージェントキー（AgentKey）",
                "QanatUniverse agent key (AgentKey)",
            ),
        }
    }
}

impl std::fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for kind in CredentialKind::ALL {
            assert_eq!(CredentialKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
