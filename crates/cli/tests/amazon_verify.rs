//! `kagiban add amazon-sp` then `verify`, with the real binary against the fake LWA + SP-API
//! on loopback: ok, revoked authorization, rotated client secret, marketplace missing, 403,
//! 429, and the `--json` shapes.
//!
//! They store keys in the real OS keychain, so they run inside the Secret Service session
//! that `cargo xtask test` starts (`--include-ignored`).

mod common;

use common::*;
use kagiban_fakes::amazon::{
    Marketplace, Scripted, SellerAuthorization, ACCESS_DENIED_BODY, PARTICIPATIONS_PATH,
};
use serde_json::Value;

// --- add amazon-sp and verify through the OS keychain ---------------------------------------

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn add_amazon_sp_then_verify_ok_and_status() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    let cli = Cli::new(&fake);

    let out = cli.run(
        &[
            "add",
            "amazon-sp",
            "--shop",
            SHOP,
            "--authorized-on",
            "2025-01-10",
            "--secret-issued-on",
            "2025-01-05",
        ],
        &four_lines(CLIENT_SECRET),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_no_secret(&stdout);
    let id = stdout.lines().next().unwrap().to_string();
    assert!(stdout.contains("SP-API の認可を登録しました"), "{stdout}");
    assert!(
        stdout.contains("••••mnop") && stdout.contains("••••eeff"),
        "{stdout}"
    );
    assert!(
        stdout.contains(SELLER_ID) && stdout.contains(JAPAN),
        "{stdout}"
    );
    // 365 days from the authorization day, 180 from the secret's.
    assert!(
        stdout.contains("認可の有効期限: 2026/01/09（認可した日から 365 日"),
        "{stdout}"
    );
    assert!(
        stdout.contains("クライアントシークレットの更新期限: 2025/07/03（180 日ごと"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("kagiban verify {id}")));

    // Nothing was checked yet: the add made no request.
    assert!(fake.requests().is_empty());

    let out = cli.run(&["verify", &id], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("OK  {id}  ok  2026-01-09")),
        "{stdout}"
    );
    assert!(stdout.contains("SP-API の認可は有効です"), "{stdout}");
    assert_no_secret(&stdout);

    // The Amazon shop is checked once, through its authorization.
    let (code, lines) = cli.verify_json(&["--all"]);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["id"], id.as_str());
    assert_eq!(lines[0]["code"], "ok");

    // Any of the shop's credentials can be named: the client secret is checked with it.
    let rows = cli.status();
    let amazon: Vec<&Value> = rows.iter().filter(|r| r["shop"] == SHOP).collect();
    let mut kinds: Vec<&str> = amazon.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "amazon_marketplace_id",
            "amazon_seller_id",
            "lwa_client_id",
            "lwa_client_secret",
            "lwa_refresh_token"
        ]
    );
    let secret = amazon
        .iter()
        .find(|r| r["kind"] == "lwa_client_secret")
        .unwrap();
    assert_eq!(secret["expires_on"], "2025/07/03");
    assert_eq!(secret["state"], "active");
    assert_eq!(secret["last_verification"]["code"], "ok");
    let secret_id = secret["id"].as_str().unwrap();
    let (code, lines) = cli.verify_json(&[secret_id]);
    assert_eq!(code, Some(0));
    assert_eq!(lines[0]["id"], secret_id);
    assert_eq!(lines[0]["code"], "ok");
    let authorization = row(&rows, &id);
    assert_eq!(authorization["expires_on"], "2026/01/09");
    assert_eq!(authorization["expiry_source"], "user");
    assert_eq!(authorization["masked"], "••••mnop");

    // The secrets are in the keychain, not in SQLite.
    for file in cli.db_files() {
        let bytes = std::fs::read(file).unwrap();
        for secret in [CLIENT_SECRET, REFRESH_TOKEN] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()));
        }
    }
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn add_and_verify_json_shapes() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    let cli = Cli::new(&fake);
    let out = cli.run(
        &["add", "amazon-sp", "--shop", SHOP, "--json"],
        &four_lines(CLIENT_SECRET),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_no_secret(&stdout);
    let added: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        keys(&added),
        ["authorization", "client_secret", "credentials", "warnings"]
    );
    assert_eq!(added["authorization"]["kind"], "lwa_refresh_token");
    assert_eq!(added["authorization"]["state"], "pending");
    assert_eq!(added["authorization"]["expiry_source"], "rule");
    assert_eq!(added["authorization"]["days_left"], 364);
    assert_eq!(added["client_secret"]["kind"], "lwa_client_secret");
    assert_eq!(added["client_secret"]["days_left"], 179);
    assert_eq!(added["credentials"].as_array().unwrap().len(), 5);
    assert!(added["warnings"].is_array());
    let id = added["authorization"]["id"].as_str().unwrap();

    let (code, lines) = cli.verify_json(&[id]);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 1);
    assert_eq!(
        keys(&lines[0]),
        ["code", "expires_at", "id", "message", "ok", "retrying"]
    );
    assert_eq!(lines[0]["id"], id);
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[0]["code"], "ok");
    assert_eq!(lines[0]["retrying"], false);
    assert!(lines[0]["expires_at"]
        .as_str()
        .unwrap()
        .ends_with("T23:59:59+09:00"));
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn a_revoked_authorization_says_invalid_grant_and_to_re_authorize() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    let cli = Cli::new(&fake);
    let id = cli.add(CLIENT_SECRET, &[]);
    assert_eq!(cli.verify_json(&[&id]).0, Some(0));

    fake.revoke_refresh_token(REFRESH_TOKEN);
    let out = cli.run(&["verify", &id], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("NG  {id}  invalid_grant")),
        "{stdout}"
    );
    assert!(
        stdout.contains("アプリを管理") && stdout.contains("再認可"),
        "{stdout}"
    );
    assert_no_secret(&stdout);

    let (code, lines) = cli.verify_json(&["--all"]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["code"], "invalid_grant");
    assert_eq!(lines[0]["ok"], false);

    let out = cli.run_in(Some("en"), &["verify", &id, "--json"], "");
    let lines: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(lines[0]["message"]
        .as_str()
        .unwrap()
        .contains("Re-authorize the app"));
    let rows = cli.status();
    assert_eq!(
        row(&rows, &id)["last_verification"]["code"],
        "invalid_grant"
    );
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn a_rotated_client_secret_says_invalid_client_until_the_new_one_is_added() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    let cli = Cli::new(&fake);
    let id = cli.add(CLIENT_SECRET, &[]);
    assert_eq!(cli.verify_json(&[&id]).0, Some(0));

    fake.add_app(CLIENT_ID, ROTATED_SECRET);
    let (code, lines) = cli.verify_json(&[&id]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["code"], "invalid_client");
    assert!(lines[0]["message"]
        .as_str()
        .unwrap()
        .contains("クライアントシークレット"));

    // Adding the authorization again with the new secret reuses the shop; once it verifies,
    // the old values are superseded.
    let new_id = cli.add(ROTATED_SECRET, &[]);
    assert_ne!(new_id, id);
    let (code, lines) = cli.verify_json(&["--all"]);
    assert_eq!(code, Some(0), "{lines:?}");
    assert!(lines.iter().all(|l| l["code"] == "ok"), "{lines:?}");
    let rows = cli.status();
    let shops: Vec<&str> = rows.iter().map(|r| r["shop"].as_str().unwrap()).collect();
    assert!(shops.iter().all(|s| *s == SHOP));
    let secrets: Vec<&str> = rows
        .iter()
        .filter(|r| r["kind"] == "lwa_client_secret")
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(secrets.len(), 2);
    assert!(secrets.contains(&"active") && secrets.contains(&"superseded"));
    assert_eq!(row(&rows, &id)["state"], "superseded");
    assert_eq!(row(&rows, &new_id)["state"], "active");
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn a_marketplace_the_seller_is_not_in_says_marketplace_missing() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    fake.add_refresh_token(
        SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID)
            .with_marketplaces(vec![Marketplace::united_states()]),
    );
    let cli = Cli::new(&fake);
    // Japan by default: not among the seller's marketplaces.
    let id = cli.add(CLIENT_SECRET, &[]);
    let (code, lines) = cli.verify_json(&[&id]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["code"], "marketplace_missing");
    assert!(lines[0]["message"].as_str().unwrap().contains(JAPAN));

    // The marketplace the seller sells on, given with --marketplace: fine.
    let other = Cli::new(&fake);
    let id = other.add(CLIENT_SECRET, &["--marketplace", "ATVPDKIKX0DER"]);
    let (code, lines) = other.verify_json(&[&id]);
    assert_eq!(code, Some(0), "{lines:?}");
    let rows = other.status();
    let marketplace = rows
        .iter()
        .find(|r| r["kind"] == "amazon_marketplace_id")
        .unwrap();
    assert_eq!(marketplace["masked"], "ATVPDKIKX0DER");
}

#[test]
#[ignore = "uses the OS keychain: run through `cargo xtask test`"]
fn amazon_refusals_and_rate_limits_keep_their_codes() {
    let rt = runtime();
    let fake = fake_amazon(&rt);
    let cli = Cli::new(&fake);
    let id = cli.add(CLIENT_SECRET, &[]);

    // 403 for the app itself (not about the access token): a missing role.
    fake.script_on(
        PARTICIPATIONS_PATH,
        Scripted::Raw {
            status: 403,
            content_type: "application/json".into(),
            body: ACCESS_DENIED_BODY.into(),
        },
    );
    let (code, lines) = cli.verify_json(&[&id]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["code"], "missing_role");

    // 429 every time, past the client's retries (more scripted than it will try).
    for _ in 0..10 {
        fake.script_on(
            PARTICIPATIONS_PATH,
            Scripted::TooManyRequests {
                retry_after_secs: Some(0),
                rate_limit: Some(0.016),
            },
        );
    }
    let started = std::time::Instant::now();
    let (code, lines) = cli.verify_json(&[&id]);
    assert_eq!(code, Some(1));
    assert_eq!(lines[0]["code"], "rate_limited");
    assert!(lines[0]["message"].as_str().unwrap().contains("429"));
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}
