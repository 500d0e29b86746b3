//! Property tests of the reminder planner with a fake clock: time advances in random steps
//! (minutes to days), sometimes without a tick (sleep or power off), with restarts that reload
//! the persisted sent log, lead-time changes, snoozes, dismissals and renewals.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, Duration, NaiveDate, TimeZone, Utc};
use kagiban_core::expiry::jst;
use kagiban_core::kind::CredentialKind;
use kagiban_core::reminders::{
    fire_time, next_fire_time, plan, Lead, LeadTimes, LeadTimesByKind, Plan, ReminderKey,
    ReminderSubject, SentLog,
};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at_jst(day: NaiveDate, minute_of_day: u32) -> DateTime<Utc> {
    let naive = day
        .and_hms_opt(minute_of_day / 60, minute_of_day % 60, 0)
        .unwrap();
    jst()
        .from_local_datetime(&naive)
        .unwrap()
        .with_timezone(&Utc)
}

/// Expiry dates with the interesting ones (month ends, the leap day) over-represented.
fn expiry_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(date(2027, 1, 31)),
        Just(date(2027, 3, 31)),
        Just(date(2028, 2, 29)),
        Just(date(2028, 3, 1)),
        Just(date(2026, 12, 31)),
        (0u64..1200).prop_map(|d| date(2026, 6, 1) + Days::new(d)),
    ]
}

fn lead_times() -> impl Strategy<Value = LeadTimes> {
    prop_oneof![
        Just(LeadTimes::default()),
        (
            proptest::collection::vec(
                prop_oneof![
                    Just(0u32),
                    Just(1),
                    Just(2),
                    Just(3),
                    Just(7),
                    Just(14),
                    Just(30),
                    Just(60)
                ],
                0..6
            ),
            any::<bool>()
        )
            .prop_map(|(days_before, daily_after_expiry)| LeadTimes {
                days_before,
                daily_after_expiry
            }),
    ]
}

/// Minutes to advance: mostly ticks (≤ 15 min), sometimes hours, sometimes days.
fn step_minutes() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => 1i64..=15,
        3 => 16i64..=720,
        1 => 721i64..=4 * 1440,
    ]
}

#[derive(Debug, Clone)]
enum Event {
    /// Advance the clock, then tick (plan and record) unless `asleep`.
    Advance { minutes: i64, asleep: bool },
    /// The app restarts: the sent log is reloaded from its persisted form.
    Restart,
    /// The user changes the lead times.
    ChangeLeads(LeadTimes),
    /// Snooze one credential for a day.
    Snooze(usize),
    /// Dismiss one credential (only taken after its expiry).
    Dismiss(usize),
    /// Renew one credential in place: a new expiry date, 90 days later.
    RenewInPlace(usize),
    /// Supersede one credential by a new one.
    Supersede(usize),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        40 => (step_minutes(), prop::bool::weighted(0.1))
            .prop_map(|(minutes, asleep)| Event::Advance { minutes, asleep }),
        2 => Just(Event::Restart),
        1 => lead_times().prop_map(Event::ChangeLeads),
        1 => (0usize..3).prop_map(Event::Snooze),
        1 => (0usize..3).prop_map(Event::Dismiss),
        1 => (0usize..3).prop_map(Event::RenewInPlace),
        1 => (0usize..3).prop_map(Event::Supersede),
    ]
}

struct World {
    subjects: Vec<ReminderSubject>,
    leads: LeadTimesByKind,
    sent: SentLog,
    /// Every key ever shown.
    shown: BTreeSet<ReminderKey>,
    now: DateTime<Utc>,
}

fn same_series(a: &ReminderKey, b: &ReminderKey) -> bool {
    a.credential_id == b.credential_id && a.expiry_date == b.expiry_date
}

fn is_quiet(s: &ReminderSubject, t: DateTime<Utc>) -> bool {
    !s.is_active() || s.snoozed_until.is_some_and(|u| t < u)
}

impl World {
    fn new(subjects: Vec<ReminderSubject>, leads: LeadTimes, now: DateTime<Utc>) -> Self {
        Self {
            subjects,
            leads: LeadTimesByKind::uniform(leads),
            sent: SentLog::new(),
            shown: BTreeSet::new(),
            now,
        }
    }

    fn subject(&self, id: &str) -> &ReminderSubject {
        self.subjects
            .iter()
            .find(|s| s.credential_id == id)
            .unwrap()
    }

