//! The `kagiban` binary as a support person or a script would use it.
//!
//! The tests that store keys use the real OS keychain; they run inside the Secret Service
//! session that `cargo xtask test` starts (`--include-ignored`).

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use kagiban_fakes::rms::FakeRms;
use serde_json::Value;

const SP: &str = "SP404839_k7Qm2Xw9Rt4Zp8Ld";
const SL: &str = "SL404839_Hn3Vb6Yc1Jd5Ks2W";

fn kagiban(data_dir: &std::path::Path, rms: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kagiban"))
        .args(args)
        .env("KAGIBAN_DATA_DIR", data_dir)
        .env("KAGIBAN_RAKUTEN_API_BASE", rms)
        .env_remove("KAGIBAN_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kagiban starts");
    // A command that refuses its arguments ends without reading its input: a closed pipe
    // then is what the user's shell would see too, not a failure of the test.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing the input: {e}"
        );
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn recognize_lists_every_key_in_a_pasted_mail_masked() {
    let dir = tempfile::tempdir().unwrap();
    let mail = format!(
        "楽天の設定です。\nserviceSecret: {SP}\nlicenseKey：「{SL}」\nAmazon: amzn1.application-oa2-client.0123456789abcdef0123456789abcdef\n"
    );
    let out = kagiban(
        dir.path(),
        "http://127.0.0.1:9",
        &["recognize", "--json"],
        &mail,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let found: Value = serde_json::from_str(&stdout).unwrap();
    let kinds: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "rakuten_service_secret",
            "rakuten_license_key",
            "lwa_client_id"
        ]
    );
    assert_eq!(found[1]["masked"], "••••Ks2W");
    assert!(!stdout.contains(SP) && !stdout.contains(SL));
}

#[test]
fn unknown_commands_explain_themselves_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = kagiban(dir.path(), "http://127.0.0.1:9", &["rotate"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("不明なコマンド") && err.contains("Unknown command"));
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn add_then_verify_then_status_against_rms() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = runtime.block_on(FakeRms::start());
    fake.add_key(SP, SL, "2027-02-28T23:59:59", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let rms = fake.base_url();

    let out = kagiban(
        dir.path(),
        &rms,
        &["add", "rakuten", "--shop", "楽天市場1号店"],
        &format!("{SP}\n{SL}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = text(&out.stdout).trim().to_string();
    assert_eq!(id.len(), 36, "prints the new credential's id");

    let out = kagiban(dir.path(), &rms, &["verify", &id, "--json"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["id"], id.as_str());
    assert_eq!(report[0]["ok"], true);
    assert_eq!(report[0]["code"], "ok");
    assert_eq!(report[0]["expires_at"], "2027-02-28T23:59:59+09:00");

    let out = kagiban(dir.path(), &rms, &["status", "--json"], "");
    let stdout = text(&out.stdout);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let key = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap();
    assert_eq!(key["shop"], "楽天市場1号店");
    assert_eq!(key["kind"], "rakuten_license_key");
    assert_eq!(key["expiry_source"], "api");
    assert_eq!(key["last_verification"]["code"], "ok");
    assert!(key["days_left"].as_i64().is_some());
    assert!(!stdout.contains(SL) && !stdout.contains(SP));
}

#[test]
fn ics_with_nothing_stored_is_an_empty_but_valid_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let out = kagiban(dir.path(), "http://127.0.0.1:9", &["ics"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ics = text(&out.stdout);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    assert!(!ics.contains("BEGIN:VEVENT"));
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn ics_exports_the_verified_expiry_with_a_stable_uid() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = runtime.block_on(FakeRms::start());
    fake.add_key(SP, SL, "2027-02-28T23:59:59", Duration::ZERO);
    let dir = tempfile::tempdir().unwrap();
    let rms = fake.base_url();
    let out = kagiban(
        dir.path(),
        &rms,
        &["add", "rakuten", "--shop", "楽天市場1号店"],
        &format!("{SP}\n{SL}\n"),
    );
    let id = text(&out.stdout).trim().to_string();
    assert!(kagiban(dir.path(), &rms, &["verify", &id], "")
        .status
        .success());
    let first = text(&kagiban(dir.path(), &rms, &["ics"], "").stdout);
    assert!(first.contains("DTSTART;VALUE=DATE:20270228"), "{first}");
    assert!(first.contains(&format!("UID:{id}-20270228@kagiban")));
    assert!(first.contains("BEGIN:VALARM"));
    assert!(!first.contains(SL) && !first.contains(SP));
    let second = text(&kagiban(dir.path(), &rms, &["ics"], "").stdout);
    let uids = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        uids(&first),
        uids(&second),
        "re-importing updates instead of duplicating"
    );
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn verify_exits_1_with_a_stable_code_when_rms_refuses_the_key() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = runtime.block_on(FakeRms::start());
    let dir = tempfile::tempdir().unwrap();
    let rms = fake.base_url();
    let out = kagiban(
        dir.path(),
        &rms,
        &["add", "rakuten", "--shop", "楽天市場2号店"],
        &format!("{SP}\n{SL}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    // The key was just issued: RMS's 401 means "not active yet", not "wrong key".
    let out = kagiban(dir.path(), &rms, &["verify", "--all", "--json"], "");
    assert_eq!(out.status.code(), Some(1));
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.iter().all(|c| *c == "not_yet_active"), "{codes:?}");
    assert!(reports[0]["message"].as_str().unwrap().contains("10"));
}

#[test]
fn add_rejects_a_malformed_key_with_a_japanese_sentence_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = kagiban(
        dir.path(),
        "http://127.0.0.1:9",
        &["add", "rakuten", "--shop", "楽天市場1号店"],
        &format!("{SP}\nSL404839_\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("licenseKey"), "{err}");
    assert!(!err.contains(SP));
    let out = kagiban(dir.path(), "http://127.0.0.1:9", &["status", "--json"], "");
    assert_eq!(text(&out.stdout).trim(), "[]");
}
