//! The in-memory access-token cache. It holds no refresh token or secret, only keyed hashes.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use super::token::AccessToken;

#[derive(Hash, PartialEq, Eq)]
pub(super) struct CacheKey {
    client_id: String,
    refresh_token_hash: u128,
}

struct CacheEntry {
    /// A token obtained with another client secret is not reused: a new secret must be
    /// checked against LWA, not answered from the cache.
    client_secret_hash: u128,
    token: AccessToken,
}

pub(super) struct TokenCache {
    entries: Mutex<HashMap<CacheKey, CacheEntry>>,
    /// Per-process random keys: the cache holds no refresh token or secret, only these hashes.
    hash_a: RandomState,
    hash_b: RandomState,
}

impl TokenCache {
    pub(super) fn new() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            hash_a: RandomState::new(),
            hash_b: RandomState::new(),
        }
    }

    /// The key of an authorization.
    pub(super) fn key(&self, client_id: &str, refresh_token: &str) -> CacheKey {
        CacheKey {
            client_id: client_id.to_owned(),
            refresh_token_hash: self.hash(refresh_token),
        }
    }

    /// A keyed 128-bit hash of a secret.
    pub(super) fn hash(&self, value: &str) -> u128 {
        let a = self.hash_a.hash_one(value);
        let b = self.hash_b.hash_one(value);
        (u128::from(a) << 64) | u128::from(b)
    }

    /// The token cached for `key` with this client secret, while it has more than `margin`
    /// left. Drops every token that has not.
    pub(super) fn get(
        &self,
        key: &CacheKey,
        client_secret_hash: u128,
        margin: Duration,
    ) -> Option<AccessToken> {
        let mut entries = self.entries();
        entries.retain(|_, entry| entry.token.remaining() > margin);
        entries
            .get(key)
            .filter(|entry| entry.client_secret_hash == client_secret_hash)
            .map(|entry| entry.token.clone())
    }

    pub(super) fn insert(&self, key: CacheKey, client_secret_hash: u128, token: AccessToken) {
        self.entries().insert(
            key,
            CacheEntry {
                client_secret_hash,
                token,
            },
        );
    }

    pub(super) fn remove(&self, key: &CacheKey) {
        self.entries().remove(key);
    }

    pub(super) fn clear(&self) {
        self.entries().clear();
    }

    fn entries(&self) -> MutexGuard<'_, HashMap<CacheKey, CacheEntry>> {
        // Nothing can be left half-updated by a panic: keep going.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}
