//! iCalendar export (RFC 5545): one all-day VEVENT per expiry, a VALARM per lead time.
//!
//! Alarms fire at 09:00 on their day, like the app's own reminders: `TRIGGER;RELATED=START`
//! is relative to the start of the all-day event (00:00 of the expiry date in the calendar's
//! own time zone, i.e. JST for a shop in Japan), so 30 days before at 09:00 is `-P29DT15H` and
//! on the day at 09:00 is `PT9H`. The daily reminders after expiry are the app's alone.

use chrono::{DateTime, NaiveDate, Utc};

use super::lead::{Lead, LeadTimesByKind};
use super::planner::ReminderSubject;
use super::text::{event_texts, status_texts};
use crate::lang::{Lang, Text};

/// The calendar's product identifier.
pub const PRODID: &str = "-//Kagiban//鍵番//JA";

/// The longest physical line, in octets, without its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// The calendar's display name (`X-WR-CALNAME`).
const CALENDAR_NAME: Text = Text::new("鍵番 有効期限", "Kagiban expiry dates");

/// The iCalendar file for every subject that is neither renewed nor dismissed; `now` is the
/// `DTSTAMP`. Events are ordered by expiry date, then credential.
pub fn calendar(
    subjects: &[ReminderSubject],
    leads: &LeadTimesByKind,
    lang: Lang,
    now: DateTime<Utc>,
) -> String {
    let mut active: Vec<&ReminderSubject> = subjects.iter().filter(|s| s.is_active()).collect();
    active.sort_by(|a, b| {
        (a.expiry_date(), &a.credential_id).cmp(&(b.expiry_date(), &b.credential_id))
    });
    active
        .dedup_by(|a, b| a.expiry_date() == b.expiry_date() && a.credential_id == b.credential_id);

    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(CALENDAR_NAME.get(lang))),
    ];
    for subject in active {
        event(&mut lines, subject, leads, lang, &stamp);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l) + "\r\n").collect()
}

/// The UID of the event for one credential's expiry date, the same on every export and machine:
/// `<credential_id>-<yyyymmdd>@kagiban`.
pub fn uid(credential_id: &str, expiry_date: NaiveDate) -> String {
    format!("{credential_id}-{}@kagiban", expiry_date.format("%Y%m%d"))
}

/// Appends the VEVENT of one subject.
fn event(
    lines: &mut Vec<String>,
    subject: &ReminderSubject,
    leads: &LeadTimesByKind,
    lang: Lang,
    stamp: &str,
) {
    let date = subject.expiry_date();
    let end = date.succ_opt().unwrap_or(date);
    let (summary, description) = event_texts(subject.kind, &subject.shop, date, lang);
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&uid(&subject.credential_id, date))),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        format!("SUMMARY:{}", escape_text(&summary)),
        format!("DESCRIPTION:{}", escape_text(&description)),
        "TRANSP:TRANSPARENT".to_string(),
    ]);
    for lead in leads.get(subject.kind).leads() {
        let days_before = match lead {
            Lead::DaysBefore(n) => n,
            _ => 0,
        };
        let (_, text) = status_texts(subject.kind, &subject.shop, date, days_before.into(), lang);
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("TRIGGER;RELATED=START:{}", trigger(days_before)),
            format!("DESCRIPTION:{}", escape_text(&text)),
            "END:VALARM".to_string(),
        ]);
    }
    lines.push("END:VEVENT".to_string());
}

/// The trigger for 09:00 on the day `days_before` days before the event's start (00:00).
pub fn trigger(days_before: u32) -> String {
    match days_before {
        0 => "PT9H".to_string(),
        1 => "-PT15H".to_string(),
        n => format!("-P{}DT15H", n - 1),
    }
}

/// Escapes a TEXT value: `\`, `;`, `,` and line breaks; other control characters are dropped.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line into physical lines of at most 75 octets, continuation lines starting
/// with a space, never inside a UTF-8 character. No trailing CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_fire_at_nine() {
        assert_eq!(trigger(30), "-P29DT15H");
        assert_eq!(trigger(7), "-P6DT15H");
        assert_eq!(trigger(1), "-PT15H");
        assert_eq!(trigger(0), "PT9H");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\nf\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf"
        );
    }

    #[test]
    fn folds_on_character_boundaries() {
        let line = format!("DESCRIPTION:{}", "鍵".repeat(40));
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert!(parts.iter().all(|p| p.len() <= MAX_LINE_OCTETS));
        assert_eq!(parts[0].len(), 12 + 21 * 3);
        assert_eq!(parts.concat().replace(" ", ""), line.replace(' ', ""));
        assert_eq!(fold("short"), "short");
    }
}
