//! Keys captured from the clipboard or typed: recognized, held in memory, then kept on request.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use kagiban_core::amazon::expiry::jst_date;
use kagiban_core::amazon::ids::{recognize_as, IdError};
use kagiban_core::expiry::{
    estimated_license_key_expiry, expiry_from_date, parse_day, ExpirySource,
};
use kagiban_core::kind::CredentialKind;
use kagiban_core::kind::Marketplace;
use kagiban_core::lang::{Lang, Text};
use kagiban_core::rakuten::{pair_warnings, LicenseKey, ServiceSecret};
use kagiban_core::recognize::{recognize_single, Recognized, Warning};
use kagiban_core::secret::Secret;

use super::Service;
use crate::error::Error;
use crate::store::NewCredential;
use crate::views::{
    AcceptDetails, CandidateSource, CandidateView, CredentialState, CredentialView, WarningView,
};

/// How long an unkept candidate stays in memory.
pub const CANDIDATE_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// A name kept with a credential is cut to this many characters.
const MAX_LABEL_CHARS: usize = 80;

/// What the user told with a value, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    /// The issue or grant day (Japan time).
    pub on: Option<NaiveDate>,
    /// A name kept with the value.
    pub label: Option<String>,
}

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
        let recognized = recognize_expected(expected, text)?;
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

    /// Keeps a candidate: secret into the keychain, metadata into SQLite. `details` carries
    /// what the step asked with it: the issue or grant day, a name.
    pub fn accept_candidate(
        &self,
        token: &str,
        shop_id: &str,
        details: &AcceptDetails,
    ) -> Result<CredentialView, Error> {
        let details = self.details(details)?;
        let (kind, value) = {
            let candidates = self.candidates.lock().expect("candidates");
            let c = candidates
                .get(token)
                .ok_or(Error::NotFound { what: "candidate" })?;
            (c.kind, c.value.clone())
        };
        let view = self.store_secret(shop_id, kind, &value, &details)?;
        self.discard_candidate(token);
        Ok(view)
    }

    /// Checks what the user told with a value: a day no later than today, a short name.
    pub(super) fn details(&self, details: &AcceptDetails) -> Result<Details, Error> {
        let today = jst_date(self.clock.now());
        let on = match details.date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(parse_day(text, today).ok_or(Error::InvalidDate)?),
        };
        let label = details
            .name
            .as_deref()
            .map(|n| n.trim().chars().take(MAX_LABEL_CHARS).collect::<String>())
            .filter(|n| !n.is_empty());
        Ok(Details { on, label })
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
        let sp = recognize_expected(CredentialKind::RakutenServiceSecret, service_secret)?;
        let sl = recognize_expected(CredentialKind::RakutenLicenseKey, license_key)?;
        let mut warnings = sp.warnings.clone();
        warnings.extend(sl.warnings.iter().copied());
        warnings.extend(pair_warnings(sp.value.expose(), sl.value.expose()));
        warnings.dedup();
        let shop = self.add_shop(shop_name, crate::views::Marketplace::Rakuten)?;
        let none = Details::default();
        self.store_secret(
            &shop.id,
            CredentialKind::RakutenServiceSecret,
            &sp.value,
            &none,
        )?;
        let key = self.store_secret(
            &shop.id,
            CredentialKind::RakutenLicenseKey,
            &sl.value,
            &none,
        )?;
        Ok((key, warning_views(&warnings, self.lang())))
    }

    /// Stores a validated value for a shop.
    ///
    /// Kinds that wait for verification (licenseKey, refresh token, client secret) are stored
    /// as pending; the value in use stays until the new one verifies. Other kinds replace the
    /// previous value at once. The expiry is estimated by the kind's rule: from now for a
    /// licenseKey, from the day the user gave (today when none) for the Amazon kinds that
    /// count from a grant or issue day.
    pub fn store_secret(
        &self,
        shop_id: &str,
        kind: CredentialKind,
        value: &Secret,
        details: &Details,
    ) -> Result<CredentialView, Error> {
        self.store
            .shop(shop_id)?
            .ok_or(Error::NotFound { what: "shop" })?;
        let now = self.clock.now();
        let previous = self.store.current_credentials(shop_id, kind)?;
        let state = if kind.waits_for_verification() {
            CredentialState::Pending
        } else {
            CredentialState::Active
        };
        let (expires_at, expiry_source) = if kind == CredentialKind::RakutenLicenseKey {
            (
                Some(estimated_license_key_expiry(now)),
                Some(ExpirySource::Rule),
            )
        } else {
            let source = if details.on.is_some() {
                ExpirySource::User
            } else {
                ExpirySource::Rule
            };
            let on = details.on.unwrap_or_else(|| jst_date(now));
            match expiry_from_date(kind, on) {
                Some(t) => (Some(t), Some(source)),
                None => (None, None),
            }
        };
        // Values that are not secret (IDs) are shown in full; secrets by their tail only.
        let shown = if kind.is_secret() {
            value.masked()
        } else {
            value.expose().to_string()
        };
        let id = uuid::Uuid::new_v4().to_string();
        // Keychain first: if it fails, SQLite never lists a key that is not there.
        self.secrets.set(&id, value)?;
        let row = NewCredential {
            id: id.clone(),
            shop_id: shop_id.to_string(),
            kind,
            masked: shown,
            state,
            issued_at: now,
            expires_at,
            expiry_source,
            label: details.label.clone(),
        };
        if let Err(err) = self.store.insert_credential(&row, now) {
            let _ = self.secrets.delete(&id);
            return Err(err);
        }
        if !kind.waits_for_verification() {
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

/// Recognizes `text` as a value of `expected`, or says what is wrong without repeating it.
pub(super) fn recognize_expected(
    expected: CredentialKind,
    text: &str,
) -> Result<Recognized, Error> {
    if expected.marketplace() == Marketplace::Rakuraku {
        return super::rakuraku::check_secret(expected, text);
    }
    if expected.marketplace() == Marketplace::Amazon {
        return recognize_as(text, expected).map_err(|err| match err {
            IdError::WrongKind { found, .. } => Error::WrongKind { expected, found },
            other => Error::InvalidFormat {
                expected,
                code: other.code(),
                message: other.message(),
            },
        });
    }
    let recognized = recognize_single(text).ok_or_else(|| format_error(expected, text))?;
    if recognized.kind != expected {
        return Err(Error::WrongKind {
            expected,
            found: recognized.kind,
        });
    }
    Ok(recognized)
}

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
