//! Generic and specific paths: checking the identifier that replaces `{orderId}`,
//! `{shipmentId}`, `{purchaseOrderNumber}` or `{reportDocumentId}`.

use super::error::RdtError;
use super::ops::RestrictedOperation;
use crate::normalize::normalize_token;

/// Longest identifier accepted in a path (report document IDs run to about 90 characters).
pub const MAX_PATH_ID_LEN: usize = 200;

/// Cleans up a pasted identifier: full-width to ASCII, whitespace and invisibles removed,
/// surrounding quotes dropped. Braces and angle brackets are kept: they mark placeholders.
pub(crate) fn clean_id(raw: &str) -> String {
    normalize_token(raw)
        .text
        .trim_matches(|c| matches!(c, '"' | '\'' | '`' | '「' | '」' | '『' | '』'))
        .to_string()
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

/// Whether an identifier is a placeholder rather than a real one: `<id>`, `:orderId`,
/// `{shipmentId}`, the parameter's own name in any spelling, or one character repeated (`xxxx`).
pub(crate) fn is_placeholder(id: &str, parameter: &str) -> bool {
    if id.contains(['{', '}', '<', '>', ':']) {
        return true;
    }
    let squashed: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let name = parameter.to_ascii_lowercase();
    let mut chars = squashed.chars();
    let first = chars.next();
    squashed == name || squashed == "id" || (squashed.len() >= 3 && chars.all(|c| Some(c) == first))
}

/// `123-1234567-1234567`: Amazon's order number, 3-7-7 digits.
pub fn is_order_id(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.len() == 3
        && groups
            .iter()
            .zip([3, 7, 7])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks a report document ID as given by the Reports API (`amzn1.spdoc.1.4.…` or a UUID)
/// and returns it cleaned up.
pub fn check_report_document_id(raw: &str) -> Result<String, RdtError> {
    let spec = super::ops::Op::ReportsGetReportDocument.spec();
    let path = resolve(spec, Some(raw))?;
    let prefix = spec.path.trim_end_matches("{reportDocumentId}");
    Ok(path.strip_prefix(prefix).unwrap_or(&path).to_string())
}

/// The path for `spec` with `id` in place of its parameter. `None`, an empty ID or the
/// parameter itself (`{orderId}`) give the generic path. A specific-only operation
/// (getReportDocument) refuses the generic path, and an empty ID as a missing one.
pub(crate) fn resolve(spec: &RestrictedOperation, id: Option<&str>) -> Result<String, RdtError> {
    let given = id.is_some();
    let id = id.map(clean_id).unwrap_or_default();
    let Some(parameter) = spec.parameter() else {
        return match id.is_empty() {
            true => Ok(spec.path.to_string()),
            false => Err(RdtError::NoPathParameter { op: spec.op }),
        };
    };
    let generic = format!("{{{parameter}}}");
    if id.is_empty() || id == generic {
        return match spec.specific_only {
            false => Ok(spec.path.to_string()),
            true if given && id.is_empty() => Err(RdtError::ReportDocumentIdMissing),
            true => Err(RdtError::GenericPathNotAllowed),
        };
    }
    if is_placeholder(&id, parameter) {
        return Err(RdtError::PlaceholderId);
    }
    let valid = match parameter {
        "orderId" => is_order_id(&id),
        _ => id.len() <= MAX_PATH_ID_LEN && id.chars().all(is_id_char),
    };
    if !valid {
        return Err(match parameter {
            "orderId" => RdtError::InvalidOrderId,
            "reportDocumentId" => RdtError::InvalidReportDocumentId,
            _ => RdtError::InvalidPathId,
        });
    }
    Ok(spec.path.replace(&generic, &id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "<id>",
            ":orderId",
            "{shipmentId}",
            "ORDER_ID",
            "xxxx",
            "0000",
            "id",
        ] {
            assert!(is_placeholder(p, "orderId"), "{p}");
        }
        for real in ["FBA1234ABC5D", "123-1234567-1234567", "ab"] {
            assert!(!is_placeholder(real, "shipmentId"), "{real}");
        }
    }

    #[test]
    fn order_ids() {
        assert!(is_order_id("902-3159896-1390916"));
        assert!(!is_order_id("943-12-123434"));
        assert!(!is_order_id("902-3159896-139091a"));
        assert!(!is_order_id("9023159896139091"));
    }
}
