//! The service's errors: one stable code each, and a sentence that says what to do.

use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::{Lang, Text};
use kagiban_core::rakuraku::Rule;

use crate::views::ErrorView;

/// Everything that can go wrong in a use case. Never carries a secret.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OS keychain cannot be used.
    #[error("keychain unavailable: {detail}")]
    KeychainUnavailable {
        /// Platform detail, for logs.
        detail: String,
    },
    /// The keychain has no entry for a credential that SQLite lists.
    #[error("secret missing from the keychain")]
    SecretMissing,
    /// SQLite failed.
    #[error("storage error: {0}")]
    Storage(String),
    /// A shop, credential or candidate does not exist (any more).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for.
        what: &'static str,
    },
    /// The shop name is empty or too long.
    #[error("invalid shop name")]
    InvalidShopName,
    /// The text is not a key of the expected kind.
    #[error("invalid format ({code}) for {expected}")]
    InvalidFormat {
        /// What was expected.
        expected: CredentialKind,
        /// Stable code of the format rule that failed.
        code: &'static str,
        /// What to do.
        message: Text,
    },
    /// A key of another kind was given (an SL key where the SP key is asked, say).
    #[error("expected {expected}, got {found}")]
    WrongKind {
        /// What was expected.
        expected: CredentialKind,
        /// What it is.
        found: CredentialKind,
    },
    /// A licenseKey cannot be verified without the shop's serviceSecret.
    #[error("no serviceSecret stored for this shop")]
    NoServiceSecret,
    /// A credential the check needs is not stored for this shop yet.
    #[error("no {kind} stored for this shop")]
    MissingCredential {
        /// The kind missing.
        kind: CredentialKind,
    },
    /// This kind is renewed by storing its new value, not by recording a day.
    #[error("{kind} is not renewed by hand")]
    NotRenewedByHand {
        /// The kind.
        kind: CredentialKind,
    },
    /// Only an expired credential's daily reminders can be stopped.
    #[error("not expired yet")]
    NotExpiredYet,
    /// A day that is not YYYY-MM-DD, or in the future.
    #[error("invalid date")]
    InvalidDate,
    /// A setting out of its range.
    #[error("setting out of range: {field}")]
    SettingOutOfRange {
        /// Which one (e.g. `clipboard_clear_secs`, `reminders.lwa_client_secret`).
        field: String,
    },
    /// The OS refused the login item (start at login).
    #[error("login item: {0}")]
    LoginItem(String),
    /// A file could not be written (export).
    #[error("file: {0}")]
    File(String),
    /// A file that is not a Kagiban settings export.
    #[error("not a Kagiban settings file")]
    InvalidImport,
    /// The restricted-data token request breaks one of the Tokens API's rules.
    #[error("invalid restricted-data request ({code})")]
    InvalidRdtRequest {
        /// Stable code of the rule.
        code: &'static str,
        /// What to do.
        message: Text,
    },
    /// A 楽楽コネクタ setting breaks one of the manual's rules.
    #[error("invalid 楽楽コネクタ setting {path} ({})", .rule.code())]
    InvalidSetting {
        /// The field's path (`meisaiUrl` …).
        path: String,
        /// The rule.
        rule: Rule,
    },
    /// The folder check needs the agent's 「ファイルの配置場所」 and none is known.
    #[error("no agent folder chosen")]
    NoAgentFolder,
    /// The clipboard could not be used.
    #[error("clipboard unavailable: {0}")]
    Clipboard(String),
    /// A part of the app could not start (HTTP client, data folder).
    #[error("start-up failed: {0}")]
    Startup(String),
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        Error::Storage(err.to_string())
    }
}

