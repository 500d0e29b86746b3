//! The .ics export, read back by an independent iCalendar parser (the `icalendar` crate) and by
//! a strict line-level reader in this file: structure, dates, alarms, escaping, folding, UIDs.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold, Component};
use icalendar::{CalendarComponent, Component as _, DatePerhapsTime};
use kagiban_core::expiry::jst;
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::reminders::ics::{calendar, uid, MAX_LINE_OCTETS, PRODID};
use kagiban_core::reminders::{LeadTimes, LeadTimesByKind, ReminderSubject};
use proptest::prelude::*;

fn jst_at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(y, m, d, h, min, s)
        .unwrap()
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn subject(id: &str, shop: &str, expires_at: DateTime<Utc>) -> ReminderSubject {
    ReminderSubject {
        credential_id: id.into(),
        kind: CredentialKind::RakutenLicenseKey,
        shop: shop.into(),
        expires_at,
        renewed: false,
        dismissed_after_expiry: false,
        snoozed_until: None,
    }
}

fn sample() -> Vec<ReminderSubject> {
    let mut renewed = subject("old", "楽天市場1号店", jst_at(2026, 11, 28, 23, 59, 59));
    renewed.renewed = true;
    let mut dismissed = subject("gone", "楽天市場1号店", jst_at(2026, 12, 1, 23, 59, 59));
    dismissed.dismissed_after_expiry = true;
    let mut lwa = subject("lwa-1", "Amazon店", jst_at(2028, 2, 29, 23, 59, 59));
    lwa.kind = CredentialKind::LwaClientSecret;
    vec![
        subject("key-2", "楽天市場2号店", jst_at(2027, 3, 31, 23, 59, 59)),
        renewed,
        // 00:30 JST on 2027-01-31 is still 2027-01-30 in UTC: the event must be on the 31st.
        subject("key-1", "楽天市場1号店", jst_at(2027, 1, 31, 0, 30, 0)),
        dismissed,
        lwa,
    ]
}

fn leads() -> LeadTimesByKind {
    LeadTimesByKind::default().with(
        CredentialKind::LwaClientSecret,
        LeadTimes {
            days_before: vec![14],
            daily_after_expiry: false,
        },
    )
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 3, 4, 5).unwrap()
}

/// The strict physical-line checks: CRLF only, ≤ 75 octets, continuation lines start with a
/// space, folds only where the next character would not fit.
fn check_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let body = &ics[..ics.len() - 2];
    assert!(
        !body.replace("\r\n", "").contains(['\r', '\n']),
        "bare CR or LF"
    );
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert!(!lines[0].starts_with(' '));
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "line {i} has {} octets: {line}",
            line.len()
        );
        assert!(!line.is_empty(), "empty line {i}");
        if let Some(next) = lines.get(i + 1).and_then(|l| l.strip_prefix(' ')) {
            let first = next.chars().next().expect("a continuation carries text");
            assert!(
                line.len() + first.len_utf8() > MAX_LINE_OCTETS,
                "line {i} was folded early"
            );
        }
    }
}

/// A strict reader: unfolds (CRLF + one space or tab), checks BEGIN/END nesting, and returns
/// the content lines.
fn strict_content_lines(ics: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in ics.trim_end_matches("\r\n").split("\r\n") {
        match line.strip_prefix([' ', '\t']) {
            Some(rest) => out
                .last_mut()
                .expect("no continuation first")
                .push_str(rest),
            None => out.push(line.to_string()),
        }
    }
    let mut stack = Vec::new();
    for line in &out {
        let (name, value) = line.split_once(':').expect("a content line has a colon");
        assert!(
            name.split(';')
                .next()
                .unwrap()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-'),
            "bad name in {line}"
        );
        match name {
            "BEGIN" => stack.push(value.to_string()),
            "END" => assert_eq!(stack.pop().as_deref(), Some(value), "END:{value}"),
            _ => assert!(!stack.is_empty(), "property outside a component"),
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    out
}

/// Strict TEXT unescaping (RFC 5545 §3.3.11); panics on an invalid escape.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n') | Some('N') => out.push('\n'),
                other => panic!("invalid escape \\{other:?} in {value}"),
            },
            ';' | ',' => panic!("unescaped {c} in {value}"),
            c => out.push(c),
        }
    }
    out
}

fn events<'a>(components: &'a [Component<'a>]) -> Vec<&'a Component<'a>> {
    components.iter().filter(|c| c.name == "VEVENT").collect()
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{name} missing"))
        .val
        .as_str()
}

