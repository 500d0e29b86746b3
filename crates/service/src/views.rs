//! The shapes the UI and the CLI see. Generated into TypeScript (ts-rs); never hold a secret.

use kagiban_core::expiry::{ExpirySource, Urgency};
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::verify::VerifyCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use kagiban_core::kind::Marketplace;

mod rakuraku;

pub use rakuraku::{
    ConnectionTestReport, ConnectorView, FileReport, FolderCheckReport, FolderReport,
};

/// A shop (店舗) of the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ShopView {
    /// Stable id.
    pub id: String,
    /// The name the user gave it.
    pub name: String,
    /// Its marketplace.
    pub marketplace: Marketplace,
    /// The kinds of credential stored and not superseded for this shop, in display order.
    pub kinds: Vec<CredentialKind>,
}

/// Where a credential is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CredentialState {
    /// Stored, not verified yet (a new key waiting to become active, for example).
    Pending,
    /// The key in use.
    Active,
    /// Replaced by a newer key that verified; kept as history.
    Superseded,
}

impl CredentialState {
    /// Stable name used in SQLite.
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialState::Pending => "pending",
            CredentialState::Active => "active",
            CredentialState::Superseded => "superseded",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(CredentialState::Pending),
            "active" => Some(CredentialState::Active),
            "superseded" => Some(CredentialState::Superseded),
            _ => None,
        }
    }
}

/// The result of the last verification of a credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VerificationView {
    /// When, ISO 8601 with +09:00.
    pub at: String,
    /// When, as YYYY/MM/DD HH:MM (JST).
    pub at_display: String,
    /// Whether the key worked.
    pub ok: bool,
    /// Stable result code.
    pub code: VerifyCode,
    /// What it means and what to do, in the user's language.
    pub message: String,
}

/// One credential as listed on the dashboard and by `kagiban status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CredentialView {
    /// Stable id (also the keychain account).
    pub id: String,
    /// The shop it belongs to.
    pub shop_id: String,
    /// The shop's name.
    pub shop: String,
    /// What it is.
    pub kind: CredentialKind,
    /// What it is, in the user's language.
    pub kind_label: String,
    /// Last four characters only, e.g. `••••5678`.
    pub masked: String,
    /// Its state.
    pub state: CredentialState,
    /// When it was issued or stored, ISO 8601 with +09:00.
    pub issued_at: String,
    /// When it expires, ISO 8601 with +09:00; none for keys that do not expire.
    pub expires_at: Option<String>,
    /// Expiry date as YYYY/MM/DD (JST).
    pub expires_on: Option<String>,
    /// Calendar days left in Japan time (0 on the day, negative after).
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    /// Where the expiry date comes from: the API, a rule (estimated) or the user.
    pub expiry_source: Option<ExpirySource>,
    /// How urgent it is, for the status colour.
    pub urgency: Option<Urgency>,
    /// The last verification, if any.
    pub last_verification: Option<VerificationView>,
    /// When Kagiban will check it again by itself (a new key not active yet).
    pub next_check_at: Option<String>,
    /// A name kept with it (not secret), e.g. the MWS developer's name.
    pub label: Option<String>,
    /// What to do in the other system to extend it by hand, when that is how it is renewed
    /// (MWS developer access: 「アクセス権を承認」 or 「アクセス権を復元」).
    pub renewal: Option<RenewalView>,
    /// Reminders are snoozed until then (YYYY/MM/DD HH:MM, JST).
    pub snoozed_until: Option<String>,
    /// The user stopped the daily reminders after this expiry.
    pub reminders_dismissed: bool,
}

/// A renewal done by hand in another system, and recorded in Kagiban by its day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RenewalView {
    /// Stable code of the action (`confirm`, `restore`).
    pub action: String,
    /// The button's label in the other system.
    pub button: String,
    /// What to do, in the user's language.
    pub message: String,
}

/// What the user tells with a captured value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AcceptDetails {
    /// The day it was issued or granted (YYYY-MM-DD, Japan time); today when absent.
    pub date: Option<String>,
    /// A name to keep with it (not secret), e.g. the MWS developer's name.
    pub name: Option<String>,
}

/// The outcome of the restricted-data token check (Tokens API).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RdtReport {
    /// Whether Amazon issued a restricted data token.
    pub ok: bool,
    /// Stable code (`ok`, `missing_role`, `invalid_grant`, …).
    pub code: VerifyCode,
    /// What it means and what to do; with a missing role, which roles to request.
    pub message: String,
    /// How many restricted resources were asked for.
    pub resources: u32,
    /// Until when the token would be valid (HH:MM, Japan time), when granted.
    pub valid_until: Option<String>,
    /// The roles the chosen needs call for, in the user's language.
    pub roles: Vec<String>,
    /// Things to know about the request (its size, for example).
    pub warnings: Vec<WarningView>,
}

