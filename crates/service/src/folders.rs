//! The I/O part of the 楽楽コネクタ folder check: each configured folder under the agent's
//! 「ファイルの配置場所」 exists? which files does its prefix pick up? what is in their first
//! bytes? The reading of those bytes is the core's (`kagiban_core::rakuraku::csv`).

use std::io::Read;
use std::path::Path;

use kagiban_core::lang::Lang;
use kagiban_core::rakuraku::csv::{inspect, FileProblem, FirstRowGuess};
use kagiban_core::rakuraku::{check_file_prefix, check_folder_name, prefix_match, PrefixMatch};

use crate::views::{FileReport, FolderCheckReport, FolderReport};

/// How much of each file is read: enough for the first rows of any CSV.
pub const SAMPLE_BYTES: u64 = 64 * 1024;
/// At most this many matching files are inspected per folder.
pub const MAX_FILES: usize = 50;

/// One folder a setting points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderTarget {
    /// The setting's path (`customer`, `reports[0]`).
    pub key: String,
    /// The setting's name on the 楽楽コネクタ screen.
    pub setting: String,
    /// フォルダ名.
    pub folder: String,
    /// ファイル名 (prefix).
    pub prefix: String,
    /// The configured ファイル1行目.
    pub read_first_row: Option<bool>,
}

/// Checks every target under `base`.
pub fn check_folders(base: &Path, targets: &[FolderTarget], lang: Lang) -> FolderCheckReport {
    let base_exists = base.is_dir();
    FolderCheckReport {
        base: base.display().to_string(),
        base_exists,
        folders: targets
            .iter()
            .map(|t| check_folder(base, base_exists, t, lang))
            .collect(),
    }
}

fn check_folder(base: &Path, base_exists: bool, t: &FolderTarget, lang: Lang) -> FolderReport {
    let mut report = FolderReport {
        key: t.key.clone(),
        setting: t.setting.clone(),
        folder: t.folder.clone(),
        prefix: t.prefix.clone(),
        path: base.join(&t.folder).display().to_string(),
        exists: false,
        files: Vec::new(),
        case_only_matches: Vec::new(),
        message: None,
    };
    let (folder, prefix) = match (check_folder_name(&t.folder), check_file_prefix(&t.prefix)) {
        (Ok(f), Ok(p)) => (f, p),
        (Err(rule), _) | (_, Err(rule)) => {
            report.message = Some(rule.message().get(lang).to_string());
            return report;
        }
    };
    if !base_exists {
        report.message = Some(text(lang, BASE_MISSING));
        return report;
    }
    let dir = base.join(&folder);
    report.path = dir.display().to_string();
    report.exists = dir.is_dir();
    if !report.exists {
        report.message = Some(format_text(lang, FOLDER_MISSING, &folder));
        return report;
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(_) => {
            report.message = Some(text(lang, FOLDER_UNREADABLE));
            return report;
        }
    };
    let mut names: Vec<(String, std::path::PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|k| k.is_file()))
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.path())))
        .collect();
    names.sort();
    for (name, path) in names {
        match prefix_match(&name, &prefix) {
            PrefixMatch::Exact if report.files.len() < MAX_FILES => {
                report
                    .files
                    .push(check_file(&name, &path, t.read_first_row, lang))
            }
            PrefixMatch::Exact => {}
            PrefixMatch::CaseOnly => report.case_only_matches.push(name),
            PrefixMatch::No => {}
        }
    }
    if report.files.is_empty() {
        report.message = Some(format_text(lang, NO_FILES, &prefix));
    }
    report
}

fn check_file(name: &str, path: &Path, configured: Option<bool>, lang: Lang) -> FileReport {
    let read = std::fs::File::open(path).and_then(|f| {
        let size = f.metadata()?.len();
        let mut bytes = Vec::new();
        f.take(SAMPLE_BYTES).read_to_end(&mut bytes)?;
        Ok((size, bytes))
    });
    let (size, bytes) = match read {
        Ok(read) => read,
        Err(_) => {
            return FileReport {
                name: name.to_string(),
                size: 0,
                encoding: None,
                encoding_label: None,
                problem: Some(FileProblem::Unreadable),
                rows: Vec::new(),
                first_row: FirstRowGuess::Unknown,
                recommend_read_first_row: None,
                setting_agrees: None,
                message: FileProblem::Unreadable.message().get(lang).to_string(),
            }
        }
    };
    let found = inspect(&bytes, size > bytes.len() as u64);
    let setting_agrees = match (configured, found.recommend_read_first_row) {
        (Some(c), Some(r)) => Some(c == r),
        _ => None,
    };
    let message = match found.problem {
        Some(problem) => problem.message().get(lang).to_string(),
        None => {
            let mut m = found.first_row.message().get(lang).to_string();
            if setting_agrees == Some(false) {
                m.push_str(text_ref(lang, SETTING_DIFFERS));
            }
            m
        }
    };
    FileReport {
        name: name.to_string(),
        size,
        encoding: found.encoding,
        encoding_label: found.encoding.map(|e| e.label().get(lang).to_string()),
        problem: found.problem,
        rows: found.rows,
        first_row: found.first_row,
        recommend_read_first_row: found.recommend_read_first_row,
        setting_agrees,
        message,
    }
}

type Pair = (&'static str, &'static str);

const BASE_MISSING: Pair = (
    "「ファイルの配置場所」のフォルダが見つかりません。QanatUniverseエージェントの設定画面で「ファイルの配置場所」を確かめて、同じフォルダを選んでください。",
    "The 「ファイルの配置場所」 (file location) folder was not found. Check it on the QanatUniverse agent's settings screen and choose the same folder.",
);
const FOLDER_MISSING: Pair = (
    "フォルダ「{}」が「ファイルの配置場所」の中にありません。このフォルダを作成するか、フォルダ名の設定を確かめてください。",
    "There is no folder 「{}」 in the 「ファイルの配置場所」. Create it, or check the フォルダ名 setting.",
);
const FOLDER_UNREADABLE: Pair = (
    "フォルダの中を読めませんでした。アクセス権を確認してください。",
    "The folder's contents could not be read. Check the access rights.",
);
const NO_FILES: Pair = (
    "「{}」で始まるファイルはまだありません。連携するファイルはこのフォルダに、この名前で始まるように置いてください。",
    "No file starting with 「{}」 yet. Place the files to link in this folder, with names starting like this.",
);
const SETTING_DIFFERS: Pair = (
    "（いまのファイル1行目の設定とは違います。）",
    " (This differs from the current ファイル1行目 setting.)",
);

fn text_ref(lang: Lang, pair: Pair) -> &'static str {
    match lang {
        Lang::Ja => pair.0,
        Lang::En => pair.1,
    }
}

fn text(lang: Lang, pair: Pair) -> String {
    text_ref(lang, pair).to_string()
}

fn format_text(lang: Lang, pair: Pair, value: &str) -> String {
    text_ref(lang, pair).replacen("{}", value, 1)
}
