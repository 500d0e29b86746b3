//! The fake's shared state: apps, authorizations, issued tokens, scripts, recorded requests.

use std::collections::VecDeque;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use super::model::SellerAuthorization;
use super::script::{RecordedRequest, Scripted};
use crate::server;

pub(super) struct App {
    pub(super) client_id: String,
    pub(super) client_secret: String,
}

pub(super) struct IssuedToken {
    pub(super) token: String,
    pub(super) refresh_token: String,
    pub(super) expires: Instant,
}

pub(super) struct Inner {
    pub(super) apps: Vec<App>,
    pub(super) authorizations: Vec<SellerAuthorization>,
    pub(super) access_tokens: Vec<IssuedToken>,
    pub(super) rdts: Vec<String>,
    pub(super) scripted: VecDeque<(Option<String>, Scripted)>,
    pub(super) requests: Vec<RecordedRequest>,
    pub(super) log_requests: bool,
    pub(super) counter: u64,
}

#[derive(Clone)]
pub(super) struct Shared {
    pub(super) inner: Arc<Mutex<Inner>>,
    pub(super) started: Instant,
    pub(super) random: Arc<std::collections::hash_map::RandomState>,
}

impl Shared {
    pub(super) fn lock(&self) -> MutexGuard<'_, Inner> {
        server::lock(&self.inner)
    }

    /// A unique, unguessable-enough token body for test data.
    pub(super) fn token_body(&self, inner: &mut Inner, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::with_capacity(len);
        while out.len() < len {
            inner.counter += 1;
            let mut n = self.random.hash_one(inner.counter);
            for _ in 0..10 {
                out.push(ALPHABET[(n % 64) as usize] as char);
                n /= 64;
            }
        }
        out.truncate(len);
        out
    }
}

pub(super) fn add_app(inner: &mut Inner, client_id: &str, client_secret: &str) {
    inner.apps.retain(|a| a.client_id != client_id);
    inner.apps.push(App {
        client_id: client_id.to_owned(),
        client_secret: client_secret.to_owned(),
    });
}

pub(super) fn add_authorization(inner: &mut Inner, authorization: SellerAuthorization) {
    inner
        .authorizations
        .retain(|a| a.refresh_token != authorization.refresh_token);
    inner.authorizations.push(authorization);
}

pub(super) fn expire_access_tokens(inner: &mut Inner) {
    let now = Instant::now();
    for t in &mut inner.access_tokens {
        t.expires = t.expires.min(now);
    }
}
