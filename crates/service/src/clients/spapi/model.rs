//! What SP-API answers on success: marketplace participations and a restricted data token.

use kagiban_core::secret::Secret;

use super::config::JAPAN_MARKETPLACE_ID;
use super::error::SpApiError;
use crate::clients::common::parse_json_object;

/// One marketplace the seller is registered in (an item of getMarketplaceParticipations).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    /// `marketplace.id`, e.g. `A1VC38T7YXB528` (Japan).
    pub marketplace_id: String,
    /// `marketplace.countryCode`, e.g. `JP`.
    pub country_code: String,
    /// `marketplace.name`, e.g. `Amazon.co.jp`.
    pub name: String,
    /// `marketplace.defaultCurrencyCode`, e.g. `JPY`.
    pub default_currency_code: String,
    /// `marketplace.defaultLanguageCode`, e.g. `ja_JP`.
    pub default_language_code: String,
    /// `marketplace.domainName`, e.g. `www.amazon.co.jp`.
    pub domain_name: String,
    /// `participation.isParticipating`.
    pub is_participating: bool,
    /// `participation.hasSuspendedListings`.
    pub has_suspended_listings: bool,
}

impl Participation {
    /// Whether this is the Japan marketplace.
    pub fn is_japan(&self) -> bool {
        self.marketplace_id == JAPAN_MARKETPLACE_ID
    }
}

/// A granted restricted data token: only its lifetime. The RDT itself was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RdtGranted {
    /// `expiresIn`, in seconds (3600).
    pub expires_in: u32,
}

fn bad(detail: impl Into<String>) -> SpApiError {
    SpApiError::BadResponse {
        detail: detail.into(),
    }
}

pub(super) fn parse_participations(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Vec<Participation>, SpApiError> {
    let value = parse_json_object(content_type, body).map_err(bad)?;
    let payload = value
        .get("payload")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| bad("HTTP 200 without a payload array"))?;
    payload
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let text = |pointer: &str| {
                item.pointer(pointer)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let flag = |pointer: &str| item.pointer(pointer).and_then(serde_json::Value::as_bool);
            let marketplace_id = text("/marketplace/id");
            if marketplace_id.is_empty() {
                return Err(bad(format!("payload item {n} without a marketplace.id")));
            }
            let is_participating = flag("/participation/isParticipating").ok_or_else(|| {
                bad(format!(
                    "payload item {n} without a participation.isParticipating flag"
                ))
            })?;
            Ok(Participation {
                marketplace_id,
                country_code: text("/marketplace/countryCode"),
                name: text("/marketplace/name"),
                default_currency_code: text("/marketplace/defaultCurrencyCode"),
                default_language_code: text("/marketplace/defaultLanguageCode"),
                domain_name: text("/marketplace/domainName"),
                is_participating,
                has_suspended_listings: flag("/participation/hasSuspendedListings")
                    .unwrap_or(false),
            })
        })
        .collect()
}

pub(super) fn parse_rdt(content_type: Option<&str>, body: &[u8]) -> Result<RdtGranted, SpApiError> {
    let value = parse_json_object(content_type, body).map_err(bad)?;
    let rdt = value
        .get("restrictedDataToken")
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(Secret::new)
        .ok_or_else(|| bad("HTTP 200 without a restrictedDataToken string"))?;
    // Held only as a Secret (zeroed on drop) and never returned.
    drop(rdt);
    let expires_in = value
        .get("expiresIn")
        .and_then(serde_json::Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| bad("HTTP 200 whose expiresIn is not a whole number of seconds"))?;
    Ok(RdtGranted { expires_in })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participations_parsing() {
        let body = br#"{"payload":[{"marketplace":{"id":"A1VC38T7YXB528","name":"Amazon.co.jp","countryCode":"JP","defaultCurrencyCode":"JPY","defaultLanguageCode":"ja_JP","domainName":"www.amazon.co.jp"},"participation":{"isParticipating":true,"hasSuspendedListings":false}}]}"#;
        let list = parse_participations(Some("application/json"), body).unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].is_japan());
        assert_eq!(list[0].domain_name, "www.amazon.co.jp");
        for bad_body in [
            &br#"{"errors":[]}"#[..],
            br#"{"payload":[{"marketplace":{},"participation":{"isParticipating":true}}]}"#,
            br#"{"payload":[{"marketplace":{"id":"X"}}]}"#,
            b"<html>",
        ] {
            assert!(parse_participations(None, bad_body).is_err());
        }
        assert!(parse_participations(None, br#"{"payload":[]}"#)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn rdt_parsing_keeps_only_the_lifetime() {
        let granted = parse_rdt(
            None,
            br#"{"restrictedDataToken":"Atz.sprdt|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR","expiresIn":3600}"#,
        )
        .unwrap();
        assert_eq!(granted, RdtGranted { expires_in: 3600 });
        assert!(parse_rdt(None, br#"{"expiresIn":3600}"#).is_err());
        assert!(parse_rdt(None, br#"{"restrictedDataToken":"x"}"#).is_err());
    }
}
