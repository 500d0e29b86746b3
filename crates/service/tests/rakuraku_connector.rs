//! 楽楽コネクタ use cases on a real SQLite file, the in-memory keychain and the real 楽楽明細
//! client talking to the fake: the configuration saved without secrets and edited later, the
//! secrets in the keychain, the connection test, the folder check on generated files, the
//! sheet and the JSON export.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use encoding_rs::SHIFT_JIS;
use kagiban_core::kind::CredentialKind;
use kagiban_core::rakuraku::csv::{FileProblem, FirstRowGuess, TextEncoding};
use kagiban_core::rakuraku::{
    ConnectionOutcome, ConnectorConfig, CustomerSettings, Every, ReportSettings, Rule, Severity,
    Timing,
};
use kagiban_core::verify::VerifyCode;
use kagiban_fakes::rakuraku::{FakeRakuraku, Scripted};
use kagiban_service::clients::rakuraku::{RakurakuClient, RakurakuConfig};
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::{MemoryKeychain, SecretStore};
use kagiban_service::store::Store;
use kagiban_service::views::{CandidateSource, Marketplace};
use kagiban_service::{Clients, Error, Service};

const ACCOUNT: &str = "xxxxxxx";
const TOKEN: &str = "a1B2c3D4e5F6g7H8j9K0m1N2p3Q4r5S6t7U8v9W0x1Y2z3A4b5C6d7E8f9G0h1J2";
const AGENT_KEY: &str = "qa-Agent-Key/9f8e7d6c5b4a==";

struct World {
    service: Service,
    keychain: Arc<MemoryKeychain>,
    fake: FakeRakuraku,
    dir: tempfile::TempDir,
    shop: String,
}

async fn world() -> World {
    let fake = FakeRakuraku::start().await;
    fake.add_account(ACCOUNT, TOKEN);
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let keychain = Arc::new(MemoryKeychain::default());
    let rakuraku = RakurakuClient::new(RakurakuConfig {
        origin_override: Some(fake.base_url()),
        timeout: Duration::from_millis(500),
        max_retries: 0,
        ..RakurakuConfig::default()
    })
    .unwrap();
    let store = Store::open(&dir.path().join("kagiban.sqlite3")).unwrap();
    let clients = Clients {
        rakuraku,
        ..Clients::from_env().unwrap()
    };
    let service = Service::new(store, keychain.clone(), clients, clock);
    let shop = service
        .add_shop("楽楽明細 本社", Marketplace::Rakuraku)
        .unwrap()
        .id;
    World {
        service,
        keychain,
        fake,
        dir,
        shop,
    }
}

fn config() -> ConnectorConfig {
    ConnectorConfig {
        meisai_url: "ｈｔｔｐｓ://rbsample.eco-serv.jp/xxxxxxx/backadmin/top".into(),
        agent_id: " AGENT-42 ".into(),
        ip_restriction: true,
        customer: CustomerSettings {
            import_setting_id: "".into(),
            folder: "clientmaster".into(),
            file_name: "customer".into(),
            overwrite_in_use: Some(false),
            overwrite_with_blank: Some(false),
            read_first_row: Some(false),
        },
        reports: vec![
            ReportSettings {
                timing: Timing::Scheduled {
                    every: Every::Monthly { day: 5 },
                    hour: 7,
                },
                report_name: "請求書".into(),
                report_type_id: "1".into(),
                folder: "billdata".into(),
                file_name: "bill".into(),
                read_first_row: Some(true),
                approve: Some(false),
                approval_flow_id: "".into(),
            },
            ReportSettings {
                timing: Timing::Manual,
                report_name: "納品書".into(),
                report_type_id: "2".into(),
                folder: "delivery".into(),
                file_name: "dn".into(),
                read_first_row: Some(false),
                approve: Some(true),
                approval_flow_id: "".into(),
            },
        ],
        ..ConnectorConfig::default()
    }
}

async fn configured() -> World {
    let w = world().await;
    w.service
        .save_rakuraku_connector(&w.shop, &config())
        .unwrap();
    w.service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuApiToken, TOKEN)
        .unwrap();
    w.service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuAgentKey, AGENT_KEY)
        .unwrap();
    w
}

