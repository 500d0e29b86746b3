//! The reminder planner on concrete timelines: fire times, month ends, the leap day, missed
//! reminders, lead-time changes, snooze, dismissal, renewal, next_fire_time.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kagiban_core::expiry::{jst, Urgency};
use kagiban_core::kind::CredentialKind;
use kagiban_core::reminders::{
    fire_time, next_fire_time, plan, DueReminder, Lead, LeadTimes, LeadTimesByKind, Plan,
    ReminderKey, ReminderSubject, SentLog,
};

fn jst_at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A licenseKey expiring at 23:59:59 JST on the given day, as RMS reports it.
fn key_expiring(id: &str, y: i32, m: u32, d: u32) -> ReminderSubject {
    ReminderSubject {
        credential_id: id.into(),
        kind: CredentialKind::RakutenLicenseKey,
        shop: "楽天市場1号店".into(),
        expires_at: jst()
            .with_ymd_and_hms(y, m, d, 23, 59, 59)
            .unwrap()
            .with_timezone(&Utc),
        renewed: false,
        dismissed_after_expiry: false,
        snoozed_until: None,
    }
}

fn key(id: &str, expiry: NaiveDate, lead: Lead) -> ReminderKey {
    ReminderKey {
        credential_id: id.into(),
        expiry_date: expiry,
        lead,
    }
}

fn record(sent: &mut SentLog, plan: &Plan) {
    sent.extend(plan.keys_to_record().cloned());
}

/// Runs a 15-minute tick from `from` to `to`, recording every plan; returns what was shown
/// with the moment it was shown.
fn run(
    subjects: &[ReminderSubject],
    leads: &LeadTimesByKind,
    sent: &mut SentLog,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DueReminder)> {
    let mut shown = Vec::new();
    let mut t = from;
    while t <= to {
        let p = plan(subjects, leads, sent, t);
        shown.extend(p.show.iter().cloned().map(|r| (t, r)));
        record(sent, &p);
        t += Duration::minutes(15);
    }
    shown
}

#[test]
fn the_default_series_fires_at_nine_jst_on_each_day() {
    let s = key_expiring("k", 2027, 3, 31);
    let mut sent = SentLog::new();
    let shown = run(
        &[s],
        &LeadTimesByKind::default(),
        &mut sent,
        jst_at(2027, 2, 15, 0, 0),
        jst_at(2027, 4, 2, 23, 45),
    );
    let got: Vec<(DateTime<Utc>, Lead, i64, Urgency)> = shown
        .iter()
        .map(|(t, r)| (*t, r.key.lead, r.days_left, r.urgency))
        .collect();
    let exp = date(2027, 3, 31);
    assert_eq!(
        got,
        [
            (
                jst_at(2027, 3, 1, 9, 0),
                Lead::DaysBefore(30),
                30,
                Urgency::Ok
            ),
            (
                jst_at(2027, 3, 24, 9, 0),
                Lead::DaysBefore(7),
                7,
                Urgency::DueSoon
            ),
            (
                jst_at(2027, 3, 30, 9, 0),
                Lead::DaysBefore(1),
                1,
                Urgency::DueSoon
            ),
            (
                jst_at(2027, 3, 31, 9, 0),
                Lead::OnTheDay,
                0,
                Urgency::DueSoon
            ),
            (
                jst_at(2027, 4, 1, 9, 0),
                Lead::AfterExpiry {
                    day: date(2027, 4, 1)
                },
                -1,
                Urgency::Expired
            ),
            (
                jst_at(2027, 4, 2, 9, 0),
                Lead::AfterExpiry {
                    day: date(2027, 4, 2)
                },
                -2,
                Urgency::Expired
            ),
        ]
    );
    assert!(shown.iter().all(|(_, r)| r.key.expiry_date == exp));
    assert_eq!(sent.len(), 6, "nothing was superseded on a clean timeline");
}

