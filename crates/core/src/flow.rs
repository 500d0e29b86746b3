//! Flows (wizards) as data: declared once in both languages, rendered generically by the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::amazon::Need;
use crate::form::{fields_view, FieldDef, FieldInput, FieldView};
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::{Lang, Text};
use crate::marketplace::{JAPAN, MARKETPLACES};

pub use crate::flows::amazon_mws::AMAZON_MWS;
pub use crate::flows::amazon_sp_api::AMAZON_SP_API;
pub use crate::flows::rakuraku_connector::RAKURAKU_CONNECTOR;
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
    /// Whose shops the flow works on.
    pub marketplace: Marketplace,
    /// The credential the flow is about: the one verified, handed over and shown at the end.
    pub subject: CredentialKind,
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
        /// Asks for the day the value was issued or granted (today by default); the expiry is
        /// computed from it by the kind's rule ([`crate::expiry::expiry_from_date`]).
        date: Option<Prompt>,
        /// Asks for a name to keep with the value (not secret), e.g. the developer's name.
        name: Option<Prompt>,
    },
    /// Pick the marketplace (マーケットプレイスID), Japan by default; stored as a credential
    /// of kind [`CredentialKind::AmazonMarketplaceId`].
    ChooseMarketplace,
    /// Something to read first (a notice), optionally offering another flow instead.
    Notice {
        /// A flow the user may switch to (its id).
        next_flow: Option<&'static str>,
    },
    /// The restricted-data token check (Tokens API): the user picks what their work needs.
    RdtCheck,
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
    /// A form: fields as on the other system's screen, checked by the core's rules.
    Form {
        /// The fields, in the screen's order.
        fields: &'static [FieldDef],
        /// The screen repeats (settings 1, 2, …): the fields are then relative to each element
        /// of the list at this path (`reports`), and there are one or more elements.
        repeat: Option<&'static str>,
    },
    /// Test the connection with the values entered (楽楽明細: URL and API token).
    ConnectionTest,
    /// Addresses to allow in the other system's IP restriction, each and all copyable; the
    /// step applies only when the option named by `option_field` is on.
    IpAllowList {
        /// The addresses, all needed.
        addresses: &'static [&'static str],
        /// The toggle (a form field id) saying whether the user has the option.
        option_field: &'static str,
    },
    /// Check the local folders and files the settings point at, under the agent's
    /// 「ファイルの配置場所」 (the user may pick another folder, on any system).
    FolderCheck {
        /// The agent's default 「ファイルの配置場所」 on Windows.
        windows_default: &'static str,
    },
    /// Every value in the other system's order, each copyable; printable and exportable.
    Sheet,
}

impl StepKind {
    /// The secret kinds the step takes (a capture, or a form's secret fields).
    pub fn captured_kinds(&self) -> Vec<CredentialKind> {
        match self {
            StepKind::Capture { kind, .. } => vec![*kind],
            StepKind::Form { fields, .. } => fields
                .iter()
                .filter_map(|f| match f.input {
                    FieldInput::Secret { kind } => Some(kind),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A page the shell may open. Identified by id so the shell only ever opens known URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkId {
    /// RMS login.
    RmsLogin,
    /// RMS WEB API settings (not deep-linkable: opens the RMS login).
    RmsWebApi,
    /// Seller Central (Japan).
    SellerCentral,
    /// Seller Central 「アプリを管理」 (Manage Your Apps).
    SellerCentralApps,
    /// Seller Central 「ユーザー権限」 (user permissions), where MWS developer access was managed.
    SellerCentralPermissions,
    /// Developer Central in Seller Central (the app's LWA credentials).
    DeveloperCentral,
    /// The Solution Provider Portal (public developers' LWA credentials).
    SolutionProviderPortal,
    /// 楽楽明細's manual 「楽楽コネクタの連携設定方法」 (記事ID:1230).
    RakurakuConnectorManual,
    /// 楽楽明細's manual 「API連携オプションの設定方法」 (the API token, the URL).
    RakurakuApiManual,
}

impl LinkId {
    /// Every link.
    pub const ALL: [LinkId; 9] = [
        LinkId::RmsLogin,
        LinkId::RmsWebApi,
        LinkId::SellerCentral,
        LinkId::SellerCentralApps,
        LinkId::SellerCentralPermissions,
        LinkId::DeveloperCentral,
        LinkId::SolutionProviderPortal,
        LinkId::RakurakuConnectorManual,
        LinkId::RakurakuApiManual,
    ];

    /// The stable snake_case name sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkId::RmsLogin => "rms_login",
            LinkId::RmsWebApi => "rms_web_api",
            LinkId::SellerCentral => "seller_central",
            LinkId::SellerCentralApps => "seller_central_apps",
            LinkId::SellerCentralPermissions => "seller_central_permissions",
            LinkId::DeveloperCentral => "developer_central",
            LinkId::SolutionProviderPortal => "solution_provider_portal",
            LinkId::RakurakuConnectorManual => "rakuraku_connector_manual",
            LinkId::RakurakuApiManual => "rakuraku_api_manual",
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
            LinkId::SellerCentral => "https://sellercentral.amazon.co.jp/",
            LinkId::SellerCentralApps => "https://sellercentral.amazon.co.jp/apps/manage",
            LinkId::SellerCentralPermissions => {
                "https://sellercentral.amazon.co.jp/gp/account-manager/home.html"
            }
            LinkId::DeveloperCentral => {
                "https://sellercentral.amazon.co.jp/sellingpartner/developerconsole"
            }
            LinkId::SolutionProviderPortal => "https://solutionproviders.amazon.com/",
            LinkId::RakurakuConnectorManual => {
                "https://success-navi.rakurakumeisai.jp/manual/detail/1230"
            }
            LinkId::RakurakuApiManual => {
                "https://success-navi.rakurakumeisai.jp/manual/detail/1093"
            }
        }
    }
}

/// A question asked next to a captured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prompt {
    /// The field's label.
    pub label: Text,
    /// One sentence under the field: where to find the answer.
    pub hint: Text,
}

/// Every flow.
pub const FLOWS: &[&FlowDef] = &[
    &crate::flows::rakuten_license_key::FLOW,
    &crate::flows::amazon_sp_api::FLOW,
    &crate::flows::amazon_mws::FLOW,
    &crate::flows::rakuraku_connector::FLOW,
];

/// The flow that renews a credential of `kind`: the flow about it, else the first flow that
/// captures it.
pub fn flow_for_kind(kind: CredentialKind) -> Option<&'static FlowDef> {
    let captures = |f: &&&FlowDef| {
        f.steps
            .iter()
            .any(|s| s.kind.captured_kinds().contains(&kind))
    };
    FLOWS
        .iter()
        .find(|f| f.subject == kind)
        .or_else(|| FLOWS.iter().find(captures))
        .copied()
}

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
    /// Whose shops the flow works on.
    pub marketplace: Marketplace,
    /// The credential the flow is about.
    pub subject: CredentialKind,
    /// Steps in order.
    pub steps: Vec<StepView>,
}