/// The SQLite file and its WAL as text: whatever SQLite wrote is in them.
fn sqlite_bytes(path: &Path) -> String {
    let mut bytes = std::fs::read(path).unwrap();
    if let Ok(wal) = std::fs::read(path.with_extension("sqlite3-wal")) {
        bytes.extend(wal);
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(
        text.contains("AGENT-42"),
        "the configuration should be there"
    );
    text
}

#[tokio::test]
async fn the_configuration_is_saved_normalized_without_secrets_and_edited_later() {
    let w = configured().await;
    let view = w.service.rakuraku_connector(&w.shop).unwrap();
    assert!(view.complete, "{:?}", view.issues);
    assert_eq!(
        view.config.meisai_url,
        "https://rbsample.eco-serv.jp/xxxxxxx/"
    );
    assert_eq!(view.config.agent_id, "AGENT-42");
    let token = view.config.api_token.clone().unwrap();
    assert_eq!(token.masked, "••••h1J2");
    assert_eq!(
        w.keychain.get(&token.credential_id).unwrap().expose(),
        TOKEN
    );
    let key = view.config.agent_key.clone().unwrap();
    assert_eq!(
        w.keychain.get(&key.credential_id).unwrap().expose(),
        AGENT_KEY
    );
    // Without the approval-flow option, nothing is left to fix.
    assert!(view.issues.iter().all(|i| i.severity == Severity::Warning));

    // Edit later: a new approval-flow option and a second look.
    let mut edited = view.config.clone();
    edited.approval_flow_option = true;
    edited.reports[1].approval_flow_id = "３".into();
    let view = w.service.save_rakuraku_connector(&w.shop, &edited).unwrap();
    assert_eq!(view.config.reports[1].approval_flow_id, "3");
    let codes: Vec<(String, Rule)> = view
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.code))
        .collect();
    assert!(codes.contains(&(
        "reports[1].approvalFlowId".into(),
        Rule::ApprovalSkipFlowOnly
    )));
    let reloaded = w.service.rakuraku_connector(&w.shop).unwrap();
    assert_eq!(reloaded.config, view.config);

    let db = sqlite_bytes(&w.dir.path().join("kagiban.sqlite3"));
    for secret in [TOKEN, &TOKEN[..20], AGENT_KEY, "9f8e7d6c5b4a"] {
        assert!(!db.contains(secret), "a secret reached SQLite");
    }
}

