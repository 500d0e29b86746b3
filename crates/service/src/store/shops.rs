//! Shops.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Store};
use crate::error::Error;
use crate::views::Marketplace;

/// A stored shop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShopRow {
    /// Id.
    pub id: String,
    /// Marketplace.
    pub marketplace: Marketplace,
    /// Name.
    pub name: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ShopRow> {
    Ok(ShopRow {
        id: r.get(0)?,
        marketplace: Marketplace::parse(&r.get::<_, String>(1)?).unwrap_or(Marketplace::Rakuten),
        name: r.get(2)?,
        created_at: parse_ts(r.get(3)?).unwrap_or_default(),
    })
}

impl Store {
    /// Adds a shop.
    pub fn insert_shop(&self, shop: &ShopRow) -> Result<(), Error> {
        self.conn().execute(
            "INSERT INTO shops (id, marketplace, name, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                shop.id,
                shop.marketplace.as_str(),
                shop.name,
                ts(shop.created_at)
            ],
        )?;
        Ok(())
    }

    /// Every shop, oldest first.
    pub fn shops(&self) -> Result<Vec<ShopRow>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, marketplace, name, created_at FROM shops ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// One shop.
    pub fn shop(&self, id: &str) -> Result<Option<ShopRow>, Error> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, marketplace, name, created_at FROM shops WHERE id = ?1",
                [id],
                row,
            )
            .optional()?)
    }

    /// The shop of `marketplace` called `name`, if any.
    pub fn shop_by_name(
        &self,
        marketplace: Marketplace,
        name: &str,
    ) -> Result<Option<ShopRow>, Error> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, marketplace, name, created_at FROM shops WHERE marketplace = ?1 AND name = ?2",
                params![marketplace.as_str(), name],
                row,
            )
            .optional()?)
    }
}
