//! `cargo xtask bench`: Kagiban against a bare Tauri app (bench/baseline), built with the same
//! versions and profile, run side by side in one Xvfb + D-Bus session, alternating run by run.
//! Writes target/bench/report.md and prints it.

mod procs;
mod report;
mod seed;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use crate::session::Session;
use crate::sh::{self, root};
use crate::{e2e, setup};

pub use report::Figures;

/// Measured runs per figure (after one warm-up run of each program), unless `--runs N` says.
pub const RUNS: usize = 5;
/// How long the tray-only figures wait before reading memory.
const SETTLE: Duration = Duration::from_secs(30);
/// How long idle CPU is measured.
const IDLE: Duration = Duration::from_secs(60);
/// Figure 6's tries.
const CAPTURE_TRIES: usize = 20;
/// Idle time before reading the windowed memory.
const WINDOW_IDLE: Duration = Duration::from_secs(5);

/// One program under test.
struct Program {
    /// The window's executable.
    window: PathBuf,
    /// What runs in the tray alone: Kagiban's resident, or the baseline started with `--hidden`.
    tray: (PathBuf, Vec<String>),
}

/// The parts of the benchmark, by the name `cargo xtask bench <part>...` selects them with.
pub const PARTS: &[&str] = &[
    "core",
    "size",
    "windowed",
    "tray",
    "closed",
    "capture",
    "dashboard",
];

/// Runs the chosen parts (all when none is named) and writes the report. `--runs N` measures N
/// runs of each instead of [`RUNS`] (more pairs tell a small difference from the noise).
pub fn run(args: &[String]) -> sh::Result {
    let (runs, only) = runs_and_parts(args)?;
    if let Some(unknown) = only.iter().find(|p| !PARTS.contains(&p.as_str())) {
        return Err(format!(
            "no benchmark part {unknown:?}; the parts are: {}",
            PARTS.join(", ")
        ));
    }
    let wants = |part: &str| only.is_empty() || only.iter().any(|p| p == part);
    setup::build_ui()?;
    sh::cargo(&[
        "build",
        "--release",
        "--locked",
        "-p",
        "kagiban-app",
        "-p",
        "kagiban-resident",
        "-p",
        "kagiban-bench-baseline",
    ])?;
    sh::cargo(&[
        "build",
        "--locked",
        "-p",
        "kagiban-fakes",
        "--bin",
        "fake-notifications",
    ])?;
    let mut figures = Figures {
        runs,
        ..Figures::default()
    };
    if wants("core") {
        figures.core = core_work()?;
    }

    let release = root().join("target/release");
    let kagiban = Program {
        window: release.join("kagiban-app"),
        tray: (release.join("kagiban-resident"), vec![]),
    };
    let baseline = Program {
        window: release.join("kagiban-bench-baseline"),
        tray: (
            release.join("kagiban-bench-baseline"),
            vec!["--hidden".into()],
        ),
    };
    if wants("size") {
        figures.sizes = Some(report::Sizes::read(
            &kagiban.window,
            &kagiban.tray.0,
            &baseline.window,
            &deb()?,
        ));
    }

    let mut session = Session::start()?;
    let log = root().join("target/test-session/notifications.jsonl");
    e2e::start_notification_server(&mut session, &root().join("target/debug"), &log)?;
    let data = PathBuf::from(session.var("KAGIBAN_DATA_DIR").unwrap_or_default());

    // 1, 2: startup to the first screen ready, and memory with the window open.
    seed::seed(&data, 3)?;
    if wants("windowed") {
        for run in 0..=runs {
            let app = windowed(&session, &kagiban.window)?;
            let base = windowed(&session, &baseline.window)?;
            if run > 0 {
                figures.windowed.push((app, base));
            }
            println!("bench: windowed run {run}/{runs} done");
        }
    }
    // 3, 4: only the tray, started hidden (memory after 30 s, then CPU over 60 s).
    if wants("tray") {
        for run in 1..=runs {
            let app = tray_only(&session, &kagiban.tray)?;
            let base = tray_only(&session, &baseline.tray)?;
            figures.hidden.push((app, base));
            println!("bench: tray-only run {run}/{runs} done");
        }
    }
    // 3: only the tray, after the window was opened and closed.
    if wants("closed") {
        for run in 1..=runs {
            let app = opened_and_closed(&session, &kagiban.window, Some(&kagiban.tray.0))?;
            let base = opened_and_closed(&session, &baseline.window, None)?;
            figures.closed.push((app, base));
            println!("bench: opened-and-closed run {run}/{runs} done");
        }
    }
    // 6: the clipboard capture, driven through WebDriver.
    if wants("capture") {
        figures.capture_ms = capture(&mut session, &kagiban)?;
    }
    // 7: the dashboard's first render with 500 credentials.
    if wants("dashboard") {
        seed::seed(&data, 125)?;
        for run in 0..=runs {
            let app = windowed(&session, &kagiban.window)?;
            if run > 0 {
                figures.dashboard_500.push(app);
            }
        }
    }
    drop(session);
    figures.machine = report::Machine::read();
    let text = figures.markdown();
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    std::fs::write(out.join("report.md"), &text).map_err(|e| e.to_string())?;
    println!("{text}");
    println!("written to {}", out.join("report.md").display());
    Ok(())
}

