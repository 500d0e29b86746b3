//! Core work at scale, timed in the bench profile (optimized): planning the reminders of
//! 10,000 credentials, and loading 10,000 credentials from SQLite (rows, and the dashboard's
//! views). `cargo bench -p kagiban-service --bench scale`; `cargo xtask bench` reads the
//! `figure <name> median_ms=… p95_ms=… runs=…` lines it prints.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use kagiban_core::expiry::ExpirySource;
use kagiban_core::kind::{CredentialKind, Marketplace};
use kagiban_core::reminders::{plan, LeadTimes, LeadTimesByKind, ReminderSubject, SentLog};
use kagiban_service::clock::FixedClock;
use kagiban_service::keychain::MemoryKeychain;
use kagiban_service::store::{NewCredential, ShopRow, Store};
use kagiban_service::views::CredentialState;
use kagiban_service::{Clients, Service};

const N: usize = 10_000;

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 1, 0, 0).unwrap();
    let kinds = [
        CredentialKind::RakutenLicenseKey,
        CredentialKind::LwaRefreshToken,
        CredentialKind::LwaClientSecret,
        CredentialKind::AmazonDeveloperId,
    ];

    // Expiries spread over the past 30 days and the next 400: every branch of the planner runs.
    let subjects: Vec<ReminderSubject> = (0..N)
        .map(|i| ReminderSubject {
            credential_id: format!("cred-{i:05}"),
            kind: kinds[i % kinds.len()],
            shop: format!("店舗{}", i / 4),
            expires_at: now + chrono::Duration::hours((i as i64 * 1031) % (430 * 24) - 30 * 24),
            renewed: false,
            dismissed_after_expiry: i % 50 == 0,
            snoozed_until: None,
        })
        .collect();
    let leads = LeadTimesByKind::uniform(LeadTimes::default());
    let sent = SentLog::default();
    report(
        "plan_10000",
        time(200, || {
            black_box(plan(black_box(&subjects), &leads, &sent, now));
        }),
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("kagiban.sqlite3")).expect("store");
    for s in 0..(N / 4) {
        store
            .insert_shop(&ShopRow {
                id: format!("shop-{s:05}"),
                marketplace: if s % 2 == 0 {
                    Marketplace::Rakuten
                } else {
                    Marketplace::Amazon
                },
                name: format!("店舗{s}"),
                created_at: now,
            })
            .expect("shop");
    }
    for (i, subject) in subjects.iter().enumerate() {
        store
            .insert_credential(
                &NewCredential {
                    id: subject.credential_id.clone(),
                    shop_id: format!("shop-{:05}", i / 4),
                    kind: subject.kind,
                    masked: "••••Ks2W".into(),
                    state: CredentialState::Active,
                    issued_at: now - chrono::Duration::days(30),
                    expires_at: Some(subject.expires_at),
                    expiry_source: Some(ExpirySource::Rule),
                    label: None,
                },
                now,
            )
            .expect("credential");
    }
    report(
        "load_10000_rows",
        time(30, || {
            let rows = store.credentials().expect("rows");
            assert_eq!(rows.len(), N);
            black_box(rows);
        }),
    );
    let service = Service::new(
        store,
        std::sync::Arc::new(MemoryKeychain::default()),
        Clients::from_env().expect("clients"),
        std::sync::Arc::new(FixedClock::new(now)),
    );
    report(
        "dashboard_10000_views",
        time(10, || {
            let views = service.dashboard().expect("dashboard");
            assert_eq!(views.len(), N);
            black_box(views);
        }),
    );
}

/// Runs `f` once to warm up, then `runs` times; the durations, sorted.
fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f();
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    all.sort();
    all
}

fn report(name: &str, sorted: Vec<Duration>) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(sorted[sorted.len() / 2]);
    let p95 = ms(sorted[(sorted.len() * 95 / 100).min(sorted.len() - 1)]);
    println!(
        "figure {name} median_ms={median:.3} p95_ms={p95:.3} runs={}",
        sorted.len()
    );
}
