//! Credentials (masked tails and dates only) and their event history.

use chrono::{DateTime, Utc};
use kagiban_core::expiry::ExpirySource;
use kagiban_core::kind::CredentialKind;
use kagiban_core::verify::VerifyCode;
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Store};
use crate::error::Error;
use crate::views::CredentialState;

/// A stored credential. The secret itself is in the keychain under `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialRow {
    /// Id; also the keychain account.
    pub id: String,
    /// Owning shop.
    pub shop_id: String,
    /// Kind.
    pub kind: CredentialKind,
    /// Masked tail.
    pub masked: String,
    /// State.
    pub state: CredentialState,
    /// Issued (or stored) at.
    pub issued_at: DateTime<Utc>,
    /// Expiry, when the kind expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// Where the expiry comes from.
    pub expiry_source: Option<ExpirySource>,
    /// The credential that replaced this one.
    pub superseded_by: Option<String>,
    /// The last verification.
    pub last_verification: Option<Verification>,
    /// When to check again by itself (new key not active yet).
    pub next_check_at: Option<DateTime<Utc>>,
    /// How many background checks were made for activation.
    pub check_attempts: u32,
    /// A name kept with it (not secret), e.g. the MWS developer's name.
    pub label: Option<String>,
}

/// A verification result as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verification {
    /// When.
    pub at: DateTime<Utc>,
    /// Result.
    pub code: VerifyCode,
}

/// What is known when a credential is first stored.
#[derive(Clone, Debug)]
pub struct NewCredential {
    /// Id.
    pub id: String,
    /// Shop.
    pub shop_id: String,
    /// Kind.
    pub kind: CredentialKind,
    /// Masked tail.
    pub masked: String,
    /// State.
    pub state: CredentialState,
    /// Issued at.
    pub issued_at: DateTime<Utc>,
    /// Expiry.
    pub expires_at: Option<DateTime<Utc>>,
    /// Its source.
    pub expiry_source: Option<ExpirySource>,
    /// A name kept with it (not secret).
    pub label: Option<String>,
}

const COLUMNS: &str = "id, shop_id, kind, masked, state, issued_at, expires_at, expiry_source, \
     superseded_by, last_verified_at, last_verify_code, next_check_at, check_attempts, label";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CredentialRow> {
    let kind: String = r.get(2)?;
    let state: String = r.get(4)?;
    let source: Option<String> = r.get(7)?;
    let verified_at = parse_ts(r.get(9)?);
    let code: Option<String> = r.get(10)?;
    Ok(CredentialRow {
        id: r.get(0)?,
        shop_id: r.get(1)?,
        kind: CredentialKind::parse(&kind).ok_or_else(|| bad_value(2, &kind))?,
        masked: r.get(3)?,
        state: CredentialState::parse(&state).ok_or_else(|| bad_value(4, &state))?,
        issued_at: parse_ts(r.get(5)?).unwrap_or_default(),
        expires_at: parse_ts(r.get(6)?),
        expiry_source: source.as_deref().and_then(ExpirySource::parse),
        superseded_by: r.get(8)?,
        last_verification: match (verified_at, code.as_deref().and_then(VerifyCode::parse)) {
            (Some(at), Some(code)) => Some(Verification { at, code }),
            _ => None,
        },
        next_check_at: parse_ts(r.get(11)?),
        check_attempts: r.get::<_, i64>(12)?.max(0) as u32,
        label: r.get(13)?,
    })
}

fn bad_value(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unknown value {value:?}").into(),
    )
}