/// Splits `--runs N` (N ≥ 1) from the names of the parts.
fn runs_and_parts(args: &[String]) -> sh::Result<(usize, Vec<String>)> {
    let mut runs = RUNS;
    let mut parts = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args
                .next()
                .and_then(|n| n.parse().ok())
                .filter(|&n: &usize| n >= 1)
                .ok_or("--runs takes a number of runs, 1 or more")?;
        } else {
            parts.push(arg.clone());
        }
    }
    Ok((runs, parts))
}

/// The Tauri CLI that bundles the .deb, the version of the `tauri` crate in Cargo.lock. Run
/// through `npx` (prebuilt, fetched once into npm's cache), so it stays out of the UI's lock file
/// and the test command.
const TAURI_CLI: &str = "@tauri-apps/cli@2.12.5";

/// Bundles the release build into a .deb with the Tauri CLI; returns its path.
fn deb() -> sh::Result<PathBuf> {
    let dir = root().join("target/release/bundle/deb");
    let _ = std::fs::remove_dir_all(&dir);
    sh::run(
        sh::cmd("npx")
            .args(["--yes", TAURI_CLI, "bundle", "--bundles", "deb"])
            .current_dir(root().join("src-tauri")),
    )?;
    std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or_else(|| format!("no .deb in {}", dir.display()))
}

/// Figure 6: tests/e2e/capture-bench.mjs drives the release app through tauri-driver to the
/// licenseKey step and prints one `capture <ms>` line per try.
fn capture(session: &mut Session, kagiban: &Program) -> sh::Result<Vec<f64>> {
    e2e::start_tauri_driver(session)?;
    let out = session
        .output(
            sh::cmd("node")
                .arg("tests/e2e/capture-bench.mjs")
                .env("KAGIBAN_APP", &kagiban.window)
                .env("CAPTURE_TRIES", CAPTURE_TRIES.to_string())
                .env("TEST_SERVICE_SECRET", e2e::TEST_SERVICE_SECRET)
                .env("TEST_LICENSE_KEY", e2e::TEST_LICENSE_KEY),
        )
        .map_err(|e| format!("the capture benchmark failed: {e}"))?;
    // The window started the resident; it stays after the WebDriver session.
    procs::kill_exe(&kagiban.tray.0);
    let tries: Vec<f64> = out
        .lines()
        .filter_map(|l| l.strip_prefix("capture "))
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    if tries.len() == CAPTURE_TRIES {
        Ok(tries)
    } else {
        Err(format!(
            "the capture benchmark gave {} of {CAPTURE_TRIES} tries",
            tries.len()
        ))
    }
}

/// One windowed run.
#[derive(Clone, Debug, Default)]
pub struct Windowed {
    /// Process start to the page's ready signal.
    pub startup_ms: f64,
    /// Process start to the page beginning to load.
    pub native_ms: f64,
    /// What the page reported: from asking for its data to showing it.
    pub render_ms: f64,
    /// The page's milestones (Kagiban: status, data, dom, layout, painted), ms after it began to load.
    pub marks: Vec<(String, f64)>,
    /// Total RSS of the process tree after 5 s idle, KiB.
    pub rss_kib: u64,
    /// Total PSS of the process tree after 5 s idle, KiB.
    pub pss_kib: u64,
}

/// A tray-only run.
#[derive(Clone, Copy, Debug, Default)]
pub struct TrayOnly {
    /// Total PSS of the process tree after 30 s, KiB.
    pub pss_kib: u64,
    /// CPU seconds over the following 60 s (hidden start only).
    pub idle_cpu_s: Option<f64>,
}

fn start(session: &Session, program: &Path, args: &[String], mode: &str) -> sh::Result<Child> {
    Command::new(program)
        .args(args)
        .envs(session.env.iter().cloned())
        .env("KAGIBAN_BENCH", mode)
        .env("KAGIBAN_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", program.display()))
}

/// What the page said when it was ready.
struct Ready {
    /// Process start to the page's ready signal, ms.
    startup_ms: f64,
    /// Process start to the page's time origin (the native part: Tauri, the app's own set-up,
    /// WebKit's processes), ms.
    native_ms: f64,
    /// What the page reported as its render time, ms.
    render_ms: f64,
    /// The page's milestones, ms after it began to load.
    marks: Vec<(String, f64)>,
}

