//! Keys captured from the clipboard or typed: recognized, held in memory, then kept on request.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use kagiban_core::expiry::{estimated_license_key_expiry, ExpirySource};
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::{Lang, Text};
use kagiban_core::rakuten::{pair_warnings, LicenseKey, ServiceSecret};
use kagiban_core::recognize::{recognize_single, Warning};
use kagiban_core::secret::Secret;

use super::Service;
use crate::error::Error;
use crate::store::NewCredential;
use crate::views::{CandidateSource, CandidateView, CredentialState, CredentialView, WarningView};

/// How long an unkept candidate stays in memory.
pub const CANDIDATE_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// At most this many candidates are held at once (oldest dropped first).
const MAX_CANDIDATES: usize = 16;

pub(super) struct Candidate {
    kind: CredentialKind,
    value: Secret,
    warnings: Vec<Warning>,
    created: Instant,
}

/// Candidates by opaque token. The secret never leaves the backend unless revealed.
#[derive(Default)]
pub(super) struct Candidates(HashMap<String, Candidate>);

impl Candidates {
    fn insert(&mut self, candidate: Candidate) -> String {
        self.0
            .retain(|_, c| c.created.elapsed() < CANDIDATE_LIFETIME);
        while self.0.len() >= MAX_CANDIDATES {
            let oldest = self
                .0
                .iter()
                .min_by_key(|(_, c)| c.created)
                .map(|(token, _)| token.clone());
            match oldest {
                Some(token) => self.0.remove(&token),
                None => break,
            };
        }
        let token = uuid::Uuid::new_v4().to_string();
        self.0.insert(token.clone(), candidate);
        token
    }

    fn get(&self, token: &str) -> Option<&Candidate> {
        self.0
            .get(token)
            .filter(|c| c.created.elapsed() < CANDIDATE_LIFETIME)
    }
}

