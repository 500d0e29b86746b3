//! Lead times, the key that identifies one reminder, and the log of keys already sent.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::expiry::jst;
use crate::kind::CredentialKind;

/// The JST hour at which a reminder fires on its day: 09:00, when a shop's working day starts.
pub const FIRE_HOUR_JST: u32 = 9;

/// The default lead times, in days before the expiry date (0 = on the day).
pub const DEFAULT_DAYS_BEFORE: [u32; 4] = [30, 7, 1, 0];

/// When a reminder on JST calendar day `day` fires: 09:00 JST that day (saturating at the ends
/// of the representable range).
pub fn fire_time(day: NaiveDate) -> DateTime<Utc> {
    let at = day.and_time(NaiveTime::from_hms_opt(FIRE_HOUR_JST, 0, 0).expect("valid time"));
    match jst().from_local_datetime(&at).single() {
        Some(t) => t.with_timezone(&Utc),
        None if day.year() > 0 => DateTime::<Utc>::MAX_UTC,
        None => DateTime::<Utc>::MIN_UTC,
    }
}

/// When a reminder fires relative to its credential's JST expiry date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lead {
    /// `n` days before the expiry date (n ≥ 1; use [`Lead::before`], which maps 0 to on the day).
    DaysBefore(u32),
    /// On the expiry date itself (the key still works until 23:59:59).
    OnTheDay,
    /// One of the daily reminders after expiry, for JST day `day`.
    AfterExpiry {
        /// The JST calendar day this daily reminder is for (after the expiry date).
        #[ts(type = "string")]
        day: NaiveDate,
    },
}

impl Lead {
    /// `days` days before the expiry date; 0 is [`Lead::OnTheDay`].
    pub fn before(days: u32) -> Lead {
        match days {
            0 => Lead::OnTheDay,
            n => Lead::DaysBefore(n),
        }
    }

    /// The JST calendar day this lead falls on for an expiry on `expiry_date`.
    pub fn day(self, expiry_date: NaiveDate) -> NaiveDate {
        match self {
            Lead::DaysBefore(n) => expiry_date
                .checked_sub_days(Days::new(n.into()))
                .unwrap_or(NaiveDate::MIN),
            Lead::OnTheDay => expiry_date,
            Lead::AfterExpiry { day } => day,
        }
    }

    /// Parses the stable text form written by `Display`: `30d`, `day` (or `0d`), `after:2027-03-01`.
    pub fn parse(s: &str) -> Option<Lead> {
        let s = s.trim();
        if s == "day" {
            return Some(Lead::OnTheDay);
        }
        if let Some(date) = s.strip_prefix("after:") {
            let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
            return Some(Lead::AfterExpiry { day });
        }
        let days = s.strip_suffix('d')?;
        if days.is_empty() || !days.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        days.parse().ok().map(Lead::before)
    }
}

/// The stable text form, for storage: `30d`, `day`, `after:2027-03-01`.
impl fmt::Display for Lead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lead::DaysBefore(0) | Lead::OnTheDay => f.write_str("day"),
            Lead::DaysBefore(n) => write!(f, "{n}d"),
            Lead::AfterExpiry { day } => write!(f, "after:{}", day.format("%Y-%m-%d")),
        }
    }
}

/// One reminder: fires once per credential, JST expiry date and lead, across restarts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct ReminderKey {
    /// The credential reminded about.
    pub credential_id: String,
    /// Its expiry date on the JST calendar; a new date starts a new series of reminders.
    #[ts(type = "string")]
    pub expiry_date: NaiveDate,
    /// Which reminder of the series.
    pub lead: Lead,
}

impl ReminderKey {
    /// The JST calendar day the reminder is for; a later day is a more urgent reminder.
    pub fn day(&self) -> NaiveDate {
        self.lead.day(self.expiry_date)
    }

    /// When it becomes due: 09:00 JST on [`ReminderKey::day`].
    pub fn fire_time(&self) -> DateTime<Utc> {
        fire_time(self.day())
    }
}

/// Which reminders to give for one kind of credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeadTimes {
    /// Days before the expiry date to remind on (0 = on the day); order and repeats don't matter.
    pub days_before: Vec<u32>,
    /// Whether to remind once a day after expiry, until the credential is renewed or dismissed.
    pub daily_after_expiry: bool,
}

impl Default for LeadTimes {
    fn default() -> Self {
        Self {
            days_before: DEFAULT_DAYS_BEFORE.to_vec(),
            daily_after_expiry: true,
        }
    }
}

impl LeadTimes {
    /// No reminders at all.
    pub fn none() -> Self {
        Self {
            days_before: Vec::new(),
            daily_after_expiry: false,
        }
    }

