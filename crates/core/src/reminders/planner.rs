//! The planner: which reminders are due now, and when the next one will be.
//!
//! Rules, all on the JST calendar:
//! - A reminder belongs to a day (expiry date − lead, the expiry date, or a day after it) and
//!   fires at 09:00 JST that day ([`crate::reminders::fire_time`]): at the start of the working
//!   day, never in the night, so "あと7日" is read on the day it is true.
//! - Each [`ReminderKey`] is given once: the caller records every key of a [`Plan`] (shown and
//!   silent) in its [`SentLog`] and persists it.
//! - Missed reminders (computer off, asleep, snoozed) are caught up at the next plan: only the
//!   most urgent due one per credential is shown; the other due ones are recorded silently.
//! - A reminder never fires after a more urgent one of the same series (credential and expiry
//!   date) was given: a lead added later whose day has passed is recorded silently if anything
//!   more urgent was already sent, and otherwise counts as missed (shown now if most urgent).
//! - After the expiry date, one reminder a day (if configured); only the latest day is ever a
//!   candidate, so days that passed unseen are simply skipped.
//! - Renewed or dismissed subjects get nothing; snoozed ones nothing until `snoozed_until`.
//! - A new expiry date is a new series: nothing sent for the old date counts for it.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lead::{fire_time, Lead, LeadTimesByKind, ReminderKey, SentLog};
use crate::expiry::{days_left, jst, urgency, Urgency};
use crate::kind::CredentialKind;

/// A credential with an expiry, as the planner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSubject {
    /// The credential's id.
    pub credential_id: String,
    /// Its kind (selects the lead times).
    pub kind: CredentialKind,
    /// The shop's name, for the texts.
    pub shop: String,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
    /// Superseded or replaced by a newer credential: no more reminders.
    pub renewed: bool,
    /// The user dismissed the reminders after expiry: no more reminders. The caller clears this
    /// when the expiry date changes.
    pub dismissed_after_expiry: bool,
    /// Nothing is shown before this moment.
    pub snoozed_until: Option<DateTime<Utc>>,
}

impl ReminderSubject {
    /// The expiry date on the JST calendar.
    pub fn expiry_date(&self) -> NaiveDate {
        self.expires_at.with_timezone(&jst()).date_naive()
    }

    /// Whether it can still get reminders (not renewed, not dismissed).
    pub fn is_active(&self) -> bool {
        !self.renewed && !self.dismissed_after_expiry
    }
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueReminder {
    /// Which reminder (record it as sent once shown).
    pub key: ReminderKey,
    /// JST calendar days left at planning time: 0 on the expiry date, negative after.
    #[ts(type = "number")]
    pub days_left: i64,
    /// The app-wide urgency for `days_left`.
    pub urgency: Urgency,
}

/// What to do now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Plan {
    /// Reminders to show, most urgent first (at most one per credential).
    pub show: Vec<DueReminder>,
    /// Due reminders that a more urgent one supersedes: record them, never show them.
    pub mark_sent_silently: Vec<ReminderKey>,
}

impl Plan {
    /// Every key to record in the sent log: the shown ones and the silent ones.
    pub fn keys_to_record(&self) -> impl Iterator<Item = &ReminderKey> {
        self.show
            .iter()
            .map(|r| &r.key)
            .chain(&self.mark_sent_silently)
    }

    /// Whether there is nothing to show or record.
    pub fn is_empty(&self) -> bool {
        self.show.is_empty() && self.mark_sent_silently.is_empty()
    }
}

