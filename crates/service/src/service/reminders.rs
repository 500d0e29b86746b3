//! What the reminders and the calendar export see of the stored credentials.

use chrono::{DateTime, Utc};
use kagiban_core::reminders::{
    ics, next_fire_time, notification_text, plan, LeadTimes, LeadTimesByKind, ReminderSubject,
};

use super::Service;
use crate::error::Error;
use crate::views::{CredentialState, ReminderNotice};

impl Service {
    /// Every credential that expires, as the reminder planner sees it.
    pub fn reminder_subjects(&self) -> Result<Vec<ReminderSubject>, Error> {
        let shops: std::collections::HashMap<String, String> = self
            .store
            .shops()?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        Ok(self
            .store
            .credentials()?
            .into_iter()
            .filter_map(|c| {
                Some(ReminderSubject {
                    shop: shops.get(&c.shop_id).cloned().unwrap_or_default(),
                    expires_at: c.expires_at?,
                    renewed: c.state == CredentialState::Superseded,
                    dismissed_after_expiry: false,
                    snoozed_until: None,
                    kind: c.kind,
                    credential_id: c.id,
                })
            })
            .collect())
    }

    /// The lead times in force (the defaults: 30, 7 and 1 days before, on the day, and daily
    /// after expiry).
    fn lead_times(&self) -> LeadTimesByKind {
        LeadTimesByKind::uniform(LeadTimes::default())
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
