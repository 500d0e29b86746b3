//! The user's settings: reminder lead times per kind, language, how long a copied key stays on
//! the clipboard, start at login. Stored in SQLite's settings table; exported and imported as
//! JSON together with the shops (never a secret).

use std::time::Duration;

use chrono::SecondsFormat;
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::reminders::{LeadTimes, LeadTimesByKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Service;
use crate::error::Error;

const LEAD_TIMES_SETTING: &str = "lead_times";
const CLIPBOARD_SETTING: &str = "clipboard_clear_secs";
const START_AT_LOGIN_SETTING: &str = "start_at_login";
/// Set once the user answered the start-at-login offer at the end of a flow.
const LOGIN_OFFER_SETTING: &str = "login_offer_answered";

/// How long a copied key stays on the clipboard by default.
pub const CLIPBOARD_CLEAR_DEFAULT_SECS: u32 = 60;
/// The shortest and longest clipboard-clear delays accepted.
pub const CLIPBOARD_CLEAR_RANGE: (u32, u32) = (10, 600);
/// The earliest reminder, in days before an expiry.
pub const MAX_DAYS_BEFORE: u32 = 120;
/// How many reminders before an expiry, at most.
pub const MAX_LEADS: usize = 8;
/// The export file's format name.
pub const EXPORT_FORMAT: &str = "kagiban-settings";

/// The reminders for one kind of credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindReminders {
    /// The kind.
    pub kind: CredentialKind,
    /// Its name, in the saved language (ignored on save).
    #[serde(default)]
    pub label: String,
    /// Days before the expiry date (0 = on the day), most distant first.
    pub days_before: Vec<u32>,
    /// Once a day after expiry, until renewed or dismissed.
    pub daily_after_expiry: bool,
}

/// Everything the settings screen edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Language of the app and its notifications.
    pub lang: Lang,
    /// Reminders, for every kind that expires.
    pub reminders: Vec<KindReminders>,
    /// Seconds a copied key stays on the clipboard.
    pub clipboard_clear_secs: u32,
    /// Start Kagiban in the tray at login.
    pub start_at_login: bool,
}

/// The export file: the settings and the shops, never a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingsExport {
    /// Always `kagiban-settings`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// When it was written (ISO 8601, +09:00).
    pub exported_at: String,
    /// The settings.
    pub settings: Settings,
    /// The shops (name and marketplace).
    pub shops: Vec<ExportedShop>,
}

/// A shop in the export file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedShop {
    /// Its name.
    pub name: String,
    /// `rakuten` or `amazon`.
    pub marketplace: kagiban_core::kind::Marketplace,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// The settings now in force.
    pub settings: Settings,
    /// Shops added (those already there by name were left alone).
    pub shops_added: u32,
}

impl Service {
    /// The settings in force (defaults where nothing was saved).
    pub fn settings(&self) -> Result<Settings, Error> {
        let lang = self.lang();
        let leads = self.lead_times();
        Ok(Settings {
            lang,
            reminders: CredentialKind::ALL
                .into_iter()
                .filter(|k| k.expires())
                .map(|kind| {
                    let l = leads.get(kind);
                    let mut days = l.days_before.clone();
                    days.sort_unstable_by(|a, b| b.cmp(a));
                    days.dedup();
                    KindReminders {
                        kind,
                        label: kind.label().get(lang).to_string(),
                        days_before: days,
                        daily_after_expiry: l.daily_after_expiry,
                    }
                })
                .collect(),
            clipboard_clear_secs: self.clipboard_clear_secs(),
            start_at_login: self.start_at_login(),
        })
    }

    /// Checks and saves `settings`; nothing is saved if any value is refused.
    pub fn save_settings(&self, settings: &Settings) -> Result<Settings, Error> {
        let leads = validate(settings)?;
        let json = serde_json::to_string(&leads).map_err(|e| Error::Storage(e.to_string()))?;
        self.store.set_setting(LEAD_TIMES_SETTING, &json)?;
        self.store.set_setting(
            CLIPBOARD_SETTING,
            &settings.clipboard_clear_secs.to_string(),
        )?;
        self.store.set_setting(
            START_AT_LOGIN_SETTING,
            if settings.start_at_login { "1" } else { "0" },
        )?;
        self.set_lang(settings.lang)?;
        self.settings()
    }

    /// The lead times in force: saved per kind, the defaults (30, 7 and 1 days before, on the
    /// day, and daily after expiry) otherwise.
    pub(crate) fn lead_times(&self) -> LeadTimesByKind {
        self.store
            .setting(LEAD_TIMES_SETTING)
            .ok()
            .flatten()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_else(|| LeadTimesByKind::uniform(LeadTimes::default()))
    }

