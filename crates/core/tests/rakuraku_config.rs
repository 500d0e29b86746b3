//! The whole 楽楽コネクタ configuration: every problem with its field path, the normalized
//! values, the settings sheet in the order of the screens, the JSON export without secrets.

use kagiban_core::rakuraku::{
    export, render_sheet_text, sheet_rows, validate, ConnectorConfig, CustomerSettings, Every,
    ReportSettings, Rule, SecretRef, Timing, Weekday, EXPORT_FORMAT,
};
use kagiban_core::Lang;

fn secret(id: &str, masked: &str) -> Option<SecretRef> {
    Some(SecretRef {
        credential_id: id.into(),
        masked: masked.into(),
    })
}

fn complete() -> ConnectorConfig {
    ConnectorConfig {
        meisai_url: "https://rbsample.eco-serv.jp/xxxxxxx/backadmin".into(),
        api_token: secret("cred-token", "••••G0h1"),
        agent_id: " AGENT-42 ".into(),
        agent_key: secret("cred-key", "••••9zZz"),
        ip_restriction: true,
        approval_flow_option: true,
        agent_folder: None,
        customer: CustomerSettings {
            import_setting_id: "".into(),
            folder: "clientmaster".into(),
            file_name: "customer_".into(),
            overwrite_in_use: Some(false),
            overwrite_with_blank: Some(false),
            read_first_row: Some(false),
        },
        reports: vec![
            ReportSettings {
                timing: Timing::Scheduled {
                    every: Every::Weekly {
                        weekday: Weekday::Mon,
                    },
                    hour: 6,
                },
                report_name: "請求書".into(),
                report_type_id: "１".into(),
                folder: "billdata".into(),
                file_name: "bill_".into(),
                read_first_row: Some(false),
                approve: Some(false),
                approval_flow_id: "2".into(),
            },
            ReportSettings {
                timing: Timing::Manual,
                report_name: "納品書".into(),
                report_type_id: "3".into(),
                folder: "delivery".into(),
                file_name: "dn".into(),
                read_first_row: Some(true),
                approve: Some(true),
                approval_flow_id: "".into(),
            },
        ],
    }
}

fn issues(config: &ConnectorConfig) -> Vec<(String, Rule)> {
    validate(config)
        .issues
        .into_iter()
        .map(|i| (i.path, i.rule))
        .collect()
}

#[test]
fn a_complete_configuration_is_normalized_with_only_the_notes() {
    let v = validate(&complete());
    assert!(v.is_complete(), "{:?}", v.issues);
    assert_eq!(
        issues(&complete()),
        [
            (
                "reports[0].reportTypeId".to_string(),
                Rule::FullWidthNormalized
            ),
            (
                "reports[1].approvalFlowId".to_string(),
                Rule::ApprovalSkipFlowOnly
            ),
        ]
    );
    assert_eq!(v.config.meisai_url, "https://rbsample.eco-serv.jp/xxxxxxx/");
    assert_eq!(v.config.agent_id, "AGENT-42");
    assert_eq!(v.config.reports[0].report_type_id, "1");
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut c = complete();
    c.meisai_url = "http://rbsample.eco-serv.jp/x/".into();
    c.api_token = None;
    c.agent_id = "\u{3000}".into();
    c.agent_key = None;
    c.approval_flow_option = false;
    c.customer.import_setting_id = "abc".into();
    c.customer.folder = r"C:\_qanatuniverse\_qua\userdata\clientmaster".into();
    c.customer.file_name = "*.csv".into();
    c.customer.overwrite_with_blank = None;
    c.reports[0].timing = Timing::Scheduled {
        every: Every::Monthly { day: 31 },
        hour: 24,
    };
    c.reports[0].report_name = " ".into();
    c.reports[0].report_type_id = "".into();
    c.reports[0].folder = "bill/data".into();
    c.reports[0].read_first_row = None;
    c.reports[0].approve = None;
    c.reports[0].approval_flow_id = "2".into();
    c.reports[1].folder = "".into();
    let want: Vec<(String, Rule)> = [
        ("meisaiUrl", Rule::UrlNotHttps),
        ("apiToken", Rule::ApiTokenMissing),
        ("agentId", Rule::AgentIdMissing),
        ("agentKey", Rule::AgentKeyMissing),
        ("customer.importSettingId", Rule::ImportSettingIdNotNumber),
        ("customer.folder", Rule::FolderHasDrive),
        ("customer.fileName", Rule::FileNameWildcard),
        ("customer.overwriteWithBlank", Rule::ChoiceMissing),
        ("reports[0].timing.hour", Rule::HourOutOfRange),
        ("reports[0].timing.every.day", Rule::DayMissingInSomeMonths),
        ("reports[0].reportName", Rule::ReportNameMissing),
        ("reports[0].reportTypeId", Rule::ReportTypeIdMissing),
        ("reports[0].folder", Rule::FolderHasSeparator),
        ("reports[0].readFirstRow", Rule::ChoiceMissing),
        ("reports[0].approve", Rule::ChoiceMissing),
        (
            "reports[0].approvalFlowId",
            Rule::ApprovalFlowIdWithoutOption,
        ),
        ("reports[1].folder", Rule::FolderMissing),
    ]
    .into_iter()
    .map(|(p, r)| (p.to_string(), r))
    .collect();
    assert_eq!(issues(&c), want);
    assert!(!validate(&c).is_complete());
}

