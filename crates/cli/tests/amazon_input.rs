//! `kagiban recognize` for every Amazon kind, `add amazon-sp` refusing bad input before
//! anything is stored, `renew` of MWS developer access, and `verify` of kinds no API checks.
//!
//! None of these needs the OS keychain: they fail before anything is stored, or seed the SQLite
//! file through the service with an in-memory keychain (what they check never reads a secret).

mod common;

use common::*;
use kagiban_core::secret::Secret;
use kagiban_service::AmazonSpInput;
use serde_json::Value;

// --- recognize ---------------------------------------------------------------------------

#[test]
fn recognize_tells_every_amazon_kind_apart() {
    let cli = Cli::offline();
    let cases = [
        (CLIENT_ID, "lwa_client_id", CLIENT_ID.to_string()),
        (CLIENT_SECRET, "lwa_client_secret", "••••eeff".into()),
        (REFRESH_TOKEN, "lwa_refresh_token", "••••mnop".into()),
        (MWS_AUTH_TOKEN, "amazon_mws_auth_token", "••••cdef".into()),
        (
            "5259-6479-4073",
            "amazon_developer_id",
            "5259-6479-4073".into(),
        ),
        ("525964794073", "amazon_developer_id", "525964794073".into()),
        (SELLER_ID, "amazon_seller_id", SELLER_ID.into()),
        (JAPAN, "amazon_marketplace_id", JAPAN.into()),
    ];
    for (value, kind, masked) in &cases {
        let out = cli.run(&["recognize", "--json"], &format!("{value}\n"));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert_no_secret(&stdout);
        let found: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(found.as_array().unwrap().len(), 1, "{value}: {stdout}");
        assert_eq!(found[0]["kind"], *kind, "{value}");
        assert_eq!(found[0]["masked"], masked.as_str(), "{value}");
    }
    // All of them in one pasted text, in order; a seller ID and a marketplace ID side by side.
    let mail = format!(
        "LWA: {CLIENT_ID} / {CLIENT_SECRET}\nリフレッシュトークン: {REFRESH_TOKEN}\nMWS 認証トークン: {MWS_AUTH_TOKEN}\n開発者ID: 5259-6479-4073\n出品者ID: {SELLER_ID} マーケットプレイスID: {JAPAN}\n"
    );
    let out = cli.run(&["recognize", "--json"], &mail);
    let stdout = text(&out.stdout);
    assert_no_secret(&stdout);
    assert!(!stdout.contains(MWS_AUTH_TOKEN));
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
            "lwa_client_id",
            "lwa_client_secret",
            "lwa_refresh_token",
            "amazon_mws_auth_token",
            "amazon_developer_id",
            "amazon_seller_id",
            "amazon_marketplace_id"
        ]
    );
    // The text output masks the same way.
    let out = cli.run(&["recognize"], &mail);
    let stdout = text(&out.stdout);
    assert_no_secret(&stdout);
    assert!(stdout.contains("lwa_refresh_token") && stdout.contains("••••mnop"));
}

#[test]
fn recognize_does_not_take_an_access_token_for_a_refresh_token() {
    let out = Cli::offline().run(&["recognize", "--json"], &format!("{ACCESS_TOKEN}\n"));
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("lwa_refresh_token"), "{stdout}");
    assert_no_secret(&stdout);
}

// --- add amazon-sp: refused before anything is stored ------------------------------------

#[test]
fn add_amazon_sp_with_fewer_than_four_lines_exits_2_and_stores_nothing() {
    let cli = Cli::offline();
    let three = format!("{CLIENT_ID}\n\n{CLIENT_SECRET}\n   \n{REFRESH_TOKEN}\n");
    let out = cli.run(&["add", "amazon-sp", "--shop", SHOP], &three);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("4 行") && err.contains("3 行ありました"),
        "{err}"
    );
    assert!(err.contains("何も保存していません"), "{err}");
    assert_no_secret(&err);
    assert!(out.stdout.is_empty());
    assert!(cli.status().is_empty());

    let out = cli.run_in(Some("en"), &["add", "amazon-sp", "--shop", SHOP], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("four lines") && err.contains("got 0"), "{err}");

    // A fifth line is not silently dropped either.
    let five = format!("{}{JAPAN}\n", four_lines(CLIENT_SECRET));
    let out = cli.run(&["add", "amazon-sp", "--shop", SHOP], &five);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--marketplace"));
    assert!(cli.status().is_empty());
}

