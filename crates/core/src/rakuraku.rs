//! 楽楽コネクタ (楽楽明細's folder-to-API connector, run by the Qanat Universe agent): the
//! settings of its four steps, their rules, the settings sheet, the connection-test outcomes and
//! the local CSV check. Source: the manual 「楽楽コネクタの連携設定方法」 (記事ID:1230) and
//! api-facts §4. Pure: no I/O.

mod config;
pub mod csv;
mod export;
mod fields;
mod folder;
mod outcome;
mod rule;
mod schedule;
mod secrets;
mod sheet;
mod url;
mod validate;

pub use config::{ConnectorConfig, CustomerSettings, ReportSettings, SecretRef};
pub use export::{export, ConnectorExport, EXPORT_FORMAT, EXPORT_VERSION};
pub use fields::{check_id, check_report_name, IdField};
pub use folder::{
    check_file_prefix, check_folder_name, prefix_match, PrefixMatch, DEFAULT_AGENT_FOLDER_WINDOWS,
};
pub use outcome::ConnectionOutcome;
pub use rule::{Issue, IssueView, Rule, Severity};
pub use schedule::{Every, Timing, Weekday, HOURS};
pub use secrets::{check_agent_id, check_agent_key, check_api_token, CheckedSecret};
pub use sheet::{render_sheet_text, sheet_rows, BiText, SheetRow};
pub use url::{normalize_meisai_url, MeisaiUrl, ECO_SERV_DOMAIN};
pub use validate::{validate, Validated};

/// The addresses 楽楽コネクタ reaches 楽楽明細 from, to add when the IPアドレス制限 option is
/// used. 「※3つとも追加いただく必要があります。」
pub const CONNECTOR_IP_ADDRESSES: [&str; 3] = ["54.249.9.251", "54.65.148.180", "52.68.168.58"];

/// The path of the read-only customers search used as the connection test, after the
/// 楽楽明細 URL (`https://<host>.eco-serv.jp/<account>/`).
pub const CUSTOMERS_SEARCH_PATH: &str = "api/v1/customers/";

/// The header that carries the 楽楽明細 API token.
pub const API_TOKEN_HEADER: &str = "X-WB-apitoken";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_addresses_of_the_manual() {
        assert_eq!(
            CONNECTOR_IP_ADDRESSES,
            ["54.249.9.251", "54.65.148.180", "52.68.168.58"]
        );
        for ip in CONNECTOR_IP_ADDRESSES {
            assert!(ip.parse::<std::net::Ipv4Addr>().is_ok(), "{ip}");
        }
    }
}