#[test]
fn month_ends_and_the_leap_day() {
    let cases = [
        // (expiry, lead, the day it fires on)
        (date(2027, 1, 31), Lead::DaysBefore(30), date(2027, 1, 1)),
        (date(2027, 3, 31), Lead::DaysBefore(30), date(2027, 3, 1)),
        (date(2027, 3, 31), Lead::DaysBefore(7), date(2027, 3, 24)),
        (date(2027, 3, 1), Lead::DaysBefore(1), date(2027, 2, 28)),
        (date(2028, 3, 1), Lead::DaysBefore(1), date(2028, 2, 29)),
        (date(2028, 2, 29), Lead::DaysBefore(30), date(2028, 1, 30)),
        (date(2028, 2, 29), Lead::DaysBefore(7), date(2028, 2, 22)),
        (date(2028, 2, 29), Lead::OnTheDay, date(2028, 2, 29)),
        (
            date(2028, 2, 29),
            Lead::AfterExpiry {
                day: date(2028, 3, 1),
            },
            date(2028, 3, 1),
        ),
        (
            date(2026, 12, 31),
            Lead::AfterExpiry {
                day: date(2027, 1, 1),
            },
            date(2027, 1, 1),
        ),
    ];
    for (expiry, lead, day) in cases {
        let k = key("k", expiry, lead);
        assert_eq!(k.day(), day, "{expiry} {lead}");
        assert_eq!(k.fire_time(), fire_time(day));
    }
    // And through the planner, for the leap day:
    let s = key_expiring("leap", 2028, 2, 29);
    let mut sent = SentLog::new();
    let shown = run(
        &[s],
        &LeadTimesByKind::default(),
        &mut sent,
        jst_at(2028, 1, 20, 0, 0),
        jst_at(2028, 3, 1, 12, 0),
    );
    let days: Vec<DateTime<Utc>> = shown.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        days,
        [
            jst_at(2028, 1, 30, 9, 0),
            jst_at(2028, 2, 22, 9, 0),
            jst_at(2028, 2, 28, 9, 0),
            jst_at(2028, 2, 29, 9, 0),
            jst_at(2028, 3, 1, 9, 0),
        ]
    );
}

#[test]
fn the_expiry_date_is_the_jst_date() {
    // 00:30 JST on March 1 is still February 28 in UTC.
    let mut s = key_expiring("k", 2027, 3, 1);
    s.expires_at = jst_at(2027, 3, 1, 0, 30);
    assert_eq!(s.expiry_date(), date(2027, 3, 1));
    let p = plan(
        &[s],
        &LeadTimesByKind::default(),
        &SentLog::new(),
        jst_at(2027, 2, 28, 9, 0),
    );
    assert_eq!(
        p.show[0].key,
        key("k", date(2027, 3, 1), Lead::DaysBefore(1))
    );
    assert_eq!(p.show[0].days_left, 1);
}

#[test]
fn nothing_before_nine_on_the_day() {
    let s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let mut sent = SentLog::new();
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 3, 1, 9, 0),
    );
    record(&mut sent, &p);
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 3, 24, 8, 59),
    );
    assert!(p.is_empty());
    assert_eq!(
        next_fire_time(&[s], &leads, &sent, jst_at(2027, 3, 24, 8, 59)),
        Some(jst_at(2027, 3, 24, 9, 0))
    );
}

#[test]
fn missed_while_off_shows_only_the_most_urgent() {
    let s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let sent = SentLog::new();
    // Off from mid-February until March 28, noon: 30 and 7 days both passed.
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 3, 28, 12, 0),
    );
    assert_eq!(p.show.len(), 1);
    assert_eq!(p.show[0].key.lead, Lead::DaysBefore(7));
    assert_eq!(
        p.show[0].days_left, 3,
        "the text says how many days are really left"
    );
    assert_eq!(
        p.mark_sent_silently,
        [key("k", date(2027, 3, 31), Lead::DaysBefore(30))]
    );
    // Off across the expiry: the latest daily reminder shows, the rest is recorded silently.
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 4, 3, 10, 0),
    );
    assert_eq!(
        p.show[0].key.lead,
        Lead::AfterExpiry {
            day: date(2027, 4, 3)
        }
    );
    assert_eq!(p.show[0].days_left, -3);
    let silent: Vec<Lead> = p.mark_sent_silently.iter().map(|k| k.lead).collect();
    assert_eq!(
        silent,
        [
            Lead::DaysBefore(1),
            Lead::DaysBefore(7),
            Lead::DaysBefore(30),
            Lead::OnTheDay
        ]
    );
}

