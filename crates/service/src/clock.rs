//! The wall clock, behind a trait so tests can move time.

use chrono::{DateTime, Utc};

/// Something that tells the time.
pub trait Clock: Send + Sync {
    /// Now, in UTC.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved; for tests.
#[derive(Debug)]
pub struct FixedClock(std::sync::Mutex<DateTime<Utc>>);

impl FixedClock {
    /// A clock showing `at`.
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(at))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.0.lock().expect("clock lock");
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

/// Test-only clock for end-to-end tests: names the moment the app starts at (RFC 3339), then
/// runs on in real time. Honoured only by debug builds; a release build ignores it.
pub const FAKE_NOW_ENV: &str = "KAGIBAN_FAKE_NOW";

/// A clock that started at a given moment and runs in real time from there.
#[derive(Debug)]
pub struct OffsetClock {
    offset: chrono::Duration,
}

impl OffsetClock {
    /// A clock that shows `at` now.
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        Self {
            offset: at - Utc::now(),
        }
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }
}

/// The clock for this process: the system clock, or in debug builds the one
/// `KAGIBAN_FAKE_NOW` sets. A malformed value is refused rather than silently ignored.
pub fn from_env() -> Result<std::sync::Arc<dyn Clock>, crate::error::Error> {
    let fake = if cfg!(debug_assertions) {
        std::env::var(FAKE_NOW_ENV).ok().filter(|v| !v.is_empty())
    } else {
        None
    };
    match fake {
        None => Ok(std::sync::Arc::new(SystemClock)),
        Some(text) => {
            let at = DateTime::parse_from_rfc3339(&text).map_err(|_| {
                crate::error::Error::Startup(format!(
                    "{FAKE_NOW_ENV} must be an RFC 3339 time, e.g. 2026-11-24T09:00:00+09:00"
                ))
            })?;
            tracing::warn!(%text, "test clock in use ({FAKE_NOW_ENV})");
            Ok(std::sync::Arc::new(OffsetClock::starting_at(
                at.with_timezone(&Utc),
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_clock_starts_at_the_given_moment_and_runs_on() {
        let at = DateTime::parse_from_rfc3339("2030-02-28T23:59:59+09:00")
            .unwrap()
            .with_timezone(&Utc);
        let clock = OffsetClock::starting_at(at);
        let first = clock.now();
        assert!((first - at).num_milliseconds().abs() < 1000, "{first}");
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(clock.now() > first, "it runs on");
    }
}
