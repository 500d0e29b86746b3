//! Amazon: checking an SP-API authorization (LWA refresh grant, then the seller's marketplace
//! participations), the restricted-data token check, registering an authorization in one go
//! (the CLI), and recording a renewal done by hand (MWS developer access).

use kagiban_core::amazon::codes::{check_marketplace, missing_role_message};
use kagiban_core::amazon::rdt::{format_hhmm_jst, rdt_valid_until};
use kagiban_core::amazon::{build_request, roles_needed, Need, SpApiCode};
use kagiban_core::expiry::expiry_from_date;
use kagiban_core::kind::{CredentialKind, Marketplace};
use kagiban_core::marketplace::JAPAN;
use kagiban_core::secret::Secret;
use kagiban_core::verify::VerifyCode;

use super::candidates::{recognize_expected, warning_views};
use super::Service;
use crate::clients::lwa::{AccessToken, LwaError};
use crate::clients::spapi::SpApiError;
use crate::error::Error;
use crate::store::{CredentialRow, Verification, VerificationUpdate};
use crate::views::{
    AcceptDetails, CredentialState, CredentialView, RdtReport, VerifyReport, WarningView,
};

/// What `kagiban add amazon-sp` registers.
#[derive(Debug)]
pub struct AmazonSpInput {
    /// The shop's name (an existing Amazon shop of that name is reused).
    pub shop: String,
    /// LWA client ID.
    pub client_id: String,
    /// LWA client secret.
    pub client_secret: Secret,
    /// The seller's refresh token.
    pub refresh_token: Secret,
    /// Seller ID (merchant token).
    pub seller_id: String,
    /// Marketplace ID; Japan when none.
    pub marketplace: Option<String>,
    /// The day the seller authorized the app (YYYY-MM-DD); today when none.
    pub authorized_on: Option<String>,
    /// The day the client secret was issued or last rotated; today when none.
    pub secret_issued_on: Option<String>,
}

/// The values an SP-API call needs, read from the keychain.
struct Authorization {
    client_id: Secret,
    client_secret: Secret,
    refresh_token: Secret,
}

/// The rows behind one shop's SP-API authorization, newest of each kind.
struct AuthorizationRows {
    client_id: CredentialRow,
    client_secret: CredentialRow,
    refresh_token: CredentialRow,
    marketplace: Option<CredentialRow>,
}

impl AuthorizationRows {
    fn all(&self) -> impl Iterator<Item = &CredentialRow> {
        [&self.client_id, &self.client_secret, &self.refresh_token]
            .into_iter()
            .chain(self.marketplace.as_ref())
    }
}

fn lwa_code(error: &LwaError) -> VerifyCode {
    SpApiCode::parse(error.code())
        .map(VerifyCode::from)
        .unwrap_or(VerifyCode::BadResponse)
}

fn sp_api_code(error: &SpApiError) -> VerifyCode {
    match error {
        // A token LWA has just issued that SP-API refuses: the authorization was revoked.
        SpApiError::Unauthorized => VerifyCode::InvalidGrant,
        other => SpApiCode::parse(other.code())
            .map(VerifyCode::from)
            .unwrap_or(VerifyCode::BadResponse),
    }
}

impl Service {
    /// The newest current credential of `kind` for the shop.
    fn newest(&self, shop_id: &str, kind: CredentialKind) -> Result<CredentialRow, Error> {
        self.store
            .current_credentials(shop_id, kind)?
            .into_iter()
            .next()
            .ok_or(Error::MissingCredential { kind })
    }

    fn authorization_rows(&self, shop_id: &str) -> Result<AuthorizationRows, Error> {
        Ok(AuthorizationRows {
            client_id: self.newest(shop_id, CredentialKind::LwaClientId)?,
            client_secret: self.newest(shop_id, CredentialKind::LwaClientSecret)?,
            refresh_token: self.newest(shop_id, CredentialKind::LwaRefreshToken)?,
            marketplace: self
                .store
                .current_credentials(shop_id, CredentialKind::AmazonMarketplaceId)?
                .into_iter()
                .next(),
        })
    }

    fn read_authorization(&self, rows: &AuthorizationRows) -> Result<Authorization, Error> {
        Ok(Authorization {
            client_id: self.secrets.get(&rows.client_id.id)?,
            client_secret: self.secrets.get(&rows.client_secret.id)?,
            refresh_token: self.secrets.get(&rows.refresh_token.id)?,
        })
    }