#[test]
fn a_ten_hour_sleep_across_a_fire_time_fires_at_wake() {
    let subjects = [
        key_expiring("a", 2027, 3, 31),
        key_expiring("b", 2027, 3, 25),
    ];
    let leads = LeadTimesByKind::default();
    let mut sent = SentLog::new();
    // Ticks until 23:15 on March 23, then asleep for 10 hours: a's 7-day and b's 1-day
    // reminders fall into the sleep (09:00 March 24).
    let before = run(
        &subjects,
        &leads,
        &mut sent,
        jst_at(2027, 3, 20, 0, 0),
        jst_at(2027, 3, 23, 23, 15),
    );
    assert!(before.iter().all(|(t, _)| *t < jst_at(2027, 3, 24, 0, 0)));
    let wake = jst_at(2027, 3, 24, 9, 15);
    let p = plan(&subjects, &leads, &sent, wake);
    let shown: Vec<(&str, Lead)> = p
        .show
        .iter()
        .map(|r| (r.key.credential_id.as_str(), r.key.lead))
        .collect();
    assert_eq!(
        shown,
        [("b", Lead::DaysBefore(1)), ("a", Lead::DaysBefore(7))]
    );
    assert!(p.mark_sent_silently.is_empty());
}

#[test]
fn a_lead_added_later_does_not_fire_after_a_more_urgent_one() {
    let s = key_expiring("k", 2027, 3, 31);
    let exp = date(2027, 3, 31);
    let mut sent = SentLog::new();
    let defaults = LeadTimesByKind::default();
    run(
        std::slice::from_ref(&s),
        &defaults,
        &mut sent,
        jst_at(2027, 2, 20, 0, 0),
        jst_at(2027, 3, 26, 0, 0),
    );
    assert!(sent.contains(&key("k", exp, Lead::DaysBefore(7))));
    // On March 26 the user adds 14 days (March 17, passed) and 3 days (March 28, ahead).
    let more = LeadTimesByKind::uniform(LeadTimes {
        days_before: vec![30, 14, 7, 3, 1, 0],
        daily_after_expiry: true,
    });
    let now = jst_at(2027, 3, 26, 10, 0);
    let p = plan(std::slice::from_ref(&s), &more, &sent, now);
    assert!(
        p.show.is_empty(),
        "14 days is less urgent than the 7 already sent"
    );
    assert_eq!(p.mark_sent_silently, [key("k", exp, Lead::DaysBefore(14))]);
    record(&mut sent, &p);
    assert_eq!(
        next_fire_time(std::slice::from_ref(&s), &more, &sent, now),
        Some(jst_at(2027, 3, 28, 9, 0))
    );
    let p = plan(&[s], &more, &sent, jst_at(2027, 3, 28, 9, 0));
    assert_eq!(p.show[0].key.lead, Lead::DaysBefore(3));
}

#[test]
fn a_lead_added_later_that_is_most_urgent_counts_as_missed() {
    let s = key_expiring("k", 2027, 3, 31);
    let exp = date(2027, 3, 31);
    let mut sent: SentLog = [key("k", exp, Lead::DaysBefore(30))].into_iter().collect();
    // Only 30 days configured; on March 26 the user switches to 10 days (March 21, passed).
    let ten = LeadTimesByKind::uniform(LeadTimes {
        days_before: vec![10],
        daily_after_expiry: false,
    });
    let p = plan(
        std::slice::from_ref(&s),
        &ten,
        &sent,
        jst_at(2027, 3, 26, 10, 0),
    );
    assert_eq!(p.show.len(), 1);
    assert_eq!(p.show[0].key.lead, Lead::DaysBefore(10));
    assert_eq!(p.show[0].days_left, 5);
    record(&mut sent, &p);
    assert_eq!(
        next_fire_time(&[s], &ten, &sent, jst_at(2027, 3, 26, 10, 0)),
        None
    );
}

