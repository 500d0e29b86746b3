//! `cargo xtask run | test`: everything a fresh machine needs, in two commands.

mod bench;
mod e2e;
mod session;
mod setup;
mod sh;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run|test|setup>
  run    install what is missing, build, and start the app (headless Linux: a virtual display and a screenshot)
  test   install what is missing, build, and run every test (formatting, lints, unit, UI, end to end)
  setup  only install what is missing
  e2e    build the UI and the app, then run only the end-to-end tests
  bench  Kagiban against a bare Tauri app, side by side (release builds; about 30 minutes);
         `bench windowed capture` runs only those parts (core, size, windowed, tray, closed,
         capture, dashboard); `bench --runs 15 windowed` measures 15 runs of each instead of 5";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => setup::all().and_then(|()| e2e::run_app()),
        Some("test") => setup::all().and_then(|()| test()),
        Some("setup") => setup::all(),
        Some("e2e") => setup::all().and_then(|()| e2e_only()),
        Some("bench") => setup::all().and_then(|()| bench::run(&args[1..])),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Only the end-to-end tests (a faster loop while working on screens).
fn e2e_only() -> sh::Result {
    setup::build_ui()?;
    sh::cargo(&["build", "--workspace", "--all-targets", "--locked"])?;
    let mut session = session::Session::start()?;
    e2e::run_tests(&mut session)
}

/// The whole test suite, phase by phase, with timings.
fn test() -> sh::Result {
    let mut timings = sh::Timings::default();
    timings.phase("ui: install, type check, unit tests, build", setup::ui)?;
    timings.phase("rust: format and lints", || {
        sh::cargo(&["fmt", "--all", "--", "--check"])?;
        sh::cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ])
    })?;
    // One debug build of every target (app, CLI, fakes, test harnesses) with the features the
    // tests unify, so the test phase and the end-to-end phase reuse it.
    timings.phase("build: everything (debug, all targets)", || {
        sh::cargo(&["build", "--workspace", "--all-targets", "--locked"])
    })?;
    let mut session = session::Session::start()?;
    timings.phase("rust: unit, property and integration tests", || {
        // --include-ignored: the tests that need the OS keychain run here, in the session.
        session.run(sh::cmd("cargo").args([
            "test",
            "--workspace",
            "--locked",
            "--",
            "--include-ignored",
        ]))
    })?;
    timings.phase("end to end: the real app through WebDriver", || {
        e2e::run_tests(&mut session)
    })?;
    drop(session);
    timings.phase("windows: cargo check of the app", setup::windows_check)?;
    timings.print();
    Ok(())
}
