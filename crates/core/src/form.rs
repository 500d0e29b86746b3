//! Form fields of a flow step, declared as data with the source manual's words, rendered by
//! the UI generically (楽楽コネクタ's Step 1–4 screens are forms).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kind::CredentialKind;
use crate::lang::{Lang, Text};

/// One field of a form step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The field's path in the data the form edits (`meisaiUrl`, `customer.folder` …).
    pub id: &'static str,
    /// The label, as on the other system's screen.
    pub label: Text,
    /// The manual's explanation of the field, sentence by sentence.
    pub help: &'static [Text],
    /// What kind of input it is.
    pub input: FieldInput,
    /// Whether a value is needed (an empty value may have a meaning of its own, told in help).
    pub required: bool,
    /// Shown only when this option field (a toggle's id) is on.
    pub only_if: Option<&'static str>,
}

/// The kind of input of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldInput {
    /// Free text on one line.
    Text,
    /// A URL.
    Url,
    /// A whole number (an ID).
    Number,
    /// A secret, captured from the clipboard or pasted, kept in the keychain.
    Secret {
        /// The credential kind it is stored as.
        kind: CredentialKind,
    },
    /// One folder name under a base folder.
    FolderName,
    /// The beginning of file names (前方一致).
    FilePrefix,
    /// One of a few choices.
    Choice {
        /// The choices, in the screen's order.
        options: &'static [ChoiceDef],
    },
    /// 連携タイミング: 連携しない / 手動実行 / スケジュール実行 (毎日, 毎週 + 曜日, 毎月 + 日, 0–23時).
    Timing,
    /// An option the user has or not (yes / no).
    Toggle,
}

/// One choice of a [`FieldInput::Choice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceDef {
    /// The value stored (`true` / `false` for yes-no choices).
    pub id: &'static str,
    /// The label as on the screen.
    pub label: Text,
    /// What choosing it does, in the manual's words.
    pub help: Option<Text>,
}

/// A field in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldView {
    /// The field's path.
    pub id: String,
    /// Label.
    pub label: String,
    /// Help paragraphs.
    pub help: Vec<String>,
    /// Input kind, tagged by `type`.
    pub input: FieldInputView,
    /// Whether a value is needed.
    pub required: bool,
    /// Shown only when this toggle is on.
    pub only_if: Option<String>,
}

/// [`FieldInput`] in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FieldInputView {
    /// Free text.
    Text,
    /// A URL.
    Url,
    /// A whole number.
    Number,
    /// A secret kept in the keychain.
    Secret {
        /// The kind it is stored as.
        #[serde(rename = "credentialKind")]
        credential_kind: CredentialKind,
    },
    /// One folder name.
    FolderName,
    /// A file-name prefix.
    FilePrefix,
    /// One of a few choices.
    Choice {
        /// The choices.
        options: Vec<ChoiceOptionView>,
    },
    /// 連携タイミング.
    Timing,
    /// Yes / no.
    Toggle,
}

/// A choice in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChoiceOptionView {
    /// The value stored.
    pub id: String,
    /// The label.
    pub label: String,
    /// What it does.
    pub help: Option<String>,
}

/// The fields in `lang`.
pub fn fields_view(fields: &[FieldDef], lang: Lang) -> Vec<FieldView> {
    fields.iter().map(|f| field_view(f, lang)).collect()
}

fn field_view(f: &FieldDef, lang: Lang) -> FieldView {
    let input = match f.input {
        FieldInput::Text => FieldInputView::Text,
        FieldInput::Url => FieldInputView::Url,
        FieldInput::Number => FieldInputView::Number,
        FieldInput::Secret { kind } => FieldInputView::Secret {
            credential_kind: kind,
        },
        FieldInput::FolderName => FieldInputView::FolderName,
        FieldInput::FilePrefix => FieldInputView::FilePrefix,
        FieldInput::Choice { options } => FieldInputView::Choice {
            options: options
                .iter()
                .map(|o| ChoiceOptionView {
                    id: o.id.to_string(),
                    label: o.label.get(lang).to_string(),
                    help: o.help.map(|h| h.get(lang).to_string()),
                })
                .collect(),
        },
        FieldInput::Timing => FieldInputView::Timing,
        FieldInput::Toggle => FieldInputView::Toggle,
    };
    FieldView {
        id: f.id.to_string(),
        label: f.label.get(lang).to_string(),
        help: f.help.iter().map(|t| t.get(lang).to_string()).collect(),
        input,
        required: f.required,
        only_if: f.only_if.map(str::to_string),
    }
}