impl Error {
    /// The stable code the UI and scripts branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::KeychainUnavailable { .. } => "keychain_unavailable",
            Error::SecretMissing => "secret_missing",
            Error::Storage(_) => "storage",
            Error::NotFound { .. } => "not_found",
            Error::InvalidShopName => "invalid_shop_name",
            Error::InvalidFormat { .. } => "invalid_format",
            Error::WrongKind { .. } => "wrong_kind",
            Error::NoServiceSecret => "no_service_secret",
            Error::MissingCredential { .. } => "missing_credential",
            Error::InvalidDate => "invalid_date",
            Error::SettingOutOfRange { .. } => "setting_out_of_range",
            Error::InvalidImport => "invalid_import",
            Error::LoginItem(_) => "login_item_failed",
            Error::File(_) => "file_failed",
            Error::NotExpiredYet => "not_expired_yet",
            Error::NotRenewedByHand { .. } => "not_renewed_by_hand",
            Error::InvalidRdtRequest { code, .. } => code,
            Error::InvalidSetting { rule, .. } => rule.code(),
            Error::NoAgentFolder => "no_agent_folder",
            Error::Clipboard(_) => "clipboard_unavailable",
            Error::Startup(_) => "startup",
        }
    }

    /// What happened and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::KeychainUnavailable { .. } => Text::new(
                "OS のキーチェーンを使えません。鍵は保存されていません。キーチェーン(Windows の資格情報マネージャー、macOS のキーチェーン、Linux では gnome-keyring などの Secret Service)が動いていてロック解除されているか確認し、もう一度お試しください。",
                "The OS keychain cannot be used; nothing was saved. Make sure the keychain (Windows Credential Manager, macOS Keychain, or a Secret Service such as gnome-keyring on Linux) is running and unlocked, then try again.",
            )
            .get(lang)
            .to_string(),
            Error::SecretMissing => Text::new(
                "この鍵はキーチェーンから削除されています。更新の手順でもう一度登録してください。",
                "This key is no longer in the keychain. Register it again through the renewal flow.",
            )
            .get(lang)
            .to_string(),
            Error::Storage(_) => Text::new(
                "設定データを読み書きできませんでした。ディスクの空きとデータフォルダの権限を確認してください。入力した内容は失われていません。",
                "Kagiban could not read or write its data. Check free disk space and the data folder's permissions; nothing you entered was lost.",
            )
            .get(lang)
            .to_string(),
            Error::NotFound { .. } => Text::new(
                "対象が見つかりません。画面を開き直してください。",
                "It could not be found. Reopen the screen and try again.",
            )
            .get(lang)
            .to_string(),
            Error::InvalidShopName => Text::new(
                "店舗名を 1〜60 文字で入力してください。",
                "Enter a shop name of 1 to 60 characters.",
            )
            .get(lang)
            .to_string(),
            Error::InvalidFormat { message, .. } => message.get(lang).to_string(),
            Error::WrongKind { expected, found } => match lang {
                Lang::Ja => format!(
                    "これは{}です。ここには{}を入力してください。",
                    found.label().ja,
                    expected.label().ja
                ),
                Lang::En => format!(
                    "This is a {}. Enter the {} here.",
                    found.label().en,
                    expected.label().en
                ),
            },
            Error::NoServiceSecret => Text::new(
                "この店舗の serviceSecret(SP で始まる文字列)が未登録です。RMS の WEB API 利用設定画面で確認して登録してください。",
                "This shop's serviceSecret (starting with SP) is not registered yet. Find it on RMS's WEB API settings screen and register it.",
            )
            .get(lang)
            .to_string(),
            Error::MissingCredential { kind } => match lang {
                Lang::Ja => format!(
                    "このショップの{}がまだ登録されていません。手順に戻って登録してください。",
                    kind.label().ja
                ),
                Lang::En => format!(
                    "This shop's {} is not registered yet. Go back through the steps and register it.",
                    kind.label().en
                ),
            },
            Error::NotRenewedByHand { kind } => match lang {
                Lang::Ja => format!(
                    "{}は、新しい値を登録して更新します。日付だけを記録することはできません。",
                    kind.label().ja
                ),
                Lang::En => format!(
                    "A {} is renewed by registering its new value; recording a day alone is not possible.",
                    kind.label().en
                ),
            },
            Error::NotExpiredYet => Text::new(
                "期限が切れる前のお知らせは止められません。「1日後に再通知」で延ばすか、鍵を更新してください。",
                "Reminders before the expiry cannot be stopped. Snooze them for a day, or renew the key.",
            )
            .get(lang)
            .to_string(),
            Error::InvalidDate => Text::new(
                "日付は 2026-11-23 のような形で、今日までの日を入力してください。",
                "Enter the date like 2026-11-23, no later than today.",
            )
            .get(lang)
            .to_string(),
            Error::SettingOutOfRange { field } if field == "clipboard_clear_secs" => Text::new(
                "クリップボードを消すまでの時間は 10〜600 秒で指定してください。",
                "Clear the clipboard after 10 to 600 seconds.",
            )
            .get(lang)
            .to_string(),
            Error::SettingOutOfRange { .. } => Text::new(
                "お知らせの日数は、期限の 0〜120 日前から 8 つまで選べます。",
                "Reminders can be 0 to 120 days before the expiry, at most eight of them.",
            )
            .get(lang)
            .to_string(),
            Error::LoginItem(_) => Text::new(
                "ログイン時に起動する設定を OS に登録できませんでした。ほかの設定は保存しました。",
                "The system did not accept Kagiban as a login item. The other settings were saved.",
            )
            .get(lang)
            .to_string(),
            Error::File(_) => Text::new(
                "ファイルを書き込めませんでした。ダウンロード フォルダーの空き容量と権限を確認してください。",
                "The file could not be written. Check the free space and permissions of your Downloads folder.",
            )
            .get(lang)
            .to_string(),
            Error::InvalidImport => Text::new(
                "鍵番の設定ファイル（設定画面から書き出した JSON）ではありません。何も変更していません。",
                "This is not a Kagiban settings file (the JSON the settings screen exports). Nothing was changed.",
            )
            .get(lang)
            .to_string(),
            Error::InvalidRdtRequest { message, .. } => message.get(lang).to_string(),
            Error::InvalidSetting { rule, .. } => rule.message().get(lang).to_string(),
            Error::NoAgentFolder => Text::new(
                "QanatUniverseエージェントの「ファイルの配置場所」のフォルダを選んでください（Windows では通常 C:\\_qanatuniverse\\_qua\\userdata）。",
                "Choose the QanatUniverse agent's 「ファイルの配置場所」 (file location) folder (on Windows usually C:\\_qanatuniverse\\_qua\\userdata).",
            )
            .get(lang)
            .to_string(),
            Error::Clipboard(_) => Text::new(
                "クリップボードを使えませんでした。鍵は手で貼り付けてください。",
                "The clipboard could not be used. Paste the key by hand.",
            )
            .get(lang)
            .to_string(),
            Error::Startup(_) => Text::new(
                "Kagiban を起動できませんでした。パソコンを再起動してもう一度お試しください。続く場合はサポートにご連絡ください。",
                "Kagiban could not start. Restart the computer and try again; if it persists, contact support.",
            )
            .get(lang)
            .to_string(),
        }
    }

    /// The `{code, message}` shape that crosses IPC.
    pub fn view(&self, lang: Lang) -> ErrorView {
        ErrorView {
            code: self.code().to_string(),
            message: self.message(lang),
        }
    }
}