/// The outcome of verifying one credential, as `kagiban verify --json` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VerifyReport {
    /// The credential.
    pub id: String,
    /// Whether it worked.
    pub ok: bool,
    /// Stable code.
    pub code: VerifyCode,
    /// What it means and what to do.
    pub message: String,
    /// Expiry after this check, ISO 8601 with +09:00.
    pub expires_at: Option<String>,
    /// Where that expiry comes from.
    pub expiry_source: Option<ExpirySource>,
    /// Whether Kagiban keeps checking in the background (a new key not active yet).
    pub retrying: bool,
    /// When the next background check happens.
    pub next_check_at: Option<String>,
}

/// What the tray shows: its state, its tooltip, the next expiries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TraySummary {
    /// `ok`: all well; `due_soon`: something within 7 days; `expired`: something expired or
    /// refused by its service.
    pub urgency: Urgency,
    /// One line: the state and the next expiry.
    pub tooltip: String,
    /// The next expiries, soonest first (at most five).
    pub next: Vec<TrayItem>,
}

/// One expiry in the tray menu.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrayItem {
    /// The credential.
    pub credential_id: String,
    /// The flow that renews it.
    pub flow_id: Option<String>,
    /// What the menu item says: what, which shop, days left.
    pub label: String,
}

/// A reminder to show now, as a desktop notification (and in the tray).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderNotice {
    /// The credential it is about.
    pub credential_id: String,
    /// Its kind.
    pub kind: CredentialKind,
    /// Its shop's name.
    pub shop: String,
    /// JST calendar days left (0 on the day, negative after).
    #[ts(type = "number")]
    pub days_left: i64,
    /// How urgent.
    pub urgency: Urgency,
    /// The notification's title.
    pub summary: String,
    /// The notification's text: what expires, when, and what to do.
    pub body: String,
}

/// A warning about a recognized or entered key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WarningView {
    /// Stable code.
    pub code: String,
    /// The sentence to show.
    pub message: String,
}

/// A key that was captured or pasted and is waiting for the user to keep it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CandidateView {
    /// Opaque handle; the secret itself stays in the backend.
    pub token: String,
    /// What it was recognized as.
    pub kind: CredentialKind,
    /// What it is, in the user's language.
    pub kind_label: String,
    /// Masked form.
    pub masked: String,
    /// Number of characters (after normalization), so the user can compare with RMS.
    pub length: u32,
    /// Things to check.
    pub warnings: Vec<WarningView>,
    /// Where it came from.
    pub source: CandidateSource,
}

/// Where a candidate came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CandidateSource {
    /// Noticed on the clipboard.
    Clipboard,
    /// Typed or pasted into the field.
    Typed,
}

/// Saved progress through a flow, so a closed window resumes at the same step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FlowProgress {
    /// The flow.
    pub flow_id: String,
    /// The shop chosen in the flow.
    pub shop_id: Option<String>,
    /// The step the user is on.
    pub step_id: String,
    /// Steps finished.
    pub completed: Vec<String>,
    /// The credential stored during this run (the new licenseKey).
    pub credential_id: Option<String>,
}

/// A flow as the dashboard offers it: its tile, and where the user left it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FlowCard {
    /// Flow id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Whose shops the flow works on.
    pub marketplace: Marketplace,
    /// Saved progress, when the flow was left halfway.
    pub progress: Option<FlowProgress>,
}

/// Everything the dashboard shows, in one answer (one round trip when the window opens).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DashboardView {
    /// Every credential of every shop, superseded ones too (the history).
    pub credentials: Vec<CredentialView>,
    /// Every shop, by marketplace.
    pub shops: Vec<ShopView>,
    /// The flows, in the order offered.
    pub flows: Vec<FlowCard>,
}

/// What the UI needs to know at start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    /// The keychain self-test result: None when it works.
    pub keychain_error: Option<ErrorView>,
    /// The UI language.
    pub lang: Lang,
    /// App version.
    pub version: String,
    /// Where the metadata lives.
    pub data_dir: String,
}

/// An error as it crosses IPC: a stable code and a sentence that says what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErrorView {
    /// Stable code the UI branches on.
    pub code: String,
    /// The sentence to show, in the user's language.
    pub message: String,
}

/// Answer to a copy request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CopyReceipt {
    /// The clipboard is cleared after this many seconds if it still holds the key.
    pub clears_after_secs: u32,
}
