//! Shops: the user's stores on each marketplace.

use kagiban_core::kind::CredentialKind;

use super::Service;
use crate::error::Error;
use crate::store::ShopRow;
use crate::views::{Marketplace, ShopView};

/// Longest shop name accepted.
pub const MAX_SHOP_NAME_CHARS: usize = 60;

impl Service {
    /// Adds a shop; the name is trimmed and must be 1–60 characters.
    pub fn add_shop(&self, name: &str, marketplace: Marketplace) -> Result<ShopView, Error> {
        let name = name.trim();
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_SHOP_NAME_CHARS || name.chars().any(char::is_control) {
            return Err(Error::InvalidShopName);
        }
        if let Some(existing) = self.store.shop_by_name(marketplace, name)? {
            return self.to_shop_view(existing);
        }
        let row = ShopRow {
            id: uuid::Uuid::new_v4().to_string(),
            marketplace,
            name: name.to_string(),
            created_at: self.clock.now(),
        };
        self.store.insert_shop(&row)?;
        self.to_shop_view(row)
    }

    /// The shops of one marketplace.
    pub fn shops(&self, marketplace: Marketplace) -> Result<Vec<ShopView>, Error> {
        self.store
            .shops()?
            .into_iter()
            .filter(|s| s.marketplace == marketplace)
            .map(|s| self.to_shop_view(s))
            .collect()
    }

    pub(super) fn to_shop_view(&self, row: ShopRow) -> Result<ShopView, Error> {
        let mut kinds = Vec::new();
        for kind in CredentialKind::ALL {
            if kind.marketplace() == row.marketplace
                && !self.store.current_credentials(&row.id, kind)?.is_empty()
            {
                kinds.push(kind);
            }
        }
        Ok(ShopView {
            id: row.id,
            name: row.name,
            marketplace: row.marketplace,
            kinds,
        })
    }
}
