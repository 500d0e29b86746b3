//! 楽楽コネクタ: the configuration of a shop (saved in SQLite without secrets), its two
//! secrets (the 楽楽明細 API token and the AgentKey, in the keychain), the connection test,
//! the folder check, the settings sheet and the JSON export.

use std::path::{Path, PathBuf};

use kagiban_core::expiry::to_iso_jst;
use kagiban_core::kind::{CredentialKind, Marketplace};
use kagiban_core::lang::Lang;
use kagiban_core::rakuraku::{
    check_agent_key, check_api_token, export, normalize_meisai_url, render_sheet_text, sheet_rows,
    validate, ConnectionOutcome, ConnectorConfig, SecretRef, Validated,
    DEFAULT_AGENT_FOLDER_WINDOWS,
};
use kagiban_core::recognize::Recognized;
use kagiban_core::verify::VerifyCode;

use super::candidates::{recognize_expected, warning_views};
use super::{Details, Service};
use crate::error::Error;
use crate::folders::{check_folders, FolderTarget};
use crate::store::{CredentialRow, ShopRow, Verification, VerificationUpdate};
use crate::views::{
    ConnectionTestReport, ConnectorView, CredentialView, FolderCheckReport, VerifyReport,
    WarningView,
};

/// Checks a pasted API token or AgentKey with the 楽楽コネクタ rules (an unusual token shape
/// is a warning, not a refusal).
pub(super) fn check_secret(kind: CredentialKind, text: &str) -> Result<Recognized, Error> {
    let checked = match kind {
        CredentialKind::RakurakuApiToken => check_api_token(text),
        CredentialKind::RakurakuAgentKey => check_agent_key(text),
        other => {
            return Err(Error::WrongKind {
                expected: CredentialKind::RakurakuApiToken,
                found: other,
            })
        }
    };
    let checked = checked.map_err(|rule| Error::InvalidFormat {
        expected: kind,
        code: rule.code(),
        message: rule.message(),
    })?;
    Ok(Recognized {
        kind,
        value: checked.value,
        warnings: checked.warnings,
    })
}

/// What a connection test found, before it is recorded.
struct Tested {
    url: String,
    outcome: ConnectionOutcome,
    token: CredentialRow,
}

impl Service {
    /// The shop, which must be a 楽楽明細 one.
    fn rakuraku_shop(&self, shop_id: &str) -> Result<ShopRow, Error> {
        self.store
            .shop(shop_id)?
            .filter(|s| s.marketplace == Marketplace::Rakuraku)
            .ok_or(Error::NotFound { what: "shop" })
    }

    /// The newest current credential of `kind`, if any.
    fn current(&self, shop_id: &str, kind: CredentialKind) -> Result<Option<CredentialRow>, Error> {
        Ok(self
            .store
            .current_credentials(shop_id, kind)?
            .into_iter()
            .next())
    }

    /// The saved configuration (empty when none) with the current secrets referenced.
    fn load_connector(&self, shop_id: &str) -> Result<ConnectorConfig, Error> {
        self.rakuraku_shop(shop_id)?;
        let mut config = self.store.rakuraku_config(shop_id)?.unwrap_or_default();
        let reference = |row: Option<CredentialRow>| {
            row.map(|r| SecretRef {
                credential_id: r.id,
                masked: r.masked,
            })
        };
        config.api_token = reference(self.current(shop_id, CredentialKind::RakurakuApiToken)?);
        config.agent_key = reference(self.current(shop_id, CredentialKind::RakurakuAgentKey)?);
        Ok(config)
    }

    fn connector_view(&self, shop_id: &str, validated: Validated) -> ConnectorView {
        let lang = self.lang();
        ConnectorView {
            shop_id: shop_id.to_string(),
            complete: validated.is_complete(),
            issues: validated.issues.iter().map(|i| i.view(lang)).collect(),
            sheet: sheet_rows(&validated.config),
            config: validated.config,
        }
    }

    /// A shop's 楽楽コネクタ configuration, checked, with its settings sheet.
    pub fn rakuraku_connector(&self, shop_id: &str) -> Result<ConnectorView, Error> {
        let config = self.load_connector(shop_id)?;
        Ok(self.connector_view(shop_id, validate(&config)))
    }

    /// Saves a shop's configuration, normalized. A configuration with problems is saved too
    /// (the user finishes it later); the problems come back in the view. The secret
    /// references in `config` are ignored: secrets are stored with
    /// [`Service::store_rakuraku_secret`].
    pub fn save_rakuraku_connector(
        &self,
        shop_id: &str,
        config: &ConnectorConfig,
    ) -> Result<ConnectorView, Error> {
        let current = self.load_connector(shop_id)?;
        let merged = ConnectorConfig {
            api_token: current.api_token,
            agent_key: current.agent_key,
            ..config.clone()
        };
        let validated = validate(&merged);
        self.store
            .save_rakuraku_config(shop_id, &validated.config, self.clock.now())?;
        Ok(self.connector_view(shop_id, validated))
    }

    /// Stores the API token or the AgentKey of a shop in the keychain (replacing the previous
    /// one), after the 楽楽コネクタ rules. Returns the credential and what to check.
    pub fn store_rakuraku_secret(
        &self,
        shop_id: &str,
        kind: CredentialKind,
        text: &str,
    ) -> Result<(CredentialView, Vec<WarningView>), Error> {
        self.rakuraku_shop(shop_id)?;
        let recognized = recognize_expected(kind, text)?;
        let view = self.store_secret(shop_id, kind, &recognized.value, &Details::default())?;
        Ok((view, warning_views(&recognized.warnings, self.lang())))
    }