#[test]
fn a_setting_that_does_not_link_needs_no_values_but_filled_ones_are_checked() {
    let mut c = complete();
    c.reports[1] = ReportSettings {
        timing: Timing::NotLinked,
        ..ReportSettings::default()
    };
    assert!(validate(&c).is_complete(), "{:?}", issues(&c));
    c.reports[1].folder = "a|b".into();
    c.reports[1].approval_flow_id = "x".into();
    let found = issues(&c);
    assert!(found.contains(&("reports[1].folder".into(), Rule::FolderForbiddenChar)));
    assert!(found.contains(&(
        "reports[1].approvalFlowId".into(),
        Rule::ApprovalFlowIdNotNumber
    )));
}

#[test]
fn step3_left_empty_is_a_note_and_step4_needs_one_setting() {
    let mut c = complete();
    c.customer = CustomerSettings::default();
    c.reports.clear();
    let found = issues(&c);
    assert!(found.contains(&("customer".into(), Rule::CustomerNotConfigured)));
    assert!(found.contains(&("reports".into(), Rule::NoReportSettings)));
    c.customer.folder = "clientmaster".into();
    let found = issues(&c);
    assert!(found.contains(&("customer.fileName".into(), Rule::FileNameMissing)));
    assert!(found.contains(&("customer.readFirstRow".into(), Rule::ChoiceMissing)));
}

#[test]
fn settings_reading_the_same_files_are_flagged() {
    let mut c = complete();
    c.reports[1].folder = "BillData".into();
    c.reports[1].file_name = "bill_2026".into();
    assert!(issues(&c).contains(&("reports[1].fileName".into(), Rule::FilesOverlap)));
    c.reports[1].file_name = "receipt".into();
    assert!(!issues(&c).iter().any(|(_, r)| *r == Rule::FilesOverlap));
}

