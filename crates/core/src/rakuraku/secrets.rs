//! The values pasted into Step 1 and Step 2: the 楽楽明細 API token (「「楽楽明細」のAPI設定画面
//! にて発行したコード」), and the agent's AgentID and AgentKey (「QanatUniverseエージェントの
//! 設定画面の「エージェントID(AgentId)」/「エージェントキー(AgentKey)」を貼り付けます」).

use crate::normalize::{is_zero_width, normalize_token};
use crate::recognize::is_wrapper;
use crate::secret::Secret;
use crate::warning::{push_unique, Warning};

use super::rule::Rule;

/// The observed shape of a 楽楽明細 API token: 64 letters and digits (api-facts §4.1, observed
/// only, so a different shape is a warning, never a refusal).
const TOKEN_LEN: usize = 64;

/// A pasted secret, cleaned up, with what the user should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSecret {
    /// The value to keep in the keychain.
    pub value: Secret,
    /// Things to check.
    pub warnings: Vec<Warning>,
}

/// Checks a pasted API token: full-width converted, whitespace and invisible characters
/// removed (each reported), surrounding quotes dropped. Refused when empty or when it has
/// characters an HTTP header cannot carry; a shape other than 64 letters and digits is only a
/// warning.
pub fn check_api_token(raw: &str) -> Result<CheckedSecret, Rule> {
    let cleaned = normalize_token(raw);
    let text = cleaned.text.trim_matches(is_wrapper);
    if text.is_empty() {
        return Err(Rule::ApiTokenEmpty);
    }
    if !text.chars().all(|c| c.is_ascii_graphic()) {
        return Err(Rule::ApiTokenNotAscii);
    }
    let mut warnings = Vec::new();
    for change in &cleaned.changes {
        push_unique(&mut warnings, Warning::from_change(*change));
    }
    if text.len() != TOKEN_LEN || !text.chars().all(|c| c.is_ascii_alphanumeric()) {
        push_unique(&mut warnings, Warning::UnusualTokenFormat);
    } else if text.contains(['I', 'l']) {
        push_unique(&mut warnings, Warning::ConfusableIl);
    }
    Ok(CheckedSecret {
        value: Secret::new(text),
        warnings,
    })
}

/// Checks a pasted AgentKey: an opaque string, trimmed (full-width spaces too) with invisible
/// characters removed, otherwise kept exactly as the agent shows it.
pub fn check_agent_key(raw: &str) -> Result<CheckedSecret, Rule> {
    let (text, removed_zero_width) = opaque(raw)?;
    if text.is_empty() {
        return Err(Rule::AgentKeyMissing);
    }
    let warnings = if removed_zero_width {
        vec![Warning::ZeroWidthRemoved]
    } else {
        Vec::new()
    };
    Ok(CheckedSecret {
        value: Secret::new(text),
        warnings,
    })
}

/// Checks an AgentID: opaque, trimmed, invisible characters removed, not empty.
pub fn check_agent_id(raw: &str) -> Result<String, Rule> {
    let (text, _) = opaque(raw)?;
    if text.is_empty() {
        return Err(Rule::AgentIdMissing);
    }
    Ok(text)
}

/// Trims whitespace (any, including U+3000) and drops zero-width characters; refuses control
/// characters inside. Returns the text and whether zero-width characters were removed.
fn opaque(raw: &str) -> Result<(String, bool), Rule> {
    let removed = raw.chars().any(is_zero_width);
    let text: String = raw.chars().filter(|c| !is_zero_width(*c)).collect();
    let text = text.trim();
    if text.chars().any(char::is_control) {
        return Err(Rule::ControlCharacters);
    }
    Ok((text.to_string(), removed))
}
