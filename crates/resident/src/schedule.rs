//! When the resident looks again: driven by the wall clock, never by one long sleep. It polls
//! every few seconds (a clock read and one SQLite pragma) and works when something is due, when
//! another process changed the data, after a suspend or clock change, and at least every 15
//! minutes.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

/// How often the resident polls.
pub const POLL: Duration = Duration::from_secs(2);
/// The longest the resident goes without working through its checks.
pub const MAX_TICK: Duration = Duration::from_secs(15 * 60);
/// A disagreement between wall and monotonic time larger than this is a suspend/resume (or the
/// clock was set).
pub const JUMP: Duration = Duration::from_secs(10);

/// Why the resident works now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// It just started.
    Start,
    /// A check or a reminder is due.
    Due,
    /// Another process (the window, the CLI) changed the data.
    Changed,
    /// The computer woke up, or the clock was set.
    Resumed,
    /// 15 minutes passed.
    Heartbeat,
}

/// One poll's readings.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    /// Wall time, by the service's clock.
    pub wall: DateTime<Utc>,
    /// Monotonic time (does not run during suspend).
    pub mono: Instant,
    /// SQLite's data_version.
    pub data_version: i64,
}

/// Remembers the last poll and the last work.
#[derive(Debug)]
pub struct Ticker {
    last_poll: Option<Reading>,
    last_tick: Option<Instant>,
    next_due: Option<DateTime<Utc>>,
}

impl Default for Ticker {
    fn default() -> Self {
        Self::new()
    }
}

impl Ticker {
    /// A ticker that has not polled yet.
    pub fn new() -> Self {
        Self {
            last_poll: None,
            last_tick: None,
            next_due: None,
        }
    }

    /// Whether to work now, and why.
    pub fn poll(&mut self, now: Reading) -> Option<Reason> {
        let previous = self.last_poll.replace(now);
        let Some(previous) = previous else {
            return self.ticked(now, Reason::Start);
        };
        let wall = (now.wall - previous.wall).num_milliseconds();
        let mono = now.mono.duration_since(previous.mono).as_millis() as i64;
        if (wall - mono).unsigned_abs() > JUMP.as_millis() as u64 {
            return self.ticked(now, Reason::Resumed);
        }
        if now.data_version != previous.data_version {
            return self.ticked(now, Reason::Changed);
        }
        if self.next_due.is_some_and(|due| due <= now.wall) {
            return self.ticked(now, Reason::Due);
        }
        if self
            .last_tick
            .is_some_and(|t| now.mono.duration_since(t) >= MAX_TICK)
        {
            return self.ticked(now, Reason::Heartbeat);
        }
        None
    }

    /// After the work: when the next check or reminder is due.
    pub fn set_next_due(&mut self, due: Option<DateTime<Utc>>) {
        self.next_due = due;
    }

    fn ticked(&mut self, now: Reading, reason: Reason) -> Option<Reason> {
        self.last_tick = Some(now.mono);
        self.next_due = None;
        Some(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    struct Sim {
        wall: DateTime<Utc>,
        mono: Instant,
        version: i64,
        ticker: Ticker,
    }

    impl Sim {
        fn new() -> Self {
            Self {
                wall: Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap(),
                mono: Instant::now(),
                version: 1,
                ticker: Ticker::new(),
            }
        }
        /// Time passes while awake (both clocks), then a poll.
        fn awake(&mut self, d: Duration) -> Option<Reason> {
            self.wall += chrono::Duration::from_std(d).unwrap();
            self.mono += d;
            self.poll()
        }
        /// The computer sleeps (only the wall clock runs), then a poll.
        fn asleep(&mut self, d: Duration) -> Option<Reason> {
            self.wall += chrono::Duration::from_std(d).unwrap();
            self.poll()
        }
        fn poll(&mut self) -> Option<Reason> {
            self.ticker.poll(Reading {
                wall: self.wall,
                mono: self.mono,
                data_version: self.version,
            })
        }
    }

    #[test]
    fn works_at_start_then_only_when_there_is_a_reason() {
        let mut sim = Sim::new();
        assert_eq!(sim.poll(), Some(Reason::Start));
        for _ in 0..100 {
            assert_eq!(sim.awake(POLL), None);
        }
    }

    #[test]
    fn a_due_reminder_is_worked_on_at_the_first_poll_after_it() {
        let mut sim = Sim::new();
        sim.poll();
        let due = sim.wall + chrono::Duration::seconds(5);
        sim.ticker.set_next_due(Some(due));
        assert_eq!(sim.awake(POLL), None);
        assert_eq!(sim.awake(POLL), None);
        assert_eq!(sim.awake(POLL), Some(Reason::Due));
        assert_eq!(sim.awake(POLL), None, "once, until told the next due time");
    }

    #[test]
    fn a_ten_hour_sleep_is_noticed_at_the_first_poll_after_waking() {
        let mut sim = Sim::new();
        sim.poll();
        assert_eq!(
            sim.asleep(Duration::from_secs(10 * 3600)),
            Some(Reason::Resumed)
        );
        assert_eq!(sim.awake(POLL), None);
    }

    #[test]
    fn a_clock_set_back_is_noticed_too() {
        let mut sim = Sim::new();
        sim.poll();
        sim.wall -= chrono::Duration::hours(1);
        assert_eq!(sim.awake(POLL), Some(Reason::Resumed));
    }

    #[test]
    fn a_change_by_another_process_is_worked_on_at_once() {
        let mut sim = Sim::new();
        sim.poll();
        sim.version += 1;
        assert_eq!(sim.awake(POLL), Some(Reason::Changed));
        assert_eq!(sim.awake(POLL), None);
    }

    #[test]
    fn never_more_than_fifteen_minutes_without_work() {
        let mut sim = Sim::new();
        sim.poll();
        let mut since = Duration::ZERO;
        let mut beats = 0;
        for _ in 0..(3600 / POLL.as_secs()) {
            since += POLL;
            if let Some(reason) = sim.awake(POLL) {
                assert_eq!(reason, Reason::Heartbeat);
                assert!(since <= MAX_TICK, "{since:?}");
                since = Duration::ZERO;
                beats += 1;
            }
        }
        assert_eq!(beats, 4, "four heartbeats in an idle hour");
    }
}
