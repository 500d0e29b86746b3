//! The rules of the 楽楽コネクタ settings: one stable code each, whether it blocks or only asks
//! the user to check, and the sentence that says what to do. Messages never repeat the value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::{Lang, Text};

/// Whether a problem must be fixed or only checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The value cannot be used as it is.
    Error,
    /// The value was accepted; the user should check it.
    Warning,
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $sev:ident, $ja:literal, $en:literal; )*) => {
        /// One rule of the 楽楽コネクタ settings that a value breaks (or should be checked against).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum Rule {
            $( $(#[$doc])* $name, )*
        }

        impl Rule {
            /// Every rule, for exhaustive tests and message files.
            pub const ALL: &'static [Rule] = &[$(Rule::$name),*];

            /// The stable snake_case code (same as serde).
            pub fn code(self) -> &'static str {
                match self { $(Rule::$name => $code,)* }
            }

            /// Whether it blocks or only asks for a check.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$name => Severity::$sev,)* }
            }

            /// What is wrong and what to do, in Japanese and English.
            pub fn message(self) -> Text {
                match self { $(Rule::$name => Text::new($ja, $en),)* }
            }
        }
    };
}

rules! {
    /// No 楽楽明細 URL.
    UrlEmpty = "url_empty", Error,
        "「楽楽明細」URLが入力されていません。貴社管理画面のURLをそのまま貼り付けてください。",
        "No 楽楽明細 URL was entered. Paste the URL of your 楽楽明細 admin screen as it is.";
    /// Not a URL at all.
    UrlInvalid = "url_invalid", Error,
        "URLとして読み取れません。貴社管理画面のURL（https://rbsample.eco-serv.jp/xxxxxxx/ のような形）をそのまま貼り付けてください。",
        "This cannot be read as a URL. Paste your admin screen's URL as it is (like https://rbsample.eco-serv.jp/xxxxxxx/).";
    /// `http://` or another scheme.
    UrlNotHttps = "url_not_https", Error,
        "「楽楽明細」URLは https:// で始まります。ブラウザのアドレス欄から管理画面のURLをそのままコピーしてください。",
        "The 楽楽明細 URL starts with https://. Copy the admin screen's URL from the browser's address bar as it is.";
    /// `https://` without a host.
    UrlNoHost = "url_no_host", Error,
        "URLにホスト名（rbsample.eco-serv.jp の部分）がありません。管理画面のURLを最後まで貼り付けてください。",
        "The URL has no host name (the rbsample.eco-serv.jp part). Paste the admin screen's URL in full.";
    /// A host without the account part (`/xxxxxxx/`).
    UrlNoAccount = "url_no_account", Error,
        "URLにご利用環境の部分（https://rbsample.eco-serv.jp/xxxxxxx/ の xxxxxxx）がありません。管理画面のURLを最後まで貼り付けてください。",
        "The URL lacks your environment's part (the xxxxxxx of https://rbsample.eco-serv.jp/xxxxxxx/). Paste the admin screen's URL in full.";
    /// A host outside eco-serv.jp.
    UrlNotEcoServ = "url_not_eco_serv", Warning,
        "「楽楽明細」のURLは通常 eco-serv.jp で終わるホスト名です（例: https://rbsample.eco-serv.jp/xxxxxxx/）。別のサイトのURLでないか確認してください。",
        "楽楽明細 URLs normally have a host name ending in eco-serv.jp (e.g. https://rbsample.eco-serv.jp/xxxxxxx/). Check that this is not another site's URL.";
    /// `https://` was added to a URL pasted without it.
    UrlSchemeAdded = "url_scheme_added", Warning,
        "URLの先頭に https:// を補いました。管理画面のURLと同じか確認してください。",
        "https:// was added at the start of the URL. Check that it matches the admin screen's URL.";
    /// Path segments other than `/backadmin…` were removed after the account.
    UrlPathDropped = "url_path_dropped", Warning,
        "URLのご利用環境の部分より後ろ（/backadmin 以外）を取り除きました。貼り付けたのが管理画面のURLか確認してください。",
        "The part of the URL after your environment's part (other than /backadmin) was removed. Check that you pasted the admin screen's URL.";
    /// Full-width letters or digits were converted.
    FullWidthNormalized = "full_width_normalized", Warning,
        "全角の英数字を半角に直しました。楽楽コネクタの画面には半角で入力してください。",
        "Full-width letters or digits were converted to half-width. Enter them in half-width on the 楽楽コネクタ screen.";
    /// No API token stored.
    ApiTokenMissing = "api_token_missing", Error,
        "APIトークンがまだ登録されていません。「楽楽明細」のAPI設定画面にて発行したコードを貼り付けてください。",
        "No API token is registered yet. Paste the code issued on 楽楽明細's API settings screen.";
    /// An empty API token was pasted.
    ApiTokenEmpty = "api_token_empty", Error,
        "APIトークンが入力されていません。「楽楽明細」のAPI設定画面にて発行したコードを貼り付けてください。",
        "No API token was entered. Paste the code issued on 楽楽明細's API settings screen.";
    /// The token has characters that cannot be sent in an HTTP header (Japanese, symbols …).
    ApiTokenNotAscii = "api_token_not_ascii", Error,
        "APIトークンに使えない文字（日本語や記号など）が含まれています。API設定画面に表示されたコードだけをコピーしてください。",
        "The API token contains characters it cannot have (Japanese text, symbols …). Copy only the code shown on the API settings screen.";
    /// No AgentID.
    AgentIdMissing = "agent_id_missing", Error,
        "AgentIDが入力されていません。QanatUniverseエージェントの設定画面の「エージェントID(AgentId)」を貼り付けてください。",
        "No AgentID was entered. Paste the 「エージェントID(AgentId)」 from the QanatUniverse agent's settings screen.";
    /// No AgentKey stored or pasted.
    AgentKeyMissing = "agent_key_missing", Error,
        "AgentKeyがまだ登録されていません。QanatUniverseエージェントの設定画面の「エージェントキー(AgentKey)」を貼り付けてください。",
        "No AgentKey is registered yet. Paste the 「エージェントキー(AgentKey)」 from the QanatUniverse agent's settings screen.";
    /// Control characters (tabs, line breaks inside) in a value copied from a screen.
    ControlCharacters = "control_characters", Error,
        "タブや改行などの制御文字が含まれています。画面に表示された値だけをもう一度コピーしてください。",
        "The value contains control characters (tabs, line breaks). Copy only the value shown on the screen again.";
    /// 取込設定ID that is not a positive whole number.
    ImportSettingIdNotNumber = "import_setting_id_not_number", Error,
        "取込設定IDは1以上の数字です。基本設定>顧客CSVの取込フォーマット設定から確認してください。未入力の場合、取込設定IDの値が最も小さい取込フォーマット設定が適用されます。",
        "The 取込設定ID is a whole number of 1 or more; find it under 基本設定 > 顧客CSVの取込フォーマット設定. Left empty, the import format setting with the smallest ID is used.";
    /// No 帳票名.
    ReportNameMissing = "report_name_missing", Error,
        "帳票名が入力されていません。連携する帳票設定の帳票名を入力してください。",
        "No 帳票名 (bill name) was entered. Enter the name of the bill setting to link.";
    /// No 帳票種別ID.
    ReportTypeIdMissing = "report_type_id_missing", Error,
        "帳票種別IDが入力されていません。「楽楽明細」帳票ごとのIDを入力してください（確認方法は「帳票の設定」を参照）。",
        "No 帳票種別ID was entered. Enter the ID of the 楽楽明細 bill type (see 「帳票の設定」 for how to find it).";
    /// 帳票種別ID that is not a positive whole number.
    ReportTypeIdNotNumber = "report_type_id_not_number", Error,
        "帳票種別IDは1以上の数字です。「楽楽明細」の「帳票の設定」で確認してください。",
        "The 帳票種別ID is a whole number of 1 or more. Check it in 楽楽明細's 「帳票の設定」.";
    /// 承認フローID that is not a positive whole number.
    ApprovalFlowIdNotNumber = "approval_flow_id_not_number", Error,
        "承認フローIDは1以上の数字です。基本設定>承認フロー設定>編集画面より確認してください。",
        "The 承認フローID is a whole number of 1 or more. Find it under 基本設定 > 承認フロー設定 > the edit screen.";
    /// 承認フローID without the 承認フロー option.
    ApprovalFlowIdWithoutOption = "approval_flow_id_without_option", Error,
        "承認フローIDは承認フローオプションをお申し込みの場合のみ入力します。オプションをお申し込みでなければ空欄にしてください。",
        "The 承認フローID is entered only with the 承認フロー (approval flow) option. Without the option, leave it empty.";
    /// 承認する with the 承認フロー option: only a flow that skips approval can be used.
    ApprovalSkipFlowOnly = "approval_skip_flow_only", Warning,
        "承認フラグで「承認する」を選択する場合は、承認フロー設定にて「承認をスキップする」にチェックを入れている設定のみ使用できます。",
        "With 承認フラグ set to 「承認する」, only an approval flow whose settings have 「承認をスキップする」 (skip approval) checked can be used.";
    /// A choice (上書き, ファイル1行目, 承認フラグ …) not made yet.
    ChoiceMissing = "choice_missing", Error,
        "まだ選択されていません。楽楽コネクタの画面で選ぶ値を決めてください。",
        "Not chosen yet. Decide which value to choose on the 楽楽コネクタ screen.";
    /// No フォルダ名.
    FolderMissing = "folder_missing", Error,
        "フォルダ名が入力されていません。Qanat Universeエージェント内の「ファイルの配置場所」に続くフォルダ名を指定してください。",
        "No フォルダ名 (folder name) was entered. Give the folder name that follows the 「ファイルの配置場所」 (file location) of the Qanat Universe agent.";
    /// A path (separators) instead of one folder name.
    FolderHasSeparator = "folder_has_separator", Error,
        "フォルダ名は「ファイルの配置場所」に続くフォルダ名1つだけです（区切り文字 \\ / ¥ は入れません）。【例】C:\\_qanatuniverse\\_qua\\userdata\\clientmaster なら「clientmaster」と指定します。",
        "The フォルダ名 is the one folder name after the 「ファイルの配置場所」 (no \\ / ¥ separators). E.g. for C:\\_qanatuniverse\\_qua\\userdata\\clientmaster, enter 「clientmaster」.";
    /// A drive letter (`C:`).
    FolderHasDrive = "folder_has_drive", Error,
        "フォルダ名にドライブ名（C: など）は入れません。「ファイルの配置場所」に続くフォルダ名だけを指定してください（例:「clientmaster」）。",
        "The フォルダ名 has no drive letter (C: …). Give only the folder name after the 「ファイルの配置場所」 (e.g. 「clientmaster」).";
    /// A character Windows does not allow in names.
    FolderForbiddenChar = "folder_forbidden_char", Error,
        "フォルダ名に Windows で使えない文字（< > : \" | ? * など）が含まれています。",
        "The フォルダ名 contains a character Windows does not allow (< > : \" | ? * …).";
    /// `.` or `..`.
    FolderRelative = "folder_relative", Error,
        "「.」や「..」はフォルダ名として使えません。「ファイルの配置場所」の中のフォルダ名を指定してください。",
        "「.」 and 「..」 cannot be used as a folder name. Give the name of a folder inside the 「ファイルの配置場所」.";
    /// A name Windows reserves (CON, PRN, AUX, NUL, COM1 …).
    FolderReservedName = "folder_reserved_name", Error,
        "CON、PRN、AUX、NUL、COM1〜9、LPT1〜9 は Windows で予約されているため、フォルダ名に使えません。",
        "CON, PRN, AUX, NUL, COM1–9 and LPT1–9 are reserved by Windows and cannot be folder names.";
    /// Ends with a dot (Windows drops it).
    FolderEndsWithDot = "folder_ends_with_dot", Error,
        "フォルダ名の最後を「.」にはできません（Windows が取り除いてしまいます）。",
        "A folder name cannot end with 「.」 (Windows removes it).";
    /// Longer than Windows allows for one name.
    FolderTooLong = "folder_too_long", Error,
        "フォルダ名が長すぎます（255文字まで）。",
        "The folder name is too long (255 characters at most).";
    /// No ファイル名.
    FileNameMissing = "file_name_missing", Error,
        "ファイル名が入力されていません。連携するデータのファイル名（の先頭部分）を指定してください。ファイル名は「前方一致」での連携となります。",
        "No ファイル名 (file name) was entered. Give the file name (or its beginning); files are matched by prefix (前方一致).";
    /// `*` or `?` in the prefix.
    FileNameWildcard = "file_name_wildcard", Error,
        "ファイル名は「前方一致」での連携となるため、* や ? は不要です。ファイル名の先頭部分だけを入力してください（例:「請求データ」）。",
        "File names are matched by prefix (前方一致), so * and ? are not needed. Enter only the beginning of the file name (e.g. 「請求データ」).";
    /// A folder path in the file name.
    FileNameHasSeparator = "file_name_has_separator", Error,
        "ファイル名にフォルダの区切り文字（\\ / ¥）は入れません。フォルダはフォルダ名の欄で指定します。",
        "The ファイル名 has no folder separators (\\ / ¥); the folder goes in the フォルダ名 field.";
    /// A character Windows does not allow in file names.
    FileNameForbiddenChar = "file_name_forbidden_char", Error,
        "ファイル名に Windows で使えない文字（< > : \" | など）が含まれています。",
        "The ファイル名 contains a character Windows does not allow (< > : \" | …).";
    /// Two settings read the same folder with overlapping prefixes.
    FilesOverlap = "files_overlap", Warning,
        "別の連携設定と同じフォルダで、ファイル名の前方一致が重なっています。同じファイルが2つの設定で取り込まれないか確認してください。",
        "Another setting uses the same folder with an overlapping file-name prefix. Check that no file is picked up by both settings.";
    /// An hour outside 0–23.
    HourOutOfRange = "hour_out_of_range", Error,
        "時間は「0時」〜「23時」の1時間ごとに設定できます。",
        "The hour can be set from 0 to 23, by the hour.";
    /// A monthly day outside 1–31.
    DayOutOfRange = "day_out_of_range", Error,
        "毎月の実行日は1日〜31日の中から選んでください。",
        "For a monthly run, choose a day from 1 to 31.";
    /// A monthly day that some months do not have.
    DayMissingInSomeMonths = "day_missing_in_some_months", Warning,
        "29日〜31日は月によってはありません。その月にいつ連携されるかは楽楽コネクタの画面で確認してください。心配な場合は28日以前を選んでください。",
        "Days 29–31 do not exist in every month. Check on the 楽楽コネクタ screen when such months are linked, or choose day 28 or earlier.";
    /// Step 4 has no setting.
    NoReportSettings = "no_report_settings", Error,
        "帳票データ連携設定が1つもありません。「Step4.帳票データ連携設定1」を設定してください。",
        "There is no bill-data setting. Fill in 「Step4.帳票データ連携設定1」.";
    /// Step 3 is empty: no customer data will be linked.
    CustomerNotConfigured = "customer_not_configured", Warning,
        "顧客データ連携設定（Step3）が空欄です。顧客データを連携しない場合はこのままで構いません。",
        "The customer-data setting (Step 3) is empty. That is fine if you do not link customer data.";
}

