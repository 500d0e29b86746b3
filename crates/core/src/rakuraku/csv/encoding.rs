//! Telling UTF-8 (with or without BOM) from Shift_JIS (Windows' CP932, what Excel writes on a
//! Japanese Windows), and refusing what is neither: empty, mixed, undecodable, UTF-16, a
//! spreadsheet saved under a .csv name.

use encoding_rs::SHIFT_JIS;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Text;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    /// Only ASCII: the same bytes in every encoding.
    Ascii,
    /// UTF-8 without a BOM.
    Utf8,
    /// UTF-8 with a BOM (Excel's 「CSV UTF-8」).
    Utf8Bom,
    /// Shift_JIS / CP932 (Windows-31J).
    ShiftJis,
}

impl TextEncoding {
    /// How the user knows it.
    pub fn label(self) -> Text {
        match self {
            TextEncoding::Ascii => Text::new(
                "半角英数字のみ（文字コードの違いなし）",
                "ASCII only (the same in every encoding)",
            ),
            TextEncoding::Utf8 => Text::new("UTF-8（BOMなし）", "UTF-8 (without BOM)"),
            TextEncoding::Utf8Bom => Text::new("UTF-8（BOM付き）", "UTF-8 (with BOM)"),
            TextEncoding::ShiftJis => Text::new("Shift_JIS（CP932）", "Shift_JIS (CP932)"),
        }
    }
}

/// Why a file's text cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileProblem {
    /// No bytes (or only a BOM).
    Empty,
    /// Some lines are UTF-8 and others Shift_JIS.
    Mixed,
    /// Neither valid UTF-8 nor valid Shift_JIS.
    Undecodable,
    /// UTF-16 (Excel's 「Unicode テキスト」).
    Utf16,
    /// An Excel workbook (.xlsx / .xls) under another name.
    Spreadsheet,
    /// The file could not be opened or read (service side).
    Unreadable,
}

impl FileProblem {
    /// What it means and what to do.
    pub fn message(self) -> Text {
        match self {
            FileProblem::Empty => Text::new(
                "ファイルが空です。データを書き出し直してから配置してください。",
                "The file is empty. Export the data again before placing it.",
            ),
            FileProblem::Mixed => Text::new(
                "1つのファイルの中に UTF-8 と Shift_JIS の行が混ざっています。文字化けの原因になるため、どちらか一方の文字コードで保存し直してください。",
                "The file mixes UTF-8 and Shift_JIS lines, which garbles text. Save it again in one encoding.",
            ),
            FileProblem::Undecodable => Text::new(
                "UTF-8 としても Shift_JIS としても読めない文字があります。CSV として保存し直してください。",
                "Some characters are neither UTF-8 nor Shift_JIS. Save the file as CSV again.",
            ),
            FileProblem::Utf16 => Text::new(
                "UTF-16（Unicode テキスト）で保存されています。「CSV（コンマ区切り）」か「CSV UTF-8」で保存し直してください。",
                "The file is UTF-16 (Unicode text). Save it again as 「CSV（コンマ区切り）」 or 「CSV UTF-8」.",
            ),
            FileProblem::Spreadsheet => Text::new(
                "Excel のブック（.xlsx / .xls）のようです。「名前を付けて保存」で CSV 形式にしてから配置してください。",
                "This looks like an Excel workbook (.xlsx / .xls). Use 「名前を付けて保存」 (Save As) to save it as CSV before placing it.",
            ),
            FileProblem::Unreadable => Text::new(
                "ファイルを開けませんでした。ほかのアプリ（Excel など）で開いたままになっていないか、読み取り権限があるか確認してください。",
                "The file could not be opened. Check that no other app (Excel …) holds it open and that you may read it.",
            ),
        }
    }
}

/// A file's text and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The encoding.
    pub encoding: TextEncoding,
    /// The text, without a BOM.
    pub text: String,
}

/// Decodes a file's first bytes. `truncated`: more bytes follow, so the last (maybe cut) line
/// is dropped before decoding.
pub fn decode(bytes: &[u8], truncated: bool) -> Result<Decoded, FileProblem> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FileProblem::Utf16);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(FileProblem::Spreadsheet);
    }
    let (bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let body = if truncated {
        match body.iter().rposition(|b| *b == b'\n') {
            Some(end) => &body[..=end],
            None => body,
        }
    } else {
        body
    };
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileProblem::Empty);
    }
    if body.contains(&0) {
        return Err(FileProblem::Undecodable);
    }
    let mut utf8_lines = 0usize;
    let mut other_lines = 0usize;
    for line in body.split(|b| *b == b'\n') {
        if line.is_ascii() {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            utf8_lines += 1;
        } else {
            other_lines += 1;
        }
    }
    if other_lines == 0 {
        let text = String::from_utf8(body.to_vec()).map_err(|_| FileProblem::Undecodable)?;
        let encoding = match (bom, utf8_lines) {
            (true, _) => TextEncoding::Utf8Bom,
            (false, 0) => TextEncoding::Ascii,
            (false, _) => TextEncoding::Utf8,
        };
        return Ok(Decoded { encoding, text });
    }
    if utf8_lines > 0 || bom {
        return Err(FileProblem::Mixed);
    }
    SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(body)
        .map(|text| Decoded {
            encoding: TextEncoding::ShiftJis,
            text: text.into_owned(),
        })
        .ok_or(FileProblem::Undecodable)
}