/// Waits for the page's `ready <render_ms> <origin_ms> [name=ms]...` line (origin: the page's
/// `performance.timeOrigin`, ms since the Unix epoch; then its milestones).
fn wait_ready(child: &mut Child, started: Instant, started_at: SystemTime) -> sh::Result<Ready> {
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("ready ") {
                let mut numbers = rest.split_whitespace().map(|v| v.parse::<f64>().ok());
                let render = numbers.next().flatten().unwrap_or(0.0);
                let origin = numbers.next().flatten().unwrap_or(0.0);
                let marks: Vec<(String, f64)> = rest
                    .split_whitespace()
                    .filter_map(|w| w.split_once('='))
                    .filter_map(|(name, ms)| Some((name.to_string(), ms.parse().ok()?)))
                    .collect();
                let _ = tx.send((started.elapsed(), render, origin, marks));
            }
        }
    });
    let (elapsed, render_ms, origin, marks) = rx
        .recv_timeout(Duration::from_secs(60))
        .map_err(|_| "the page did not say it was ready within 60 s".to_string())?;
    let spawned = started_at
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    Ok(Ready {
        startup_ms: elapsed.as_secs_f64() * 1000.0,
        native_ms: origin - spawned,
        render_ms,
        marks,
    })
}

fn windowed(session: &Session, program: &Path) -> sh::Result<Windowed> {
    let (started, started_at) = (Instant::now(), SystemTime::now());
    let mut child = start(session, program, &[], "1")?;
    let result = (|| {
        let ready = wait_ready(&mut child, started, started_at)?;
        std::thread::sleep(WINDOW_IDLE);
        let (rss_kib, pss_kib) = procs::memory(&procs::tree(child.id()));
        Ok(Windowed {
            startup_ms: ready.startup_ms,
            native_ms: ready.native_ms,
            render_ms: ready.render_ms,
            marks: ready.marks,
            rss_kib,
            pss_kib,
        })
    })();
    procs::kill_tree(child.id());
    let _ = child.wait();
    result
}

fn tray_only(session: &Session, (program, args): &(PathBuf, Vec<String>)) -> sh::Result<TrayOnly> {
    let mut child = start(session, program, args, "1")?;
    std::thread::sleep(SETTLE);
    let pids = procs::tree(child.id());
    let (_, pss_kib) = procs::memory(&pids);
    let before = procs::cpu_seconds(&procs::tree(child.id()));
    std::thread::sleep(IDLE);
    let after = procs::cpu_seconds(&procs::tree(child.id()));
    procs::kill_tree(child.id());
    let _ = child.wait();
    Ok(TrayOnly {
        pss_kib,
        idle_cpu_s: Some(after - before),
    })
}

/// Opens the window, lets the page close it once ready, then measures what stays: Kagiban's
/// resident (the window process ends with its window), or the baseline's own process.
fn opened_and_closed(
    session: &Session,
    program: &Path,
    resident: Option<&Path>,
) -> sh::Result<TrayOnly> {
    let (started, started_at) = (Instant::now(), SystemTime::now());
    let mut child = start(session, program, &[], "close")?;
    wait_ready(&mut child, started, started_at)?;
    let stays = match resident {
        None => child.id(),
        Some(exe) => {
            let found = procs::tree(child.id())
                .into_iter()
                .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe));
            let _ = child.wait();
            found.ok_or("the window did not start the tray resident")?
        }
    };
    std::thread::sleep(SETTLE);
    let (_, pss_kib) = procs::memory(&procs::tree(stays));
    procs::kill_tree(stays);
    procs::kill_tree(child.id());
    let _ = child.wait();
    Ok(TrayOnly {
        pss_kib,
        idle_cpu_s: None,
    })
}

/// Figure 7's core work: the scale bench in the optimized bench profile.
fn core_work() -> sh::Result<Vec<(String, f64, f64)>> {
    let out = Command::new("cargo")
        .args([
            "bench",
            "--locked",
            "-p",
            "kagiban-service",
            "--bench",
            "scale",
        ])
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err("cargo bench --bench scale failed".into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|l| l.strip_prefix("figure "))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let name = parts.next()?.to_string();
            let value = |key: &str| {
                l.split_whitespace()
                    .find_map(|p| p.strip_prefix(key))
                    .and_then(|v| v.parse::<f64>().ok())
            };
            Some((name, value("median_ms=")?, value("p95_ms=")?))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn runs_can_be_asked_for_anywhere_among_the_parts() {
        let (runs, parts) = runs_and_parts(&args(&["windowed", "--runs", "15", "size"])).unwrap();
        assert_eq!(runs, 15);
        assert_eq!(parts, args(&["windowed", "size"]));
        assert_eq!(runs_and_parts(&[]).unwrap(), (RUNS, vec![]));
    }

    #[test]
    fn runs_must_be_a_number_of_at_least_one() {
        for bad in [&["--runs"][..], &["--runs", "0"], &["--runs", "many"]] {
            let err = runs_and_parts(&args(bad)).unwrap_err();
            assert!(err.contains("--runs takes a number"), "{err}");
        }
    }
}
