//! What the reminders and the calendar export see of the stored credentials.

use kagiban_core::reminders::{ics, LeadTimes, LeadTimesByKind, ReminderSubject};

use super::Service;
use crate::error::Error;
use crate::views::CredentialState;

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

    /// Every expiry with its reminders as an iCalendar file (RFC 5545), in the UI language.
    pub fn calendar(&self) -> Result<String, Error> {
        let leads = LeadTimesByKind::uniform(LeadTimes::default());
        Ok(ics::calendar(
            &self.reminder_subjects()?,
            &leads,
            self.lang(),
            self.clock.now(),
        ))
    }
}
