//! Running commands, with their output passed through and failures described.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// xtask's result type: a message for the user.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// A command run from the repository root.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root());
    c
}

/// Runs a command to completion; a non-zero exit is an error.
pub fn run(c: &mut Command) -> Result {
    let shown = format!("{c:?}");
    println!("$ {shown}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// `cargo ARGS` from the root.
pub fn cargo(args: &[&str]) -> Result {
    run(cmd(env!("CARGO")).args(args))
}

/// Whether a program is on PATH.
pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Time taken by each phase, printed at the end.
#[derive(Default)]
pub struct Timings(Vec<(String, Duration)>);

impl Timings {
    /// Runs a phase and records how long it took.
    pub fn phase(&mut self, name: &str, f: impl FnOnce() -> Result) -> Result {
        println!("\n== {name}");
        let start = Instant::now();
        let result = f();
        self.0.push((name.to_string(), start.elapsed()));
        result.map_err(|e| format!("{name}: {e}"))
    }

    /// Prints the table.
    pub fn print(&self) {
        println!("\n== timings");
        for (name, took) in &self.0 {
            println!("{:>8.1} s  {name}", took.as_secs_f64());
        }
    }
}