/// What is due at `now`: the reminders to show and the ones to record silently.
pub fn plan(
    subjects: &[ReminderSubject],
    leads: &LeadTimesByKind,
    sent: &SentLog,
    now: DateTime<Utc>,
) -> Plan {
    let mut out = Plan::default();
    let mut seen = HashSet::new();
    let mut sorted = SortedLeads::new(leads);
    for subject in subjects.iter().filter(|s| s.is_active()) {
        let expiry_date = subject.expiry_date();
        if !seen.insert((subject.credential_id.as_str(), expiry_date)) {
            continue;
        }
        if subject.snoozed_until.is_some_and(|t| now < t) {
            continue;
        }
        // Only the leads whose time has come become keys and are looked up in the log.
        let mut due = series(expiry_date, sorted.get(subject.kind), now)
            .filter(|lead| fire_time(lead.day(expiry_date)) <= now)
            .map(|lead| subject.key(expiry_date, lead))
            .filter(|k| !sent.contains(k))
            .peekable();
        if due.peek().is_none() {
            continue;
        }
        let floor = sent.latest_day(&subject.credential_id, expiry_date);
        let (fresh, stale): (Vec<_>, Vec<_>) = due.partition(|k| floor.is_none_or(|f| k.day() > f));
        out.mark_sent_silently.extend(stale);
        let Some(most_urgent) = fresh.iter().map(ReminderKey::day).max() else {
            continue;
        };
        for key in fresh {
            if key.day() == most_urgent {
                let days = days_left(subject.expires_at, now);
                out.show.push(DueReminder {
                    key,
                    days_left: days,
                    urgency: urgency(days),
                });
            } else {
                out.mark_sent_silently.push(key);
            }
        }
    }
    out.show
        .sort_by(|a, b| (a.days_left, &a.key).cmp(&(b.days_left, &b.key)));
    out.mark_sent_silently.sort();
    out
}

/// The earliest moment after `now` at which [`plan`] would show something new, given `sent`
/// with the current plan recorded; `None` if nothing is ever due again. The caller sleeps until
/// then at most, capped by its tick.
pub fn next_fire_time(
    subjects: &[ReminderSubject],
    leads: &LeadTimesByKind,
    sent: &SentLog,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut sorted = SortedLeads::new(leads);
    subjects
        .iter()
        .filter(|s| s.is_active())
        .filter_map(|subject| {
            let expiry_date = subject.expiry_date();
            let snooze = subject.snoozed_until.filter(|t| *t > now);
            let from = snooze.unwrap_or(now);
            let mut floor = None;
            series(expiry_date, sorted.get(subject.kind), from)
                .filter_map(|lead| {
                    let fires = fire_time(lead.day(expiry_date));
                    let at = snooze.map_or(fires, |t| t.max(fires));
                    (at > now).then_some((lead, at))
                })
                .filter(|(lead, _)| {
                    let floor = *floor.get_or_insert_with(|| {
                        sent.latest_day(&subject.credential_id, expiry_date)
                    });
                    floor.is_none_or(|f| lead.day(expiry_date) > f)
                        && !sent.contains(&subject.key(expiry_date, *lead))
                })
                .map(|(_, at)| at)
                .min()
        })
        .min()
}

impl ReminderSubject {
    /// The key of one reminder of its series for `expiry_date`.
    fn key(&self, expiry_date: NaiveDate, lead: Lead) -> ReminderKey {
        ReminderKey {
            credential_id: self.credential_id.clone(),
            expiry_date,
            lead,
        }
    }
}

/// Each kind's before-expiry leads, sorted once per plan instead of once per credential.
struct SortedLeads<'a> {
    leads: &'a LeadTimesByKind,
    sorted: BTreeMap<CredentialKind, Vec<Lead>>,
}

impl<'a> SortedLeads<'a> {
    fn new(leads: &'a LeadTimesByKind) -> Self {
        Self {
            leads,
            sorted: BTreeMap::new(),
        }
    }

    /// The before-expiry leads of `kind`, least urgent first, and whether it is reminded about
    /// daily after expiry.
    fn get(&mut self, kind: CredentialKind) -> (&[Lead], bool) {
        let times = self.leads.get(kind);
        let before = self.sorted.entry(kind).or_insert_with(|| times.leads());
        (before, times.daily_after_expiry)
    }
}

/// The candidate leads of a series expiring on `expiry_date`, around `at`: every configured
/// lead before it, and after expiry the latest daily reminder due by `at` and the next one.
fn series(
    expiry_date: NaiveDate,
    (before, daily_after_expiry): (&[Lead], bool),
    at: DateTime<Utc>,
) -> impl Iterator<Item = Lead> + '_ {
    let mut after = [None, None];
    if let Some(first) = expiry_date.succ_opt().filter(|_| daily_after_expiry) {
        let today = at.with_timezone(&jst()).date_naive();
        let latest_due = if fire_time(today) <= at {
            Some(today)
        } else {
            today.pred_opt()
        };
        after = match latest_due.filter(|d| *d >= first) {
            Some(day) => [
                Some(Lead::AfterExpiry { day }),
                day.succ_opt().map(|day| Lead::AfterExpiry { day }),
            ],
            None => [Some(Lead::AfterExpiry { day: first }), None],
        };
    }
    before.iter().copied().chain(after.into_iter().flatten())
}
