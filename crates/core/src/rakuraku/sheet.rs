//! The settings sheet: every value in the order of the 楽楽コネクタ screens, to copy field by
//! field. Secrets appear only as their masked tail and the id of their keychain entry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::{Lang, Text};

use super::config::{ConnectorConfig, ReportSettings, SecretRef};
use super::schedule::{Every, Timing};
use super::CONNECTOR_IP_ADDRESSES;

/// A text in both languages, owned (section titles carry the setting's number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BiText {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl From<Text> for BiText {
    fn from(t: Text) -> Self {
        Self {
            ja: t.ja.to_string(),
            en: t.en.to_string(),
        }
    }
}

impl BiText {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// One line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetRow {
    /// The field's path in the configuration (`meisaiUrl`, `reports[0].folder` …).
    pub key: String,
    /// The 楽楽コネクタ screen section (「Step1.「楽楽明細」API接続設定」 …).
    pub section: BiText,
    /// The field's label on that screen.
    pub label: BiText,
    /// What to enter or choose, as the (Japanese) screen shows it. For a secret: its masked
    /// tail only; the value is copied through `credential_id`.
    pub value: String,
    /// Whether the value is a secret (copied from the keychain, cleared from the clipboard).
    pub secret: bool,
    /// The keychain entry of a secret.
    pub credential_id: Option<String>,
    /// What the manual says about an empty or special value.
    pub note: Option<BiText>,
}

const NOT_SET: &str = "（未入力）";
const NOT_CHOSEN: &str = "（未選択）";

fn text_value(v: &str) -> String {
    if v.trim().is_empty() {
        NOT_SET.to_string()
    } else {
        v.to_string()
    }
}

fn choice(v: Option<bool>, yes: &str, no: &str) -> String {
    match v {
        Some(true) => yes.to_string(),
        Some(false) => no.to_string(),
        None => NOT_CHOSEN.to_string(),
    }
}

struct Rows {
    rows: Vec<SheetRow>,
    section: BiText,
}

impl Rows {
    fn section(&mut self, section: impl Into<BiText>) {
        self.section = section.into();
    }

    fn add(&mut self, key: impl Into<String>, label: Text, value: String) -> &mut SheetRow {
        self.rows.push(SheetRow {
            key: key.into(),
            section: self.section.clone(),
            label: label.into(),
            value,
            secret: false,
            credential_id: None,
            note: None,
        });
        self.rows.last_mut().expect("just pushed")
    }

    fn secret(&mut self, key: &str, label: Text, secret: &Option<SecretRef>) {
        let row = self.add(
            key,
            label,
            secret
                .as_ref()
                .map(|s| s.masked.clone())
                .unwrap_or_else(|| NOT_SET.to_string()),
        );
        row.secret = true;
        row.credential_id = secret.as_ref().map(|s| s.credential_id.clone());
    }
}

/// The sheet of `config` (pass the validated, normalized configuration).
pub fn sheet_rows(config: &ConnectorConfig) -> Vec<SheetRow> {
    let mut r = Rows {
        rows: Vec::new(),
        section: Text::new("", "").into(),
    };
    r.section(Text::new(
        "Step1.「楽楽明細」API接続設定",
        "Step1.「楽楽明細」API接続設定 (楽楽明細 API connection)",
    ));
    r.add(
        "meisaiUrl",
        Text::new("「楽楽明細」URL", "「楽楽明細」URL (楽楽明細 URL)"),
        text_value(&config.meisai_url),
    );
    r.secret(
        "apiToken",
        Text::new("APIトークン", "APIトークン (API token)"),
        &config.api_token,
    );
    r.section(Text::new(
        "Step2.Qanat Universe Agent接続設定",
        "Step2.Qanat Universe Agent接続設定 (agent connection)",
    ));
    r.add(
        "agentId",
        Text::new("AgentID", "AgentID"),
        text_value(&config.agent_id),
    );
    r.secret(
        "agentKey",
        Text::new("AgentKey", "AgentKey"),
        &config.agent_key,
    );
    if config.ip_restriction {
        r.section(Text::new(
            "IPアドレス制限（「楽楽明細」に追加するIPアドレス）",
            "IP address restriction (addresses to add in 楽楽明細)",
        ));
        for (i, ip) in CONNECTOR_IP_ADDRESSES.iter().enumerate() {
            r.add(
                format!("ipAddresses[{i}]"),
                Text::new("追加するIPアドレス", "IP address to add"),
                ip.to_string(),
            )
            .note = Some(
                Text::new(
                    "※3つとも追加いただく必要があります。",
                    "All three must be added.",
                )
                .into(),
            );
        }
    }
    customer_rows(&mut r, config);
    for (i, report) in config.reports.iter().enumerate() {
        report_rows(&mut r, i, report, config.approval_flow_option);
    }
    r.rows
}

