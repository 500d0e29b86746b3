//! Secrets live only in the OS keychain: one entry per secret, account = credential id.

use std::collections::HashMap;
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use kagiban_core::secret::Secret;

use crate::error::Error;

/// Where secrets are kept.
pub trait SecretStore: Send + Sync {
    /// Stores (or replaces) the secret of `account`.
    fn set(&self, account: &str, secret: &Secret) -> Result<(), Error>;
    /// Reads the secret of `account`.
    fn get(&self, account: &str) -> Result<Secret, Error>;
    /// Removes the secret of `account` (absent is fine).
    fn delete(&self, account: &str) -> Result<(), Error>;
}

/// The OS keychain through `keyring` (Windows Credential Manager, macOS Keychain, Secret Service).
///
/// keyring warns that concurrent access to the store can fail, so every call is serialized.
pub struct OsKeychain {
    service: String,
    lock: Mutex<()>,
}

impl OsKeychain {
    /// A keychain using `service` as the entries' service name.
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            lock: Mutex::new(()),
        }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry, Error> {
        keyring::Entry::new(&self.service, account).map_err(unavailable)
    }
}

fn unavailable(err: keyring::Error) -> Error {
    // keyring's errors describe the platform failure, never the password.
    Error::KeychainUnavailable {
        detail: err.to_string(),
    }
}

impl SecretStore for OsKeychain {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), Error> {
        let _guard = self.lock.lock().expect("keychain lock");
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(unavailable)
    }

    fn get(&self, account: &str) -> Result<Secret, Error> {
        let _guard = self.lock.lock().expect("keychain lock");
        match self.entry(account)?.get_password() {
            Ok(value) => Ok(Secret::new(value)),
            Err(keyring::Error::NoEntry) => Err(Error::SecretMissing),
            Err(err) => Err(unavailable(err)),
        }
    }

    fn delete(&self, account: &str) -> Result<(), Error> {
        let _guard = self.lock.lock().expect("keychain lock");
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(unavailable(err)),
        }
    }
}

/// An in-memory store for unit tests.
#[derive(Default)]
pub struct MemoryKeychain(Mutex<HashMap<String, Secret>>);

impl SecretStore for MemoryKeychain {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), Error> {
        self.0
            .lock()
            .expect("memory keychain")
            .insert(account.to_string(), secret.clone());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Secret, Error> {
        self.0
            .lock()
            .expect("memory keychain")
            .get(account)
            .cloned()
            .ok_or(Error::SecretMissing)
    }

    fn delete(&self, account: &str) -> Result<(), Error> {
        self.0.lock().expect("memory keychain").remove(account);
        Ok(())
    }
}

/// Account name of the start-up canary entry.
pub const CANARY_ACCOUNT: &str = "kagiban-self-test";

/// How long the self-test waits: a locked Secret Service can block on a GUI prompt forever.
pub const SELF_TEST_TIMEOUT: Duration = Duration::from_secs(8);

/// Writes, reads back and deletes a canary entry. Fails clearly instead of hanging.
pub fn self_test(store: Arc<dyn SecretStore>) -> Result<(), Error> {
    self_test_within(store, SELF_TEST_TIMEOUT)
}

/// [`self_test`] with a chosen time limit.
pub fn self_test_within(store: Arc<dyn SecretStore>, limit: Duration) -> Result<(), Error> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let canary = Secret::new(format!("canary-{}", uuid::Uuid::new_v4()));
        let result = store
            .set(CANARY_ACCOUNT, &canary)
            .and_then(|()| store.get(CANARY_ACCOUNT))
            .and_then(|read| {
                store.delete(CANARY_ACCOUNT)?;
                if read == canary {
                    Ok(())
                } else {
                    Err(Error::KeychainUnavailable {
                        detail: "the keychain returned a different value".into(),
                    })
                }
            });
        let _ = tx.send(result);
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| {
            Err(Error::KeychainUnavailable {
                detail: "the keychain did not answer (is it locked?)".into(),
            })
        })
        .map_err(|err| match err {
            Error::SecretMissing => Error::KeychainUnavailable {
                detail: "the keychain did not keep the test entry".into(),
            },
            other => other,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Hanging;
    impl SecretStore for Hanging {
        fn set(&self, _: &str, _: &Secret) -> Result<(), Error> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(())
        }
        fn get(&self, _: &str) -> Result<Secret, Error> {
            unreachable!()
        }
        fn delete(&self, _: &str) -> Result<(), Error> {
            unreachable!()
        }
    }

    struct Forgetful;
    impl SecretStore for Forgetful {
        fn set(&self, _: &str, _: &Secret) -> Result<(), Error> {
            Ok(())
        }
        fn get(&self, _: &str) -> Result<Secret, Error> {
            Err(Error::SecretMissing)
        }
        fn delete(&self, _: &str) -> Result<(), Error> {
            Ok(())
        }
    }

    #[test]
    fn self_test_passes_on_a_working_store_and_leaves_nothing_behind() {
        let store = Arc::new(MemoryKeychain::default());
        self_test(store.clone()).unwrap();
        assert!(matches!(
            store.get(CANARY_ACCOUNT),
            Err(Error::SecretMissing)
        ));
    }

    #[test]
    fn self_test_reports_a_store_that_forgets() {
        let err = self_test(Arc::new(Forgetful)).unwrap_err();
        assert_eq!(err.code(), "keychain_unavailable");
    }

    #[test]
    fn self_test_gives_up_on_a_hanging_store() {
        let err = self_test_within(Arc::new(Hanging), Duration::from_millis(200)).unwrap_err();
        assert_eq!(err.code(), "keychain_unavailable");
    }
}
