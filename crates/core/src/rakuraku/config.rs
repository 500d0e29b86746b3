//! The 楽楽コネクタ configuration of one shop, as the user entered it, in the order of the
//! 楽楽コネクタ screens. Holds no secret: the API token and the AgentKey are referenced by the
//! id of their keychain entry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::schedule::Timing;

/// Everything the 楽楽コネクタ 「連携設定」 screens take, plus what Kagiban needs around them
/// (which options the user has, where the agent's files are).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ConnectorConfig {
    /// Step 1 「楽楽明細」URL: `https://rbsample.eco-serv.jp/xxxxxxx/`.
    pub meisai_url: String,
    /// Step 1 APIトークン: its keychain entry (set by the service, never by the UI).
    pub api_token: Option<SecretRef>,
    /// Step 2 AgentID: 「エージェントID(AgentId)」.
    pub agent_id: String,
    /// Step 2 AgentKey: its keychain entry (set by the service, never by the UI).
    pub agent_key: Option<SecretRef>,
    /// The user has the IPアドレス制限 option (the three addresses must then be added).
    pub ip_restriction: bool,
    /// The user has the 承認フロー option (承認フローID can then be given).
    pub approval_flow_option: bool,
    /// The agent's 「ファイルの配置場所」 on this computer, for the folder check (not a
    /// 楽楽コネクタ setting). None: the default, `C:\_qanatuniverse\_qua\userdata` on Windows.
    pub agent_folder: Option<String>,
    /// Step 3 顧客データ連携設定.
    pub customer: CustomerSettings,
    /// Step 4 帳票データ連携設定1, 2, …
    pub reports: Vec<ReportSettings>,
}

/// A secret kept in the keychain: which entry, and its masked tail for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretRef {
    /// The credential's id (the keychain account).
    pub credential_id: String,
    /// `••••` + the last four characters.
    pub masked: String,
}

/// Step 3 顧客データ連携設定.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerSettings {
    /// 取込設定ID; empty: 「取込設定IDの値が最も小さい取込フォーマット設定が適用されます」.
    pub import_setting_id: String,
    /// フォルダ名 (one folder under the 「ファイルの配置場所」).
    pub folder: String,
    /// ファイル名 (前方一致).
    pub file_name: String,
    /// 利用中の上書き: overwrite the data of customers whose Web利用ステータス is 「利用中」.
    pub overwrite_in_use: Option<bool>,
    /// 空白での上書き: true = 空白で上書きする, false = もとの値を残す.
    pub overwrite_with_blank: Option<bool>,
    /// ファイル1行目: true = read the first row, false = skip it (a header row).
    pub read_first_row: Option<bool>,
}

impl CustomerSettings {
    /// Nothing entered at all (customer data is not linked).
    pub fn is_empty(&self) -> bool {
        *self == CustomerSettings::default()
    }
}

/// One Step 4 帳票データ連携設定.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportSettings {
    /// 連携タイミング.
    pub timing: Timing,
    /// 帳票名.
    pub report_name: String,
    /// 帳票種別ID.
    pub report_type_id: String,
    /// フォルダ名.
    pub folder: String,
    /// ファイル名 (前方一致).
    pub file_name: String,
    /// ファイル1行目: true = read the first row, false = skip it.
    pub read_first_row: Option<bool>,
    /// 承認フラグ: true = 「承認する」 (issued at once), false = 「承認しない」 (承認依頼待ち).
    pub approve: Option<bool>,
    /// 承認フローID (承認フローオプションをお申し込みの場合のみ).
    pub approval_flow_id: String,
}

impl Default for ReportSettings {
    fn default() -> Self {
        Self {
            timing: Timing::Manual,
            report_name: String::new(),
            report_type_id: String::new(),
            folder: String::new(),
            file_name: String::new(),
            read_first_row: None,
            approve: None,
            approval_flow_id: String::new(),
        }
    }
}
