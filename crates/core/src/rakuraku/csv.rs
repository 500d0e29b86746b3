//! The pure part of the local folder check: which encoding a CSV file is in (with a real
//! decoder), its first rows, and whether its first row is a header, which decides the
//! ファイル1行目 setting.

mod encoding;
mod header;
mod rows;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use encoding::{decode, Decoded, FileProblem, TextEncoding};
pub use header::{guess_first_row, FirstRowGuess};
pub use rows::parse_rows;

/// How many rows of a file are shown.
pub const PREVIEW_ROWS: usize = 3;

/// What Kagiban found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileInspection {
    /// The encoding, when the file could be read.
    pub encoding: Option<TextEncoding>,
    /// Why the file cannot be used as it is.
    pub problem: Option<FileProblem>,
    /// The first rows, split into cells.
    pub rows: Vec<Vec<String>>,
    /// Whether the first row looks like a header.
    pub first_row: FirstRowGuess,
    /// The ファイル1行目 setting that fits: false = 読み込まない (a header row), true = 読み込む.
    pub recommend_read_first_row: Option<bool>,
}

/// Inspects the first bytes of a file. `truncated`: the file is longer than `bytes` (the last,
/// possibly cut line is then ignored).
pub fn inspect(bytes: &[u8], truncated: bool) -> FileInspection {
    match decode(bytes, truncated) {
        Ok(decoded) => {
            let rows = parse_rows(&decoded.text, PREVIEW_ROWS);
            let first_row = guess_first_row(&rows);
            FileInspection {
                encoding: Some(decoded.encoding),
                problem: None,
                recommend_read_first_row: first_row.recommend_read_first_row(),
                first_row,
                rows,
            }
        }
        Err(problem) => FileInspection {
            encoding: None,
            problem: Some(problem),
            rows: Vec::new(),
            first_row: FirstRowGuess::Unknown,
            recommend_read_first_row: None,
        },
    }
}
