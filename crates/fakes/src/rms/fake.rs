//! The running fake and what a test does with it.

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;

use super::api::handle;
use super::script::{RecordedRequest, Scripted};
use super::state::{Inner, Key, Shared};
use crate::server;

/// A running fake RMS on loopback. The server task is aborted when this is dropped.
pub struct FakeRms {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeRms {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start() -> FakeRms {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind 127.0.0.1:0 for the fake RMS")
    }

    /// Starts on the given address.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeRms> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                keys: Vec::new(),
                scripted: VecDeque::new(),
                requests: Vec::new(),
                log_requests: false,
            })),
            started: Instant::now(),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let task = server::spawn(listener, app, "fake-rms");
        Ok(FakeRms { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        server::base_url(self.addr)
    }

    /// The address the fake listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Registers a pair (replacing an earlier registration of the same pair). The key answers
    /// 401 until `active_after` has passed, like a freshly issued RMS key.
    pub fn add_key(
        &self,
        service_secret: &str,
        license_key: &str,
        expiry_date: &str,
        active_after: Duration,
    ) {
        let mut inner = self.shared.lock();
        inner
            .keys
            .retain(|k| !(k.service_secret == service_secret && k.license_key == license_key));
        inner.keys.push(Key {
            service_secret: service_secret.to_owned(),
            license_key: license_key.to_owned(),
            expiry_date: expiry_date.to_owned(),
            added: Instant::now(),
            active_after,
        });
    }

    /// Queues a forced response for the next request (FIFO).
    pub fn script(&self, response: Scripted) {
        self.shared.lock().scripted.push_back(response);
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Logs `METHOD PATH -> STATUS` for each request to stderr (never headers or query values).
    pub fn set_log_requests(&self, on: bool) {
        self.shared.lock().log_requests = on;
    }
}

impl Drop for FakeRms {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for FakeRms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeRms").field("addr", &self.addr).finish()
    }
}
