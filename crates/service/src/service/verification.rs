//! Verifying keys against the real APIs, and the background re-checks of new keys.

use chrono::{DateTime, Utc};
use kagiban_core::expiry::{to_iso_jst, ExpirySource};
use kagiban_core::kind::CredentialKind;
use kagiban_core::rakuten::{activation_retry_delay, classify_unauthorized};
use kagiban_core::verify::VerifyCode;

use super::Service;
use crate::clients::rms::RmsError;
use crate::error::Error;
use crate::store::{CredentialRow, Verification, VerificationUpdate};
use crate::views::{CredentialState, VerifyReport};

impl Service {
    /// Verifies one credential against its API and records the result.
    ///
    /// A serviceSecret is checked together with the shop's newest licenseKey. Kinds without an
    /// API answer `not_verifiable`.
    pub async fn verify(&self, id: &str) -> Result<VerifyReport, Error> {
        let row = self
            .store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        if let Some(subject_kind) = row.kind.checked_with() {
            let subject = self
                .store
                .current_credentials(&row.shop_id, subject_kind)?
                .into_iter()
                .next();
            return match subject {
                Some(subject) => {
                    let report = self.verify_subject(subject).await?;
                    let refreshed = self.store.credential(&row.id)?.unwrap_or(row);
                    Ok(VerifyReport {
                        id: refreshed.id.clone(),
                        message: report
                            .code
                            .message_for(refreshed.kind)
                            .get(self.lang())
                            .to_string(),
                        expires_at: refreshed.expires_at.map(to_iso_jst),
                        expiry_source: refreshed.expiry_source,
                        ..report
                    })
                }
                None => Ok(self.report(&row, VerifyCode::NotVerifiable, None)),
            };
        }
        self.verify_subject(row).await
    }

    /// Verifies a credential that is checked by itself.
    async fn verify_subject(&self, row: CredentialRow) -> Result<VerifyReport, Error> {
        match row.kind {
            CredentialKind::RakutenLicenseKey => self.verify_license_key(row).await,
            CredentialKind::LwaRefreshToken => self.verify_sp_api(row).await,
            CredentialKind::RakurakuApiToken => self.verify_rakuraku_token(row).await,
            _ => Ok(self.report(&row, VerifyCode::NotVerifiable, None)),
        }
    }

    /// Verifies every credential that is in use or waiting, one after another. A credential
    /// checked through another (a client secret through its authorization, say) is checked
    /// once, with it.
    pub async fn verify_all(&self) -> Result<Vec<Result<VerifyReport, (String, Error)>>, Error> {
        let mut out = Vec::new();
        let mut authorizations_checked = std::collections::HashSet::new();
        for row in self.store.credentials()? {
            if row.state == CredentialState::Superseded || row.kind.checked_with().is_some() {
                continue;
            }
            // An SP-API check always uses the shop's newest values: once per shop.
            if row.kind == CredentialKind::LwaRefreshToken
                && !authorizations_checked.insert(row.shop_id.clone())
            {
                continue;
            }
            // A key superseded by an earlier check of this run is history now.
            if self
                .store
                .credential(&row.id)?
                .is_some_and(|r| r.state == CredentialState::Superseded)
            {
                continue;
            }
            let id = row.id.clone();
            out.push(self.verify(&id).await.map_err(|e| (id, e)));
        }
        Ok(out)
    }

    /// Runs the background checks that are due now; returns the reports of those made.
    pub async fn run_due_checks(&self) -> Result<Vec<VerifyReport>, Error> {
        let mut reports = Vec::new();
        for id in self.store.due_checks(self.clock.now())? {
            match self.verify(&id).await {
                Ok(report) => reports.push(report),
                Err(err) => tracing::warn!(code = err.code(), "background check failed"),
            }
        }
        Ok(reports)
    }

    /// The daily checks that are due (licenseKey expiry dates, SP-API authorizations), one
    /// after the other; returns their reports. A refusal among them is for the caller to tell
    /// at once.
    pub async fn run_daily_checks(&self) -> Result<Vec<VerifyReport>, Error> {
        let now = self.clock.now();
        let mut reports = Vec::new();
        for row in self.daily_checked()? {
            let due = kagiban_core::checks::next_daily_check(
                &row.id,
                row.last_verification.map(|v| v.at),
                row.last_verification.map(|v| v.code),
            );
            if due > now {
                continue;
            }
            match self.verify(&row.id).await {
                Ok(report) => reports.push(report),
                Err(err) => tracing::warn!(code = err.code(), "daily check failed"),
            }
        }
        Ok(reports)
    }

