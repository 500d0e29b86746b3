//! Saved flow progress.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{ts, Store};
use crate::error::Error;
use crate::views::FlowProgress;

impl Store {
    /// The saved progress of a flow.
    pub fn progress(&self, flow_id: &str) -> Result<Option<FlowProgress>, Error> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT progress FROM flow_progress WHERE flow_id = ?1",
                [flow_id],
                |r| r.get(0),
            )
            .optional()?;
        // A damaged record restarts the flow rather than blocking it.
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Saves the progress of a flow.
    pub fn save_progress(&self, progress: &FlowProgress, now: DateTime<Utc>) -> Result<(), Error> {
        let json = serde_json::to_string(progress).map_err(|e| Error::Storage(e.to_string()))?;
        self.conn().execute(
            "INSERT INTO flow_progress (flow_id, progress, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(flow_id) DO UPDATE SET progress = excluded.progress, updated_at = excluded.updated_at",
            params![progress.flow_id, json, ts(now)],
        )?;
        Ok(())
    }

    /// Forgets the progress of a flow (finished or abandoned).
    pub fn reset_progress(&self, flow_id: &str) -> Result<(), Error> {
        self.conn()
            .execute("DELETE FROM flow_progress WHERE flow_id = ?1", [flow_id])?;
        Ok(())
    }
}
