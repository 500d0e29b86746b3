//! The configuration as a JSON document without secrets: to keep, to send to whoever helps
//! with the setup, or to compare later. Secrets are only said to be stored (no tail either).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::config::{ConnectorConfig, CustomerSettings, ReportSettings};

/// What the document says it is.
pub const EXPORT_FORMAT: &str = "kagiban.rakuraku-connector";
/// The document's version.
pub const EXPORT_VERSION: u32 = 1;

/// [`ConnectorConfig`] without its secret references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorExport {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Always [`EXPORT_VERSION`].
    pub version: u32,
    /// Step 1 「楽楽明細」URL.
    pub meisai_url: String,
    /// Step 1 APIトークン is kept in the keychain (the value is never exported).
    pub api_token_stored: bool,
    /// Step 2 AgentID.
    pub agent_id: String,
    /// Step 2 AgentKey is kept in the keychain (the value is never exported).
    pub agent_key_stored: bool,
    /// The IPアドレス制限 option is used.
    pub ip_restriction: bool,
    /// The 承認フロー option is used.
    pub approval_flow_option: bool,
    /// The agent's 「ファイルの配置場所」 on this computer.
    pub agent_folder: Option<String>,
    /// Step 3.
    pub customer: CustomerSettings,
    /// Step 4.
    pub reports: Vec<ReportSettings>,
}

/// The export of `config`.
pub fn export(config: &ConnectorConfig) -> ConnectorExport {
    ConnectorExport {
        format: EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        meisai_url: config.meisai_url.clone(),
        api_token_stored: config.api_token.is_some(),
        agent_id: config.agent_id.clone(),
        agent_key_stored: config.agent_key.is_some(),
        ip_restriction: config.ip_restriction,
        approval_flow_option: config.approval_flow_option,
        agent_folder: config.agent_folder.clone(),
        customer: config.customer.clone(),
        reports: config.reports.clone(),
    }
}
