//! 連携タイミング: 「連携しない」「手動実行」「スケジュール実行」; a schedule runs 「毎日」「毎週」
//! 「毎月」, at 「「0時」~「23時」の1時間ごとに」.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;

use super::rule::Rule;

/// The hours a schedule can run at: 「0時」〜「23時」.
pub const HOURS: std::ops::RangeInclusive<u8> = 0..=23;
/// The days a monthly schedule can run on. The manual does not list them; every calendar day
/// is accepted and 29–31 are flagged.
const DAYS: std::ops::RangeInclusive<u8> = 1..=31;
/// From this day on, some months lack the day.
const FIRST_SHORT_MONTH_DAY: u8 = 29;

/// 連携タイミング of one bill-data setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Timing {
    /// 「連携しない」: 楽楽コネクタ連携は行われません。
    NotLinked,
    /// 「手動実行」: 任意のタイミングで連携を実行します。
    Manual,
    /// 「スケジュール実行」: 設定したスケジュールごとに自動で連携を実行します。
    Scheduled {
        /// 実行間隔.
        every: Every,
        /// 時間 (0–23).
        hour: u8,
    },
}

/// 実行間隔 of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Every {
    /// 「毎日」
    Daily,
    /// 「毎週」, on a weekday.
    Weekly {
        /// The weekday.
        weekday: Weekday,
    },
    /// 「毎月」, on a day of the month.
    Monthly {
        /// The day (1–31).
        day: u8,
    },
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// 月曜日
    Mon,
    /// 火曜日
    Tue,
    /// 水曜日
    Wed,
    /// 木曜日
    Thu,
    /// 金曜日
    Fri,
    /// 土曜日
    Sat,
    /// 日曜日
    Sun,
}

impl Weekday {
    /// Monday first, as Japanese business calendars list them.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The day's name.
    pub fn label(self) -> Text {
        match self {
            Weekday::Mon => Text::new("月曜日", "Monday"),
            Weekday::Tue => Text::new("火曜日", "Tuesday"),
            Weekday::Wed => Text::new("水曜日", "Wednesday"),
            Weekday::Thu => Text::new("木曜日", "Thursday"),
            Weekday::Fri => Text::new("金曜日", "Friday"),
            Weekday::Sat => Text::new("土曜日", "Saturday"),
            Weekday::Sun => Text::new("日曜日", "Sunday"),
        }
    }
}

impl Timing {
    /// The choice's label on the 楽楽コネクタ screen.
    pub fn label(self) -> Text {
        match self {
            Timing::NotLinked => Text::new("連携しない", "連携しない (do not link)"),
            Timing::Manual => Text::new("手動実行", "手動実行 (run by hand)"),
            Timing::Scheduled { .. } => {
                Text::new("スケジュール実行", "スケジュール実行 (run on a schedule)")
            }
        }
    }

    /// Whether the setting links at all (its fields are then required).
    pub fn links(self) -> bool {
        self != Timing::NotLinked
    }

    /// The problems of a schedule, each with the sub-path it concerns (`hour`, `every.day`).
    pub fn check(self) -> Vec<(&'static str, Rule)> {
        let Timing::Scheduled { every, hour } = self else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if !HOURS.contains(&hour) {
            out.push(("hour", Rule::HourOutOfRange));
        }
        if let Every::Monthly { day } = every {
            if !DAYS.contains(&day) {
                out.push(("every.day", Rule::DayOutOfRange));
            } else if day >= FIRST_SHORT_MONTH_DAY {
                out.push(("every.day", Rule::DayMissingInSomeMonths));
            }
        }
        out
    }
}

impl Every {
    /// 実行間隔 as the screen names it: 「毎日」「毎週」「毎月」.
    pub fn label(self) -> Text {
        match self {
            Every::Daily => Text::new("毎日", "毎日 (every day)"),
            Every::Weekly { .. } => Text::new("毎週", "毎週 (every week)"),
            Every::Monthly { .. } => Text::new("毎月", "毎月 (every month)"),
        }
    }
}
