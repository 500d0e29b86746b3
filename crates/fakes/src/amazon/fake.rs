//! The running fake and what a test does with it.

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;

use super::api::handle;
use super::constants::TOKEN_PATH;
use super::model::SellerAuthorization;
use super::script::{RecordedRequest, Scripted};
use super::state::{add_app, add_authorization, expire_access_tokens, Inner, Shared};
use crate::server;

/// A running fake LWA + SP-API on loopback. The server task is aborted when this is dropped.
pub struct FakeAmazon {
    addr: SocketAddr,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeAmazon {
    /// Starts on `127.0.0.1` with a free port.
    pub async fn start() -> FakeAmazon {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .expect("bind 127.0.0.1:0 for the fake Amazon")
    }

    /// Starts on the given address.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeAmazon> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                apps: Vec::new(),
                authorizations: Vec::new(),
                access_tokens: Vec::new(),
                rdts: Vec::new(),
                scripted: VecDeque::new(),
                requests: Vec::new(),
                log_requests: false,
                counter: 0,
            })),
            started: Instant::now(),
            random: Arc::new(Default::default()),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let task = server::spawn(listener, app, "fake-amazon");
        Ok(FakeAmazon { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash): the SP-API base URL.
    pub fn base_url(&self) -> String {
        server::base_url(self.addr)
    }

    /// `http://127.0.0.1:PORT/auth/o2/token`: the LWA token URL.
    pub fn token_url(&self) -> String {
        format!("{}{TOKEN_PATH}", self.base_url())
    }

    /// The address the fake listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Registers an app, or replaces its client secret (a rotation: the old one stops working).
    pub fn add_app(&self, client_id: &str, client_secret: &str) {
        add_app(&mut self.shared.lock(), client_id, client_secret);
    }

    /// Registers a refresh token, replacing an earlier registration of the same token.
    pub fn add_refresh_token(&self, authorization: SellerAuthorization) {
        add_authorization(&mut self.shared.lock(), authorization);
    }

    /// Revokes a refresh token (the seller removed the app, or 365 days passed). Access tokens
    /// already issued keep working until they expire.
    pub fn revoke_refresh_token(&self, refresh_token: &str) {
        let mut inner = self.shared.lock();
        for a in inner
            .authorizations
            .iter_mut()
            .filter(|a| a.refresh_token == refresh_token)
        {
            a.revoked = true;
        }
    }

    /// Makes every access token issued so far expired.
    pub fn expire_access_tokens(&self) {
        expire_access_tokens(&mut self.shared.lock());
    }

    /// Queues a forced response for the next request, whatever its path (FIFO).
    pub fn script(&self, response: Scripted) {
        self.shared.lock().scripted.push_back((None, response));
    }

    /// Queues a forced response for the next request to `path` (FIFO among the scripts).
    pub fn script_on(&self, path: &str, response: Scripted) {
        self.shared
            .lock()
            .scripted
            .push_back((Some(path.to_owned()), response));
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// The requests received so far for one path.
    pub fn requests_to(&self, path: &str) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    /// Every access token issued so far, in order.
    pub fn issued_access_tokens(&self) -> Vec<String> {
        self.shared
            .lock()
            .access_tokens
            .iter()
            .map(|t| t.token.clone())
            .collect()
    }

    /// Every restricted data token issued so far, in order.
    pub fn issued_rdts(&self) -> Vec<String> {
        self.shared.lock().rdts.clone()
    }

    /// Logs `METHOD PATH -> STATUS` for each request to stderr (never headers or bodies).
    pub fn set_log_requests(&self, on: bool) {
        self.shared.lock().log_requests = on;
    }
}

impl Drop for FakeAmazon {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl std::fmt::Debug for FakeAmazon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeAmazon")
            .field("addr", &self.addr)
            .finish()
    }
}
