//! Metadata in SQLite (WAL, migrations). Never a secret: only masked tails.

mod credentials;
mod migrations;
mod progress;
mod rakuraku;
mod reminders;
mod settings;
mod shops;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

pub use credentials::{
    CredentialEvent, CredentialRow, NewCredential, Verification, VerificationUpdate,
};
pub use reminders::ReminderPrefs;
pub use shops::ShopRow;

use crate::error::Error;

/// The metadata database. One connection, serialized; every use case is a few small queries.
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, Error> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::Storage(e.to_string()))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Self::from_connection(conn)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<Self, Error> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Self::from_connection(conn)
    }

    fn from_connection(mut conn: Connection) -> Result<Self, Error> {
        migrations::migrate(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// A number that changes whenever another connection (another Kagiban process: the window,
    /// the tray, the CLI) committed a change; this connection's own commits leave it alone.
    pub fn data_version(&self) -> Result<i64, Error> {
        Ok(self
            .conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().expect("sqlite connection lock")
    }
}

/// Times are stored as RFC 3339 UTC text.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses a stored time; a damaged value reads as absent rather than failing the whole list.
pub(crate) fn parse_ts(s: Option<String>) -> Option<DateTime<Utc>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.with_timezone(&Utc))
}
