//! Is the first row a header (column names) or data? Column names are words; data rows carry
//! numbers, dates, amounts, e-mail addresses, phone numbers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;

/// What the first row of a file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FirstRowGuess {
    /// Column names.
    Header,
    /// A data row.
    Data,
    /// Cannot tell.
    Unknown,
}

impl FirstRowGuess {
    /// The ファイル1行目 setting that fits: a header row is not read (false), a data row is
    /// (true); none when unknown.
    pub fn recommend_read_first_row(self) -> Option<bool> {
        match self {
            FirstRowGuess::Header => Some(false),
            FirstRowGuess::Data => Some(true),
            FirstRowGuess::Unknown => None,
        }
    }

    /// What Kagiban recommends, in words.
    pub fn message(self) -> Text {
        match self {
            FirstRowGuess::Header => Text::new(
                "1行目は項目名（見出し）のようです。ファイル1行目は「読み込まない」をおすすめします。",
                "The first row looks like column names (a header). Set ファイル1行目 to 「読み込まない」 (do not read).",
            ),
            FirstRowGuess::Data => Text::new(
                "1行目からデータが始まっているようです。ファイル1行目は「読み込む」をおすすめします。",
                "The data seems to start on the first row. Set ファイル1行目 to 「読み込む」 (read).",
            ),
            FirstRowGuess::Unknown => Text::new(
                "1行目が項目名かデータか判断できませんでした。ファイルを開いて、1行目が項目名なら「読み込まない」、データなら「読み込む」を選んでください。",
                "Kagiban cannot tell whether the first row is column names or data. Open the file: choose 「読み込まない」 if it holds column names, 「読み込む」 if it holds data.",
            ),
        }
    }
}

/// Words column names are made of in Japanese business CSVs.
const HEADER_WORDS: &[&str] = &[
    "ID",
    "ＩＤ",
    "コード",
    "番号",
    "No",
    "NO",
    "名",
    "日付",
    "年月日",
    "金額",
    "単価",
    "数量",
    "税",
    "住所",
    "郵便",
    "電話",
    "メール",
    "区分",
    "備考",
    "件名",
    "担当",
    "部署",
    "code",
    "name",
    "date",
    "amount",
    "mail",
];

/// Whether a cell is a value rather than a word: a number or amount, a date, an e-mail
/// address, a phone or postal number.
fn is_data_like(cell: &str) -> bool {
    let s = cell.trim();
    if s.is_empty() {
        return false;
    }
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    let numeric = s.chars().all(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '-' | '+' | '.' | ',' | '/' | ':' | ' ' | '¥' | '￥' | '円' | '%' | '(' | ')'
            )
    });
    (numeric && digits > 0) || (s.contains('@') && s.contains('.'))
}

/// Whether a cell reads like a column name.
fn is_header_word(cell: &str) -> bool {
    let s = cell.trim();
    HEADER_WORDS.iter().any(|w| s.contains(w))
}

/// Guesses from the first rows whether the first is a header.
pub fn guess_first_row(rows: &[Vec<String>]) -> FirstRowGuess {
    let Some(first) = rows.first() else {
        return FirstRowGuess::Unknown;
    };
    let cells: Vec<&str> = first
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if cells.is_empty() {
        return FirstRowGuess::Unknown;
    }
    if cells.iter().any(|c| is_data_like(c)) {
        return FirstRowGuess::Data;
    }
    // Every cell is a word: a header when a column below holds values, or the words are
    // column names.
    let values_below = rows[1..].iter().any(|row| {
        row.iter()
            .zip(first.iter())
            .any(|(below, top)| is_data_like(below) && !is_data_like(top))
    });
    let named = cells.iter().filter(|c| is_header_word(c)).count();
    if values_below || named * 2 >= cells.len() {
        FirstRowGuess::Header
    } else {
        FirstRowGuess::Unknown
    }
}