impl Service {
    /// Recognizes `text` as a key of `expected` for `shop_id`, and holds it until kept.
    ///
    /// Errors say what is wrong with the text without repeating it.
    pub fn candidate_from_text(
        &self,
        expected: CredentialKind,
        shop_id: &str,
        text: &str,
        source: CandidateSource,
    ) -> Result<CandidateView, Error> {
        let recognized = recognize_single(text).ok_or_else(|| format_error(expected, text))?;
        if recognized.kind != expected {
            return Err(Error::WrongKind {
                expected,
                found: recognized.kind,
            });
        }
        let mut warnings = recognized.warnings.clone();
        for w in self.pair_check(shop_id, expected, &recognized.value) {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        let candidate = Candidate {
            kind: expected,
            value: recognized.value.clone(),
            warnings,
            created: Instant::now(),
        };
        let view_parts = (
            candidate.kind,
            candidate.value.masked(),
            candidate.value.expose().chars().count() as u32,
            candidate.warnings.clone(),
        );
        let token = self
            .candidates
            .lock()
            .expect("candidates")
            .insert(candidate);
        let lang = self.lang();
        Ok(CandidateView {
            token,
            kind: view_parts.0,
            kind_label: view_parts.0.label().get(lang).to_string(),
            masked: view_parts.1,
            length: view_parts.2,
            warnings: warning_views(&view_parts.3, lang),
            source,
        })
    }

    /// The full value of a candidate (the reveal button).
    pub fn reveal_candidate(&self, token: &str) -> Result<Secret, Error> {
        self.candidates
            .lock()
            .expect("candidates")
            .get(token)
            .map(|c| c.value.clone())
            .ok_or(Error::NotFound { what: "candidate" })
    }

    /// Forgets a candidate.
    pub fn discard_candidate(&self, token: &str) {
        self.candidates.lock().expect("candidates").0.remove(token);
    }

    /// Keeps a candidate: secret into the keychain, metadata into SQLite.
    pub fn accept_candidate(&self, token: &str, shop_id: &str) -> Result<CredentialView, Error> {
        let (kind, value) = {
            let candidates = self.candidates.lock().expect("candidates");
            let c = candidates
                .get(token)
                .ok_or(Error::NotFound { what: "candidate" })?;
            (c.kind, c.value.clone())
        };
        let view = self.store_secret(shop_id, kind, &value)?;
        self.discard_candidate(token);
        Ok(view)
    }

    /// Registers a shop's serviceSecret and licenseKey in one go (the CLI's `add rakuten`).
    ///
    /// Both keys are checked before anything is stored: a bad key leaves no trace.
    /// Returns the stored licenseKey and the warnings about the pair.
    pub fn add_rakuten_keys(
        &self,
        shop_name: &str,
        service_secret: &str,
        license_key: &str,
    ) -> Result<(CredentialView, Vec<WarningView>), Error> {
        let check = |kind, text| {
            let r = recognize_single(text).ok_or_else(|| format_error(kind, text))?;
            if r.kind == kind {
                Ok(r)
            } else {
                Err(Error::WrongKind {
                    expected: kind,
                    found: r.kind,
                })
            }
        };
        let sp = check(CredentialKind::RakutenServiceSecret, service_secret)?;
        let sl = check(CredentialKind::RakutenLicenseKey, license_key)?;
        let mut warnings = sp.warnings.clone();
        warnings.extend(sl.warnings.iter().copied());
        warnings.extend(pair_warnings(sp.value.expose(), sl.value.expose()));
        warnings.dedup();
        let shop = self.add_shop(shop_name, crate::views::Marketplace::Rakuten)?;
        self.store_secret(&shop.id, CredentialKind::RakutenServiceSecret, &sp.value)?;
        let key = self.store_secret(&shop.id, CredentialKind::RakutenLicenseKey, &sl.value)?;
        Ok((key, warning_views(&warnings, self.lang())))
    }

    /// Stores a validated secret for a shop.
    ///
    /// A new serviceSecret replaces the old one at once (it does not expire). A new licenseKey
    /// is stored as pending with an estimated expiry; the old key stays in use until the new
    /// one verifies.
    pub fn store_secret(
        &self,
        shop_id: &str,
        kind: CredentialKind,
        value: &Secret,
    ) -> Result<CredentialView, Error> {
        self.store
            .shop(shop_id)?
            .ok_or(Error::NotFound { what: "shop" })?;
        let now = self.clock.now();
        let previous = self.store.current_credentials(shop_id, kind)?;
        let (state, expires_at, expiry_source) = match kind {
            CredentialKind::RakutenLicenseKey => (
                CredentialState::Pending,
                Some(estimated_license_key_expiry(now)),
                Some(ExpirySource::Rule),
            ),
            _ => (CredentialState::Active, None, None),
        };
        let id = uuid::Uuid::new_v4().to_string();
        // Keychain first: if it fails, SQLite never lists a key that is not there.
        self.secrets.set(&id, value)?;
        let row = NewCredential {
            id: id.clone(),
            shop_id: shop_id.to_string(),
            kind,
            masked: value.masked(),
            state,
            issued_at: now,
            expires_at,
            expiry_source,
        };
        if let Err(err) = self.store.insert_credential(&row, now) {
            let _ = self.secrets.delete(&id);
            return Err(err);
        }
        if kind == CredentialKind::RakutenServiceSecret {
            for old in previous {
                self.store.supersede(&old.id, &id, now)?;
            }
        }
        self.credential_view(&id)
    }

    /// Shop-number comparison between the shop's SP and SL keys.
    fn pair_check(&self, shop_id: &str, kind: CredentialKind, value: &Secret) -> Vec<Warning> {
        let other_kind = match kind {
            CredentialKind::RakutenLicenseKey => CredentialKind::RakutenServiceSecret,
            CredentialKind::RakutenServiceSecret => CredentialKind::RakutenLicenseKey,
            _ => return Vec::new(),
        };
        let Ok(current) = self.store.current_credentials(shop_id, other_kind) else {
            return Vec::new();
        };
        let Some(other) = current.first() else {
            return Vec::new();
        };
        // The comparison is a courtesy: a keychain hiccup must not block the capture.
        let Ok(other_value) = self.secrets.get(&other.id) else {
            return Vec::new();
        };
        match kind {
            CredentialKind::RakutenLicenseKey => {
                pair_warnings(other_value.expose(), value.expose())
            }
            _ => pair_warnings(value.expose(), other_value.expose()),
        }
    }
}

/// Text that is not any key Kagiban knows.
pub const UNRECOGNIZED_KEY: Text = Text::new(
    "入力された文字列は鍵の形式ではありません。画面に表示された鍵をそのままコピーして貼り付けてください。",
    "The text is not in the key's format. Copy the key exactly as shown and paste it.",
);

/// The most helpful format error for text that is not a key of `expected`.
fn format_error(expected: CredentialKind, text: &str) -> Error {
    let parsed = match expected {
        CredentialKind::RakutenServiceSecret => ServiceSecret::parse(text).err(),
        CredentialKind::RakutenLicenseKey => LicenseKey::parse(text).err(),
        _ => None,
    };
    match parsed {
        Some(err) => Error::InvalidFormat {
            expected,
            code: err.code(),
            message: err.message(expected),
        },
        None => Error::InvalidFormat {
            expected,
            code: "unrecognized",
            message: UNRECOGNIZED_KEY,
        },
    }
}

pub(super) fn warning_views(warnings: &[Warning], lang: Lang) -> Vec<WarningView> {
    warnings
        .iter()
        .map(|w| WarningView {
            code: w.code().to_string(),
            message: w.message().get(lang).to_string(),
        })
        .collect()
}
