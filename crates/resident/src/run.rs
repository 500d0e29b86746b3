//! The resident's life: take the instance lock, put up the tray, then poll — working through
//! due checks and reminders when the schedule says so, and doing what the menu asks.

use std::process::{Child, ExitCode};
use std::sync::Arc;
use std::time::Instant;

use kagiban_core::flow::flow_for_kind;
use kagiban_service::{config, Service};
use tokio::sync::{mpsc, watch};

use crate::instance::InstanceLock;
use crate::launcher::{self, RESIDENT_BIN, WINDOW_BIN};
use crate::menu::{self, Action};
use crate::notify;
use crate::schedule::{Reading, Reason, Ticker, POLL};
use crate::tray::TrayState;

/// Runs the resident until 終了 (or until another one already runs for this data folder).
pub fn run() -> ExitCode {
    init_logging();
    let dir = config::data_dir();
    let _lock = match InstanceLock::acquire(&dir) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            tracing::info!("Kagiban is already running in the tray");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            tracing::error!(%err, "the data folder cannot be locked");
            return ExitCode::FAILURE;
        }
    };
    let service = match kagiban_service::open_default() {
        Ok(service) => Arc::new(service),
        Err(err) => {
            tracing::error!(code = err.code(), "cannot open Kagiban's data");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            tracing::error!(%err, "no async runtime");
            return ExitCode::FAILURE;
        }
    };
    let (actions_tx, actions_rx) = mpsc::unbounded_channel();
    let (states_tx, states_rx) = watch::channel(tray_state(&service));
    let resident = Resident {
        service,
        states: states_tx,
        actions: actions_tx.clone(),
        windows: Vec::new(),
    };
    #[cfg(target_os = "linux")]
    {
        runtime.block_on(async move {
            if let Err(err) = crate::tray::spawn(states_rx, actions_tx).await {
                tracing::warn!(%err, "no tray icon: reminders still arrive as notifications");
            }
            resident.run(actions_rx).await;
        });
        ExitCode::SUCCESS
    }
    #[cfg(not(target_os = "linux"))]
    {
        let handle = runtime.handle().clone();
        std::thread::spawn(move || {
            runtime.block_on(resident.run(actions_rx));
            std::process::exit(0);
        });
        crate::tray::run_on_main_thread(handle, states_rx, actions_tx)
    }
}

struct Resident {
    service: Arc<Service>,
    states: watch::Sender<TrayState>,
    actions: mpsc::UnboundedSender<Action>,
    /// Windows this process opened (reaped as they close; closed by 終了).
    windows: Vec<Child>,
}

impl Resident {
    async fn run(mut self, mut actions: mpsc::UnboundedReceiver<Action>) {
        let mut ticker = Ticker::new();
        let mut poll = tokio::time::interval(POLL);
        poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = poll.tick() => {
                    self.windows.retain_mut(|w| matches!(w.try_wait(), Ok(None)));
                    let reading = Reading {
                        wall: self.service.now(),
                        mono: Instant::now(),
                        data_version: self.service.data_version().unwrap_or_default(),
                    };
                    if let Some(reason) = ticker.poll(reading) {
                        self.work(reason).await;
                        ticker.set_next_due(self.next_due());
                    }
                }
                Some(action) = actions.recv() => {
                    if action == Action::Quit {
                        self.quit();
                        return;
                    }
                    self.act(action).await;
                    ticker.set_next_due(self.next_due());
                }
            }
        }
    }

    /// Due checks, due reminders, then the tray.
    async fn work(&self, reason: Reason) {
        tracing::debug!(?reason, "working");
        match self.service.run_due_checks().await {
            Ok(reports) => {
                for report in reports.iter().filter(|r| !r.retrying) {
                    notify::show(notify::verification_note(&self.service, report), |_| {});
                }
            }
            Err(err) => tracing::warn!(code = err.code(), "background checks failed"),
        }
        // Once a day per key an API can check; a refusal is told at once.
        match self.service.run_daily_checks().await {
            Ok(reports) => {
                for report in reports.iter().filter(|r| r.code.is_refusal()) {
                    notify::show(notify::verification_note(&self.service, report), |_| {});
                }
            }
            Err(err) => tracing::warn!(code = err.code(), "daily checks failed"),
        }
        match self.service.take_due_reminders() {
            Ok(due) => {
                let lang = self.service.lang();
                for reminder in &due {
                    let flow = flow_for_kind(reminder.kind).map(|f| f.id.to_string());
                    let actions = self.actions.clone();
                    notify::show(notify::reminder_note(reminder, flow, lang), move |flow| {
                        let _ = actions.send(Action::OpenFlow(flow));
                    });
                }
            }
            Err(err) => tracing::warn!(code = err.code(), "reminders could not be planned"),
        }
        self.states.send_if_modified(|shown| {
            let state = tray_state(&self.service);
            let changed = *shown != state;
            *shown = state;
            changed
        });
    }

    async fn act(&mut self, action: Action) {
        match action {
            Action::Open => self.open_window(None, false),
            Action::OpenFlow(flow) => self.open_window(Some(&flow), false),
            Action::Settings => self.open_window(None, true),
            Action::CheckNow => {
                match self.service.verify_all().await {
                    Ok(results) => {
                        for report in results.iter().flatten() {
                            if report.code.is_refusal() {
                                let note = notify::verification_note(&self.service, report);
                                notify::show(note, |_| {});
                            }
                        }
                    }
                    Err(err) => tracing::warn!(code = err.code(), "check now failed"),
                }
                self.work(Reason::Changed).await;
            }
            Action::Quit => {}
        }
    }

    /// Opens the window (a second `kagiban-app` hands its request to the first and ends).
    fn open_window(&mut self, flow: Option<&str>, settings: bool) {
        let result = launcher::sibling(WINDOW_BIN)
            .and_then(|bin| launcher::spawn(&bin, &launcher::window_args(flow, settings)));
        match result {
            Ok(child) => self.windows.push(child),
            Err(err) => tracing::warn!(%err, "the window could not be opened"),
        }
    }

    fn next_due(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let check = self.service.next_due_check().ok().flatten();
        let daily = self.service.next_daily_check().ok().flatten();
        let reminder = self.service.next_reminder_at().ok().flatten();
        [check, daily, reminder].into_iter().flatten().min()
    }

    fn quit(&mut self) {
        for window in &mut self.windows {
            let _ = window.kill();
            let _ = window.wait();
        }
        tracing::info!("quit from the tray");
    }
}

fn tray_state(service: &Service) -> TrayState {
    let summary = service.tray_summary().unwrap_or_else(|err| {
        tracing::warn!(code = err.code(), "tray summary unavailable");
        kagiban_service::views::TraySummary {
            urgency: kagiban_core::expiry::Urgency::Ok,
            tooltip: crate::tray::TITLE.into(),
            next: Vec::new(),
        }
    });
    TrayState {
        urgency: summary.urgency,
        lines: menu::lines(&summary, service.lang()),
        tooltip: summary.tooltip,
    }
}

fn init_logging() {
    // Logs carry codes and ids only; secrets are `Secret`s and cannot be formatted.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KAGIBAN_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
    tracing::debug!(bin = RESIDENT_BIN, "starting");
}