    /// Plans at `now`, checks every invariant, and records the plan.
    fn tick(&mut self) -> Result<Plan, TestCaseError> {
        let p = self.tick_light()?;
        self.check_next_fire_time()?;
        Ok(p)
    }

    /// [`World::tick`] without the (costly) check of `next_fire_time`.
    fn tick_light(&mut self) -> Result<Plan, TestCaseError> {
        let t = self.now;
        let p = plan(&self.subjects, &self.leads, &self.sent, t);
        let mut per_credential = BTreeMap::new();
        for r in &p.show {
            let s = self.subject(&r.key.credential_id).clone();
            prop_assert!(!is_quiet(&s, t), "shown while quiet: {:?}", r.key);
            prop_assert_eq!(r.key.expiry_date, s.expiry_date(), "current series only");
            prop_assert!(r.key.fire_time() <= t, "shown before its time");
            prop_assert!(!self.sent.contains(&r.key), "already given: {:?}", r.key);
            prop_assert!(
                self.sent
                    .iter()
                    .filter(|k| same_series(k, &r.key))
                    .all(|k| k.day() < r.key.day()),
                "fired after a more urgent one: {:?}",
                r.key
            );
            prop_assert!(self.shown.insert(r.key.clone()), "shown twice: {:?}", r.key);
            *per_credential.entry(&r.key.credential_id).or_insert(0) += 1;
            prop_assert_eq!(
                r.days_left,
                kagiban_core::expiry::days_left(s.expires_at, t)
            );
        }
        prop_assert!(
            per_credential.values().all(|n| *n == 1),
            "one per credential"
        );
        for k in &p.mark_sent_silently {
            prop_assert!(!self.sent.contains(k), "recorded twice: {:?}", k);
            prop_assert!(k.fire_time() <= t, "superseded before its time");
            prop_assert!(!p.show.iter().any(|r| &r.key == k));
            // Superseded by a more urgent one shown now, or one already given (lead change).
            let by_shown = p
                .show
                .iter()
                .any(|r| same_series(&r.key, k) && r.key.day() > k.day());
            let by_sent = self
                .sent
                .iter()
                .any(|s| same_series(s, k) && s.day() >= k.day());
            prop_assert!(by_shown || by_sent, "silently dropped: {:?}", k);
        }
        // The shown one is the most urgent of its series given now.
        for r in &p.show {
            prop_assert!(p
                .mark_sent_silently
                .iter()
                .filter(|k| same_series(k, &r.key))
                .all(|k| k.day() < r.key.day()));
        }
        self.sent.extend(p.keys_to_record().cloned());
        self.check_nothing_missed()?;
        Ok(p)
    }

    /// After a tick, every reminder due now for a subject that may get one is recorded.
    fn check_nothing_missed(&self) -> Result<(), TestCaseError> {
        let t = self.now;
        for s in self.subjects.iter().filter(|s| !is_quiet(s, t)) {
            let leads = self.leads.get(s.kind);
            let key = |lead| ReminderKey {
                credential_id: s.credential_id.clone(),
                expiry_date: s.expiry_date(),
                lead,
            };
            for lead in leads.leads() {
                let k = key(lead);
                if k.fire_time() <= t {
                    prop_assert!(self.sent.contains(&k), "missed {:?} at {}", k, t);
                }
            }
            let today = t.with_timezone(&jst()).date_naive();
            let latest = if fire_time(today) <= t {
                today
            } else {
                today.pred_opt().unwrap()
            };
            if leads.daily_after_expiry && latest > s.expiry_date() {
                let k = key(Lead::AfterExpiry { day: latest });
                prop_assert!(self.sent.contains(&k), "missed daily {:?} at {}", k, t);
            }
        }
        Ok(())
    }

    /// Sleeping until next_fire_time misses nothing: nothing shows before it, something at it.
    fn check_next_fire_time(&self) -> Result<(), TestCaseError> {
        let t = self.now;
        let next = next_fire_time(&self.subjects, &self.leads, &self.sent, t);
        match next {
            Some(next) => {
                prop_assert!(next > t);
                let just_before = next - Duration::seconds(1);
                if just_before > t {
                    let p = plan(&self.subjects, &self.leads, &self.sent, just_before);
                    prop_assert!(p.show.is_empty(), "due before next_fire_time: {:?}", p.show);
                }
                let p = plan(&self.subjects, &self.leads, &self.sent, next);
                prop_assert!(!p.show.is_empty(), "nothing at next_fire_time {}", next);
            }
            None => {
                let far = t + Duration::days(400);
                let p = plan(&self.subjects, &self.leads, &self.sent, far);
                prop_assert!(p.show.is_empty(), "next_fire_time None but {:?}", p.show);
            }
        }
        Ok(())
    }

