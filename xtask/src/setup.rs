//! Installing what a fresh machine lacks: system packages, cargo tools, npm packages.

use std::path::Path;

use crate::sh::{self, cmd, have, root, run};

/// Debian packages: WebKitGTK and tray libraries to build the app; Xvfb, D-Bus, gnome-keyring,
/// xclip and WebKitWebDriver for the end-to-end tests; Japanese fonts so text renders.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "libssl-dev",
    "libdbus-1-dev",
    "libsecret-1-dev",
    "libsecret-tools",
    "webkit2gtk-driver",
    "xvfb",
    "xclip",
    "dbus-x11",
    // gdbus: the end-to-end tests read and click the tray menu over D-Bus; xwininfo: windows.
    "libglib2.0-bin",
    "x11-utils",
    "gnome-keyring",
    "fonts-noto-cjk",
    "imagemagick",
];

/// Everything, in order.
pub fn all() -> sh::Result {
    if !have("node") || !have("npm") {
        return Err(
            "Node.js 20 or newer with npm is needed: install it from nodejs.org first".into(),
        );
    }
    if cfg!(target_os = "linux") {
        apt()?;
        tauri_driver()?;
    }
    npm_install(&root().join("ui"))?;
    if cfg!(target_os = "linux") {
        npm_install(&root().join("tests/e2e"))?;
    }
    Ok(())
}

fn apt() -> sh::Result {
    if !Path::new("/usr/bin/apt-get").exists() {
        println!("apt-get not found: install the packages of README.md by hand");
        return Ok(());
    }
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing system packages: {}", missing.join(" "));
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo { cmd("sudo") } else { cmd("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut c)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(missing);
    apt(&args)
}

fn dpkg_installed(package: &str) -> bool {
    std::process::Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn tauri_driver() -> sh::Result {
    if have("tauri-driver") || cargo_bin("tauri-driver").exists() {
        return Ok(());
    }
    sh::cargo(&["install", "tauri-driver", "--locked", "--version", "2.1.0"])
}

/// A binary installed by `cargo install`.
pub fn cargo_bin(name: &str) -> std::path::PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin").join(name)
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn npm_install(dir: &Path) -> sh::Result {
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules/.package-lock.json");
    let fresh = match (lock.metadata(), marker.metadata()) {
        (Ok(l), Ok(m)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

/// UI: type check, unit tests, production build.
pub fn ui() -> sh::Result {
    let ui = root().join("ui");
    run(cmd("npm").args(["run", "check"]).current_dir(&ui))?;
    run(cmd("npm").args(["test"]).current_dir(&ui))?;
    build_ui()
}

/// The production UI bundle the app embeds.
pub fn build_ui() -> sh::Result {
    run(cmd("npm")
        .args(["run", "build"])
        .current_dir(root().join("ui")))
}

/// `cargo check` of the app for Windows, when the target and mingw's windres are available.
pub fn windows_check() -> sh::Result {
    const TARGET: &str = "x86_64-pc-windows-gnu";
    if !have("rustup") {
        println!("skipped: rustup is not available to add the {TARGET} target");
        return Ok(());
    }
    if run(cmd("rustup").args(["target", "add", TARGET])).is_err() {
        println!("skipped: the {TARGET} target could not be installed");
        return Ok(());
    }
    if !have("x86_64-w64-mingw32-windres") {
        let installed = Path::new("/usr/bin/apt-get").exists()
            && run(cmd(if is_root() { "apt-get" } else { "sudo" })
                .args(if is_root() {
                    vec!["install", "-y", "-qq", "gcc-mingw-w64-x86-64"]
                } else {
                    vec!["apt-get", "install", "-y", "-qq", "gcc-mingw-w64-x86-64"]
                })
                .env("DEBIAN_FRONTEND", "noninteractive"))
            .is_ok();
        if !installed {
            println!("skipped: mingw's windres (gcc-mingw-w64-x86-64) is not available");
            return Ok(());
        }
    }
    sh::cargo(&["check", "--locked", "-p", "kagiban-app", "--target", TARGET])
}