/// A problem with one field of the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Issue {
    /// Where: the field's path in the configuration (`meisaiUrl`, `reports[0].timing.hour` …).
    pub path: String,
    /// The rule.
    pub rule: Rule,
}

impl Issue {
    /// An issue of `rule` at `path`.
    pub fn new(path: impl Into<String>, rule: Rule) -> Self {
        Self {
            path: path.into(),
            rule,
        }
    }

    /// The issue in `lang`, for IPC.
    pub fn view(&self, lang: Lang) -> IssueView {
        IssueView {
            path: self.path.clone(),
            code: self.rule,
            severity: self.rule.severity(),
            message: self.rule.message().get(lang).to_string(),
        }
    }
}

/// An [`Issue`] in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IssueView {
    /// The field's path.
    pub path: String,
    /// The rule's stable code.
    pub code: Rule,
    /// Whether it blocks.
    pub severity: Severity,
    /// What to do.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_match_serde_and_messages_are_bilingual() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.code()), "{rule:?}");
            assert_eq!(
                serde_json::to_string(rule).unwrap(),
                format!("\"{}\"", rule.code())
            );
            let m = rule.message();
            assert!(m.ja.ends_with('。') || m.ja.ends_with('）'), "{rule:?}");
            assert!(m.en.ends_with('.') || m.en.ends_with(')'), "{rule:?}");
            assert!(!m.en.is_empty() && m.en != m.ja);
        }
    }
}