/// A [`Prompt`] in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PromptView {
    /// The field's label.
    pub label: String,
    /// The hint under it.
    pub hint: String,
}

/// One choice of a list, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChoiceView {
    /// The stable value sent back.
    pub id: String,
    /// What the user sees.
    pub label: String,
}

/// One plain need of the RDT check, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NeedChoiceView {
    /// The need, sent back as is.
    pub need: Need,
    /// What the user sees.
    pub label: String,
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
        /// The issue or grant day asked with the value.
        date: Option<PromptView>,
        /// The name asked with the value.
        name: Option<PromptView>,
    },
    /// Pick the marketplace.
    ChooseMarketplace {
        /// Every marketplace, Japan first.
        options: Vec<ChoiceView>,
        /// The preselected marketplace ID (Japan).
        default: String,
    },
    /// Something to read first.
    Notice {
        /// A flow the user may switch to.
        #[serde(rename = "nextFlow")]
        next_flow: Option<ChoiceView>,
    },
    /// The restricted-data token check.
    RdtCheck {
        /// The plain needs offered as check boxes.
        needs: Vec<NeedChoiceView>,
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
    /// A form.
    Form {
        /// The fields.
        fields: Vec<FieldView>,
        /// The list the fields repeat over (`reports`), one or more elements.
        repeat: Option<String>,
    },
    /// Test the connection.
    ConnectionTest,
    /// Addresses to allow.
    IpAllowList {
        /// The addresses, all needed.
        addresses: Vec<String>,
        /// The toggle saying whether the step applies.
        #[serde(rename = "optionField")]
        option_field: String,
    },
    /// Check the local folders and files.
    FolderCheck {
        /// The agent's default folder on Windows.
        #[serde(rename = "windowsDefault")]
        windows_default: String,
    },
    /// The settings sheet.
    Sheet,
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
        marketplace: def.marketplace,
        subject: def.subject,
        steps: def.steps.iter().map(|s| step_view(s, lang)).collect(),
    }
}

fn prompt_view(p: Prompt, lang: Lang) -> PromptView {
    PromptView {
        label: p.label.get(lang).to_string(),
        hint: p.hint.get(lang).to_string(),
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
            date,
            name,
        } => StepViewKind::Capture {
            credential_kind: kind,
            first_time_only,
            date: date.map(|p| prompt_view(p, lang)),
            name: name.map(|p| prompt_view(p, lang)),
        },
        StepKind::ChooseMarketplace => StepViewKind::ChooseMarketplace {
            options: MARKETPLACES
                .iter()
                .map(|(id, _, name)| ChoiceView {
                    id: id.to_string(),
                    label: format!("{}（{id}）", name.get(lang)),
                })
                .collect(),
            default: JAPAN.to_string(),
        },
        StepKind::Notice { next_flow } => StepViewKind::Notice {
            next_flow: next_flow.and_then(find_flow).map(|f| ChoiceView {
                id: f.id.to_string(),
                label: f.title.get(lang).to_string(),
            }),
        },
        StepKind::RdtCheck => StepViewKind::RdtCheck {
            needs: Need::PLAIN
                .iter()
                .map(|need| NeedChoiceView {
                    need: need.clone(),
                    label: need.label().get(lang).to_string(),
                })
                .collect(),
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
        StepKind::Form { fields, repeat } => StepViewKind::Form {
            fields: fields_view(fields, lang),
            repeat: repeat.map(str::to_string),
        },
        StepKind::ConnectionTest => StepViewKind::ConnectionTest,
        StepKind::IpAllowList {
            addresses,
            option_field,
        } => StepViewKind::IpAllowList {
            addresses: addresses.iter().map(|a| a.to_string()).collect(),
            option_field: option_field.to_string(),
        },
        StepKind::FolderCheck { windows_default } => StepViewKind::FolderCheck {
            windows_default: windows_default.to_string(),
        },
        StepKind::Sheet => StepViewKind::Sheet,
    };
    StepView {
        id: step.id.to_string(),
        title: step.title.get(lang).to_string(),
        body: texts(step.body, lang),
        kind,
    }
}
