//! Reading a process tree from /proc: its members, their memory (RSS, PSS) and CPU time.

use std::collections::BTreeSet;

/// The process and all its descendants that are alive now.
pub fn tree(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            if let Some(ppid) = stat_field(pid, 1).and_then(|p| p.parse().ok()) {
                parents.push((pid, ppid));
            }
        }
    }
    let mut members = BTreeSet::from([root]);
    loop {
        let before = members.len();
        for (pid, ppid) in &parents {
            if members.contains(ppid) {
                members.insert(*pid);
            }
        }
        if members.len() == before {
            break;
        }
    }
    members
        .into_iter()
        .filter(|p| std::path::Path::new(&format!("/proc/{p}")).exists())
        .collect()
}

/// Total RSS and PSS of `pids`, in KiB (smaps_rollup).
pub fn memory(pids: &[u32]) -> (u64, u64) {
    pids.iter().fold((0, 0), |(rss, pss), pid| {
        let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        let field = |name: &str| {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        (rss + field("Rss:"), pss + field("Pss:"))
    })
}

/// CPU seconds (user + system) `pids` have used so far.
pub fn cpu_seconds(pids: &[u32]) -> f64 {
    let hz = 100.0; // USER_HZ on Linux
    pids.iter()
        .map(|pid| {
            // Fields after the command name: state is 0, utime 11, stime 12.
            let utime: f64 = stat_field(*pid, 11)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            let stime: f64 = stat_field(*pid, 12)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            (utime + stime) / hz
        })
        .sum()
}

/// Field `n` of /proc/PID/stat counted after the `(comm)` part (0 = state, 1 = ppid …).
fn stat_field(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(n).map(str::to_string)
}

/// Ends the tree rooted at `root` (children first) and waits until it is gone.
pub fn kill_tree(root: u32) {
    let mut pids = tree(root);
    pids.reverse();
    for pid in &pids {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
    }
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while pids.iter().any(|p| alive(*p)) && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    for pid in pids.iter().filter(|p| alive(**p)) {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    }
}

/// Ends every process running the executable `exe` (with its children).
pub fn kill_exe(exe: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe) {
            kill_tree(pid);
        }
    }
}

/// Whether `pid` runs (and is not a zombie).
pub fn alive(pid: u32) -> bool {
    stat_field(pid, 0).is_some_and(|state| state != "Z")
}