    async fn access_token(&self, auth: &Authorization) -> Result<AccessToken, VerifyCode> {
        self.clients
            .lwa
            .refresh(
                auth.client_id.expose(),
                auth.client_secret.expose(),
                auth.refresh_token.expose(),
            )
            .await
            .map_err(|e| lwa_code(&e))
    }

    /// One SP-API call with an access token for `auth`. A cached token SP-API no longer takes
    /// is forgotten and the call made once more with a new one.
    async fn with_access_token<T, F, Fut>(
        &self,
        auth: &Authorization,
        call: F,
    ) -> Result<T, VerifyCode>
    where
        F: Fn(Secret) -> Fut,
        Fut: std::future::Future<Output = Result<T, SpApiError>>,
    {
        let mut retried = false;
        loop {
            let token = self.access_token(auth).await?;
            match call(token.token).await {
                Ok(value) => return Ok(value),
                Err(SpApiError::Unauthorized) if !retried => {
                    self.clients
                        .lwa
                        .invalidate(auth.client_id.expose(), auth.refresh_token.expose());
                    retried = true;
                }
                Err(e) => return Err(sp_api_code(&e)),
            }
        }
    }

    /// LWA, then getMarketplaceParticipations; `marketplace` must be among the answer.
    async fn check_authorization(&self, auth: &Authorization, marketplace: &str) -> VerifyCode {
        let spapi = &self.clients.spapi;
        let participations = self
            .with_access_token(auth, |token| async move {
                spapi.marketplace_participations(&token).await
            })
            .await;
        match participations {
            Ok(list) => {
                let ids = list.iter().map(|p| p.marketplace_id.as_str());
                check_marketplace(ids, marketplace).into()
            }
            Err(code) => code,
        }
    }

    /// Verifies a shop's SP-API authorization, records the result on every credential it used,
    /// and, when it works, makes the new refresh token and client secret the ones in use.
    pub(super) async fn verify_sp_api(
        &self,
        subject: CredentialRow,
    ) -> Result<VerifyReport, Error> {
        let rows = self.authorization_rows(&subject.shop_id)?;
        let marketplace = match &rows.marketplace {
            Some(row) => self.secrets.get(&row.id).map(|m| m.expose().to_string()),
            None => Ok(JAPAN.to_string()),
        };
        let code = match self
            .read_authorization(&rows)
            .and_then(|auth| Ok((auth, marketplace?)))
        {
            Ok((auth, marketplace)) => self.check_authorization(&auth, &marketplace).await,
            Err(Error::KeychainUnavailable { .. }) => VerifyCode::KeychainUnavailable,
            Err(other) => return Err(other),
        };
        let now = self.clock.now();
        for row in rows.all() {
            let mut update = VerificationUpdate::default();
            if code == VerifyCode::Ok && row.kind.waits_for_verification() {
                update.state = Some(CredentialState::Active);
            }
            self.store
                .record_verification(&row.id, Verification { at: now, code }, update)?;
            if code == VerifyCode::Ok && row.kind.waits_for_verification() {
                self.retire_older_keys(row, now)?;
            }
        }
        let refreshed = self
            .store
            .credential(&rows.refresh_token.id)?
            .unwrap_or(rows.refresh_token);
        Ok(self.report(&refreshed, code, None))
    }

    /// The restricted-data token check: builds the request for `needs` with the Tokens API's
    /// rules, asks Amazon for a token with the shop's authorization, and says whether it was
    /// granted (and until when) or which roles to request. The token itself is dropped.
    pub async fn check_rdt(
        &self,
        shop_id: &str,
        needs: &[Need],
        target_application: Option<&str>,
    ) -> Result<RdtReport, Error> {
        let lang = self.lang();
        let request =
            build_request(needs, target_application).map_err(|e| Error::InvalidRdtRequest {
                code: e.code(),
                message: e.message(),
            })?;
        let roles = roles_needed(needs);
        let warnings: Vec<WarningView> = request
            .warnings()
            .into_iter()
            .map(|w| WarningView {
                code: w.code().to_string(),
                message: w.message().get(lang).to_string(),
            })
            .collect();
        let rows = self.authorization_rows(shop_id)?;
        let auth = match self.read_authorization(&rows) {
            Ok(auth) => auth,
            Err(Error::KeychainUnavailable { .. }) => {
                return Err(Error::KeychainUnavailable {
                    detail: "reading the SP-API authorization".into(),
                })
            }
            Err(other) => return Err(other),
        };
        let body = serde_json::to_value(&request).map_err(|e| Error::Storage(e.to_string()))?;
        let spapi = &self.clients.spapi;
        let body = &body;
        let outcome = self
            .with_access_token(&auth, |token| async move {
                spapi.restricted_data_token(&token, body).await
            })
            .await;
        let (code, valid_until) = match outcome {
            Ok(granted) => {
                let until = rdt_valid_until(self.clock.now(), Some(granted.expires_in.into()));
                (VerifyCode::Ok, Some(format_hhmm_jst(until)))
            }
            Err(code) => (code, None),
        };
        let message = match code {
            VerifyCode::Ok => rdt_granted_message(valid_until.as_deref().unwrap_or(""), lang),
            VerifyCode::MissingRole => missing_role_message(&roles, lang),
            other => other
                .message_for(CredentialKind::LwaRefreshToken)
                .get(lang)
                .to_string(),
        };
        Ok(RdtReport {
            ok: code == VerifyCode::Ok,
            code,
            message,
            resources: request.restricted_resources.len() as u32,
            valid_until,
            roles: roles
                .iter()
                .map(|r| r.label().get(lang).to_string())
                .collect(),
            warnings,
        })
    }