#[test]
fn parses_with_the_icalendar_crate_and_round_trips_the_dates() {
    let ics = calendar(&sample(), &leads(), Lang::Ja, now());
    check_lines(&ics);
    strict_content_lines(&ics);

    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).expect("parses");
    let value = |name: &str| {
        cal.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str())
    };
    assert_eq!(value("PRODID"), Some(PRODID));
    assert_eq!(value("VERSION"), Some("2.0"));
    assert_eq!(value("CALSCALE"), Some("GREGORIAN"));

    let evs = events(&cal.components);
    // Renewed and dismissed subjects are left out; the rest ordered by date.
    let uids: Vec<&str> = evs.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(
        uids,
        [
            "key-1-20270131@kagiban",
            "key-2-20270331@kagiban",
            "lwa-1-20280229@kagiban"
        ]
    );
    let starts: Vec<NaiveDate> = evs
        .iter()
        .map(|e| NaiveDate::parse_from_str(prop(e, "DTSTART"), "%Y%m%d").unwrap())
        .collect();
    assert_eq!(
        starts,
        [date(2027, 1, 31), date(2027, 3, 31), date(2028, 2, 29)]
    );
    for e in &evs {
        let dtstart = e.find_prop("DTSTART").unwrap();
        assert!(dtstart
            .params
            .iter()
            .any(|p| p.key == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE")));
        assert_eq!(prop(e, "DTSTAMP"), "20261201T030405Z");
    }
    assert_eq!(prop(evs[2], "DTEND"), "20280301");

    // The typed model of the same crate sees all-day dates too.
    let typed: icalendar::Calendar = ics.parse().expect("typed parse");
    let typed_starts: Vec<(String, DatePerhapsTime)> = typed
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((e.get_uid()?.to_string(), e.get_start()?)),
            _ => None,
        })
        .collect();
    assert_eq!(typed_starts.len(), 3);
    for ((uid_, start), expected) in typed_starts.iter().zip(&starts) {
        assert_eq!(start, &DatePerhapsTime::Date(*expected), "{uid_}");
    }
}

#[test]
fn alarms_fire_at_each_lead_time_at_nine() {
    let ics = calendar(&sample(), &leads(), Lang::Ja, now());
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).unwrap();
    let evs = events(&cal.components);
    let alarms = |e: &Component| -> Vec<(String, String, String)> {
        e.components
            .iter()
            .filter(|c| c.name == "VALARM")
            .map(|a| {
                let trigger = a.find_prop("TRIGGER").unwrap();
                assert!(trigger
                    .params
                    .iter()
                    .any(|p| p.key == "RELATED" && p.val.as_ref().unwrap().as_str() == "START"));
                (
                    prop(a, "ACTION").to_string(),
                    trigger.val.as_str().to_string(),
                    prop(a, "DESCRIPTION").to_string(),
                )
            })
            .collect()
    };
    let first = alarms(evs[0]);
    let triggers: Vec<&str> = first.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(triggers, ["-P29DT15H", "-P6DT15H", "-PT15H", "PT9H"]);
    assert!(first.iter().all(|(action, _, _)| action == "DISPLAY"));
    assert_eq!(
        first[1].2,
        "楽天市場1号店の楽天 licenseKey の有効期限があと7日です(2027/01/31)。\
         期限が切れると受注取得などの楽天 API が使えなくなります。\
         RMS で licenseKey を再発行し、鍵番の「更新」から登録してください。"
    );
    assert_eq!(
        first[3].2.split('。').next().unwrap(),
        "楽天市場1号店の楽天 licenseKey の有効期限は今日までです(2027/01/31)"
    );
    // Per-kind lead times: the LWA secret has one alarm, 14 days before.
    let lwa = alarms(evs[2]);
    assert_eq!(lwa.len(), 1);
    assert_eq!(lwa[0].1, "-P13DT15H");

    // The trigger lands at 09:00 on the lead day: start (00:00) − 29 days − 15 hours.
    let start = date(2027, 1, 31).and_hms_opt(0, 0, 0).unwrap();
    let fired = start - chrono::Duration::days(29) - chrono::Duration::hours(15);
    assert_eq!(
        fired,
        date(2027, 1, 1).and_hms_opt(9, 0, 0).unwrap(),
        "30 days before a January 31 expiry is January 1"
    );
}

#[test]
fn summary_and_description_follow_the_language() {
    let subjects = vec![subject(
        "k",
        "楽天市場1号店",
        jst_at(2027, 2, 28, 23, 59, 59),
    )];
    let ja = calendar(&subjects, &leads(), Lang::Ja, now());
    let en = calendar(&subjects, &leads(), Lang::En, now());
    let get = |ics: &str, name: &str| -> String {
        let unfolded = unfold(ics);
        let cal = read_calendar(&unfolded).unwrap();
        let ev = events(&cal.components)[0];
        prop(ev, name).to_string()
    };
    assert_eq!(
        get(&ja, "SUMMARY"),
        "楽天 licenseKey の有効期限(楽天市場1号店)"
    );
    assert_eq!(
        get(&en, "SUMMARY"),
        "Rakuten licenseKey expires (楽天市場1号店)"
    );
    assert!(get(&ja, "DESCRIPTION")
        .starts_with("楽天市場1号店の楽天 licenseKey の有効期限は2027/02/28です。"));
    assert!(get(&en, "DESCRIPTION")
        .starts_with("The Rakuten licenseKey of 楽天市場1号店 expires on 2027/02/28. "));
    assert!(en.contains("X-WR-CALNAME:Kagiban expiry dates\r\n"));
}