    /// The before-expiry leads (on the day included), least urgent first, without repeats.
    pub fn leads(&self) -> Vec<Lead> {
        let days: BTreeSet<u32> = self.days_before.iter().copied().collect();
        days.into_iter().rev().map(Lead::before).collect()
    }
}

/// Lead times for every kind: a default and per-kind overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeadTimesByKind {
    /// For every kind without an entry in `per_kind`.
    pub default: LeadTimes,
    /// Overrides by kind.
    pub per_kind: BTreeMap<CredentialKind, LeadTimes>,
}

impl LeadTimesByKind {
    /// The same lead times for every kind.
    pub fn uniform(leads: LeadTimes) -> Self {
        Self {
            default: leads,
            per_kind: BTreeMap::new(),
        }
    }

    /// With `leads` for `kind`.
    pub fn with(mut self, kind: CredentialKind, leads: LeadTimes) -> Self {
        self.per_kind.insert(kind, leads);
        self
    }

    /// The lead times for `kind`.
    pub fn get(&self, kind: CredentialKind) -> &LeadTimes {
        self.per_kind.get(&kind).unwrap_or(&self.default)
    }
}

/// The reminders already given (shown or silently superseded). The caller persists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SentLog(BTreeSet<ReminderKey>);

impl SentLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `key` was already given.
    pub fn contains(&self, key: &ReminderKey) -> bool {
        self.0.contains(key)
    }

    /// Records `key`; false if it was already there.
    pub fn insert(&mut self, key: ReminderKey) -> bool {
        self.0.insert(key)
    }

    /// Every key, in order.
    pub fn iter(&self) -> impl Iterator<Item = &ReminderKey> {
        self.0.iter()
    }

    /// How many keys are recorded.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The most urgent day already given for one credential and expiry date.
    pub(crate) fn latest_day(
        &self,
        credential_id: &str,
        expiry_date: NaiveDate,
    ) -> Option<NaiveDate> {
        let bound = |lead| ReminderKey {
            credential_id: credential_id.to_string(),
            expiry_date,
            lead,
        };
        let first = bound(Lead::DaysBefore(0));
        let last = bound(Lead::AfterExpiry {
            day: NaiveDate::MAX,
        });
        self.0.range(first..=last).map(ReminderKey::day).max()
    }
}

impl FromIterator<ReminderKey> for SentLog {
    fn from_iter<I: IntoIterator<Item = ReminderKey>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl Extend<ReminderKey> for SentLog {
    fn extend<I: IntoIterator<Item = ReminderKey>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lead_text_round_trips() {
        for lead in [
            Lead::DaysBefore(30),
            Lead::DaysBefore(1),
            Lead::OnTheDay,
            Lead::AfterExpiry {
                day: date(2028, 2, 29),
            },
        ] {
            assert_eq!(Lead::parse(&lead.to_string()), Some(lead));
        }
        assert_eq!(Lead::parse("0d"), Some(Lead::OnTheDay));
        for bad in ["", "d", "-1d", "+3d", "7", "after:2027-02-30", "x"] {
            assert_eq!(Lead::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fires_at_nine_jst() {
        let t = fire_time(date(2027, 2, 28));
        assert_eq!(t.to_rfc3339(), "2027-02-28T00:00:00+00:00");
        assert!(fire_time(NaiveDate::MIN) < fire_time(NaiveDate::MAX));
    }

    #[test]
    fn huge_leads_saturate() {
        assert_eq!(
            Lead::DaysBefore(u32::MAX).day(date(2027, 1, 1)),
            NaiveDate::MIN
        );
    }

    #[test]
    fn leads_are_sorted_and_deduplicated() {
        let leads = LeadTimes {
            days_before: vec![1, 30, 0, 7, 30],
            daily_after_expiry: true,
        };
        assert_eq!(
            leads.leads(),
            [
                Lead::DaysBefore(30),
                Lead::DaysBefore(7),
                Lead::DaysBefore(1),
                Lead::OnTheDay
            ]
        );
    }

    #[test]
    fn latest_day_only_looks_at_one_series() {
        let key = |id: &str, exp, lead| ReminderKey {
            credential_id: id.into(),
            expiry_date: exp,
            lead,
        };
        let exp = date(2027, 3, 31);
        let log: SentLog = [
            key("a", exp, Lead::DaysBefore(30)),
            key("a", exp, Lead::DaysBefore(7)),
            key("a", date(2027, 6, 30), Lead::OnTheDay),
            key("ab", exp, Lead::OnTheDay),
        ]
        .into_iter()
        .collect();
        assert_eq!(log.latest_day("a", exp), Some(date(2027, 3, 24)));
        assert_eq!(log.latest_day("b", exp), None);
    }
}
