//! The running fake and what a test does with it.

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;

use super::api::handle;
use super::script::{RecordedRequest, Scripted};
use crate::server;

/// A registered 楽楽明細 environment: its account path and API token.
pub(super) struct Account {
    pub(super) account: String,
    pub(super) token: String,
}

pub(super) struct Inner {
    pub(super) accounts: Vec<Account>,
    pub(super) scripted: VecDeque<Scripted>,
    pub(super) requests: Vec<RecordedRequest>,
    pub(super) log_requests: bool,
}

#[derive(Clone)]
pub(super) struct Shared {
    pub(super) inner: Arc<Mutex<Inner>>,
    pub(super) started: Instant,
}

impl Shared {
    pub(super) fn lock(&self) -> MutexGuard<'_, Inner> {
        server::lock(&self.inner)
    }

    pub(super) fn add_account(&self, account: &str, token: &str) {
        let mut inner = self.lock();
        inner.accounts.retain(|a| a.account != account);
        inner.accounts.push(Account {
            account: account.to_owned(),
            token: token.to_owned(),
        });
    }
}

/// A running fake 楽楽明細 API on loopback. The server task is aborted when this is dropped.
pub struct FakeRakuraku {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeRakuraku {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start() -> FakeRakuraku {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind 127.0.0.1:0 for the fake 楽楽明細")
    }

    /// Starts on the given address.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeRakuraku> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                accounts: Vec::new(),
                scripted: VecDeque::new(),
                requests: Vec::new(),
                log_requests: false,
            })),
            started: Instant::now(),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let task = server::spawn(listener, app, "fake-rakuraku");
        Ok(FakeRakuraku { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        server::base_url(self.addr)
    }

    /// The address the fake listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Registers an environment (`/<account>/`) and the token it accepts (replacing an earlier
    /// registration of the same account).
    pub fn add_account(&self, account: &str, token: &str) {
        self.shared.add_account(account, token);
    }

    /// Queues a forced response for the next request (FIFO).
    pub fn script(&self, response: Scripted) {
        self.shared.lock().scripted.push_back(response);
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Logs `METHOD PATH -> STATUS` for each request to stderr (never headers or queries).
    pub fn set_log_requests(&self, on: bool) {
        self.shared.lock().log_requests = on;
    }
}

impl Drop for FakeRakuraku {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for FakeRakuraku {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeRakuraku")
            .field("addr", &self.addr)
            .finish()
    }
}