#[test]
fn add_amazon_sp_refuses_an_access_token_as_the_refresh_token_and_stores_nothing() {
    let cli = Cli::offline();
    let lines = format!("{CLIENT_ID}\n{CLIENT_SECRET}\n{ACCESS_TOKEN}\n{SELLER_ID}\n");
    let out = cli.run(&["add", "amazon-sp", "--shop", SHOP], &lines);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("3 行目（リフレッシュトークン）"), "{err}");
    assert!(
        err.contains("Atzr|"),
        "says what a refresh token looks like: {err}"
    );
    assert!(err.contains("(invalid_format)"), "{err}");
    assert_no_secret(&err);
    assert!(cli.status().is_empty(), "nothing stored, no shop row");

    // Lines in the wrong order: named by line, in English too.
    let swapped = format!("{CLIENT_SECRET}\n{CLIENT_ID}\n{REFRESH_TOKEN}\n{SELLER_ID}\n");
    let out = cli.run_in(Some("en"), &["add", "amazon-sp", "--shop", SHOP], &swapped);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("Line 1 (LWA client ID)"), "{err}");
    assert!(err.contains("Nothing was stored") && err.contains("(wrong_kind)"));
    assert_no_secret(&err);

    // A marketplace ID that is not one, and a day in the future.
    let out = cli.run(
        &["add", "amazon-sp", "--shop", SHOP, "--marketplace", "JP"],
        &four_lines(CLIENT_SECRET),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("--marketplace: "));
    let out = cli.run(
        &[
            "add",
            "amazon-sp",
            "--shop",
            SHOP,
            "--authorized-on",
            "2999-01-01",
        ],
        &four_lines(CLIENT_SECRET),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("(invalid_date)"));
    assert!(cli.status().is_empty());
    for file in cli.db_files() {
        let bytes = std::fs::read(file).unwrap();
        assert!(!bytes.windows(5).any(|w| w == b"Atzr|" || w == b"Atza|"));
    }
}

#[test]
fn add_amazon_sp_never_takes_a_key_from_the_arguments() {
    let cli = Cli::offline();
    for args in [
        vec!["add", "amazon-sp", "--shop", SHOP, REFRESH_TOKEN],
        vec![
            "add",
            "amazon-sp",
            "--shop",
            SHOP,
            "--refresh-token",
            REFRESH_TOKEN,
        ],
        vec![
            "add",
            "amazon-sp",
            "--shop",
            SHOP,
            &format!("--client-secret={CLIENT_SECRET}"),
        ],
    ] {
        let out = cli.run(&args, &four_lines(CLIENT_SECRET));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_no_secret(&err);
        assert!(err.contains("使い方 / Usage"), "{err}");
    }
    assert!(cli.status().is_empty());
}

// --- renew ---------------------------------------------------------------------------------

#[test]
fn renew_records_the_day_mws_developer_access_was_approved() {
    let cli = Cli::offline();
    let id = seed_developer_id(cli.dir.path(), "2024-03-01");
    assert_eq!(row(&cli.status(), &id)["expires_on"], "2025/03/01");

    let out = cli.run(&["renew", &id, "--on", "2025-02-03"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().next(), Some(id.as_str()));
    assert!(stdout.contains("新しい有効期限: 2026/02/03"), "{stdout}");
    assert!(
        stdout.contains("アクセス権を"),
        "says what to do next: {stdout}"
    );
    let rows = cli.status();
    let dev = row(&rows, &id);
    assert_eq!(dev["expires_on"], "2026/02/03");
    assert_eq!(dev["expiry_source"], "user");

    // Today by default; --json prints the credential as `status --json` does.
    let out = cli.run(&["renew", &id, "--json"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let view: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["id"], id.as_str());
    assert_eq!(view["kind"], "amazon_developer_id");
    assert_eq!(view["expiry_source"], "user");
    assert!(view["days_left"].as_i64().unwrap() >= 364);
    assert!(view["renewal"]["button"].as_str().is_some());
}

#[test]
fn renew_refuses_unknown_ids_future_days_and_kinds_not_renewed_by_hand() {
    let cli = Cli::offline();
    let dev = seed_developer_id(cli.dir.path(), "2024-03-01");

    let out = cli.run(&["renew", &dev, "--on", "2999-01-01"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("--on: ") && err.contains("(invalid_date)"),
        "{err}"
    );
    assert_eq!(row(&cli.status(), &dev)["expires_on"], "2025/03/01");

    let out = cli.run(&["renew", "no-such-id"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("no-such-id") && err.contains("kagiban status"),
        "{err}"
    );

    // An SP-API authorization is renewed by storing a new refresh token, not by a date.
    let (authorization, _) = seeding_service(cli.dir.path())
        .add_amazon_sp(&AmazonSpInput {
            shop: SHOP.into(),
            client_id: CLIENT_ID.into(),
            client_secret: Secret::new(CLIENT_SECRET),
            refresh_token: Secret::new(REFRESH_TOKEN),
            seller_id: SELLER_ID.into(),
            marketplace: None,
            authorized_on: Some("2025-01-10".into()),
            secret_issued_on: None,
        })
        .unwrap();
    let out = cli.run_in(Some("en"), &["renew", &authorization.id], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("only for MWS developer access"), "{err}");
    assert!(err.contains("kagiban add amazon-sp"), "{err}");
    assert_eq!(
        row(&cli.status(), &authorization.id)["expires_on"],
        "2026/01/09",
        "unchanged"
    );
    let out = cli.run(&["renew"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verify_all_does_not_fail_on_a_kind_no_api_can_check() {
    let cli = Cli::offline();
    let dev = seed_developer_id(cli.dir.path(), "2024-03-01");
    let (code, lines) = cli.verify_json(&["--all"]);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], dev.as_str());
    assert_eq!(lines[0]["ok"], false);
    assert_eq!(lines[0]["code"], "not_verifiable");
    let out = cli.run(&["verify", &dev], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).starts_with("-- "),
        "{}",
        text(&out.stdout)
    );
}
