//! The reminders already given, so each fires once across restarts.

use chrono::{DateTime, NaiveDate, Utc};
use kagiban_core::reminders::{Lead, ReminderKey, SentLog};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Store};
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

/// What the user asked of one credential's reminders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderPrefs {
    /// Nothing is shown before this moment.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// No more reminders after this expiry date (the one current when the user said so).
    pub dismissed_expiry_date: Option<NaiveDate>,
}

impl Store {
    /// The reminder preferences of every credential that has some.
    pub fn reminder_prefs(&self) -> Result<Vec<(String, ReminderPrefs)>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT credential_id, snoozed_until, dismissed_expiry_date FROM reminder_prefs",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, prefs_row(r, 1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// One credential's reminder preferences.
    pub fn reminder_pref(&self, id: &str) -> Result<ReminderPrefs, Error> {
        let conn = self.conn();
        let row = conn
            .query_row(
                "SELECT snoozed_until, dismissed_expiry_date FROM reminder_prefs WHERE credential_id = ?1",
                [id],
                |r| prefs_row(r, 0),
            )
            .optional()?;
        Ok(row.unwrap_or_default())
    }

    /// Saves one credential's reminder preferences.
    pub fn set_reminder_pref(&self, id: &str, prefs: &ReminderPrefs) -> Result<(), Error> {
        self.conn().execute(
            "INSERT INTO reminder_prefs (credential_id, snoozed_until, dismissed_expiry_date)
             VALUES (?1, ?2, ?3)
             ON CONFLICT(credential_id) DO UPDATE SET
                 snoozed_until = excluded.snoozed_until,
                 dismissed_expiry_date = excluded.dismissed_expiry_date",
            params![
                id,
                prefs.snoozed_until.map(ts),
                prefs
                    .dismissed_expiry_date
                    .map(|d| d.format("%Y-%m-%d").to_string()),
            ],
        )?;
        Ok(())
    }
}

/// `snoozed_until, dismissed_expiry_date` starting at column `at`.
fn prefs_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<ReminderPrefs> {
    let dismissed: Option<String> = r.get(at + 1)?;
    Ok(ReminderPrefs {
        snoozed_until: parse_ts(r.get(at)?),
        dismissed_expiry_date: dismissed
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
    })
}
