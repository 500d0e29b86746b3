//! The dashboard and `kagiban status`: credentials as views, in Japan time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use kagiban_core::expiry::{days_left, format_date_jst, format_datetime_jst, to_iso_jst, urgency};
use kagiban_core::lang::Lang;

use super::Service;
use crate::error::Error;
use crate::store::{CredentialRow, ReminderPrefs};
use kagiban_core::expiry::Urgency;
use kagiban_core::flow::flow_for_kind;

use crate::views::{
    CredentialState, CredentialView, DashboardView, FlowCard, RenewalView, TrayItem, TraySummary,
    VerificationView,
};

/// How many expiries the tray menu lists.
pub const TRAY_ITEMS: usize = 5;

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
        let prefs: HashMap<String, ReminderPrefs> =
            self.store.reminder_prefs()?.into_iter().collect();
        let mut views: Vec<CredentialView> = self
            .store
            .credentials()?
            .into_iter()
            .map(|row| {
                let shop = shops.get(&row.shop_id).cloned().unwrap_or_default();
                let p = prefs.get(&row.id).cloned().unwrap_or_default();
                credential_view(row, shop, &p, now, lang)
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

    /// The dashboard's whole screen: credentials, shops, and the flows with their progress.
    pub fn dashboard_view(&self) -> Result<DashboardView, Error> {
        let lang = self.lang();
        let mut shops = Vec::new();
        for marketplace in kagiban_core::kind::Marketplace::ALL {
            shops.extend(self.shops(marketplace)?);
        }
        let flows = kagiban_core::flow::FLOWS
            .iter()
            .map(|def| {
                Ok(FlowCard {
                    id: def.id.to_string(),
                    title: def.title.get(lang).to_string(),
                    summary: def.summary.get(lang).to_string(),
                    marketplace: def.marketplace,
                    progress: self.progress(def.id)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        Ok(DashboardView {
            credentials: self.dashboard()?,
            shops,
            flows,
        })
    }

    /// What the tray shows now.
    pub fn tray_summary(&self) -> Result<TraySummary, Error> {
        Ok(tray_summary(&self.dashboard()?, self.lang()))
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
        let prefs = self.store.reminder_pref(&row.id)?;
        Ok(credential_view(
            row,
            shop,
            &prefs,
            self.clock.now(),
            self.lang(),
        ))
    }
}

/// Maps a stored row to what the user sees.
pub(super) fn credential_view(
    row: CredentialRow,
    shop: String,
    prefs: &ReminderPrefs,
    now: DateTime<Utc>,
    lang: Lang,
) -> CredentialView {
    let days = row.expires_at.map(|t| days_left(t, now));
    let expiry_date = row.expires_at.map(kagiban_core::amazon::expiry::jst_date);
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
        snoozed_until: prefs
            .snoozed_until
            .filter(|t| *t > now)
            .map(format_datetime_jst),
        reminders_dismissed: expiry_date.is_some() && prefs.dismissed_expiry_date == expiry_date,
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

/// The tray's state and menu from the dashboard's rows: expired or refused beats due soon
/// beats all well; superseded rows (history) count for nothing.
pub fn tray_summary(rows: &[CredentialView], lang: Lang) -> TraySummary {
    let live: Vec<&CredentialView> = rows
        .iter()
        .filter(|c| c.state != CredentialState::Superseded)
        .collect();
    let refused = live.iter().any(|c| {
        c.last_verification
            .as_ref()
            .is_some_and(|v| v.code.is_refusal())
    });
    let urgency = live
        .iter()
        .filter_map(|c| c.urgency)
        .chain(refused.then_some(Urgency::Expired))
        .max_by_key(|u| match u {
            Urgency::Ok => 0,
            Urgency::DueSoon => 1,
            Urgency::Expired => 2,
        })
        .unwrap_or(Urgency::Ok);
    let mut dated: Vec<&&CredentialView> = live.iter().filter(|c| c.days_left.is_some()).collect();
    dated.sort_by_key(|c| (c.days_left, c.expires_at.clone()));
    let next: Vec<TrayItem> = dated
        .iter()
        .take(TRAY_ITEMS)
        .map(|c| TrayItem {
            credential_id: c.id.clone(),
            flow_id: flow_for_kind(c.kind).map(|f| f.id.to_string()),
            label: format!(
                "{}（{}）{}",
                c.kind_label,
                c.shop,
                days_phrase(c.days_left.unwrap_or_default(), lang)
            ),
        })
        .collect();
    let state = match (urgency, lang) {
        (Urgency::Ok, Lang::Ja) => "問題ありません",
        (Urgency::Ok, Lang::En) => "All well",
        (Urgency::DueSoon, Lang::Ja) => "まもなく期限です",
        (Urgency::DueSoon, Lang::En) => "Something expires soon",
        (Urgency::Expired, Lang::Ja) => "対応が必要です",
        (Urgency::Expired, Lang::En) => "Needs attention",
    };
    let tooltip = match (next.first(), lang) {
        (Some(item), Lang::Ja) => format!("鍵番: {state}。次の期限: {}", item.label),
        (Some(item), Lang::En) => format!("Kagiban: {state}. Next: {}", item.label),
        (None, Lang::Ja) => format!("鍵番: {state}"),
        (None, Lang::En) => format!("Kagiban: {state}"),
    };
    TraySummary {
        urgency,
        tooltip,
        next,
    }
}

fn days_phrase(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Ja, d) if d < 0 => format!(" 期限切れ（{}日前）", -d),
        (Lang::Ja, 0) => " 今日まで".to_string(),
        (Lang::Ja, d) => format!(" あと{d}日"),
        (Lang::En, d) if d < 0 => format!(": expired {} days ago", -d),
        (Lang::En, 0) => ": expires today".to_string(),
        (Lang::En, 1) => ": 1 day left".to_string(),
        (Lang::En, d) => format!(": {d} days left"),
    }
}