#[test]
fn uids_are_stable_across_exports() {
    let a = calendar(&sample(), &leads(), Lang::Ja, now());
    let later = now() + Days::new(45);
    let b = calendar(&sample(), &LeadTimesByKind::default(), Lang::En, later);
    let uids = |ics: &str| -> Vec<String> {
        strict_content_lines(ics)
            .into_iter()
            .filter_map(|l| l.strip_prefix("UID:").map(str::to_string))
            .collect()
    };
    assert_eq!(uids(&a), uids(&b));
    assert_eq!(uids(&a).len(), 3);
    assert_ne!(a, b, "DTSTAMP and texts differ");
    assert_eq!(uid("key-1", date(2027, 1, 31)), "key-1-20270131@kagiban");
    // A renewal (new expiry date) is a new event, not an update of the old one.
    assert_ne!(
        uid("key-1", date(2027, 1, 31)),
        uid("key-1", date(2027, 4, 30))
    );
}

#[test]
fn escaping_survives_a_strict_reader() {
    let shop = "A;B,C\\D\nE\\nF 鍵番";
    let subjects = vec![subject("k;1,x", shop, jst_at(2027, 2, 28, 23, 59, 59))];
    let ics = calendar(&subjects, &leads(), Lang::En, now());
    check_lines(&ics);
    let lines = strict_content_lines(&ics);
    let value = |name: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(unescape)
            .unwrap()
    };
    assert_eq!(
        value("SUMMARY"),
        format!("Rakuten licenseKey expires ({shop})")
    );
    assert_eq!(value("UID"), "k;1,x-20270228@kagiban");
    for line in &lines {
        if let Some(v) = line.split_once(':').map(|(_, v)| v) {
            unescape(v);
        }
    }
}

#[test]
fn long_japanese_lines_fold_without_splitting_characters() {
    let shop = "鍵番テスト用のとても長い名前の楽天市場店舗🏪その二".repeat(4);
    let subjects = vec![subject("k", &shop, jst_at(2027, 2, 28, 23, 59, 59))];
    let ics = calendar(&subjects, &leads(), Lang::Ja, now());
    check_lines(&ics);
    assert!(ics.contains("\r\n "), "something was folded");
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).unwrap();
    let summary = prop(events(&cal.components)[0], "SUMMARY").to_string();
    assert_eq!(summary, format!("楽天 licenseKey の有効期限({shop})"));
}

#[test]
fn an_empty_calendar_is_still_valid() {
    let ics = calendar(&[], &leads(), Lang::Ja, now());
    check_lines(&ics);
    let lines = strict_content_lines(&ics);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let cal: icalendar::Calendar = ics.parse().unwrap();
    assert!(cal.components.is_empty());
}

fn shop_name() -> impl Strategy<Value = String> {
    // No backslash: the icalendar crate's unescaping is not strict about `\\n`; the strict
    // reader above covers backslashes.
    proptest::string::string_regex("[a-zA-Z0-9 ;,:\"'楽天市場号店鍵番🏪é\n]{0,60}").unwrap()
}

proptest! {
    #[test]
    fn any_export_parses_and_round_trips(
        shops in proptest::collection::vec(shop_name(), 1..4),
        days in proptest::collection::vec(0u64..3000, 1..4),
        minute in 0u32..1440,
        lang in prop_oneof![Just(Lang::Ja), Just(Lang::En)],
    ) {
        let base = date(2026, 1, 1);
        let subjects: Vec<ReminderSubject> = shops
            .iter()
            .zip(&days)
            .enumerate()
            .map(|(i, (shop, d))| {
                let day = base + Days::new(*d);
                let at = jst()
                    .from_local_datetime(&day.and_hms_opt(minute / 60, minute % 60, 0).unwrap())
                    .unwrap()
                    .with_timezone(&Utc);
                subject(&format!("id-{i}"), shop, at)
            })
            .collect();
        let ics = calendar(&subjects, &LeadTimesByKind::default(), lang, now());
        check_lines(&ics);
        strict_content_lines(&ics);
        let unfolded = unfold(&ics);
        let cal = read_calendar(&unfolded).expect("parses");
        let evs = events(&cal.components);
        prop_assert_eq!(evs.len(), subjects.len());
        for s in &subjects {
            let expected = s.expiry_date();
            let ev = evs
                .iter()
                .find(|e| prop(e, "UID") == uid(&s.credential_id, expected))
                .expect("event for every subject");
            let start = NaiveDate::parse_from_str(prop(ev, "DTSTART"), "%Y%m%d").unwrap();
            prop_assert_eq!(start, expected);
            prop_assert!(prop(ev, "SUMMARY").contains(&s.shop));
            prop_assert_eq!(ev.components.len(), 4);
        }
    }
}
