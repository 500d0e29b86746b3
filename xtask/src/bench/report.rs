//! The figures, their goals, and the markdown report.

use std::fmt::Write;
use std::path::Path;

use super::{TrayOnly, Windowed};

/// One round: (Kagiban, baseline).
type Pair = (Windowed, Windowed);

/// Everything measured.
#[derive(Default)]
pub struct Figures {
    /// Measured runs of each program per figure.
    pub runs: usize,
    /// (Kagiban, baseline) per run, alternating.
    pub windowed: Vec<(Windowed, Windowed)>,
    /// Tray only, started hidden.
    pub hidden: Vec<(TrayOnly, TrayOnly)>,
    /// Tray only, after the window was opened and closed.
    pub closed: Vec<(TrayOnly, TrayOnly)>,
    /// Kagiban's windowed runs with 500 credentials.
    pub dashboard_500: Vec<Windowed>,
    /// (name, median ms, p95 ms) from the scale bench.
    pub core: Vec<(String, f64, f64)>,
    /// Clipboard capture latencies, ms, in the order of the tries.
    pub capture_ms: Vec<f64>,
    /// Binary and package sizes.
    pub sizes: Option<Sizes>,
    /// Where it ran.
    pub machine: Machine,
}

/// Stripped release binaries and the .deb, bytes.
pub struct Sizes {
    /// kagiban-app.
    pub window: u64,
    /// kagiban-resident.
    pub resident: u64,
    /// The baseline.
    pub baseline: u64,
    /// Kagiban's .deb.
    pub deb: u64,
}

impl Sizes {
    /// Reads the sizes of the three executables and the package.
    pub fn read(window: &Path, resident: &Path, baseline: &Path, deb: &Path) -> Self {
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        Self {
            window: size(window),
            resident: size(resident),
            baseline: size(baseline),
            deb: size(deb),
        }
    }
}

/// The machine's description.
#[derive(Default)]
pub struct Machine(pub Vec<(String, String)>);

impl Machine {
    /// CPU, cores, memory, OS, WebKitGTK and rustc versions.
    pub fn read() -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
            })
            .unwrap_or_default();
        let cores = cpuinfo
            .lines()
            .filter(|l| l.starts_with("processor"))
            .count();
        let mem = std::fs::read_to_string("/proc/meminfo")
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().to_string()))
            .unwrap_or_default();
        let os = std::fs::read_to_string("/etc/os-release")
            .unwrap_or_default()
            .lines()
            .find_map(|l| {
                l.strip_prefix("PRETTY_NAME=")
                    .map(|v| v.trim_matches('"').to_string())
            })
            .unwrap_or_default();
        let output = |cmd: &str, args: &[&str]| {
            std::process::Command::new(cmd)
                .args(args)
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default()
        };
        Self(vec![
            ("CPU".into(), format!("{cpu} ({cores} cores)")),
            ("Memory".into(), mem),
            ("OS".into(), os),
            (
                "WebKitGTK".into(),
                output(
                    "dpkg-query",
                    &["-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"],
                ),
            ),
            ("rustc".into(), output("rustc", &["--version"])),
            (
                "Date".into(),
                output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            ),
        ])
    }
}

/// The median of `values`: the middle one, or the mean of the two middle ones (0 when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut v: Vec<f64> = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The nearest-rank percentile `p` (0–100] of `values` (0 when empty): the smallest value with
/// at least p % of the values at or below it.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v: Vec<f64> = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v.get(rank.max(1) - 1).copied().unwrap_or(0.0)
}

const NOT_RUN: &str = "not measured in this run";

/// A page's milestones in the order they came, as ` status 52 ms, data 80 ms, …` (after the
/// page began to load).
fn marks_text(marks: &[(String, f64)]) -> String {
    let mut marks: Vec<_> = marks.iter().collect();
    marks.sort_by(|a, b| a.1.total_cmp(&b.1));
    marks
        .iter()
        .map(|(name, ms)| format!(" {name} {ms:.0} ms"))
        .collect::<Vec<_>>()
        .join(",")
}