#[test]
fn a_removed_lead_never_fires() {
    let s = key_expiring("k", 2027, 3, 31);
    let none_but_day = LeadTimesByKind::uniform(LeadTimes {
        days_before: vec![0],
        daily_after_expiry: false,
    });
    let mut sent = SentLog::new();
    let shown = run(
        &[s],
        &none_but_day,
        &mut sent,
        jst_at(2027, 2, 20, 0, 0),
        jst_at(2027, 4, 5, 0, 0),
    );
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1.key.lead, Lead::OnTheDay);
}

#[test]
fn per_kind_lead_times() {
    let mut lwa = key_expiring("lwa", 2027, 3, 31);
    lwa.kind = CredentialKind::LwaClientSecret;
    let rakuten = key_expiring("rk", 2027, 3, 31);
    let leads = LeadTimesByKind::default().with(
        CredentialKind::LwaClientSecret,
        LeadTimes {
            days_before: vec![60],
            daily_after_expiry: false,
        },
    );
    assert_eq!(
        leads.get(CredentialKind::RakutenLicenseKey),
        &LeadTimes::default()
    );
    let p = plan(
        &[lwa, rakuten],
        &leads,
        &SentLog::new(),
        jst_at(2027, 1, 30, 9, 0),
    );
    let shown: Vec<&ReminderKey> = p.show.iter().map(|r| &r.key).collect();
    assert_eq!(
        shown,
        [&key("lwa", date(2027, 3, 31), Lead::DaysBefore(60))]
    );
}

#[test]
fn dismissal_after_expiry_stops_the_daily_reminders() {
    let mut s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let mut sent = SentLog::new();
    let shown = run(
        std::slice::from_ref(&s),
        &leads,
        &mut sent,
        jst_at(2027, 3, 29, 0, 0),
        jst_at(2027, 4, 3, 12, 0),
    );
    assert_eq!(shown.last().unwrap().1.days_left, -3);
    s.dismissed_after_expiry = true;
    let later = run(
        std::slice::from_ref(&s),
        &leads,
        &mut sent,
        jst_at(2027, 4, 3, 12, 15),
        jst_at(2027, 4, 20, 0, 0),
    );
    assert!(later.is_empty());
    assert_eq!(
        next_fire_time(&[s], &leads, &sent, jst_at(2027, 4, 3, 12, 15)),
        None
    );
}

#[test]
fn a_renewed_credential_gets_nothing_more() {
    let mut s = key_expiring("k", 2027, 3, 31);
    s.renewed = true;
    let leads = LeadTimesByKind::default();
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &SentLog::new(),
        jst_at(2027, 3, 31, 12, 0),
    );
    assert!(p.is_empty());
    assert_eq!(
        next_fire_time(&[s], &leads, &SentLog::new(), jst_at(2027, 1, 1, 0, 0)),
        None
    );
}

#[test]
fn a_new_expiry_date_starts_a_fresh_series() {
    let mut s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let mut sent = SentLog::new();
    run(
        std::slice::from_ref(&s),
        &leads,
        &mut sent,
        jst_at(2027, 3, 20, 0, 0),
        jst_at(2027, 4, 1, 12, 0),
    );
    // Renewed in place on April 1: the API now says June 29.
    s.expires_at = jst()
        .with_ymd_and_hms(2027, 6, 29, 23, 59, 59)
        .unwrap()
        .with_timezone(&Utc);
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 4, 1, 12, 15),
    );
    assert!(
        p.is_empty(),
        "the old series is over, the new one has nothing due yet"
    );
    assert_eq!(
        next_fire_time(
            std::slice::from_ref(&s),
            &leads,
            &sent,
            jst_at(2027, 4, 1, 12, 15)
        ),
        Some(jst_at(2027, 5, 30, 9, 0))
    );
    let shown = run(
        &[s],
        &leads,
        &mut sent,
        jst_at(2027, 4, 1, 12, 15),
        jst_at(2027, 6, 29, 12, 0),
    );
    let leads_shown: Vec<Lead> = shown.iter().map(|(_, r)| r.key.lead).collect();
    assert_eq!(
        leads_shown,
        [
            Lead::DaysBefore(30),
            Lead::DaysBefore(7),
            Lead::DaysBefore(1),
            Lead::OnTheDay
        ]
    );
    assert!(shown
        .iter()
        .all(|(_, r)| r.key.expiry_date == date(2027, 6, 29)));
}

