//! A shop's 楽楽コネクタ configuration, as JSON. Never a secret: the configuration's secret
//! references are dropped before saving (the credentials table says which ones are current).

use chrono::{DateTime, Utc};
use kagiban_core::rakuraku::ConnectorConfig;
use rusqlite::OptionalExtension;

use super::{ts, Store};
use crate::error::Error;

impl Store {
    /// The saved configuration of a shop, if any.
    pub fn rakuraku_config(&self, shop_id: &str) -> Result<Option<ConnectorConfig>, Error> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT config FROM rakuraku_connectors WHERE shop_id = ?1",
                [shop_id],
                |r| r.get(0),
            )
            .optional()?;
        json.map(|j| {
            serde_json::from_str(&j)
                .map_err(|e| Error::Storage(format!("楽楽コネクタ configuration: {e}")))
        })
        .transpose()
    }

    /// Saves (or replaces) a shop's configuration, without its secret references.
    pub fn save_rakuraku_config(
        &self,
        shop_id: &str,
        config: &ConnectorConfig,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let stored = ConnectorConfig {
            api_token: None,
            agent_key: None,
            ..config.clone()
        };
        let json = serde_json::to_string(&stored).map_err(|e| Error::Storage(e.to_string()))?;
        self.conn().execute(
            "INSERT INTO rakuraku_connectors (shop_id, config, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(shop_id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
            rusqlite::params![shop_id, json, ts(now)],
        )?;
        Ok(())
    }
}