fn mib(kib: f64) -> String {
    format!("{:.1} MiB", kib / 1024.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**missed**"
    }
}

impl Figures {
    /// The report.
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Kagiban against a bare Tauri app\n");
        let _ = writeln!(
            md,
            "`cargo xtask bench`: release builds of Kagiban (`kagiban-app` + `kagiban-resident`) and of \
             `bench/baseline` (Tauri 2, one empty page, same versions and profile), run alternately in one \
             Xvfb + D-Bus session, {} measured runs each after a warm-up. Medians; ratios are the median \
             of the per-pair ratios (Kagiban ÷ baseline, same round).\n",
            self.runs
        );
        let _ = writeln!(md, "| machine | |\n|---|---|");
        for (k, v) in &self.machine.0 {
            let _ = writeln!(md, "| {k} | {v} |");
        }
        let _ = writeln!(
            md,
            "\n| figure | Kagiban | baseline | ratio | goal | |\n|---|---|---|---|---|---|"
        );

        self.windowed_rows(&mut md);
        self.tray_rows(&mut md);
        self.size_rows(&mut md);
        if self.capture_ms.is_empty() {
            let _ = writeln!(
                md,
                "| 6. clipboard capture, p95 of {} | {NOT_RUN} | | | ≤ 300 ms | |",
                super::CAPTURE_TRIES
            );
        } else {
            let (p50, p95) = (
                percentile(&self.capture_ms, 50.0),
                percentile(&self.capture_ms, 95.0),
            );
            let _ = writeln!(md, "| 6. clipboard capture: xclip → the key shown captured, {} tries | p50 {p50:.0} ms, p95 {p95:.0} ms | | | p95 ≤ 300 ms | {} |", self.capture_ms.len(), verdict(p95 <= 300.0));
        }
        self.core_rows(&mut md);
        let _ = writeln!(md, "\nRaw runs (Kagiban / baseline):\n");
        for (i, (k, b)) in self.windowed.iter().enumerate() {
            let _ = writeln!(
                md,
                "- windowed {}: startup {:.0} / {:.0} ms (native {:.0} / {:.0} ms), PSS {} / {}, RSS {} / {};{}",
                i + 1,
                k.startup_ms,
                b.startup_ms,
                k.native_ms,
                b.native_ms,
                mib(k.pss_kib as f64),
                mib(b.pss_kib as f64),
                mib(k.rss_kib as f64),
                mib(b.rss_kib as f64),
                marks_text(&k.marks)
            );
        }
        for (i, (k, b)) in self.hidden.iter().enumerate() {
            let _ = writeln!(
                md,
                "- hidden {}: PSS {} / {}, idle CPU {:.2} / {:.2} s",
                i + 1,
                mib(k.pss_kib as f64),
                mib(b.pss_kib as f64),
                k.idle_cpu_s.unwrap_or(0.0),
                b.idle_cpu_s.unwrap_or(0.0)
            );
        }
        for (i, (k, b)) in self.closed.iter().enumerate() {
            let _ = writeln!(
                md,
                "- opened and closed {}: PSS {} / {}",
                i + 1,
                mib(k.pss_kib as f64),
                mib(b.pss_kib as f64)
            );
        }
        let _ = writeln!(
            md,
            "- capture: {:?} ms",
            self.capture_ms
                .iter()
                .map(|v| v.round())
                .collect::<Vec<_>>()
        );
        for (i, run) in self.dashboard_500.iter().enumerate() {
            let _ = writeln!(
                md,
                "- dashboard 500 {}: render {:.0} ms, startup {:.0} ms;{}",
                i + 1,
                run.render_ms,
                run.startup_ms,
                marks_text(&run.marks)
            );
        }
        md
    }
}

