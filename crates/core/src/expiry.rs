//! Expiry dates in Japan time (+09:00; Japan has no DST): parsing, month arithmetic, days left.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Utc,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Japan Standard Time, UTC+09:00.
pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// Where an expiry date came from. Stored in SQLite as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExpirySource {
    /// Read from the service's API (e.g. LicenseManagementAPI): authoritative.
    Api,
    /// Estimated from the issue date and the service's rule (e.g. licenseKey: 90 days).
    Rule,
    /// Entered by the user.
    User,
}

impl ExpirySource {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpirySource::Api => "api",
            ExpirySource::Rule => "rule",
            ExpirySource::User => "user",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<ExpirySource> {
        [ExpirySource::Api, ExpirySource::Rule, ExpirySource::User]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// An expiry date that could not be read. Carries no part of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ExpiryParseError {
    /// The value was empty.
    #[error("the expiry date is empty")]
    Empty,
    /// The value is not a date and time in any accepted form.
    #[error("the expiry date is not in a recognized format")]
    Invalid,
}

/// Parses an RMS `expiryDate`. `"2026-11-28T23:59:59"` has no zone and is JST; fractional
/// seconds, a space instead of `T`, and an explicit `Z`/offset (honoured) are accepted; a bare
/// date means 23:59:59 JST that day.
pub fn parse_rms_expiry(s: &str) -> Result<DateTime<Utc>, ExpiryParseError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(ExpiryParseError::Empty);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Ok(t.with_timezone(&Utc));
        }
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ]
    .into_iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| d.and_time(end_of_day()))
    })
    .ok_or(ExpiryParseError::Invalid)?;
    from_jst(naive).ok_or(ExpiryParseError::Invalid)
}

/// 23:59:59, the time of day RMS expiry dates carry.
fn end_of_day() -> NaiveTime {
    NaiveTime::from_hms_opt(23, 59, 59).expect("valid time")
}

/// A wall-clock time in Japan as a UTC instant.
fn from_jst(naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    jst()
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// `months` calendar months later on the JST calendar, clamped to the month's end
/// (JST 11/30 + 3 months = 2/28, or 2/29 in a leap year), at the same JST time of day.
/// Saturates at the latest representable instant.
pub fn add_months_jst(t: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    t.with_timezone(&jst())
        .checked_add_months(Months::new(months))
        .map_or(DateTime::<Utc>::MAX_UTC, |x| x.with_timezone(&Utc))
}

/// A licenseKey's nominal validity in months (GoQSystem: 「有効期限は【3ヶ月】」).
pub const LICENSE_KEY_VALID_MONTHS: u32 = 3;
/// A licenseKey's validity in days (「有効期限は90日間」; measured: issued 8/30, expired 11/28).
pub const LICENSE_KEY_VALID_DAYS: i64 = 90;

/// The estimated expiry of a licenseKey issued at `issued_at`, used until the API gives the
/// real date: 23:59:59 JST on the earlier of issue date + 90 days and issue date + 3 months,
/// so a reminder is never late.
pub fn estimated_license_key_expiry(issued_at: DateTime<Utc>) -> DateTime<Utc> {
    let issued = issued_at.with_timezone(&jst()).date_naive();
    let by_days = issued.checked_add_signed(Duration::days(LICENSE_KEY_VALID_DAYS));
    let by_months = issued.checked_add_months(Months::new(LICENSE_KEY_VALID_MONTHS));
    let date = match (by_days, by_months) {
        (Some(a), Some(b)) => a.min(b),
        (Some(d), None) | (None, Some(d)) => d,
        (None, None) => return DateTime::<Utc>::MAX_UTC,
    };
    from_jst(date.and_time(end_of_day())).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// JST calendar days from today to the expiry date: 0 on the day itself, negative after.
pub fn days_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let expiry = expires_at.with_timezone(&jst()).date_naive();
    let today = now.with_timezone(&jst()).date_naive();
    expiry.signed_duration_since(today).num_days()
}

/// `YYYY/MM/DD` in Japan time.
pub fn format_date_jst(t: DateTime<Utc>) -> String {
    t.with_timezone(&jst()).format("%Y/%m/%d").to_string()
}

/// `YYYY/MM/DD HH:MM` in Japan time.
pub fn format_datetime_jst(t: DateTime<Utc>) -> String {
    t.with_timezone(&jst()).format("%Y/%m/%d %H:%M").to_string()
}

/// ISO 8601 in Japan time with seconds precision: `2026-11-28T23:59:59+09:00`.
pub fn to_iso_jst(t: DateTime<Utc>) -> String {
    t.with_timezone(&jst())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// How close a credential is to expiring; the same colours everywhere in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// More than [`DUE_SOON_DAYS`] days left.
    Ok,
    /// [`DUE_SOON_DAYS`] days or fewer left, including the last day itself.
    DueSoon,
    /// The expiry date has passed.
    Expired,
}

/// From this many days left, a credential is due soon (Rakuten mails about a week ahead).
pub const DUE_SOON_DAYS: i64 = 7;

/// The urgency for a number of [`days_left`]: on the expiry day (0) the key still works until
/// 23:59:59, so it is due soon, not expired.
pub fn urgency(days_left: i64) -> Urgency {
    if days_left < 0 {
        Urgency::Expired
    } else if days_left <= DUE_SOON_DAYS {
        Urgency::DueSoon
    } else {
        Urgency::Ok
    }
}

/// The expiry of a credential of `kind` issued, granted or confirmed on `on` (a JST calendar
/// day), for the kinds whose lifetime counts from a day the user tells: the SP-API authorization
/// (refresh token, 365 days), the LWA client secret (180 days) and the MWS developer access
/// (1 year). None for the other kinds.
pub fn expiry_from_date(kind: crate::kind::CredentialKind, on: NaiveDate) -> Option<DateTime<Utc>> {
    use crate::amazon::expiry as amazon;
    use crate::kind::CredentialKind;
    match kind {
        CredentialKind::LwaRefreshToken => Some(amazon::sp_api_authorization_expiry(on)),
        CredentialKind::LwaClientSecret => Some(amazon::lwa_client_secret_expiry(on)),
        CredentialKind::AmazonDeveloperId => Some(amazon::mws_developer_access_expiry(on)),
        _ => None,
    }
}

/// Reads a calendar day the user typed: `2026-11-23`, `2026/11/23` or full-width digits, no
/// later than `today` (a day in the future cannot be an issue or grant day).
pub fn parse_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' | '/' | '－' => '-',
            other => other,
        })
        .collect();
    NaiveDate::parse_from_str(&ascii, "%Y-%m-%d")
        .ok()
        .filter(|d| *d <= today && d.year() >= 2000)
}
