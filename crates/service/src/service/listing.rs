//! The dashboard and `kagiban status`: credentials as views, in Japan time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kagiban_core::expiry::{days_left, format_date_jst, format_datetime_jst, to_iso_jst, urgency};
use kagiban_core::lang::Lang;

use super::Service;
use crate::error::Error;
use crate::store::CredentialRow;
use crate::views::{CredentialState, CredentialView, RenewalView, VerificationView};

impl Service {
    /// Every credential of every shop (superseded ones too: they are the history).
    pub fn dashboard(&self) -> Result<Vec<CredentialView>, Error> {
        let shops: HashMap<String, String> = self
            .store
            .shops()?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        let now = self.clock.now();
        let lang = self.lang();
        let mut views: Vec<CredentialView> = self
            .store
            .credentials()?
            .into_iter()
            .map(|row| {
                let shop = shops.get(&row.shop_id).cloned().unwrap_or_default();
                credential_view(row, shop, now, lang)
            })
            .collect();
        views.sort_by(|a, b| {
            (a.shop.as_str(), a.kind, b.issued_at.as_str()).cmp(&(
                b.shop.as_str(),
                b.kind,
                a.issued_at.as_str(),
            ))
        });
        Ok(views)
    }

    /// One credential as a view.
    pub fn credential_view(&self, id: &str) -> Result<CredentialView, Error> {
        let row = self
            .store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        let shop = self
            .store
            .shop(&row.shop_id)?
            .map(|s| s.name)
            .unwrap_or_default();
        Ok(credential_view(row, shop, self.clock.now(), self.lang()))
    }
}

/// Maps a stored row to what the user sees.
pub(super) fn credential_view(
    row: CredentialRow,
    shop: String,
    now: DateTime<Utc>,
    lang: Lang,
) -> CredentialView {
    let days = row.expires_at.map(|t| days_left(t, now));
    CredentialView {
        kind_label: row.kind.label().get(lang).to_string(),
        issued_at: to_iso_jst(row.issued_at),
        expires_at: row.expires_at.map(to_iso_jst),
        expires_on: row.expires_at.map(format_date_jst),
        days_left: days,
        expiry_source: row.expiry_source,
        urgency: days.map(urgency),
        last_verification: row.last_verification.map(|v| VerificationView {
            at: to_iso_jst(v.at),
            at_display: format_datetime_jst(v.at),
            ok: v.code == kagiban_core::verify::VerifyCode::Ok,
            code: v.code,
            message: v.code.message_for(row.kind).get(lang).to_string(),
        }),
        renewal: renewal(&row, now, lang),
        label: row.label.clone(),
        next_check_at: row.next_check_at.map(to_iso_jst),
        id: row.id,
        shop_id: row.shop_id,
        shop,
        kind: row.kind,
        masked: row.masked,
        state: row.state,
    }
}

/// The by-hand renewal of MWS developer access: approve before the end, restore after.
fn renewal(row: &CredentialRow, now: DateTime<Utc>, lang: Lang) -> Option<RenewalView> {
    use kagiban_core::amazon::expiry::mws_access_action;
    use kagiban_core::kind::CredentialKind;
    if row.kind != CredentialKind::AmazonDeveloperId || row.state == CredentialState::Superseded {
        return None;
    }
    let action = mws_access_action(row.expires_at?, now);
    Some(RenewalView {
        action: action.as_str().to_string(),
        button: action.button().get(lang).to_string(),
        message: action.message().get(lang).to_string(),
    })
}