    /// Registers a whole SP-API authorization (the CLI's `add amazon-sp`). Every value is
    /// checked before anything is stored, so a bad one leaves no trace. Returns the stored
    /// refresh token (the authorization) and the warnings about the values.
    pub fn add_amazon_sp(
        &self,
        input: &AmazonSpInput,
    ) -> Result<(CredentialView, Vec<WarningView>), Error> {
        let marketplace = input.marketplace.as_deref().unwrap_or(JAPAN);
        let values = [
            (CredentialKind::LwaClientId, input.client_id.as_str(), None),
            (
                CredentialKind::LwaClientSecret,
                input.client_secret.expose(),
                input.secret_issued_on.clone(),
            ),
            (
                CredentialKind::LwaRefreshToken,
                input.refresh_token.expose(),
                input.authorized_on.clone(),
            ),
            (
                CredentialKind::AmazonSellerId,
                input.seller_id.as_str(),
                None,
            ),
            (CredentialKind::AmazonMarketplaceId, marketplace, None),
        ];
        let mut checked = Vec::new();
        let mut warnings = Vec::new();
        for (kind, text, date) in values {
            let recognized = recognize_expected(kind, text)?;
            let details = self.details(&AcceptDetails { date, name: None })?;
            for w in &recognized.warnings {
                if !warnings.contains(w) {
                    warnings.push(*w);
                }
            }
            checked.push((kind, recognized.value, details));
        }
        let shop = self.add_shop(&input.shop, Marketplace::Amazon)?;
        let mut authorization = None;
        for (kind, value, details) in &checked {
            let view = self.store_secret(&shop.id, *kind, value, details)?;
            if *kind == CredentialKind::LwaRefreshToken {
                authorization = Some(view);
            }
        }
        let authorization = authorization.ok_or(Error::MissingCredential {
            kind: CredentialKind::LwaRefreshToken,
        })?;
        Ok((authorization, warning_views(&warnings, self.lang())))
    }

    /// Records that the user renewed a credential by hand on `date` (YYYY-MM-DD, today when
    /// empty): for MWS developer access, the day of 「アクセス権を承認」 or 「アクセス権を復元」.
    /// The new expiry follows the kind's rule from that day.
    pub fn record_renewal(&self, id: &str, date: Option<&str>) -> Result<CredentialView, Error> {
        let row = self
            .store
            .credential(id)?
            .ok_or(Error::NotFound { what: "credential" })?;
        if !row.kind.renewed_by_hand() {
            return Err(Error::NotRenewedByHand { kind: row.kind });
        }
        let details = self.details(&AcceptDetails {
            date: date.map(str::to_string),
            name: None,
        })?;
        let on = details
            .on
            .unwrap_or_else(|| kagiban_core::amazon::expiry::jst_date(self.clock.now()));
        let expires_at =
            expiry_from_date(row.kind, on).ok_or(Error::NotRenewedByHand { kind: row.kind })?;
        self.store
            .record_renewal(&row.id, expires_at, self.clock.now())?;
        self.credential_view(id)
    }
}

fn rdt_granted_message(valid_until: &str, lang: kagiban_core::lang::Lang) -> String {
    match lang {
        kagiban_core::lang::Lang::Ja => format!(
            "制限付きデータトークンを受け取れました（{valid_until} まで有効）。アプリには必要なロールがあります。トークンは確認にだけ使い、保存していません。"
        ),
        kagiban_core::lang::Lang::En => format!(
            "A restricted data token was granted (valid until {valid_until}). The app has the roles it needs. The token was only used for this check and was not kept."
        ),
    }
}