    /// When the next daily check is due, if any credential has one.
    pub fn next_daily_check(&self) -> Result<Option<DateTime<Utc>>, Error> {
        Ok(self
            .daily_checked()?
            .iter()
            .map(|row| {
                kagiban_core::checks::next_daily_check(
                    &row.id,
                    row.last_verification.map(|v| v.at),
                    row.last_verification.map(|v| v.code),
                )
            })
            .min())
    }

    /// The credentials in use that an API checks every day.
    fn daily_checked(&self) -> Result<Vec<CredentialRow>, Error> {
        Ok(self
            .store
            .credentials()?
            .into_iter()
            .filter(|c| c.state == CredentialState::Active)
            .filter(|c| kagiban_core::checks::checked_daily(c.kind))
            .collect())
    }

    /// When the next background check is due, if any.
    pub fn next_due_check(&self) -> Result<Option<DateTime<Utc>>, Error> {
        Ok(self
            .store
            .credentials()?
            .into_iter()
            .filter(|c| c.state != CredentialState::Superseded)
            .filter_map(|c| c.next_check_at)
            .min())
    }

    async fn verify_license_key(&self, row: CredentialRow) -> Result<VerifyReport, Error> {
        let service_secret = self
            .store
            .current_credentials(&row.shop_id, CredentialKind::RakutenServiceSecret)?
            .into_iter()
            .next()
            .ok_or(Error::NoServiceSecret)?;
        let secrets = self
            .secrets
            .get(&service_secret.id)
            .and_then(|sp| Ok((sp, self.secrets.get(&row.id)?)));
        let (sp, sl) = match secrets {
            Ok(pair) => pair,
            Err(Error::KeychainUnavailable { .. }) => {
                return Ok(self.report(&row, VerifyCode::KeychainUnavailable, None))
            }
            Err(other) => return Err(other),
        };
        let result = self
            .clients
            .rms
            .license_expiry(sp.expose(), sl.expose())
            .await;
        let now = self.clock.now();
        let mut update = VerificationUpdate::default();
        let code = match result {
            Ok(expiry) => {
                update.expiry = Some((expiry, ExpirySource::Api));
                update.state = Some(CredentialState::Active);
                VerifyCode::Ok
            }
            Err(RmsError::Unauthorized { .. }) => classify_unauthorized(row.issued_at, now),
            Err(err) => err.code(),
        };
        let keeps_trying = row.state == CredentialState::Pending
            && (code == VerifyCode::NotYetActive
                || (code.is_transient() && within_activation_window(&row, now)));
        if keeps_trying {
            update.check_attempts = row.check_attempts + 1;
            let delay = activation_retry_delay(row.check_attempts);
            update.next_check_at =
                Some(now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::zero()));
        }
        self.store
            .record_verification(&row.id, Verification { at: now, code }, update)?;
        self.store.record_verification(
            &service_secret.id,
            Verification { at: now, code },
            VerificationUpdate::default(),
        )?;
        if code == VerifyCode::Ok {
            self.retire_older_keys(&row, now)?;
        }
        let refreshed = self.store.credential(&row.id)?.unwrap_or(row);
        Ok(self.report(&refreshed, code, update.next_check_at))
    }

    /// Once a licenseKey verifies, the keys of the same shop issued before it are superseded.
    pub(super) fn retire_older_keys(
        &self,
        verified: &CredentialRow,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        for old in self
            .store
            .current_credentials(&verified.shop_id, verified.kind)?
        {
            if old.id != verified.id && old.issued_at <= verified.issued_at {
                self.store.supersede(&old.id, &verified.id, now)?;
            }
        }
        Ok(())
    }

    pub(super) fn report(
        &self,
        row: &CredentialRow,
        code: VerifyCode,
        next_check_at: Option<DateTime<Utc>>,
    ) -> VerifyReport {
        VerifyReport {
            id: row.id.clone(),
            ok: code == VerifyCode::Ok,
            code,
            message: code.message_for(row.kind).get(self.lang()).to_string(),
            expires_at: row.expires_at.map(to_iso_jst),
            expiry_source: row.expiry_source,
            retrying: next_check_at.is_some(),
            next_check_at: next_check_at.map(to_iso_jst),
        }
    }
}

fn within_activation_window(row: &CredentialRow, now: DateTime<Utc>) -> bool {
    classify_unauthorized(row.issued_at, now) == VerifyCode::NotYetActive
}
