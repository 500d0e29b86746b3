//! The use cases, over the ports: keychain, SQLite store, RMS client, clock.

mod amazon;
mod candidates;
mod listing;
mod rakuraku;
mod reminders;
mod settings;
mod shops;
mod verification;

use std::sync::{Arc, Mutex};

use kagiban_core::lang::Lang;
use kagiban_core::secret::Secret;

use crate::clients::lwa::{LwaClient, LwaConfig};
use crate::clients::rakuraku::{RakurakuClient, RakurakuConfig};
use crate::clients::rms::{RmsClient, RmsConfig};
use crate::clients::spapi::{SpApiClient, SpApiConfig};
use crate::clock::Clock;
use crate::error::Error;
use crate::keychain::SecretStore;
use crate::store::Store;
use crate::views::{FlowProgress, ShopView};

pub use amazon::AmazonSpInput;
pub use candidates::{Details, CANDIDATE_LIFETIME, UNRECOGNIZED_KEY};
pub use settings::{
    ExportedShop, ImportReport, KindReminders, Settings, SettingsExport, CLIPBOARD_CLEAR_RANGE,
};

/// Setting key of the UI language.
const LANG_SETTING: &str = "lang";
/// Setting key: the user was told that closing the window leaves Kagiban in the tray.
const TRAY_NOTICE_SETTING: &str = "tray_notice_shown";

/// The marketplace API clients.
#[derive(Clone, Debug)]
pub struct Clients {
    /// Rakuten RMS.
    pub rms: RmsClient,
    /// Login with Amazon (access tokens).
    pub lwa: LwaClient,
    /// Amazon Selling Partner API.
    pub spapi: SpApiClient,
    /// 楽楽明細 (the 楽楽コネクタ connection test).
    pub rakuraku: RakurakuClient,
}

impl Clients {
    /// The clients with the production URLs, or those the `KAGIBAN_*` variables give.
    pub fn from_env() -> Result<Self, Error> {
        let startup = |e: String| Error::Startup(e);
        Ok(Self {
            rms: RmsClient::new(RmsConfig::from_env()).map_err(|e| startup(e.to_string()))?,
            lwa: LwaClient::new(LwaConfig::from_env()).map_err(|e| startup(e.to_string()))?,
            spapi: SpApiClient::new(SpApiConfig::from_env()).map_err(|e| startup(e.to_string()))?,
            rakuraku: RakurakuClient::new(RakurakuConfig::from_env())
                .map_err(|e| startup(e.to_string()))?,
        })
    }
}

/// Kagiban's application service: every front end (desktop shell, CLI) goes through it.
pub struct Service {
    store: Store,
    secrets: Arc<dyn SecretStore>,
    clients: Clients,
    clock: Arc<dyn Clock>,
    candidates: Mutex<candidates::Candidates>,
}

impl Service {
    /// Wires the service to its adapters.
    pub fn new(
        store: Store,
        secrets: Arc<dyn SecretStore>,
        clients: Clients,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            store,
            secrets,
            clients,
            clock,
            candidates: Mutex::new(candidates::Candidates::default()),
        }
    }

    /// Now, by the service's clock (the test clock in end-to-end tests).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Changes whenever another process committed to the metadata (see `Store::data_version`).
    pub fn data_version(&self) -> Result<i64, Error> {
        self.store.data_version()
    }

    /// The secret store (for the start-up self-test).
    pub fn secret_store(&self) -> Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    /// The UI language: the saved setting, Japanese by default.
    pub fn lang(&self) -> Lang {
        self.store
            .setting(LANG_SETTING)
            .ok()
            .flatten()
            .and_then(|s| Lang::parse(&s))
            .unwrap_or_default()
    }

    /// True the first time the window closes (and never again): the moment to say that Kagiban
    /// keeps watching from the tray.
    pub fn first_window_close(&self) -> Result<bool, Error> {
        if self.store.setting(TRAY_NOTICE_SETTING)?.is_some() {
            return Ok(false);
        }
        self.store.set_setting(TRAY_NOTICE_SETTING, "1")?;
        Ok(true)
    }

    /// Saves the UI language.
    pub fn set_lang(&self, lang: Lang) -> Result<(), Error> {
        self.store.set_setting(LANG_SETTING, lang.code())
    }

    /// The saved progress of a flow.
    pub fn progress(&self, flow_id: &str) -> Result<Option<FlowProgress>, Error> {
        self.store.progress(flow_id)
    }

    /// Saves the progress of a flow.
    pub fn save_progress(&self, progress: &FlowProgress) -> Result<(), Error> {
        self.store.save_progress(progress, self.clock.now())
    }

    /// Forgets the progress of a flow.
    pub fn reset_progress(&self, flow_id: &str) -> Result<(), Error> {
        self.store.reset_progress(flow_id)
    }

    /// The full secret of a stored credential, for the reveal button and the copy-out.
    pub fn reveal_credential(&self, id: &str) -> Result<Secret, Error> {
        self.store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        self.secrets.get(id)
    }

    /// One shop as the UI shows it.
    pub fn shop_view(&self, id: &str) -> Result<ShopView, Error> {
        let row = self
            .store
            .shop(id)?
            .ok_or(Error::NotFound { what: "shop" })?;
        self.to_shop_view(row)
    }
}
