//! The real app, end to end: built in debug, driven through tauri-driver + WebKitWebDriver.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::session::{wait_for, Session};
use crate::setup;
use crate::sh::{self, cmd, root};

/// A serviceSecret/licenseKey pair known to the fake RMS (test values, not real keys).
pub const TEST_SERVICE_SECRET: &str = "SP404839_k7Qm2Xw9Rt4Zp8Ld";
/// See [`TEST_SERVICE_SECRET`].
pub const TEST_LICENSE_KEY: &str = "SL404839_Hn3Vb6Yc1Jd5Ks2W";
/// The expiry date the fake returns for that pair (JST, no zone, as RMS answers).
pub const TEST_EXPIRY: &str = "2027-02-28T23:59:59";

/// Runs the WebDriver tests in `session`.
pub fn run_tests(session: &mut Session) -> sh::Result {
    let target = root().join("target/debug");
    // Keys, authorizations and 楽楽明細 accounts are registered by the tests themselves (the
    // fakes' control endpoints) when RMS, Amazon or 楽楽明細 would issue them.
    let rms_url = start_fake(session, &target, "fake-rms")?;
    session
        .env
        .push(("KAGIBAN_RAKUTEN_API_BASE".into(), rms_url.clone()));
    session.env.push(("FAKE_RMS_URL".into(), rms_url));
    let amazon_url = start_fake(session, &target, "fake-amazon")?;
    session.env.push((
        "KAGIBAN_LWA_TOKEN_URL".into(),
        format!("{amazon_url}/auth/o2/token"),
    ));
    session
        .env
        .push(("KAGIBAN_SPAPI_BASE".into(), amazon_url.clone()));
    session.env.push(("FAKE_AMAZON_URL".into(), amazon_url));
    // A notification server, so notifications are shown (recorded) and their actions can be
    // chosen by the tests.
    let log = root().join("target/test-session/notifications.jsonl");
    let _ = std::fs::remove_file(&log);
    start_notification_server(session, &target, &log)?;
    session
        .env
        .push(("FAKE_NOTIFICATIONS_LOG".into(), log.display().to_string()));
    // 楽楽明細: the user's URL keeps its account path; scheme, host and port go to the fake.
    let rakuraku_url = start_fake(session, &target, "fake-rakuraku")?;
    session
        .env
        .push(("KAGIBAN_RAKURAKU_API_BASE".into(), rakuraku_url.clone()));
    session.env.push(("FAKE_RAKURAKU_URL".into(), rakuraku_url));
    start_tauri_driver(session)?;
    let out = root().join("target/e2e");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let result = session.run(
        cmd("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("KAGIBAN_APP", target.join("kagiban-app"))
            .env("KAGIBAN_CLI", target.join("kagiban"))
            .env("E2E_OUT", &out)
            .env("TEST_SERVICE_SECRET", TEST_SERVICE_SECRET)
            .env("TEST_LICENSE_KEY", TEST_LICENSE_KEY)
            .env("TEST_EXPIRY", TEST_EXPIRY),
    );
    // The tray resident outlives the windows the tests drove: end it with the session.
    let _ =
        sh::run(cmd("pkill").args(["-f", &target.join("kagiban-resident").display().to_string()]));
    result
}

/// Starts tauri-driver (WebDriver on 127.0.0.1:4444) in `session` and waits until it listens.
pub fn start_tauri_driver(session: &mut Session) -> sh::Result {
    let driver = setup::cargo_bin("tauri-driver");
    let driver = if driver.exists() {
        driver.display().to_string()
    } else {
        "tauri-driver".into()
    };
    session.spawn(
        Command::new(&driver)
            .args(["--port", "4444", "--native-port", "4445"])
            .stdout(Stdio::null()),
    )?;
    wait_for(Duration::from_secs(20), || {
        std::net::TcpStream::connect("127.0.0.1:4444").is_ok()
    })
    .map_err(|_| "tauri-driver did not start listening on 4444".to_string())
}

/// Starts `fake-notifications` on the session bus and waits until it owns the name.
pub fn start_notification_server(
    session: &mut Session,
    target: &std::path::Path,
    log: &std::path::Path,
) -> sh::Result {
    let child = session.spawn(
        Command::new(target.join("fake-notifications"))
            .arg("--log")
            .arg(log)
            .stdout(Stdio::piped()),
    )?;
    let stdout = child.stdout.take().expect("piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    if line.trim() == "ready" {
        Ok(())
    } else {
        Err(format!("fake-notifications did not start: {line:?}"))
    }
}

/// Starts one of the fake API servers on a free port; returns its base URL.
fn start_fake(session: &mut Session, target: &std::path::Path, bin: &str) -> sh::Result<String> {
    let child = session.spawn(
        Command::new(target.join(bin))
            .args(["--port", "0"])
            .stdout(Stdio::piped()),
    )?;
    let stdout = child.stdout.take().expect("piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    line.trim()
        .strip_prefix("listening on ")
        .map(str::to_string)
        .map(|url| url.trim_end_matches('/').to_string())
        .ok_or_else(|| format!("{bin} did not start: {line:?}"))
}

/// `cargo xtask run`: build and start the app; on a headless Linux, in a virtual display with
/// a screenshot.
pub fn run_app() -> sh::Result {
    setup::build_ui()?;
    sh::cargo(&["build", "-p", "kagiban-app"])?;
    let app = root().join("target/debug/kagiban-app");
    let headless = cfg!(target_os = "linux") && std::env::var_os("DISPLAY").is_none();
    if !headless {
        return sh::run(&mut Command::new(app));
    }
    let mut session = Session::start()?;
    session.spawn(&mut Command::new(&app))?;
    std::thread::sleep(Duration::from_secs(8));
    let shot = root().join("target/screenshots/kagiban-run.png");
    std::fs::create_dir_all(shot.parent().expect("has parent")).map_err(|e| e.to_string())?;
    // The window by its title; the whole screen if the window manager-less display names it
    // differently.
    if session
        .run(cmd("import").args(["-window", "鍵番 Kagiban"]).arg(&shot))
        .is_err()
    {
        session.run(cmd("import").args(["-window", "root"]).arg(&shot))?;
    }
    println!(
        "\nKagiban is running on the virtual display {}.",
        session.var("DISPLAY").unwrap_or("?")
    );
    println!("screenshot: {}", shot.display());
    println!("Press Ctrl-C to stop.");
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