    fn apply(&mut self, e: &Event) -> Result<(), TestCaseError> {
        match e {
            Event::Advance { minutes, asleep } => {
                self.now += Duration::minutes(*minutes);
                if !asleep {
                    self.tick()?;
                }
            }
            Event::Restart => {
                // Persist as the service would (JSON, and the text form of the leads).
                let json = serde_json::to_string(&self.sent).unwrap();
                let reloaded: SentLog = serde_json::from_str(&json).unwrap();
                prop_assert_eq!(&reloaded, &self.sent);
                for k in reloaded.iter() {
                    prop_assert_eq!(Lead::parse(&k.lead.to_string()), Some(k.lead));
                }
                self.sent = reloaded;
                self.tick()?;
            }
            Event::ChangeLeads(leads) => {
                self.leads = LeadTimesByKind::uniform(leads.clone());
                self.tick()?;
            }
            Event::Snooze(i) => {
                if let Some(s) = self.subjects.get_mut(*i) {
                    s.snoozed_until = Some(self.now + Duration::days(1));
                }
            }
            Event::Dismiss(i) => {
                let now = self.now;
                if let Some(s) = self.subjects.get_mut(*i) {
                    if kagiban_core::expiry::days_left(s.expires_at, now) < 0 {
                        s.dismissed_after_expiry = true;
                    }
                }
            }
            Event::RenewInPlace(i) => {
                if let Some(s) = self.subjects.get_mut(*i) {
                    s.expires_at += Duration::days(90);
                    s.dismissed_after_expiry = false;
                }
            }
            Event::Supersede(i) => {
                if let Some(s) = self.subjects.get_mut(*i) {
                    s.renewed = true;
                }
            }
        }
        Ok(())
    }
}

/// Up to three credentials expiring within 40 days of each other, at 23:59 JST (as RMS says)
/// or any minute of the day.
fn subjects() -> impl Strategy<Value = Vec<(NaiveDate, u32)>> {
    (
        expiry_day(),
        proptest::collection::vec((0u64..40, prop_oneof![Just(1439u32), 0u32..1440]), 1..=3),
    )
        .prop_map(|(first, rest)| {
            rest.into_iter()
                .enumerate()
                .map(|(i, (offset, minute))| {
                    let day = if i == 0 {
                        first
                    } else {
                        first + Days::new(offset)
                    };
                    (day, minute)
                })
                .collect()
        })
}

