//! The number fields (取込設定ID, 帳票種別ID, 承認フローID) and 帳票名.

use crate::normalize::normalize_token;

use super::rule::Rule;

/// Which ID field a value is for (each has its own message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdField {
    /// 取込設定ID (Step 3): empty means 「取込設定IDの値が最も小さい取込フォーマット設定」.
    ImportSetting,
    /// 帳票種別ID (Step 4): required.
    ReportType,
    /// 承認フローID (Step 4, 承認フローオプションをお申し込みの場合のみ).
    ApprovalFlow,
}

impl IdField {
    fn not_number(self) -> Rule {
        match self {
            IdField::ImportSetting => Rule::ImportSettingIdNotNumber,
            IdField::ReportType => Rule::ReportTypeIdNotNumber,
            IdField::ApprovalFlow => Rule::ApprovalFlowIdNotNumber,
        }
    }
}

/// Longest ID accepted (digits); 楽楽明細's IDs are small numbers.
const MAX_DIGITS: usize = 9;

/// Reads an ID: full-width digits converted, spaces removed, leading zeros dropped. `None` when
/// empty (the caller decides whether that is allowed); an error unless a whole number ≥ 1.
/// The second value says whether full-width digits were converted.
pub fn check_id(raw: &str, field: IdField) -> Result<(Option<String>, bool), Rule> {
    let cleaned = normalize_token(raw);
    let full_width = cleaned
        .changes
        .contains(&crate::normalize::Change::FullWidth);
    let text = cleaned.text;
    if text.is_empty() {
        return Ok((None, full_width));
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(field.not_number());
    }
    let digits = text.trim_start_matches('0');
    if digits.is_empty() || digits.len() > MAX_DIGITS {
        return Err(field.not_number());
    }
    Ok((Some(digits.to_string()), full_width))
}

/// 帳票名: trimmed, no control characters; `None` when empty.
pub fn check_report_name(raw: &str) -> Result<Option<String>, Rule> {
    let name = raw.trim();
    if name.chars().any(char::is_control) {
        return Err(Rule::ControlCharacters);
    }
    Ok((!name.is_empty()).then(|| name.to_string()))
}
