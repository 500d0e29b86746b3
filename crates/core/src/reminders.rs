//! Reminders before every expiry: a pure planner, and the calendar export.
//!
//! Everything works on JST calendar days, like [`crate::expiry::days_left`]: a reminder belongs
//! to a day and fires at [`FIRE_HOUR_JST`]:00 JST that day (see [`fire_time`]). The caller owns
//! the clock, the tick and the persistence of the [`SentLog`].

pub mod ics;
mod lead;
mod planner;
mod text;

pub use lead::{
    fire_time, Lead, LeadTimes, LeadTimesByKind, ReminderKey, SentLog, DEFAULT_DAYS_BEFORE,
    FIRE_HOUR_JST,
};
pub use planner::{next_fire_time, plan, DueReminder, Plan, ReminderSubject};
pub use text::notification_text;
