//! The fake's shared state: registered keys, scripts and recorded requests.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::script::{RecordedRequest, Scripted};
use crate::server;

pub(super) struct Key {
    pub(super) service_secret: String,
    pub(super) license_key: String,
    pub(super) expiry_date: String,
    pub(super) added: Instant,
    pub(super) active_after: Duration,
}

pub(super) struct Inner {
    pub(super) keys: Vec<Key>,
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
}