impl Figures {
    fn windowed_rows(&self, md: &mut String) {
        if self.windowed.is_empty() {
            let _ = writeln!(
                md,
                "| 1. startup to the first screen ready | {NOT_RUN} | | | ≤ 1.15× | |"
            );
            let _ = writeln!(
                md,
                "| 2. window open, 5 s idle: PSS of the process tree | {NOT_RUN} | | | ≤ 1.15× | |"
            );
            return;
        }
        let pairs = |f: &dyn Fn(&Pair) -> (f64, f64)| -> (f64, f64, f64) {
            let v: Vec<(f64, f64)> = self.windowed.iter().map(f).collect();
            let a: Vec<f64> = v.iter().map(|p| p.0).collect();
            let b: Vec<f64> = v.iter().map(|p| p.1).collect();
            let r: Vec<f64> = v.iter().map(|p| p.0 / p.1.max(f64::MIN_POSITIVE)).collect();
            (median(&a), median(&b), median(&r))
        };
        let (a, b, r) = pairs(&|(k, base)| (k.startup_ms, base.startup_ms));
        let _ = writeln!(md, "| 1. startup to the first screen painted | {a:.0} ms | {b:.0} ms | {r:.2}× | ≤ 1.15× | {} |", verdict(r <= 1.15));
        let (a, b, r) = pairs(&|(k, base)| (k.native_ms, base.native_ms));
        let _ = writeln!(md, "| 1. of which: process start → the page begins to load | {a:.0} ms | {b:.0} ms | {r:.2}× | — | |");
        let (a, b, r) =
            pairs(&|(k, base)| (k.startup_ms - k.native_ms, base.startup_ms - base.native_ms));
        let _ = writeln!(md, "| 1. of which: the page begins to load → painted with its data | {a:.0} ms | {b:.0} ms | {r:.2}× | — | |");
        let (a, b, r) = pairs(&|(k, base)| (k.rss_kib as f64, base.rss_kib as f64));
        let _ = writeln!(
            md,
            "| 2. window open, 5 s idle: RSS of the process tree | {} | {} | {r:.2}× | — | |",
            mib(a),
            mib(b)
        );
        let (a, b, r) = pairs(&|(k, base)| (k.pss_kib as f64, base.pss_kib as f64));
        let _ = writeln!(md, "| 2. window open, 5 s idle: PSS of the process tree | {} | {} | {r:.2}× | ≤ 1.15× | {} |", mib(a), mib(b), verdict(r <= 1.15));
    }

    fn tray_rows(&self, md: &mut String) {
        let tray = |runs: &[(TrayOnly, TrayOnly)]| {
            let a: Vec<f64> = runs.iter().map(|p| p.0.pss_kib as f64).collect();
            let b: Vec<f64> = runs.iter().map(|p| p.1.pss_kib as f64).collect();
            (median(&a), median(&b))
        };
        for (runs, what) in [
            (&self.hidden, "started hidden"),
            (&self.closed, "window opened and closed"),
        ] {
            if runs.is_empty() {
                let _ = writeln!(
                    md,
                    "| 3. tray only, {what}, after 30 s: PSS | {NOT_RUN} | | | ≤ 40 MiB | |"
                );
                continue;
            }
            let (a, b) = tray(runs);
            let _ = writeln!(
                md,
                "| 3. tray only, {what}, after 30 s: PSS | {} | {} | {:.2}× | ≤ 40 MiB | {} |",
                mib(a),
                mib(b),
                a / b.max(1.0),
                verdict(a <= 40.0 * 1024.0)
            );
        }
        if self.hidden.is_empty() {
            let _ = writeln!(
                md,
                "| 4. tray only, idle 60 s: CPU | {NOT_RUN} | | | ≤ 0.1% | |"
            );
            return;
        }
        let cpu_a: Vec<f64> = self.hidden.iter().filter_map(|p| p.0.idle_cpu_s).collect();
        let cpu_b: Vec<f64> = self.hidden.iter().filter_map(|p| p.1.idle_cpu_s).collect();
        let (ca, cb) = (median(&cpu_a), median(&cpu_b));
        let _ = writeln!(
            md,
            "| 4. tray only, idle 60 s: CPU | {ca:.2} s ({:.3}% of a core) | {cb:.2} s ({:.3}%) | — | ≤ 0.1% | {} |",
            ca / 60.0 * 100.0,
            cb / 60.0 * 100.0,
            verdict(ca / 60.0 <= 0.001)
        );
    }