#[tokio::test]
async fn secrets_follow_the_rakuraku_rules_on_both_paths() {
    let w = world().await;
    // An unusual token shape is accepted with a warning.
    let (_, warnings) = w
        .service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuApiToken, &TOKEN[..40])
        .unwrap();
    assert_eq!(warnings[0].code, "unusual_token_format");
    // Japanese text cannot be a token.
    let err = w
        .service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuApiToken, "トークン")
        .unwrap_err();
    assert_eq!(err.code(), "invalid_format");
    assert!(err.message(kagiban_core::Lang::Ja).contains("APIトークン"));
    // The clipboard path: 64 lowercase hex is a 楽楽明細 token here, not an LWA secret.
    let hex = "0123456789abcdef".repeat(4);
    let candidate = w
        .service
        .candidate_from_text(
            CredentialKind::RakurakuApiToken,
            &w.shop,
            &format!(" {hex}\n"),
            CandidateSource::Clipboard,
        )
        .unwrap();
    assert_eq!(candidate.kind, CredentialKind::RakurakuApiToken);
    assert!(candidate.warnings.is_empty());
    let stored = w
        .service
        .accept_candidate(&candidate.token, &w.shop, &Default::default())
        .unwrap();
    assert_eq!(stored.expires_at, None, "a 楽楽明細 token does not expire");
    let view = w.service.rakuraku_connector(&w.shop).unwrap();
    assert_eq!(view.config.api_token.unwrap().credential_id, stored.id);
    // An empty AgentKey is refused.
    let err = w
        .service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuAgentKey, "\u{3000}")
        .unwrap_err();
    assert_eq!(err.code(), "invalid_format");
    // Another marketplace's shop is not a 楽楽明細 shop.
    let rakuten = w.service.add_shop("楽天", Marketplace::Rakuten).unwrap();
    assert!(matches!(
        w.service.rakuraku_connector(&rakuten.id),
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn the_connection_test_tells_every_outcome_apart_and_records_it() {
    let w = configured().await;
    let report = w.service.test_rakuraku_connection(&w.shop).await.unwrap();
    assert!(report.ok);
    assert_eq!(report.outcome, ConnectionOutcome::Ok);
    assert_eq!(report.url, "https://rbsample.eco-serv.jp/xxxxxxx/");
    assert!(report.message.contains("接続できました"));
    let sent = w.fake.requests();
    assert_eq!(sent[0].path, "/xxxxxxx/api/v1/customers/");
    assert_eq!(
        sent[0].query.as_deref(),
        Some("keyword=kagiban-connection-test")
    );
    assert_eq!(sent[0].api_token.as_deref(), Some(TOKEN));

    let cases = [
        (Scripted::Refuse(401), ConnectionOutcome::TokenRefused),
        (Scripted::Maintenance, ConnectionOutcome::Maintenance),
        (Scripted::NotFound, ConnectionOutcome::UrlWrong),
        (
            Scripted::Hang(Duration::from_millis(1500)),
            ConnectionOutcome::Timeout,
        ),
        (
            Scripted::TooManyRequests {
                retry_after_secs: None,
            },
            ConnectionOutcome::RateLimited,
        ),
    ];
    for (script, outcome) in cases {
        w.fake.script(script);
        let report = w.service.test_rakuraku_connection(&w.shop).await.unwrap();
        assert_eq!(report.outcome, outcome);
        assert!(!report.ok);
        assert_eq!(report.message, outcome.message().ja);
    }
    // The last result is on the token, for the dashboard.
    let token_id = w
        .service
        .rakuraku_connector(&w.shop)
        .unwrap()
        .config
        .api_token
        .unwrap()
        .credential_id;
    let view = w.service.credential_view(&token_id).unwrap();
    let last = view.last_verification.unwrap();
    assert_eq!(last.code, VerifyCode::RateLimited);
    assert!(last.message.contains("楽楽明細"), "{}", last.message);

    // verify() of the token runs the same test.
    let report = w.service.verify(&token_id).await.unwrap();
    assert!(report.ok, "{report:?}");
    w.fake.script(Scripted::Maintenance);
    let report = w.service.verify(&token_id).await.unwrap();
    assert_eq!(report.code, VerifyCode::ServiceUnavailable);
    assert!(
        report.message.contains("メンテナンス"),
        "{}",
        report.message
    );
}

#[tokio::test]
async fn a_test_without_a_token_or_with_a_bad_url_says_what_is_missing() {
    let w = world().await;
    w.service
        .save_rakuraku_connector(&w.shop, &config())
        .unwrap();
    let err = w
        .service
        .test_rakuraku_connection(&w.shop)
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        Error::MissingCredential {
            kind: CredentialKind::RakurakuApiToken
        }
    ));
    w.service
        .store_rakuraku_secret(&w.shop, CredentialKind::RakurakuApiToken, TOKEN)
        .unwrap();
    let mut bad = config();
    bad.meisai_url = "http://rbsample.eco-serv.jp/xxxxxxx/".into();
    let view = w.service.save_rakuraku_connector(&w.shop, &bad).unwrap();
    assert_eq!(view.issues[0].code, Rule::UrlNotHttps);
    assert!(!view.complete);
    let err = w
        .service
        .test_rakuraku_connection(&w.shop)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "url_not_https");
    assert!(
        w.fake.requests().is_empty(),
        "nothing is sent for a bad URL"
    );
}

