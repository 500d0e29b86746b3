//! What the 楽楽コネクタ screens show: the configuration with its problems and sheet, the
//! connection test's answer, the folder check's findings. Never a secret.

use kagiban_core::rakuraku::csv::{FileProblem, FirstRowGuess, TextEncoding};
use kagiban_core::rakuraku::{ConnectionOutcome, ConnectorConfig, IssueView, SheetRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A shop's 楽楽コネクタ configuration as the UI edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorView {
    /// The shop.
    pub shop_id: String,
    /// The configuration, values normalized, secrets referenced by their keychain entry.
    pub config: ConnectorConfig,
    /// Every problem, with its field's path, in the order of the screens.
    pub issues: Vec<IssueView>,
    /// Nothing blocks (warnings may remain).
    pub complete: bool,
    /// The settings sheet.
    pub sheet: Vec<SheetRow>,
}

/// The answer of the connection test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTestReport {
    /// Whether the URL and the token work.
    pub ok: bool,
    /// What was found.
    pub outcome: ConnectionOutcome,
    /// What it means and what to do.
    pub message: String,
    /// The 楽楽明細 URL tested (normalized).
    pub url: String,
    /// When, ISO 8601 with +09:00.
    pub tested_at: String,
}

/// What the folder check found under the agent's 「ファイルの配置場所」.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderCheckReport {
    /// The 「ファイルの配置場所」 checked.
    pub base: String,
    /// Whether it exists (as a folder).
    pub base_exists: bool,
    /// One entry per configured folder: Step 3, then each linked Step 4 setting.
    pub folders: Vec<FolderReport>,
}

/// One configured folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderReport {
    /// The setting's path (`customer`, `reports[0]`).
    pub key: String,
    /// The setting's name on the 楽楽コネクタ screen.
    pub setting: String,
    /// フォルダ名.
    pub folder: String,
    /// ファイル名 (prefix).
    pub prefix: String,
    /// The full path checked.
    pub path: String,
    /// Whether the folder exists.
    pub exists: bool,
    /// The files the prefix picks up, by name.
    pub files: Vec<FileReport>,
    /// Files that would match if upper and lower case were ignored (not picked up).
    pub case_only_matches: Vec<String>,
    /// What to do, when something is wrong with the folder as a whole.
    pub message: Option<String>,
}

/// One file the prefix picks up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    /// File name.
    pub name: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Encoding, when readable.
    pub encoding: Option<TextEncoding>,
    /// Encoding, as the user knows it.
    pub encoding_label: Option<String>,
    /// Why the file cannot be used as it is.
    pub problem: Option<FileProblem>,
    /// The first rows (at most three).
    pub rows: Vec<Vec<String>>,
    /// Whether the first row looks like a header.
    pub first_row: FirstRowGuess,
    /// The ファイル1行目 setting that fits (false = 読み込まない, true = 読み込む).
    pub recommend_read_first_row: Option<bool>,
    /// Whether the configured ファイル1行目 agrees (None when either is unknown).
    pub setting_agrees: Option<bool>,
    /// What it means and what to do.
    pub message: String,
}
