//! The sellers' data: marketplaces and authorizations (refresh tokens).

use serde::{Deserialize, Serialize};

use super::constants::JAPAN_MARKETPLACE_ID;

/// A marketplace as getMarketplaceParticipations shows it, with the seller's participation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marketplace {
    pub id: String,
    pub name: String,
    pub country_code: String,
    pub default_currency_code: String,
    pub default_language_code: String,
    pub domain_name: String,
    #[serde(default = "yes")]
    pub is_participating: bool,
    #[serde(default)]
    pub has_suspended_listings: bool,
}

fn yes() -> bool {
    true
}

impl Marketplace {
    fn new(id: &str, name: &str, country: &str, currency: &str, lang: &str, domain: &str) -> Self {
        Marketplace {
            id: id.to_owned(),
            name: name.to_owned(),
            country_code: country.to_owned(),
            default_currency_code: currency.to_owned(),
            default_language_code: lang.to_owned(),
            domain_name: domain.to_owned(),
            is_participating: true,
            has_suspended_listings: false,
        }
    }

    /// Amazon.co.jp, `A1VC38T7YXB528`.
    pub fn japan() -> Self {
        Self::new(
            JAPAN_MARKETPLACE_ID,
            "Amazon.co.jp",
            "JP",
            "JPY",
            "ja_JP",
            "www.amazon.co.jp",
        )
    }

    /// Amazon.com, `ATVPDKIKX0DER`.
    pub fn united_states() -> Self {
        Self::new(
            "ATVPDKIKX0DER",
            "Amazon.com",
            "US",
            "USD",
            "en_US",
            "www.amazon.com",
        )
    }

    /// Amazon.com.au, `A39IBJ37TRP1C6`.
    pub fn australia() -> Self {
        Self::new(
            "A39IBJ37TRP1C6",
            "Amazon.com.au",
            "AU",
            "AUD",
            "en_AU",
            "www.amazon.com.au",
        )
    }

    /// Amazon.sg, `A19VAU5U5O7RUS`.
    pub fn singapore() -> Self {
        Self::new(
            "A19VAU5U5O7RUS",
            "Amazon.sg",
            "SG",
            "SGD",
            "en_SG",
            "www.amazon.sg",
        )
    }

    /// One of the marketplaces above, by id.
    pub fn by_id(id: &str) -> Option<Self> {
        [
            Self::japan(),
            Self::united_states(),
            Self::australia(),
            Self::singapore(),
        ]
        .into_iter()
        .find(|m| m.id == id)
    }

    /// Marks the seller as not participating (any more).
    pub fn not_participating(mut self) -> Self {
        self.is_participating = false;
        self
    }
}

/// A seller's authorization of an app: a refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SellerAuthorization {
    /// The `Atzr|…` refresh token.
    pub refresh_token: String,
    /// The app (LWA client id) it was issued to.
    pub client_id: String,
    /// getMarketplaceParticipations' answer.
    pub marketplaces: Vec<Marketplace>,
    /// The restricted-data roles granted (e.g.
    /// [`ROLE_TAX_INVOICING`](super::ROLE_TAX_INVOICING), or kagiban-core's id `tax_invoicing`:
    /// names are compared case-insensitively, `-` and space as `_`).
    pub roles: Vec<String>,
    /// Revoked (or past its 365 days): the grant answers `invalid_grant`.
    pub revoked: bool,
    /// `expires_in` of the access tokens issued for it (3600 unless a test wants less).
    pub access_token_expires_in: u32,
}

impl SellerAuthorization {
    /// A live authorization in Japan only, with no restricted-data role, issuing 1-hour tokens.
    pub fn new(refresh_token: &str, client_id: &str) -> Self {
        SellerAuthorization {
            refresh_token: refresh_token.to_owned(),
            client_id: client_id.to_owned(),
            marketplaces: vec![Marketplace::japan()],
            roles: Vec::new(),
            revoked: false,
            access_token_expires_in: 3600,
        }
    }

    /// Replaces the marketplaces.
    pub fn with_marketplaces(mut self, marketplaces: Vec<Marketplace>) -> Self {
        self.marketplaces = marketplaces;
        self
    }

    /// Replaces the roles.
    pub fn with_roles(mut self, roles: &[&str]) -> Self {
        self.roles = roles.iter().map(|r| (*r).to_owned()).collect();
        self
    }

    /// Marks it revoked.
    pub fn revoked(mut self) -> Self {
        self.revoked = true;
        self
    }

    /// Sets the `expires_in` of the access tokens issued for it.
    pub fn with_access_token_expires_in(mut self, secs: u32) -> Self {
        self.access_token_expires_in = secs;
        self
    }
}
