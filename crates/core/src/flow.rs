//! Flows (wizards) as data: declared once in both languages, rendered generically by the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kind::CredentialKind;
use crate::lang::{Lang, Text};

pub use crate::flows::rakuten_license_key::RAKUTEN_LICENSE_KEY;

/// A flow: an ordered list of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlowDef {
    /// Stable id, stored with the flow's progress.
    pub id: &'static str,
    /// Short title.
    pub title: Text,
    /// One or two sentences: what the user ends with.
    pub summary: Text,
    /// The steps in order.
    pub steps: &'static [StepDef],
}

/// One step of a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDef {
    /// Stable id, unique within the flow.
    pub id: &'static str,
    /// Short title for the step rail.
    pub title: Text,
    /// Paragraphs: the source manual's own words in Japanese, a faithful English translation.
    pub body: &'static [Text],
    /// What the step does.
    pub kind: StepKind,
}

/// What a step does; the UI picks its widgets from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Pick one of the user's shops, or add one.
    ChooseShop,
    /// Something to do in another system's screen, shown as a menu path.
    Instruction {
        /// The menu path, as labelled on the other system's screen.
        breadcrumb: &'static [Text],
        /// Index in `breadcrumb` of the item to click.
        highlight: usize,
        /// A page the user can open in the browser.
        link: Option<LinkId>,
        /// The step contains a CAPTCHA that only the user can do.
        captcha: bool,
    },
    /// Wait for a value of `kind` (clipboard capture or manual paste).
    Capture {
        /// The kind expected.
        kind: CredentialKind,
        /// Needed only when the shop does not have one yet.
        first_time_only: bool,
    },
    /// Check the captured values against the service's API.
    Verify,
    /// Put the new value into another system (an order-management system).
    HandOver {
        /// The menu path in that system.
        breadcrumb: &'static [Text],
        /// Index in `breadcrumb` of the item to click.
        highlight: usize,
    },
    /// The end: a summary.
    Done,
}

/// A page the shell may open. Identified by id so the shell only ever opens known URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkId {
    /// RMS login.
    RmsLogin,
    /// RMS WEB API settings (not deep-linkable: opens the RMS login).
    RmsWebApi,
}

impl LinkId {
    /// Every link.
    pub const ALL: [LinkId; 2] = [LinkId::RmsLogin, LinkId::RmsWebApi];

    /// The stable snake_case name sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkId::RmsLogin => "rms_login",
            LinkId::RmsWebApi => "rms_web_api",
        }
    }

    /// Parses a stable name (from the UI).
    pub fn parse(s: &str) -> Option<LinkId> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The URL to open.
    pub fn url(self) -> &'static str {
        match self {
            // RMS's WEB API settings page needs a session and cannot be deep-linked reliably.
            LinkId::RmsLogin | LinkId::RmsWebApi => "https://glogin.rms.rakuten.co.jp/",
        }
    }
}

/// Every flow.
pub const FLOWS: &[&FlowDef] = &[&crate::flows::rakuten_license_key::FLOW];

/// The flow with this id.
pub fn find_flow(id: &str) -> Option<&'static FlowDef> {
    FLOWS.iter().copied().find(|f| f.id == id)
}

/// A flow in one language, as sent to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowView {
    /// Flow id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Steps in order.
    pub steps: Vec<StepView>,
}

/// A step in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    /// Step id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Paragraphs.
    pub body: Vec<String>,
    /// What the step does, tagged by `type`.
    pub kind: StepViewKind,
}

/// [`StepKind`] in one language; serialized with a `type` tag (`"chooseShop"`, `"capture"` …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum StepViewKind {
    /// Pick a shop.
    ChooseShop,
    /// Do something in another system.
    Instruction {
        /// Menu path.
        breadcrumb: Vec<String>,
        /// Index of the item to click.
        highlight: usize,
        /// [`LinkId`] as its snake_case name.
        link: Option<String>,
        /// Contains a CAPTCHA only the user can do.
        captcha: bool,
    },
    /// Wait for a value.
    Capture {
        /// The kind expected.
        #[serde(rename = "credentialKind")]
        credential_kind: CredentialKind,
        /// Needed only the first time.
        #[serde(rename = "firstTimeOnly")]
        first_time_only: bool,
    },
    /// Check with the API.
    Verify,
    /// Put the value into another system.
    HandOver {
        /// Menu path.
        breadcrumb: Vec<String>,
        /// Index of the item to click.
        highlight: usize,
    },
    /// Finished.
    Done,
}

fn texts(list: &[Text], lang: Lang) -> Vec<String> {
    list.iter().map(|t| t.get(lang).to_string()).collect()
}

/// The flow in `lang`, ready for IPC.
pub fn view(def: &FlowDef, lang: Lang) -> FlowView {
    FlowView {
        id: def.id.to_string(),
        title: def.title.get(lang).to_string(),
        summary: def.summary.get(lang).to_string(),
        steps: def.steps.iter().map(|s| step_view(s, lang)).collect(),
    }
}

fn step_view(step: &StepDef, lang: Lang) -> StepView {
    let kind = match step.kind {
        StepKind::ChooseShop => StepViewKind::ChooseShop,
        StepKind::Instruction {
            breadcrumb,
            highlight,
            link,
            captcha,
        } => StepViewKind::Instruction {
            breadcrumb: texts(breadcrumb, lang),
            highlight,
            link: link.map(|l| l.as_str().to_string()),
            captcha,
        },
        StepKind::Capture {
            kind,
            first_time_only,
        } => StepViewKind::Capture {
            credential_kind: kind,
            first_time_only,
        },
        StepKind::Verify => StepViewKind::Verify,
        StepKind::HandOver {
            breadcrumb,
            highlight,
        } => StepViewKind::HandOver {
            breadcrumb: texts(breadcrumb, lang),
            highlight,
        },
        StepKind::Done => StepViewKind::Done,
    };
    StepView {
        id: step.id.to_string(),
        title: step.title.get(lang).to_string(),
        body: texts(step.body, lang),
        kind,
    }
}
