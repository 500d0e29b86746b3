//! A private desktop session for tests: Xvfb, a D-Bus session bus, an unlocked gnome-keyring.
//!
//! HOME, XDG data and runtime folders point into a temporary folder, so tests never touch the
//! developer's real keyring or Kagiban data.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::sh::{self, root, run};

/// The running session; everything is stopped on drop.
pub struct Session {
    children: Vec<Child>,
    dbus_pid: Option<u32>,
    /// The session's environment, applied to every command run in it.
    pub env: Vec<(String, String)>,
}

impl Session {
    /// Starts Xvfb (unless a display is set), a session bus, and an unlocked keyring.
    pub fn start() -> sh::Result<Self> {
        let dir = root().join("target/test-session");
        if dir.exists() && std::fs::remove_dir_all(&dir).is_err() {
            return Err(format!(
                "could not clear {}: is an earlier test session still running?",
                dir.display()
            ));
        }
        for sub in ["home", "data", "runtime", "kagiban"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(
                dir.join("runtime"),
                std::fs::Permissions::from_mode(0o700),
            );
        }
        let mut session = Session {
            children: Vec::new(),
            dbus_pid: None,
            env: vec![
                ("HOME".into(), path(&dir.join("home"))),
                ("XDG_DATA_HOME".into(), path(&dir.join("data"))),
                ("XDG_RUNTIME_DIR".into(), path(&dir.join("runtime"))),
                ("KAGIBAN_DATA_DIR".into(), path(&dir.join("kagiban"))),
                ("NO_AT_BRIDGE".into(), "1".into()),
                ("RUST_BACKTRACE".into(), "1".into()),
            ],
        };
        // Keep cargo and rustup where they are despite the temporary HOME.
        for (key, default) in [("CARGO_HOME", ".cargo"), ("RUSTUP_HOME", ".rustup")] {
            let value = std::env::var(key).unwrap_or_else(|_| {
                format!("{}/{default}", std::env::var("HOME").unwrap_or_default())
            });
            session.env.push((key.into(), value));
        }
        session.start_display()?;
        session.start_bus(&dir)?;
        session.unlock_keyring()?;
        Ok(session)
    }

    fn start_display(&mut self) -> sh::Result {
        // -displayfd: Xvfb picks a free display number and prints it when it is ready.
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start Xvfb: {e}"))?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        self.children.push(child);
        let number: u32 = line
            .trim()
            .parse()
            .map_err(|_| "Xvfb did not report its display".to_string())?;
        self.env.push(("DISPLAY".into(), format!(":{number}")));
        self.env.push(("GDK_BACKEND".into(), "x11".into()));
        Ok(())
    }

    fn start_bus(&mut self, dir: &std::path::Path) -> sh::Result {
        // A bus of our own with no service activation: nothing starts behind the tests' back
        // (WebKit would otherwise activate xdg-desktop-portal, which mounts a FUSE folder).
        let config = dir.join("session-bus.conf");
        std::fs::write(&config, BUS_CONFIG).map_err(|e| e.to_string())?;
        let out = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--fork", "--print-address=1", "--print-pid=1"])
            .envs(self.env.iter().cloned())
            .output()
            .map_err(|e| format!("could not start dbus-daemon: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let address = lines.next().unwrap_or_default().trim().to_string();
        self.dbus_pid = lines.next().and_then(|l| l.trim().parse().ok());
        if address.is_empty() {
            return Err("dbus-daemon printed no address".into());
        }
        self.env.push(("DBUS_SESSION_BUS_ADDRESS".into(), address));
        Ok(())
    }

    fn unlock_keyring(&mut self) -> sh::Result {
        let mut child = Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets", "--daemonize"])
            .envs(self.env.iter().cloned())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start gnome-keyring-daemon: {e}"))?;
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(b"kagiban-test")
            .map_err(|e| e.to_string())?;
        let stdout = child.stdout.take().expect("piped");
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if let Some((key, value)) = line.split_once('=') {
                self.env.push((key.into(), value.into()));
            }
        }
        let _ = child.wait();
        Ok(())
    }

    /// Runs a command inside the session.
    pub fn run(&self, c: &mut Command) -> sh::Result {
        run(c.envs(self.env.iter().cloned()))
    }

    /// Runs a command inside the session and returns its standard output (stderr shown).
    pub fn output(&self, c: &mut Command) -> sh::Result<String> {
        let out = c
            .envs(self.env.iter().cloned())
            .current_dir(root())
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("could not start {c:?}: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            Ok(stdout)
        } else {
            Err(format!("{c:?} failed ({}): {stdout}", out.status))
        }
    }

    /// Starts a background process inside the session, stopped with the session.
    pub fn spawn(&mut self, c: &mut Command) -> sh::Result<&mut Child> {
        let child = c
            .envs(self.env.iter().cloned())
            .spawn()
            .map_err(|e| format!("could not start {c:?}: {e}"))?;
        self.children.push(child);
        Ok(self.children.last_mut().expect("just pushed"))
    }

    /// The value of a session variable.
    pub fn var(&self, key: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(pid) = self.var("GNOME_KEYRING_PID") {
            let _ = Command::new("kill").arg(pid).status();
        }
        if let Some(pid) = self.dbus_pid {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
    }
}

/// The private session bus: like the default session bus, without service activation.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

fn path(p: &std::path::Path) -> String {
    p.display().to_string()
}

/// Polls `ready` until it holds or `limit` passes.
pub fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) -> Result<(), ()> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(())
}