    fn size_rows(&self, md: &mut String) {
        let Some(s) = &self.sizes else {
            let _ = writeln!(
                md,
                "| 5. stripped release binaries | {NOT_RUN} | | | ≤ 1.3× | |"
            );
            let _ = writeln!(md, "| 5. .deb | {NOT_RUN} | | | ≤ 8 MiB | |");
            return;
        };
        let total = (s.window + s.resident) as f64;
        let _ = writeln!(
            md,
            "| 5. stripped release binaries | {} (kagiban-app {} + kagiban-resident {}) | {} | {:.2}× | ≤ 1.3× | {} |",
            mib(total / 1024.0),
            mib(s.window as f64 / 1024.0),
            mib(s.resident as f64 / 1024.0),
            mib(s.baseline as f64 / 1024.0),
            total / (s.baseline as f64).max(1.0),
            verdict(total <= 1.3 * s.baseline as f64)
        );
        let _ = writeln!(
            md,
            "| 5. .deb (both executables, icons, desktop entry) | {} | | | ≤ 8 MiB | {} |",
            mib(s.deb as f64 / 1024.0),
            verdict(s.deb <= 8 * 1024 * 1024)
        );
    }

    fn core_rows(&self, md: &mut String) {
        for (name, goal) in [
            ("plan_10000", 5.0),
            ("load_10000_rows", 50.0),
            ("dashboard_10000_views", f64::INFINITY),
        ] {
            let goal_text = if goal.is_finite() {
                format!("≤ {goal:.0} ms")
            } else {
                "—".into()
            };
            match self.core.iter().find(|(n, _, _)| n == name) {
                Some((_, med, p95)) => {
                    let v = if goal.is_finite() {
                        verdict(*med <= goal)
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        md,
                        "| 7. {name} | {med:.2} ms (p95 {p95:.2}) | | | {goal_text} | {v} |"
                    );
                }
                None => {
                    let _ = writeln!(md, "| 7. {name} | {NOT_RUN} | | | {goal_text} | |");
                }
            }
        }
        if self.dashboard_500.is_empty() {
            let _ = writeln!(md, "| 7. dashboard first render, 500 credentials (real app, page-measured) | {NOT_RUN} | | | ≤ 150 ms | |");
        } else {
            let d = median(
                &self
                    .dashboard_500
                    .iter()
                    .map(|w| w.render_ms)
                    .collect::<Vec<_>>(),
            );
            let _ = writeln!(md, "| 7. dashboard first render, 500 credentials (real app, page-measured) | {d:.0} ms | | | ≤ 150 ms | {} |", verdict(d <= 150.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_between_the_two_middle_runs() {
        assert_eq!(median(&[640.0, 600.0, 700.0]), 640.0);
        assert_eq!(median(&[700.0, 600.0, 640.0, 660.0]), 650.0);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn p95_of_twenty_tries_is_the_nineteenth_fastest() {
        let tries: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&tries, 95.0), 19.0);
        assert_eq!(percentile(&tries, 50.0), 10.0);
        assert_eq!(percentile(&[42.0], 95.0), 42.0);
    }

    #[test]
    fn a_pages_milestones_read_in_the_order_they_came() {
        let marks = [
            ("data".to_string(), 90.4),
            ("painted".to_string(), 229.0),
            ("status".to_string(), 74.0),
        ];
        assert_eq!(
            marks_text(&marks),
            " status 74 ms, data 90 ms, painted 229 ms"
        );
    }
}