    /// Calls 楽楽明細 with the shop's URL and API token; nothing recorded yet.
    async fn connection_outcome(&self, shop_id: &str) -> Result<Tested, Error> {
        let config = self.load_connector(shop_id)?;
        let url =
            normalize_meisai_url(&config.meisai_url).map_err(|rule| Error::InvalidSetting {
                path: "meisaiUrl".into(),
                rule,
            })?;
        let token = self
            .current(shop_id, CredentialKind::RakurakuApiToken)?
            .ok_or(Error::MissingCredential {
                kind: CredentialKind::RakurakuApiToken,
            })?;
        let secret = self.secrets.get(&token.id)?;
        let outcome = match self
            .clients
            .rakuraku
            .test_connection(&url.url, &secret)
            .await
        {
            Ok(()) => ConnectionOutcome::Ok,
            Err(e) => {
                tracing::debug!(code = e.outcome().code(), "楽楽明細 connection test failed");
                e.outcome()
            }
        };
        Ok(Tested {
            url: url.url,
            outcome,
            token,
        })
    }

    /// Records a test's result on the API token (for the dashboard).
    fn record_connection(&self, tested: &Tested) -> Result<(), Error> {
        let update = VerificationUpdate::default();
        self.store.record_verification(
            &tested.token.id,
            Verification {
                at: self.clock.now(),
                code: tested.outcome.verify_code(),
            },
            update,
        )
    }

    /// The connection test of Step 1: a read-only customers search with the shop's 楽楽明細 URL
    /// and API token. Tells apart: works, token refused, URL wrong, maintenance, timeout …
    pub async fn test_rakuraku_connection(
        &self,
        shop_id: &str,
    ) -> Result<ConnectionTestReport, Error> {
        let tested = self.connection_outcome(shop_id).await?;
        self.record_connection(&tested)?;
        Ok(ConnectionTestReport {
            ok: tested.outcome == ConnectionOutcome::Ok,
            outcome: tested.outcome,
            message: tested.outcome.message().get(self.lang()).to_string(),
            url: tested.url,
            tested_at: to_iso_jst(self.clock.now()),
        })
    }

    /// `verify` for a 楽楽明細 API token: the connection test of its shop.
    pub(super) async fn verify_rakuraku_token(
        &self,
        row: CredentialRow,
    ) -> Result<VerifyReport, Error> {
        let tested = match self.connection_outcome(&row.shop_id).await {
            Ok(tested) => tested,
            Err(Error::KeychainUnavailable { .. }) => {
                return Ok(self.report(&row, VerifyCode::KeychainUnavailable, None))
            }
            Err(Error::InvalidSetting { .. }) => {
                let tested = Tested {
                    url: String::new(),
                    outcome: ConnectionOutcome::UrlWrong,
                    token: row.clone(),
                };
                self.record_connection(&tested)?;
                return Ok(self.report(&row, VerifyCode::BadResponse, None));
            }
            Err(other) => return Err(other),
        };
        self.record_connection(&tested)?;
        let refreshed = self.store.credential(&tested.token.id)?.unwrap_or(row);
        Ok(self.report(&refreshed, tested.outcome.verify_code(), None))
    }

    /// The folder check: under `base` (else the saved 「ファイルの配置場所」, else the agent's
    /// default on Windows), each configured folder, the files its prefix picks up, their
    /// encoding, first rows and the ファイル1行目 that fits. A `base` given is remembered.
    pub fn check_rakuraku_folders(
        &self,
        shop_id: &str,
        base: Option<&Path>,
    ) -> Result<FolderCheckReport, Error> {
        let mut config = self.load_connector(shop_id)?;
        let base: PathBuf = match base {
            Some(path) => {
                config.agent_folder = Some(path.display().to_string());
                self.store
                    .save_rakuraku_config(shop_id, &config, self.clock.now())?;
                path.to_path_buf()
            }
            None => match &config.agent_folder {
                Some(saved) => PathBuf::from(saved),
                None if cfg!(windows) => PathBuf::from(DEFAULT_AGENT_FOLDER_WINDOWS),
                None => return Err(Error::NoAgentFolder),
            },
        };
        let checked = validate(&config).config;
        let mut targets = Vec::new();
        if !checked.customer.is_empty() {
            targets.push(FolderTarget {
                key: "customer".into(),
                setting: "Step3.顧客データ連携設定".into(),
                folder: checked.customer.folder.clone(),
                prefix: checked.customer.file_name.clone(),
                read_first_row: checked.customer.read_first_row,
            });
        }
        for (i, r) in checked.reports.iter().enumerate() {
            if r.timing.links() {
                targets.push(FolderTarget {
                    key: format!("reports[{i}]"),
                    setting: format!("Step4.帳票データ連携設定{}", i + 1),
                    folder: r.folder.clone(),
                    prefix: r.file_name.clone(),
                    read_first_row: r.read_first_row,
                });
            }
        }
        Ok(check_folders(&base, &targets, self.lang()))
    }

    /// The settings sheet as plain text, for printing (secrets masked).
    pub fn rakuraku_sheet_text(&self, shop_id: &str) -> Result<String, Error> {
        let shop = self.rakuraku_shop(shop_id)?;
        let lang = self.lang();
        let view = self.rakuraku_connector(shop_id)?;
        let title = match lang {
            Lang::Ja => format!("楽楽コネクタ 設定シート（{}）", shop.name),
            Lang::En => format!("楽楽コネクタ settings sheet ({})", shop.name),
        };
        Ok(render_sheet_text(&title, &view.sheet, lang))
    }

    /// The configuration as pretty JSON, without any secret.
    pub fn export_rakuraku_json(&self, shop_id: &str) -> Result<String, Error> {
        let config = validate(&self.load_connector(shop_id)?).config;
        serde_json::to_string_pretty(&export(&config)).map_err(|e| Error::Storage(e.to_string()))
    }
}
