//! The reminders already given, so each fires once across restarts.

use chrono::{DateTime, NaiveDate, Utc};
use kagiban_core::reminders::{Lead, ReminderKey, SentLog};
use rusqlite::params;

use super::{ts, Store};
use crate::error::Error;

impl Store {
    /// Every reminder given so far. A row that cannot be read (damaged by hand) is skipped.
    pub fn sent_reminders(&self) -> Result<SentLog, Error> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT credential_id, expiry_date, lead FROM reminders_sent")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut log = SentLog::new();
        for row in rows {
            let (credential_id, date, lead) = row?;
            let (Ok(expiry_date), Some(lead)) = (
                NaiveDate::parse_from_str(&date, "%Y-%m-%d"),
                Lead::parse(&lead),
            ) else {
                continue;
            };
            log.insert(ReminderKey {
                credential_id,
                expiry_date,
                lead,
            });
        }
        Ok(log)
    }

    /// Records reminders as given (`shown`: a notification went out; otherwise recorded
    /// silently), in one transaction.
    pub fn record_reminders<'a>(
        &self,
        keys: impl IntoIterator<Item = (&'a ReminderKey, bool)>,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for (key, shown) in keys {
            tx.execute(
                "INSERT OR IGNORE INTO reminders_sent (credential_id, expiry_date, lead, shown, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    key.credential_id,
                    key.expiry_date.format("%Y-%m-%d").to_string(),
                    key.lead.to_string(),
                    shown,
                    ts(now),
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