    /// Seconds a copied key stays on the clipboard.
    pub fn clipboard_clear_secs(&self) -> u32 {
        self.store
            .setting(CLIPBOARD_SETTING)
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
            .filter(|s| (CLIPBOARD_CLEAR_RANGE.0..=CLIPBOARD_CLEAR_RANGE.1).contains(s))
            .unwrap_or(CLIPBOARD_CLEAR_DEFAULT_SECS)
    }

    /// How long a copied key stays on the clipboard.
    pub fn clipboard_clear_after(&self) -> Duration {
        Duration::from_secs(self.clipboard_clear_secs().into())
    }

    /// Whether the user asked to start at login.
    pub fn start_at_login(&self) -> bool {
        self.store
            .setting(START_AT_LOGIN_SETTING)
            .ok()
            .flatten()
            .is_some_and(|v| v == "1")
    }

    /// Whether to offer starting at login (at the end of the first flow): not yet answered,
    /// and not already on.
    pub fn login_offer_pending(&self) -> Result<bool, Error> {
        Ok(!self.start_at_login() && self.store.setting(LOGIN_OFFER_SETTING)?.is_none())
    }

    /// The answer to the offer: recorded either way, so it is asked once; yes turns it on.
    pub fn answer_login_offer(&self, accept: bool) -> Result<Settings, Error> {
        self.store.set_setting(LOGIN_OFFER_SETTING, "1")?;
        let mut settings = self.settings()?;
        if accept {
            settings.start_at_login = true;
            settings = self.save_settings(&settings)?;
        }
        Ok(settings)
    }

    /// The settings and the shops as JSON (pretty), never a key.
    pub fn export_settings(&self) -> Result<String, Error> {
        let export = SettingsExport {
            format: EXPORT_FORMAT.into(),
            version: 1,
            exported_at: self
                .clock
                .now()
                .with_timezone(&kagiban_core::expiry::jst())
                .to_rfc3339_opts(SecondsFormat::Secs, false),
            settings: self.settings()?,
            shops: self
                .all_shops()?
                .into_iter()
                .map(|s| ExportedShop {
                    name: s.name,
                    marketplace: s.marketplace,
                })
                .collect(),
        };
        serde_json::to_string_pretty(&export).map_err(|e| Error::Storage(e.to_string()))
    }

    /// Reads an export file: checks all of it first, then applies the settings and adds the
    /// shops not there yet (by name and marketplace).
    pub fn import_settings(&self, json: &str) -> Result<ImportReport, Error> {
        let export: SettingsExport =
            serde_json::from_str(json).map_err(|_| Error::InvalidImport)?;
        if export.format != EXPORT_FORMAT || export.version != 1 {
            return Err(Error::InvalidImport);
        }
        validate(&export.settings)?;
        let existing = self.all_shops()?;
        let mut added = 0;
        for shop in &export.shops {
            let known = existing
                .iter()
                .any(|s| s.name == shop.name.trim() && s.marketplace == shop.marketplace);
            if !known {
                self.add_shop(&shop.name, shop.marketplace)?;
                added += 1;
            }
        }
        Ok(ImportReport {
            settings: self.save_settings(&export.settings)?,
            shops_added: added,
        })
    }
}

impl Service {
    fn all_shops(&self) -> Result<Vec<crate::views::ShopView>, Error> {
        let mut all = Vec::new();
        for m in kagiban_core::kind::Marketplace::ALL {
            all.extend(self.shops(m)?);
        }
        Ok(all)
    }
}

/// The lead times `settings` asks for, or the first rule it breaks.
fn validate(settings: &Settings) -> Result<LeadTimesByKind, Error> {
    let (min, max) = CLIPBOARD_CLEAR_RANGE;
    if !(min..=max).contains(&settings.clipboard_clear_secs) {
        return Err(Error::SettingOutOfRange {
            field: "clipboard_clear_secs".into(),
        });
    }
    let mut leads = LeadTimesByKind::uniform(LeadTimes::default());
    for r in &settings.reminders {
        let field = format!("reminders.{}", r.kind.as_str());
        if !r.kind.expires()
            || r.days_before.len() > MAX_LEADS
            || r.days_before.iter().any(|&d| d > MAX_DAYS_BEFORE)
        {
            return Err(Error::SettingOutOfRange { field });
        }
        leads = leads.with(
            r.kind,
            LeadTimes {
                days_before: r.days_before.clone(),
                daily_after_expiry: r.daily_after_expiry,
            },
        );
    }
    Ok(leads)
}