fn cp932(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[tokio::test]
async fn the_folder_check_reads_each_folder_and_recommends_the_first_row_setting() {
    let w = configured().await;
    let base = w.dir.path().join("userdata");
    let clientmaster = base.join("clientmaster");
    let billdata = base.join("billdata");
    std::fs::create_dir_all(&clientmaster).unwrap();
    std::fs::create_dir_all(&billdata).unwrap();
    // Step 3: a CP932 file with a header row (setting: 読み込まない — agrees).
    std::fs::write(
        clientmaster.join("customer_202611.csv"),
        cp932(
            "顧客コード,顧客名,メールアドレス\r\nC0001,株式会社ラクス商事,info@example.co.jp\r\n",
        ),
    )
    .unwrap();
    // Not picked up: another prefix, and one that differs only in case.
    std::fs::write(clientmaster.join("old_customer.csv"), b"x").unwrap();
    std::fs::write(clientmaster.join("Customer_x.csv"), b"x").unwrap();
    std::fs::create_dir(clientmaster.join("customer_dir")).unwrap();
    // Step 4-1: UTF-8 with BOM, data from the first row (setting: 読み込む — agrees); UTF-8
    // without BOM with a header (disagrees); a mixed file; an empty file.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend("1001,2026/11/30,C0001,12100\n1002,2026/11/30,C0002,5500\n".as_bytes());
    std::fs::write(billdata.join("bill_01.csv"), bom).unwrap();
    std::fs::write(
        billdata.join("bill_02.csv"),
        "請求番号,請求日,顧客コード,金額\n1003,2026/11/30,C0003,800\n",
    )
    .unwrap();
    let mut mixed = "請求番号,金額\n".as_bytes().to_vec();
    mixed.extend(cp932("1004,佐藤\n"));
    std::fs::write(billdata.join("bill_03.csv"), mixed).unwrap();
    std::fs::write(billdata.join("bill_04.csv"), b"").unwrap();
    // Step 4-2's folder (delivery) does not exist.

    let report = w
        .service
        .check_rakuraku_folders(&w.shop, Some(&base))
        .unwrap();
    assert!(report.base_exists);
    let keys: Vec<&str> = report.folders.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["customer", "reports[0]", "reports[1]"]);

    let customer = &report.folders[0];
    assert!(customer.exists);
    assert_eq!(customer.files.len(), 1);
    assert_eq!(customer.case_only_matches, ["Customer_x.csv"]);
    let file = &customer.files[0];
    assert_eq!(file.name, "customer_202611.csv");
    assert_eq!(file.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(file.rows[0], ["顧客コード", "顧客名", "メールアドレス"]);
    assert_eq!(file.first_row, FirstRowGuess::Header);
    assert_eq!(file.recommend_read_first_row, Some(false));
    assert_eq!(file.setting_agrees, Some(true));

    let bills = &report.folders[1];
    let names: Vec<&str> = bills.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["bill_01.csv", "bill_02.csv", "bill_03.csv", "bill_04.csv"]
    );
    assert_eq!(bills.files[0].encoding, Some(TextEncoding::Utf8Bom));
    assert_eq!(bills.files[0].first_row, FirstRowGuess::Data);
    assert_eq!(bills.files[0].setting_agrees, Some(true));
    assert_eq!(bills.files[1].encoding, Some(TextEncoding::Utf8));
    assert_eq!(bills.files[1].recommend_read_first_row, Some(false));
    assert_eq!(bills.files[1].setting_agrees, Some(false));
    assert!(bills.files[1].message.contains("読み込まない"));
    assert!(bills.files[1].message.contains("違います"));
    assert_eq!(bills.files[2].problem, Some(FileProblem::Mixed));
    assert!(bills.files[2].message.contains("混ざって"));
    assert_eq!(bills.files[3].problem, Some(FileProblem::Empty));

    let delivery = &report.folders[2];
    assert!(!delivery.exists);
    assert!(delivery.message.as_deref().unwrap().contains("delivery"));

    // The folder chosen is remembered.
    let again = w.service.check_rakuraku_folders(&w.shop, None).unwrap();
    assert_eq!(again.base, base.display().to_string());
    // A folder that does not exist is said so for every setting.
    let missing = w
        .service
        .check_rakuraku_folders(&w.shop, Some(&w.dir.path().join("nowhere")))
        .unwrap();
    assert!(!missing.base_exists);
    assert!(missing
        .folders
        .iter()
        .all(|f| f.message.is_some() && !f.exists));
}

#[tokio::test]
async fn the_sheet_prints_and_the_export_has_no_secret() {
    let w = configured().await;
    let text = w.service.rakuraku_sheet_text(&w.shop).unwrap();
    assert!(text.starts_with("楽楽コネクタ 設定シート（楽楽明細 本社）"));
    assert!(text.contains("「楽楽明細」URL: https://rbsample.eco-serv.jp/xxxxxxx/"));
    assert!(text.contains("APIトークン: ••••h1J2"));
    assert!(text.contains("54.65.148.180"));
    assert!(text.contains("Step4.帳票データ連携設定2"));
    assert!(!text.contains(TOKEN) && !text.contains(AGENT_KEY));

    let json = w.service.export_rakuraku_json(&w.shop).unwrap();
    for leak in [TOKEN, AGENT_KEY, "••••"] {
        assert!(!json.contains(leak));
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["meisaiUrl"], "https://rbsample.eco-serv.jp/xxxxxxx/");
    assert_eq!(value["agentKeyStored"], true);
    assert_eq!(value["reports"][0]["timing"]["every"]["day"], 5);

    // The sheet's secret rows point at the keychain entries the copy button reads.
    let view = w.service.rakuraku_connector(&w.shop).unwrap();
    let token_row = view.sheet.iter().find(|r| r.key == "apiToken").unwrap();
    let id = token_row.credential_id.as_deref().unwrap();
    assert_eq!(w.service.reveal_credential(id).unwrap().expose(), TOKEN);
}
