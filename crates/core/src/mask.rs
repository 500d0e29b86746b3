//! Masking of secrets for display: only the tail is ever shown.

/// Number of trailing characters shown, as RMS does (末尾4桁).
pub const VISIBLE_TAIL: usize = 4;

/// `"••••" + last 4 characters`; values of 4 characters or fewer are fully hidden.
pub fn mask_tail(value: &str) -> String {
    let count = value.chars().count();
    if count <= VISIBLE_TAIL {
        return "••••".to_string();
    }
    let tail: String = value.chars().skip(count - VISIBLE_TAIL).collect();
    format!("••••{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_fully_hidden() {
        assert_eq!(mask_tail("abcd"), "••••");
        assert_eq!(mask_tail(""), "••••");
    }

    #[test]
    fn multibyte_tails_are_cut_on_characters() {
        assert_eq!(mask_tail("鍵番鍵番鍵番"), "••••鍵番鍵番");
    }
}