fn build(specs: &[(NaiveDate, u32)]) -> Vec<ReminderSubject> {
    specs
        .iter()
        .enumerate()
        .map(|(i, (day, minute))| ReminderSubject {
            credential_id: format!("cred-{i}"),
            kind: CredentialKind::RakutenLicenseKey,
            shop: format!("楽天市場{}号店", i + 1),
            expires_at: at_jst(*day, *minute),
            renewed: false,
            dismissed_after_expiry: false,
            snoozed_until: None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The whole life of up to three credentials under a random clock and random user actions.
    #[test]
    fn never_twice_never_missed(
        specs in subjects(),
        leads in lead_times(),
        start_days_before in 0u64..75,
        start_minute in 0u32..1440,
        events in proptest::collection::vec(event(), 1..400),
    ) {
        let subjects = build(&specs);
        let first = specs.iter().map(|(d, _)| *d).min().unwrap();
        let start = at_jst(first - Days::new(start_days_before), start_minute);
        let mut world = World::new(subjects, leads, start);
        world.tick()?;
        for e in &events {
            world.apply(e)?;
        }
    }

    /// A 10-hour sleep (no tick) that crosses fire times: at wake, exactly one reminder per
    /// credential that had something due, the most urgent one, and nothing is lost.
    #[test]
    fn a_ten_hour_sleep_fires_at_wake(
        specs in subjects(),
        leads in lead_times(),
        target in any::<prop::sample::Index>(),
        minutes_before_fire in 1i64..600,
    ) {
        let subjects = build(&specs);
        // A reminder that falls into the sleep: it fires 1 to 599 minutes after the last tick.
        let mut candidates = Vec::new();
        for s in &subjects {
            let key = |lead| ReminderKey {
                credential_id: s.credential_id.clone(),
                expiry_date: s.expiry_date(),
                lead,
            };
            candidates.extend(leads.leads().into_iter().map(key));
            if leads.daily_after_expiry {
                for n in 1..=3 {
                    candidates.push(key(Lead::AfterExpiry { day: s.expiry_date() + Days::new(n) }));
                }
            }
        }
        prop_assume!(!candidates.is_empty());
        let target = target.get(&candidates).clone();
        let sleep_start = target.fire_time() - Duration::minutes(minutes_before_fire);
        let mut world = World::new(subjects, leads, sleep_start - Duration::days(2));
        // Awake with a 15-minute tick until the sleep starts (the first tick catches up).
        world.tick()?;
        while world.now < sleep_start {
            world.now += Duration::minutes(15);
            world.tick()?;
        }
        prop_assert_eq!(world.now, sleep_start);
        prop_assert!(!world.sent.contains(&target));
        let last_tick = world.now;
        let before = world.sent.clone();
        world.now = last_tick + Duration::hours(10);
        let p = world.tick()?;
        prop_assert!(world.sent.contains(&target), "the reminder in the sleep was lost");
        prop_assert!(p.show.iter().any(|r| r.key.credential_id == target.credential_id));
        for s in &world.subjects {
            let crossed: Vec<ReminderKey> = world
                .sent
                .iter()
                .filter(|k| k.credential_id == s.credential_id && !before.contains(k))
                .cloned()
                .collect();
            let shown: Vec<&ReminderKey> = p
                .show
                .iter()
                .map(|r| &r.key)
                .filter(|k| k.credential_id == s.credential_id)
                .collect();
            if crossed.is_empty() {
                prop_assert!(shown.is_empty());
            } else {
                prop_assert_eq!(shown.len(), 1, "only the most urgent at wake");
                let most_urgent = crossed.iter().map(ReminderKey::day).max().unwrap();
                prop_assert_eq!(shown[0].day(), most_urgent);
                prop_assert!(crossed
                    .iter()
                    .all(|k| k.fire_time() > last_tick && k.fire_time() <= world.now));
            }
        }
    }
}

proptest! {
    // Each case ticks through about 100 days of a life: fewer cases.
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Driven by a tick (15 minutes, or longer) that also wakes at next_fire_time, every
    /// reminder is shown exactly at its fire time, and every configured lead is shown (nothing
    /// superseded).
    #[test]
    fn a_punctual_clock_shows_every_lead_on_time(
        specs in subjects(),
        leads in lead_times(),
        tick_minutes in prop_oneof![Just(15i64), Just(180), Just(1440)],
    ) {
        let subjects = build(&specs);
        let first = specs.iter().map(|(d, _)| *d).min().unwrap();
        let last = specs.iter().map(|(d, _)| *d).max().unwrap();
        let mut world = World::new(subjects, leads.clone(), at_jst(first - Days::new(62), 0));
        let end = at_jst(last + Days::new(3), 1439);
        let mut silent = 0;
        let mut shown = Vec::new();
        // Every lead (60 days at most) fires after the start.
        world.tick()?;
        while world.now < end {
            let next = next_fire_time(&world.subjects, &world.leads, &world.sent, world.now);
            let tick = world.now + Duration::minutes(tick_minutes);
            world.now = next.map_or(tick, |n| n.min(tick));
            if world.now > end {
                break;
            }
            let p = world.tick_light()?;
            silent += p.mark_sent_silently.len();
            shown.extend(p.show.into_iter().map(|r| (world.now, r.key)));
        }
        prop_assert_eq!(silent, 0);
        for (t, k) in &shown {
            prop_assert_eq!(*t, k.fire_time(), "late: {:?}", k);
        }
        for s in &world.subjects {
            for lead in leads.leads() {
                let k = ReminderKey {
                    credential_id: s.credential_id.clone(),
                    expiry_date: s.expiry_date(),
                    lead,
                };
                prop_assert!(world.shown.contains(&k), "not shown: {:?}", k);
            }
            if leads.daily_after_expiry {
                let after = shown
                    .iter()
                    .filter(|(_, k)| k.credential_id == s.credential_id)
                    .filter(|(_, k)| matches!(k.lead, Lead::AfterExpiry { .. }))
                    .count();
                let days_after = (last + Days::new(3) - s.expiry_date()).num_days();
                prop_assert_eq!(after as i64, days_after, "one a day after expiry");
            }
        }
    }
}
