//! What the reminders and the calendar export see of the stored credentials.

use chrono::{DateTime, Duration, Utc};
use kagiban_core::amazon::expiry::jst_date;
use kagiban_core::reminders::{ics, next_fire_time, notification_text, plan, ReminderSubject};

use super::Service;
use crate::error::Error;
use crate::store::ReminderPrefs;
use crate::views::{CredentialState, CredentialView, ReminderNotice};

/// How long 「1日後に再通知」 silences a credential's reminders.
pub const SNOOZE_DAYS: i64 = 1;

impl Service {
    /// Every credential that expires, as the reminder planner sees it.
    pub fn reminder_subjects(&self) -> Result<Vec<ReminderSubject>, Error> {
        let shops: std::collections::HashMap<String, String> = self
            .store
            .shops()?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        let prefs: std::collections::HashMap<String, ReminderPrefs> =
            self.store.reminder_prefs()?.into_iter().collect();
        Ok(self
            .store
            .credentials()?
            .into_iter()
            .filter_map(|c| {
                let expires_at = c.expires_at?;
                let p = prefs.get(&c.id).cloned().unwrap_or_default();
                Some(ReminderSubject {
                    shop: shops.get(&c.shop_id).cloned().unwrap_or_default(),
                    expires_at,
                    renewed: c.state == CredentialState::Superseded,
                    // Dismissal holds for the expiry it was given for; a new date resets it.
                    dismissed_after_expiry: p.dismissed_expiry_date == Some(jst_date(expires_at)),
                    snoozed_until: p.snoozed_until,
                    kind: c.kind,
                    credential_id: c.id,
                })
            })
            .collect())
    }

    /// The reminders due now, recorded as given before they are returned, so each is shown at
    /// most once even if the process dies right after. Missed ones are caught up: only the most
    /// urgent per credential is returned, the others are recorded silently.
    pub fn take_due_reminders(&self) -> Result<Vec<ReminderNotice>, Error> {
        let subjects = self.reminder_subjects()?;
        let sent = self.store.sent_reminders()?;
        let now = self.clock.now();
        let plan = plan(&subjects, &self.lead_times(), &sent, now);
        if plan.is_empty() {
            return Ok(Vec::new());
        }
        let shown = plan.show.iter().map(|r| (&r.key, true));
        let silent = plan.mark_sent_silently.iter().map(|k| (k, false));
        self.store.record_reminders(shown.chain(silent), now)?;
        let lang = self.lang();
        Ok(plan
            .show
            .iter()
            .filter_map(|due| {
                let subject = subjects
                    .iter()
                    .find(|s| s.credential_id == due.key.credential_id)?;
                let (summary, body) = notification_text(due, subject, lang);
                Some(ReminderNotice {
                    credential_id: subject.credential_id.clone(),
                    kind: subject.kind,
                    shop: subject.shop.clone(),
                    days_left: due.days_left,
                    urgency: due.urgency,
                    summary,
                    body,
                })
            })
            .collect())
    }

    /// Snoozes a credential's reminders for a day (from now).
    pub fn snooze_reminders(&self, id: &str) -> Result<CredentialView, Error> {
        self.store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        let mut prefs = self.store.reminder_pref(id)?;
        prefs.snoozed_until = Some(self.clock.now() + Duration::days(SNOOZE_DAYS));
        self.store.set_reminder_pref(id, &prefs)?;
        self.credential_view(id)
    }

    /// Stops the daily reminders of an expired credential (until its expiry date changes).
    pub fn dismiss_reminders(&self, id: &str) -> Result<CredentialView, Error> {
        let row = self
            .store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        let now = self.clock.now();
        let expires_at = row
            .expires_at
            .filter(|t| *t < now)
            .ok_or(Error::NotExpiredYet)?;
        let mut prefs = self.store.reminder_pref(id)?;
        prefs.dismissed_expiry_date = Some(jst_date(expires_at));
        self.store.set_reminder_pref(id, &prefs)?;
        self.credential_view(id)
    }

    /// When the next reminder becomes due, if any.
    pub fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>, Error> {
        Ok(next_fire_time(
            &self.reminder_subjects()?,
            &self.lead_times(),
            &self.store.sent_reminders()?,
            self.clock.now(),
        ))
    }

    /// Every expiry with its reminders as an iCalendar file (RFC 5545), in the UI language.
    pub fn calendar(&self) -> Result<String, Error> {
        Ok(ics::calendar(
            &self.reminder_subjects()?,
            &self.lead_times(),
            self.lang(),
            self.clock.now(),
        ))
    }
}