impl Store {
    /// Stores a new credential and records the event.
    pub fn insert_credential(&self, c: &NewCredential, now: DateTime<Utc>) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO credentials (id, shop_id, kind, masked, state, issued_at, expires_at, expiry_source, label)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.id,
                c.shop_id,
                c.kind.as_str(),
                c.masked,
                c.state.as_str(),
                ts(c.issued_at),
                c.expires_at.map(ts),
                c.expiry_source.map(|s| s.as_str()),
                c.label,
            ],
        )?;
        tx.execute(
            "INSERT INTO credential_events (credential_id, at, event) VALUES (?1, ?2, 'stored')",
            params![c.id, ts(now)],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One credential.
    pub fn credential(&self, id: &str) -> Result<Option<CredentialRow>, Error> {
        let sql = format!("SELECT {COLUMNS} FROM credentials WHERE id = ?1");
        Ok(self.conn().query_row(&sql, [id], row).optional()?)
    }

    /// Every credential, shop by shop, newest first within a kind.
    pub fn credentials(&self) -> Result<Vec<CredentialRow>, Error> {
        let sql = format!(
            "SELECT {COLUMNS} FROM credentials ORDER BY shop_id, kind, issued_at DESC, rowid DESC"
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The credentials of one shop and kind that are not superseded, newest first.
    pub fn current_credentials(
        &self,
        shop_id: &str,
        kind: CredentialKind,
    ) -> Result<Vec<CredentialRow>, Error> {
        let sql = format!(
            "SELECT {COLUMNS} FROM credentials WHERE shop_id = ?1 AND kind = ?2 AND state != 'superseded'
             ORDER BY issued_at DESC, rowid DESC"
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt
            .query_map(params![shop_id, kind.as_str()], row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Records a verification; on success the expiry, state and schedule are updated too.
    pub fn record_verification(
        &self,
        id: &str,
        result: Verification,
        update: VerificationUpdate,
    ) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE credentials SET last_verified_at = ?2, last_verify_code = ?3,
                 next_check_at = ?4, check_attempts = ?5 WHERE id = ?1",
            params![
                id,
                ts(result.at),
                result.code.as_str(),
                update.next_check_at.map(ts),
                update.check_attempts as i64,
            ],
        )?;
        if let Some((expires_at, source)) = update.expiry {
            tx.execute(
                "UPDATE credentials SET expires_at = ?2, expiry_source = ?3 WHERE id = ?1",
                params![id, ts(expires_at), source.as_str()],
            )?;
        }
        if let Some(state) = update.state {
            tx.execute(
                "UPDATE credentials SET state = ?2 WHERE id = ?1",
                params![id, state.as_str()],
            )?;
        }
        tx.execute(
            "INSERT INTO credential_events (credential_id, at, event, detail) VALUES (?1, ?2, 'verified', ?3)",
            params![id, ts(result.at), result.code.as_str()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records that the user renewed a credential in the other system (for example
    /// 「アクセス権を承認」 for MWS): its new expiry, entered by the user.
    pub fn record_renewal(
        &self,
        id: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE credentials SET expires_at = ?2, expiry_source = 'user' WHERE id = ?1",
            params![id, ts(expires_at)],
        )?;
        if changed == 0 {
            return Err(Error::NotFound { what: "credential" });
        }
        tx.execute(
            "INSERT INTO credential_events (credential_id, at, event, detail) VALUES (?1, ?2, 'renewed', ?3)",
            params![id, ts(now), ts(expires_at)],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Marks `old` as replaced by `new` (history is kept).
    pub fn supersede(&self, old: &str, new: &str, now: DateTime<Utc>) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE credentials SET state = 'superseded', superseded_by = ?2, next_check_at = NULL WHERE id = ?1",
            params![old, new],
        )?;
        tx.execute(
            "INSERT INTO credential_events (credential_id, at, event, detail) VALUES (?1, ?2, 'superseded', ?3)",
            params![old, ts(now), new],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Credentials whose background check is due at `now`.
    pub fn due_checks(&self, now: DateTime<Utc>) -> Result<Vec<String>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id FROM credentials WHERE next_check_at IS NOT NULL AND next_check_at <= ?1
             AND state != 'superseded' ORDER BY next_check_at",
        )?;
        let ids = stmt
            .query_map([ts(now)], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }

    /// The history of a credential, oldest first.
    pub fn events(&self, id: &str) -> Result<Vec<CredentialEvent>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT at, event, detail FROM credential_events WHERE credential_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(CredentialEvent {
                    at: parse_ts(r.get(0)?).unwrap_or_default(),
                    event: r.get(1)?,
                    detail: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

/// One entry of a credential's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// What: stored, verified, superseded.
    pub event: String,
    /// The verification code, or the id of the replacing credential.
    pub detail: Option<String>,
}

/// What a verification changes besides its own record.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerificationUpdate {
    /// New expiry and its source.
    pub expiry: Option<(DateTime<Utc>, ExpirySource)>,
    /// New state.
    pub state: Option<CredentialState>,
    /// Next background check.
    pub next_check_at: Option<DateTime<Utc>>,
    /// Activation checks made so far.
    pub check_attempts: u32,
}