#[test]
fn snooze_holds_everything_until_it_ends() {
    let mut s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let mut sent = SentLog::new();
    let p = plan(
        std::slice::from_ref(&s),
        &leads,
        &sent,
        jst_at(2027, 3, 24, 9, 0),
    );
    assert_eq!(p.show[0].key.lead, Lead::DaysBefore(7));
    record(&mut sent, &p);
    // Snoozed for a day on March 29 at 20:00: the 1-day reminder (March 30, 09:00) waits.
    let until = jst_at(2027, 3, 30, 20, 0);
    s.snoozed_until = Some(until);
    let now = jst_at(2027, 3, 29, 20, 0);
    assert_eq!(
        next_fire_time(std::slice::from_ref(&s), &leads, &sent, now),
        Some(until)
    );
    let during = run(
        std::slice::from_ref(&s),
        &leads,
        &mut sent,
        now,
        until - Duration::minutes(1),
    );
    assert!(during.is_empty());
    let p = plan(std::slice::from_ref(&s), &leads, &sent, until);
    assert_eq!(p.show[0].key.lead, Lead::DaysBefore(1));
    assert_eq!(p.show[0].days_left, 1);
    record(&mut sent, &p);
    assert_eq!(
        next_fire_time(&[s], &leads, &sent, until),
        Some(jst_at(2027, 3, 31, 9, 0))
    );
}

#[test]
fn plan_is_ordered_most_urgent_first_and_one_per_credential() {
    let subjects = [
        key_expiring("later", 2027, 4, 30),
        key_expiring("sooner", 2027, 3, 31),
        key_expiring("expired", 2027, 3, 1),
    ];
    let p = plan(
        &subjects,
        &LeadTimesByKind::default(),
        &SentLog::new(),
        jst_at(2027, 3, 31, 10, 0),
    );
    let ids: Vec<(&str, i64)> = p
        .show
        .iter()
        .map(|r| (r.key.credential_id.as_str(), r.days_left))
        .collect();
    assert_eq!(ids, [("expired", -30), ("sooner", 0), ("later", 30)]);
}

#[test]
fn next_fire_time_after_expiry_is_tomorrow_at_nine() {
    let s = key_expiring("k", 2027, 3, 31);
    let leads = LeadTimesByKind::default();
    let now = jst_at(2027, 4, 2, 10, 0);
    let mut sent = SentLog::new();
    let p = plan(std::slice::from_ref(&s), &leads, &sent, now);
    record(&mut sent, &p);
    assert_eq!(
        next_fire_time(std::slice::from_ref(&s), &leads, &sent, now),
        Some(jst_at(2027, 4, 3, 9, 0))
    );
    // Before 09:00 on a day after expiry, that day's reminder is the next one.
    let early = jst_at(2027, 4, 3, 7, 0);
    assert_eq!(
        next_fire_time(&[s], &leads, &sent, early),
        Some(jst_at(2027, 4, 3, 9, 0))
    );
}

#[test]
fn keys_survive_json_and_the_text_form() {
    let k = key(
        "3f2a",
        date(2028, 2, 29),
        Lead::AfterExpiry {
            day: date(2028, 3, 1),
        },
    );
    let log: SentLog = [
        k.clone(),
        key("3f2a", date(2028, 2, 29), Lead::DaysBefore(7)),
    ]
    .into_iter()
    .collect();
    let json = serde_json::to_string(&log).unwrap();
    assert_eq!(
        json,
        r#"[{"credential_id":"3f2a","expiry_date":"2028-02-29","lead":{"days_before":7}},{"credential_id":"3f2a","expiry_date":"2028-02-29","lead":{"after_expiry":{"day":"2028-03-01"}}}]"#
    );
    assert_eq!(serde_json::from_str::<SentLog>(&json).unwrap(), log);
    assert_eq!(k.lead.to_string(), "after:2028-03-01");
    assert_eq!(
        serde_json::to_string(&Lead::OnTheDay).unwrap(),
        r#""on_the_day""#
    );
}