#[test]
fn the_sheet_follows_the_screens_and_never_holds_a_secret() {
    let v = validate(&complete());
    let rows = sheet_rows(&v.config);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "meisaiUrl",
            "apiToken",
            "agentId",
            "agentKey",
            "ipAddresses[0]",
            "ipAddresses[1]",
            "ipAddresses[2]",
            "customer.importSettingId",
            "customer.folder",
            "customer.fileName",
            "customer.overwriteInUse",
            "customer.overwriteWithBlank",
            "customer.readFirstRow",
            "reports[0].timing",
            "reports[0].timing.every",
            "reports[0].timing.every.weekday",
            "reports[0].timing.hour",
            "reports[0].reportName",
            "reports[0].reportTypeId",
            "reports[0].folder",
            "reports[0].fileName",
            "reports[0].readFirstRow",
            "reports[0].approve",
            "reports[0].approvalFlowId",
            "reports[1].timing",
            "reports[1].reportName",
            "reports[1].reportTypeId",
            "reports[1].folder",
            "reports[1].fileName",
            "reports[1].readFirstRow",
            "reports[1].approve",
            "reports[1].approvalFlowId",
        ]
    );
    let row = |k: &str| rows.iter().find(|r| r.key == k).unwrap();
    assert_eq!(
        row("meisaiUrl").value,
        "https://rbsample.eco-serv.jp/xxxxxxx/"
    );
    assert_eq!(row("meisaiUrl").section.ja, "Step1.「楽楽明細」API接続設定");
    let token = row("apiToken");
    assert!(token.secret);
    assert_eq!(token.value, "••••G0h1");
    assert_eq!(token.credential_id.as_deref(), Some("cred-token"));
    assert!(row("agentKey").secret && !row("agentId").secret);
    assert_eq!(row("ipAddresses[2]").value, "52.68.168.58");
    assert!(row("customer.importSettingId")
        .note
        .as_ref()
        .unwrap()
        .ja
        .contains("最も小さい"));
    assert_eq!(row("customer.overwriteWithBlank").value, "もとの値を残す");
    assert_eq!(row("customer.readFirstRow").value, "読み込まない");
    assert_eq!(row("reports[0].timing").value, "スケジュール実行");
    assert_eq!(row("reports[0].timing.every").value, "毎週");
    assert_eq!(row("reports[0].timing.every.weekday").value, "月曜日");
    assert_eq!(row("reports[0].timing.hour").value, "6時");
    assert_eq!(row("reports[0].reportTypeId").value, "1");
    assert_eq!(
        row("reports[1].timing").section.ja,
        "Step4.帳票データ連携設定2"
    );
    assert_eq!(row("reports[1].approve").value, "承認する");
    assert!(row("reports[1].approvalFlowId").note.is_some());

    let text = render_sheet_text("楽楽コネクタ 設定シート", &rows, Lang::Ja);
    assert!(text.contains("■ Step3.顧客データ連携設定"));
    assert!(text.contains("  APIトークン: ••••G0h1"));

    // Without the options, their rows are not on the sheet.
    let mut c = v.config.clone();
    c.ip_restriction = false;
    c.approval_flow_option = false;
    let rows = sheet_rows(&c);
    assert!(!rows.iter().any(|r| r.key.starts_with("ipAddresses")));
    assert!(!rows.iter().any(|r| r.key.ends_with("approvalFlowId")));
}

#[test]
fn the_export_has_no_secret_and_round_trips() {
    let v = validate(&complete());
    let doc = export(&v.config);
    let json = serde_json::to_string_pretty(&doc).unwrap();
    for leak in ["cred-token", "cred-key", "G0h1", "9zZz", "••••"] {
        assert!(!json.contains(leak), "{leak} in {json}");
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], EXPORT_FORMAT);
    assert_eq!(value["version"], 1);
    assert_eq!(value["apiTokenStored"], true);
    assert_eq!(value["reports"][0]["timing"]["every"]["weekday"], "mon");
    assert_eq!(
        serde_json::from_str::<kagiban_core::rakuraku::ConnectorExport>(&json).unwrap(),
        doc
    );
}

#[test]
fn a_saved_configuration_round_trips_and_missing_fields_default() {
    let c = complete();
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<ConnectorConfig>(&json).unwrap(), c);
    let partial: ConnectorConfig =
        serde_json::from_str(r#"{"meisaiUrl":"https://a.eco-serv.jp/x/","reports":[{}]}"#).unwrap();
    assert_eq!(partial.reports[0].timing, Timing::Manual);
    assert_eq!(partial.agent_id, "");
}
