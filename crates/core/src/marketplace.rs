//! Amazon marketplace IDs (マーケットプレイスID).

use crate::lang::Text;

/// Japan's marketplace ID, the one most Kagiban users sell on.
pub const JAPAN: &str = "A1VC38T7YXB528";

/// Every known marketplace: (ID, ISO country code, name).
pub const MARKETPLACES: &[(&str, &str, Text)] = &[
    ("A1VC38T7YXB528", "JP", Text::new("日本", "Japan")),
    (
        "ATVPDKIKX0DER",
        "US",
        Text::new("アメリカ", "United States"),
    ),
    ("A2EUQ1WTGCTBG2", "CA", Text::new("カナダ", "Canada")),
    ("A1AM78C64UM0Y8", "MX", Text::new("メキシコ", "Mexico")),
    ("A2Q3Y263D00KWC", "BR", Text::new("ブラジル", "Brazil")),
    (
        "A1F83G8C2ARO7P",
        "UK",
        Text::new("イギリス", "United Kingdom"),
    ),
    ("A1PA6795UKMFR9", "DE", Text::new("ドイツ", "Germany")),
    ("A13V1IB3VIYZZH", "FR", Text::new("フランス", "France")),
    ("APJ6JRA9NG5V4", "IT", Text::new("イタリア", "Italy")),
    ("A1RKKUPIHCS9HS", "ES", Text::new("スペイン", "Spain")),
    ("A1805IZSGTT6HS", "NL", Text::new("オランダ", "Netherlands")),
    ("A2NODRKZP88ZB9", "SE", Text::new("スウェーデン", "Sweden")),
    ("A1C3SOZRARQ6R3", "PL", Text::new("ポーランド", "Poland")),
    ("A33AVAJ2PDY3EV", "TR", Text::new("トルコ", "Turkey")),
    (
        "A2VIGQ35RCS4UG",
        "AE",
        Text::new("アラブ首長国連邦", "United Arab Emirates"),
    ),
    ("A21TJRUUN4KGV", "IN", Text::new("インド", "India")),
    (
        "A17E79C6D8DWNP",
        "SA",
        Text::new("サウジアラビア", "Saudi Arabia"),
    ),
    ("ARBP9OOSHTCHU", "EG", Text::new("エジプト", "Egypt")),
    ("AMEN7PMS3EDWL", "BE", Text::new("ベルギー", "Belgium")),
    (
        "A19VAU5U5O7RUS",
        "SG",
        Text::new("シンガポール", "Singapore"),
    ),
    (
        "A39IBJ37TRP1C6",
        "AU",
        Text::new("オーストラリア", "Australia"),
    ),
];

/// Whether `id` is a known marketplace ID (exact, case-sensitive).
pub fn is_marketplace_id(id: &str) -> bool {
    MARKETPLACES.iter().any(|(m, _, _)| *m == id)
}

/// The marketplace's name, if `id` is known.
pub fn marketplace_name(id: &str) -> Option<Text> {
    MARKETPLACES
        .iter()
        .find(|(m, _, _)| *m == id)
        .map(|(_, _, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        for (i, (id, cc, name)) in MARKETPLACES.iter().enumerate() {
            assert!(id.starts_with('A'), "{id}");
            assert!((13..=14).contains(&id.len()), "{id}");
            assert!(id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
            assert_eq!(cc.len(), 2);
            assert!(!name.ja.is_empty() && !name.en.is_empty());
            assert!(MARKETPLACES[i + 1..]
                .iter()
                .all(|(other, _, _)| other != id));
        }
    }

    #[test]
    fn japan_is_known() {
        assert!(is_marketplace_id(JAPAN));
        assert_eq!(marketplace_name(JAPAN).map(|t| t.ja), Some("日本"));
        assert!(!is_marketplace_id("A1VC38T7YXB52"));
    }
}
