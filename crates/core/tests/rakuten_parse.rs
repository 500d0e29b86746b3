//! ServiceSecret / LicenseKey parsing: what users actually paste, and what they are told.

use kagiban_core::rakuten::{pair_warnings, FormatError, LicenseKey, ServiceSecret};
use kagiban_core::recognize::Warning;
use kagiban_core::CredentialKind::{self, *};

const SL: &str = "SL404839_abcdEFGH12345678";
const SP: &str = "SP404839_zyxwVUTS98765432";

fn license_error(raw: &str) -> FormatError {
    LicenseKey::parse(raw).expect_err(raw)
}

fn secret_error(raw: &str) -> FormatError {
    ServiceSecret::parse(raw).expect_err(raw)
}

#[test]
fn license_key_errors() {
    let cases: &[(&str, FormatError)] = &[
        ("", FormatError::Empty),
        (" \n\u{3000}", FormatError::Empty),
        ("「」", FormatError::Empty),
        (
            SP,
            FormatError::WrongKind {
                found: RakutenServiceSecret,
            },
        ),
        (&SL[1..], FormatError::WrongPrefix),
        ("sl404839_abcdEFGH12345678", FormatError::WrongPrefix),
        (
            "licenseKey: SL404839_abcdEFGH12345678",
            FormatError::WrongPrefix,
        ),
        ("SL404839abcdEFGH12345678", FormatError::MissingUnderscore),
        ("SL_abcdEFGH12345678", FormatError::BadShopNumber),
        ("SL4048_abcdEFGH12345678", FormatError::BadShopNumber),
        ("SL40a839_abcdEFGH12345678", FormatError::BadShopNumber),
        ("SL404839_", FormatError::BadSuffix),
        ("SL404839_abcd-EFGH1234567", FormatError::BadSuffix),
        ("SL404839_abcdEFGH1234567あ", FormatError::BadSuffix),
        (
            "SL404839_abcdEFGH12345678901234567890123456789012345",
            FormatError::TooLong,
        ),
    ];
    for (raw, expected) in cases {
        assert_eq!(&license_error(raw), expected, "{raw:?}");
    }
}

#[test]
fn service_secret_errors() {
    assert_eq!(
        secret_error(SL),
        FormatError::WrongKind {
            found: RakutenLicenseKey
        }
    );
    assert_eq!(secret_error(&SP[1..]), FormatError::WrongPrefix);
    assert_eq!(secret_error("SP404839"), FormatError::MissingUnderscore);
    // Another service's key in the Rakuten field.
    let refresh = "Atzr|IwEBIabcdefghijklmnopqrstu";
    assert_eq!(
        secret_error(refresh),
        FormatError::WrongKind {
            found: LwaRefreshToken
        }
    );
    assert_eq!(
        license_error("A1VC38T7YXB528"),
        FormatError::WrongKind {
            found: AmazonMarketplaceId
        }
    );
}

#[test]
fn fifty_characters_pass_fifty_one_do_not() {
    let fifty = format!("SL404839_{}", "A".repeat(41));
    let (key, warnings) = LicenseKey::parse(&fifty).unwrap();
    assert_eq!(key.expose(), fifty);
    assert_eq!(warnings, vec![Warning::UnusualLength]);
    assert_eq!(license_error(&format!("{fifty}A")), FormatError::TooLong);
}

#[test]
fn dropped_last_character_is_accepted_with_a_warning() {
    let (key, warnings) = LicenseKey::parse(&SL[..SL.len() - 1]).unwrap();
    assert_eq!(key.shop_number(), "404839");
    assert_eq!(warnings, vec![Warning::UnusualLength]);
}

#[test]
fn paste_damage_is_repaired_and_reported() {
    let (key, warnings) =
        LicenseKey::parse("ＳＬ４０４８３９＿abcd\u{200B}EFGH 12345678\n").unwrap();
    assert_eq!(key.expose(), SL);
    assert_eq!(
        warnings,
        vec![
            Warning::FullWidthNormalized,
            Warning::ZeroWidthRemoved,
            Warning::WhitespaceRemoved
        ]
    );
    let (secret, warnings) = ServiceSecret::parse("SP404839_IlIlVUTS98765432").unwrap();
    assert_eq!(secret.masked(), "••••5432");
    assert_eq!(warnings, vec![Warning::ConfusableIl]);
}

#[test]
fn messages_never_contain_the_value() {
    let inputs = [
        "SL404839_abcdEFGH1234567あ",
        "SP404839_zyxwVUTS98765432",
        "P404839_zyxwVUTS98765432",
    ];
    for raw in inputs {
        for expected in [RakutenLicenseKey, RakutenServiceSecret] {
            let err = match expected {
                RakutenLicenseKey => LicenseKey::parse(raw).err(),
                _ => ServiceSecret::parse(raw).err(),
            };
            let Some(err) = err else { continue };
            let m = err.message(expected);
            let (display, debug) = (err.to_string(), format!("{err:?}"));
            for shown in [m.ja, m.en, display.as_str(), debug.as_str()] {
                assert!(!shown.contains("404839"), "{shown}");
                assert!(
                    !shown.contains("VUTS") && !shown.contains("EFGH"),
                    "{shown}"
                );
            }
        }
    }
}

#[test]
fn shop_numbers_are_compared() {
    assert!(pair_warnings(SP, SL).is_empty());
    assert_eq!(
        pair_warnings("SP404839_x", "SL404838_y"),
        vec![Warning::ShopNumberMismatch]
    );
    // Full-width digits are the same number.
    assert!(pair_warnings("ＳＰ４０４８３９_x", SL).is_empty());
    let (secret, _) = ServiceSecret::parse(SP).unwrap();
    let (key, _) = LicenseKey::parse("SL4048390_abcdEFGH12345678").unwrap();
    assert_eq!(key.shop_number(), "4048390");
    assert_eq!(
        pair_warnings(secret.expose(), key.expose()),
        vec![Warning::ShopNumberMismatch]
    );
}

#[test]
fn kinds_in_errors_are_the_expected_ones() {
    let e = secret_error(SL);
    assert_eq!(e.code(), "wrong_kind");
    assert!(
        matches!(e, FormatError::WrongKind { found } if found == CredentialKind::RakutenLicenseKey)
    );
}
