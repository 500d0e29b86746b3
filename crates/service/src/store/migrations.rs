//! Schema migrations, applied in order and recorded in `PRAGMA user_version`.

use rusqlite::Connection;

use crate::error::Error;

/// Each entry moves the schema one version forward. Never edit a released entry: append.
const MIGRATIONS: &[&str] = &[
    // 1: shops, credentials with their history, flow progress, settings.
    "CREATE TABLE shops (
        id TEXT PRIMARY KEY,
        marketplace TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL REFERENCES shops(id),
        kind TEXT NOT NULL,
        masked TEXT NOT NULL,
        state TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT,
        expiry_source TEXT,
        superseded_by TEXT REFERENCES credentials(id),
        last_verified_at TEXT,
        last_verify_code TEXT,
        next_check_at TEXT,
        check_attempts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX credentials_by_shop ON credentials(shop_id, kind);
    CREATE TABLE credential_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        credential_id TEXT NOT NULL REFERENCES credentials(id),
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT
    );
    CREATE TABLE flow_progress (
        flow_id TEXT PRIMARY KEY,
        progress TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 2: a name kept with a credential (not secret), e.g. the MWS developer's name.
    "ALTER TABLE credentials ADD COLUMN label TEXT;",
    // 3: reminders given (shown or recorded silently), each once across restarts.
    "CREATE TABLE reminders_sent (
        credential_id TEXT NOT NULL REFERENCES credentials(id),
        expiry_date TEXT NOT NULL,
        lead TEXT NOT NULL,
        shown INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (credential_id, expiry_date, lead)
    );",
    // 4: what the user asked of a credential's reminders: snoozed until, or no more after the
    // expiry date (kept with that date: a new expiry date brings them back).
    "CREATE TABLE reminder_prefs (
        credential_id TEXT PRIMARY KEY REFERENCES credentials(id),
        snoozed_until TEXT,
        dismissed_expiry_date TEXT
    );",
    // 5: a shop's 楽楽コネクタ configuration (JSON, without secrets: the API token and the
    // AgentKey are credentials, in the keychain).
    "CREATE TABLE rakuraku_connectors (
        shop_id TEXT PRIMARY KEY REFERENCES shops(id),
        config TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );",
];

/// Brings the schema to the newest version, each step in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), Error> {
    let current: usize =
        conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    if current > MIGRATIONS.len() {
        return Err(Error::Storage(format!(
            "database schema {current} is newer than this Kagiban ({})",
            MIGRATIONS.len()
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
    }

    #[test]
    fn a_newer_schema_is_refused_not_damaged() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(migrate(&mut conn).is_err());
    }
}
