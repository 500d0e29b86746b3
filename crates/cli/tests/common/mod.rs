//! What the Amazon CLI tests share: the binary pointed at the fake LWA + SP-API, test values,
//! and a service on the CLI's SQLite file to seed rows without the OS keychain.

// Each test file uses its own part of these.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use kagiban_core::kind::CredentialKind;
use kagiban_fakes::amazon::{FakeAmazon, SellerAuthorization};
use kagiban_service::clock::SystemClock;
use kagiban_service::keychain::MemoryKeychain;
use kagiban_service::store::Store;
use kagiban_service::views::{AcceptDetails, CandidateSource, Marketplace as ShopMarketplace};
use kagiban_service::{Clients, Service};
use serde_json::Value;

pub const CLIENT_ID: &str = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
pub const CLIENT_SECRET: &str =
    "amzn1.oa2-cs.v1.00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
pub const ROTATED_SECRET: &str =
    "amzn1.oa2-cs.v1.ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
pub const REFRESH_TOKEN: &str = "Atzr|IwEBIFakeRefresh+Token/For=Tests0123456789abcdefghijklmnop";
pub const ACCESS_TOKEN: &str = "Atza|IwEBIAccessTokenNotRefresh0123456789abcdefghij";
pub const MWS_AUTH_TOKEN: &str = "amzn.mws.01234567-89ab-cdef-0123-456789abcdef";
pub const SELLER_ID: &str = "A3FHEXAMPLEYWS";
pub const JAPAN: &str = "A1VC38T7YXB528";
pub const SHOP: &str = "Amazon 本店";

/// Where the CLI keeps its data and which fake it talks to.
pub struct Cli {
    pub dir: tempfile::TempDir,
    token_url: String,
    base: String,
}

impl Cli {
    /// A CLI pointed at `fake`.
    pub fn new(fake: &FakeAmazon) -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
            token_url: fake.token_url(),
            base: fake.base_url(),
        }
    }

    /// A CLI pointed at a closed port: for commands that must not reach Amazon.
    pub fn offline() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
            token_url: "http://127.0.0.1:9/auth/o2/token".into(),
            base: "http://127.0.0.1:9".into(),
        }
    }

    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        self.run_in(None, args, stdin)
    }

    pub fn run_in(&self, lang: Option<&str>, args: &[&str], stdin: &str) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kagiban"));
        command
            .args(args)
            .env("KAGIBAN_DATA_DIR", self.dir.path())
            .env("KAGIBAN_RAKUTEN_API_BASE", "http://127.0.0.1:9")
            .env("KAGIBAN_LWA_TOKEN_URL", &self.token_url)
            .env("KAGIBAN_SPAPI_BASE", &self.base)
            .env_remove("KAGIBAN_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(lang) = lang {
            command.env("KAGIBAN_LANG", lang);
        }
        let mut child = command.spawn().expect("kagiban starts");
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

    /// `add amazon-sp --shop SHOP` with the four lines; returns the authorization's id.
    pub fn add(&self, secret: &str, extra: &[&str]) -> String {
        let mut args = vec!["add", "amazon-sp", "--shop", SHOP];
        args.extend_from_slice(extra);
        let out = self.run(&args, &four_lines(secret));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert_no_secret(&stdout);
        assert_no_secret(&text(&out.stderr));
        let id = stdout.lines().next().unwrap().trim().to_string();
        assert_eq!(
            id.len(),
            36,
            "the first line is the authorization's id: {stdout}"
        );
        id
    }

    /// `verify ARGS --json`: the exit code and the lines.
    pub fn verify_json(&self, args: &[&str]) -> (Option<i32>, Vec<Value>) {
        let mut all = vec!["verify"];
        all.extend_from_slice(args);
        all.push("--json");
        let out = self.run(&all, "");
        let stdout = text(&out.stdout);
        assert_no_secret(&stdout);
        let lines: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{e}: {stdout} / {}", text(&out.stderr)));
        (out.status.code(), lines.as_array().unwrap().clone())
    }

    /// `status --json` rows.
    pub fn status(&self) -> Vec<Value> {
        let out = self.run(&["status", "--json"], "");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert_no_secret(&stdout);
        serde_json::from_str::<Value>(&stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    pub fn db_files(&self) -> Vec<PathBuf> {
        ["kagiban.sqlite3", "kagiban.sqlite3-wal"]
            .iter()
            .map(|f| self.dir.path().join(f))
            .filter(|p| p.exists())
            .collect()
    }
}

pub fn four_lines(secret: &str) -> String {
    // Blank lines and surrounding whitespace are ignored.
    format!("\n  {CLIENT_ID}\n{secret}  \n\n\t{REFRESH_TOKEN}\n{SELLER_ID}\n\n")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn assert_no_secret(s: &str) {
    for secret in [CLIENT_SECRET, ROTATED_SECRET, REFRESH_TOKEN, ACCESS_TOKEN] {
        assert!(!s.contains(secret), "a secret was printed: {s}");
    }
    assert!(!s.contains("IwEBI"), "part of a token was printed: {s}");
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Runtime::new().unwrap()
}

/// The fake with the app and a live authorization in Japan.
pub fn fake_amazon(runtime: &tokio::runtime::Runtime) -> FakeAmazon {
    let fake = runtime.block_on(FakeAmazon::start());
    fake.add_app(CLIENT_ID, CLIENT_SECRET);
    fake.add_refresh_token(SellerAuthorization::new(REFRESH_TOKEN, CLIENT_ID));
    fake
}

/// The service on the CLI's SQLite file with an in-memory keychain, to seed rows (its API
/// clients are never called).
pub fn seeding_service(dir: &Path) -> Service {
    let store = Store::open(&kagiban_service::config::db_path(dir)).unwrap();
    Service::new(
        store,
        Arc::new(MemoryKeychain::default()),
        Clients::from_env().unwrap(),
        Arc::new(SystemClock),
    )
}

/// An MWS developer ID granted on `granted_on`, stored without the OS keychain.
pub fn seed_developer_id(dir: &Path, granted_on: &str) -> String {
    let service = seeding_service(dir);
    let shop = service.add_shop(SHOP, ShopMarketplace::Amazon).unwrap();
    let candidate = service
        .candidate_from_text(
            CredentialKind::AmazonDeveloperId,
            &shop.id,
            "5259-6479-4073",
            CandidateSource::Typed,
        )
        .unwrap();
    service
        .accept_candidate(
            &candidate.token,
            &shop.id,
            &AcceptDetails {
                date: Some(granted_on.into()),
                name: Some("shippinno".into()),
            },
        )
        .unwrap()
        .id
}

pub fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

pub fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}