fn customer_rows(r: &mut Rows, config: &ConnectorConfig) {
    let c = &config.customer;
    r.section(Text::new(
        "Step3.顧客データ連携設定",
        "Step3.顧客データ連携設定 (customer data)",
    ));
    let row = r.add(
        "customer.importSettingId",
        Text::new("取込設定ID", "取込設定ID (import setting ID)"),
        text_value(&c.import_setting_id),
    );
    if c.import_setting_id.trim().is_empty() {
        row.note = Some(
            Text::new(
                "未入力の場合、取込設定IDの値が最も小さい取込フォーマット設定が適用されます。",
                "Left empty, the import format setting with the smallest ID is used.",
            )
            .into(),
        );
    }
    r.add(
        "customer.folder",
        Text::new("フォルダ名", "フォルダ名 (folder name)"),
        text_value(&c.folder),
    );
    r.add(
        "customer.fileName",
        Text::new("ファイル名", "ファイル名 (file name, prefix)"),
        text_value(&c.file_name),
    );
    r.add(
        "customer.overwriteInUse",
        Text::new(
            "利用中の上書き",
            "利用中の上書き (overwrite customers in use)",
        ),
        choice(c.overwrite_in_use, "上書きする", "上書きしない"),
    );
    r.add(
        "customer.overwriteWithBlank",
        Text::new("空白での上書き", "空白での上書き (overwrite with blanks)"),
        choice(c.overwrite_with_blank, "空白で上書きする", "もとの値を残す"),
    );
    r.add(
        "customer.readFirstRow",
        Text::new("ファイル1行目", "ファイル1行目 (first row of the file)"),
        choice(c.read_first_row, "読み込む", "読み込まない"),
    );
}

fn report_rows(r: &mut Rows, i: usize, report: &ReportSettings, flow_option: bool) {
    let n = i + 1;
    r.section(BiText {
        ja: format!("Step4.帳票データ連携設定{n}"),
        en: format!("Step4.帳票データ連携設定{n} (bill data {n})"),
    });
    let p = format!("reports[{i}]");
    r.add(
        format!("{p}.timing"),
        Text::new("連携タイミング", "連携タイミング (timing)"),
        report.timing.label().ja.to_string(),
    );
    if let Timing::Scheduled { every, hour } = report.timing {
        r.add(
            format!("{p}.timing.every"),
            Text::new("実行間隔", "実行間隔 (interval)"),
            every.label().ja.to_string(),
        );
        match every {
            Every::Daily => {}
            Every::Weekly { weekday } => {
                r.add(
                    format!("{p}.timing.every.weekday"),
                    Text::new("曜日", "Weekday"),
                    weekday.label().ja.to_string(),
                );
            }
            Every::Monthly { day } => {
                r.add(
                    format!("{p}.timing.every.day"),
                    Text::new("日", "Day"),
                    format!("{day}日"),
                );
            }
        }
        r.add(
            format!("{p}.timing.hour"),
            Text::new("時間", "時間 (hour)"),
            format!("{hour}時"),
        );
    }
    r.add(
        format!("{p}.reportName"),
        Text::new("帳票名", "帳票名 (bill name)"),
        text_value(&report.report_name),
    );
    r.add(
        format!("{p}.reportTypeId"),
        Text::new("帳票種別ID", "帳票種別ID (bill type ID)"),
        text_value(&report.report_type_id),
    );
    r.add(
        format!("{p}.folder"),
        Text::new("フォルダ名", "フォルダ名 (folder name)"),
        text_value(&report.folder),
    );
    r.add(
        format!("{p}.fileName"),
        Text::new("ファイル名", "ファイル名 (file name, prefix)"),
        text_value(&report.file_name),
    );
    r.add(
        format!("{p}.readFirstRow"),
        Text::new("ファイル1行目", "ファイル1行目 (first row of the file)"),
        choice(report.read_first_row, "読み込む", "読み込まない"),
    );
    r.add(
        format!("{p}.approve"),
        Text::new("承認フラグ", "承認フラグ (approval flag)"),
        choice(report.approve, "承認する", "承認しない"),
    );
    if flow_option {
        let row = r.add(
            format!("{p}.approvalFlowId"),
            Text::new("承認フローID", "承認フローID (approval flow ID)"),
            text_value(&report.approval_flow_id),
        );
        if report.approve == Some(true) {
            row.note = Some(super::rule::Rule::ApprovalSkipFlowOnly.message().into());
        }
    }
}

/// The sheet as plain text for printing: one block per screen, secrets masked.
pub fn render_sheet_text(title: &str, rows: &[SheetRow], lang: Lang) -> String {
    let mut out = format!("{title}\n");
    let mut section: Option<&BiText> = None;
    for row in rows {
        if section != Some(&row.section) {
            out.push_str(&format!("\n■ {}\n", row.section.get(lang)));
            section = Some(&row.section);
        }
        out.push_str(&format!("  {}: {}\n", row.label.get(lang), row.value));
        if let Some(note) = &row.note {
            out.push_str(&format!("    {}\n", note.get(lang)));
        }
    }
    out
}
