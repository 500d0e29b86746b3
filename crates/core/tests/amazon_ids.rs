//! Amazon IDs and credentials as users type or paste them.

use kagiban_core::amazon::ids::*;
use kagiban_core::marketplace::JAPAN;
use kagiban_core::{CredentialKind as K, Warning};

const CLIENT_ID: &str = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
const HEX64: &str = "5f1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
const REFRESH: &str = "Atzr|AwEBAJz0vJ8mQk7mXoRzq3TqFgVw_x-y+z/AbCdEfGhJkMnOpQrStUvWxYz09";
const MWS: &str = "amzn.mws.4ea38b7b-f563-7709-4bae-87aea1234567";

fn secret() -> String {
    format!("amzn1.oa2-cs.v1.{HEX64}")
}

#[test]
fn developer_id_forms() {
    let cases: &[(&str, &[Warning])] = &[
        ("525964794073", &[]),
        ("5259-6479-4073", &[]),
        (" 5259-6479-4073\n", &[]),
        ("5259 6479 4073", &[Warning::WhitespaceRemoved]),
        (
            "５２５９－６４７９－４０７３",
            &[Warning::FullWidthNormalized],
        ),
        ("5259ー6479ー4073", &[Warning::FullWidthNormalized]),
        ("5259−6479−4073", &[Warning::FullWidthNormalized]),
        ("「5259-6479-4073」", &[]),
    ];
    for (raw, warnings) in cases {
        let (id, w) = DeveloperId::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e:?}"));
        assert_eq!(id.as_str(), "525964794073", "{raw}");
        assert_eq!(id.display(), "5259-6479-4073");
        assert_eq!(&w, warnings, "{raw}");
    }
    // seeds/002's sample developer ID.
    assert_eq!(
        DeveloperId::parse("1234-3214-4321").unwrap().0.as_str(),
        "123432144321"
    );
}

#[test]
fn developer_id_errors() {
    let cases = [
        (
            "",
            IdError::Empty {
                field: K::AmazonDeveloperId,
            },
        ),
        (
            "   ",
            IdError::Empty {
                field: K::AmazonDeveloperId,
            },
        ),
        ("5259-6479-407", IdError::DeveloperIdFormat),
        ("52596479407301", IdError::DeveloperIdFormat),
        ("525-964-794-073", IdError::DeveloperIdFormat),
        ("5259-64794073", IdError::DeveloperIdFormat),
        ("shippinno", IdError::DeveloperIdFormat),
        (
            "A3FHEXAMPLEYWS",
            IdError::WrongKind {
                field: K::AmazonDeveloperId,
                found: K::AmazonSellerId,
            },
        ),
    ];
    for (raw, err) in cases {
        assert_eq!(DeveloperId::parse(raw), Err(err), "{raw}");
    }
}

#[test]
fn seller_id() {
    let (id, w) = SellerId::parse(" A3FHEXAMPLEYWS\n").unwrap();
    assert_eq!((id.as_str(), w.as_slice()), ("A3FHEXAMPLEYWS", &[][..]));
    assert_eq!(
        SellerId::parse("A2ABCDEF12345").unwrap().0.as_str(),
        "A2ABCDEF12345"
    );
    let cases = [
        (
            "",
            IdError::Empty {
                field: K::AmazonSellerId,
            },
        ),
        (
            "A1VC38T7YXB528",
            IdError::WrongKind {
                field: K::AmazonSellerId,
                found: K::AmazonMarketplaceId,
            },
        ),
        ("a3fhexampleyws", IdError::SellerIdLowercase),
        ("A3fhExampleYWS", IdError::SellerIdLowercase),
        ("B3FHEXAMPLEYWS", IdError::SellerIdFormat),
        ("A3FH", IdError::SellerIdFormat),
        ("A3FH-EXAMPLE", IdError::SellerIdFormat),
    ];
    for (raw, err) in cases {
        assert_eq!(SellerId::parse(raw), Err(err), "{raw}");
    }
}

#[test]
fn marketplace_choice() {
    for raw in [
        "",
        "  ",
        "A1VC38T7YXB528",
        "a1vc38t7yxb528",
        "JP",
        "jp",
        "Ａ１ＶＣ３８Ｔ７ＹＸＢ５２８",
    ] {
        assert_eq!(parse_marketplace(raw), Ok(JAPAN), "{raw:?}");
    }
    assert_eq!(parse_marketplace("US"), Ok("ATVPDKIKX0DER"));
    assert_eq!(parse_marketplace("A39IBJ37TRP1C6"), Ok("A39IBJ37TRP1C6"));
    assert_eq!(
        parse_marketplace("A3FHEXAMPLEYWS"),
        Err(IdError::UnknownMarketplace)
    );
    assert_eq!(parse_marketplace("ZZ"), Err(IdError::UnknownMarketplace));
    assert_eq!(
        parse_marketplace("525964794073"),
        Err(IdError::WrongKind {
            field: K::AmazonMarketplaceId,
            found: K::AmazonDeveloperId
        })
    );
}

#[test]
fn lwa_client_id() {
    let (id, w) = LwaClientId::parse(&format!("\"{CLIENT_ID}\"")).unwrap();
    assert_eq!(id.as_str(), CLIENT_ID);
    assert!(w.is_empty());
    assert_eq!(
        LwaClientId::parse(&CLIENT_ID[..CLIENT_ID.len() - 1]),
        Err(IdError::ClientIdFormat)
    );
    assert_eq!(
        LwaClientId::parse(&secret()),
        Err(IdError::WrongKind {
            field: K::LwaClientId,
            found: K::LwaClientSecret
        })
    );
}

#[test]
fn lwa_client_secret_new_and_legacy() {
    let (s, w) = LwaClientSecret::parse(&format!("{}\n", secret())).unwrap();
    assert_eq!(s.expose(), secret());
    assert!(w.is_empty() && !s.is_legacy());
    assert_eq!(s.masked(), "••••e8f9");
    let (legacy, w) = LwaClientSecret::parse(HEX64).unwrap();
    assert!(legacy.is_legacy());
    assert_eq!(w, vec![Warning::LegacyClientSecret]);
    let cases = [
        (
            String::new(),
            IdError::Empty {
                field: K::LwaClientSecret,
            },
        ),
        (
            secret()[..secret().len() - 2].to_string(),
            IdError::ClientSecretFormat,
        ),
        (HEX64.to_uppercase(), IdError::ClientSecretFormat),
        (
            format!("amzn1.oa2-cs.v1.{}", HEX64.to_uppercase()),
            IdError::ClientSecretFormat,
        ),
        (
            CLIENT_ID.to_string(),
            IdError::WrongKind {
                field: K::LwaClientSecret,
                found: K::LwaClientId,
            },
        ),
    ];
    for (raw, err) in cases {
        assert_eq!(LwaClientSecret::parse(&raw), Err(err), "{raw}");
    }
}

#[test]
fn refresh_token_and_short_lived_tokens() {
    let (t, w) = LwaRefreshToken::parse(&format!(" {REFRESH} ")).unwrap();
    assert_eq!(t.expose(), REFRESH);
    assert!(w.is_empty());
    let cases = [
        (
            "Atza|IwEBIJz0vJ8mQk7mXoRzq3TqFgVw",
            IdError::ShortLivedToken,
        ),
        (
            "Atz.sprdt|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR",
            IdError::ShortLivedToken,
        ),
        ("Atzr|short", IdError::RefreshTokenFormat),
        ("IwEBIJz0vJ8mQk7mXoRzq3TqFgVw", IdError::RefreshTokenFormat),
        (
            "",
            IdError::Empty {
                field: K::LwaRefreshToken,
            },
        ),
    ];
    for (raw, err) in cases {
        assert_eq!(LwaRefreshToken::parse(raw), Err(err), "{raw}");
    }
}

#[test]
fn mws_auth_token() {
    let (t, _) = MwsAuthToken::parse(MWS).unwrap();
    assert_eq!(t.expose(), MWS);
    assert_eq!(
        MwsAuthToken::parse("amzn.mws.4ea38b7b-f563-7709-4bae"),
        Err(IdError::MwsAuthTokenFormat)
    );
    assert_eq!(
        MwsAuthToken::parse(""),
        Err(IdError::Empty {
            field: K::AmazonMwsAuthToken
        })
    );
}

#[test]
fn secrets_never_leak_through_debug_or_errors() {
    let (s, _) = LwaClientSecret::parse(&secret()).unwrap();
    let (r, _) = LwaRefreshToken::parse(REFRESH).unwrap();
    let (m, _) = MwsAuthToken::parse(MWS).unwrap();
    let shown = format!("{s:?} {r:?} {m:?}");
    for part in [&HEX64[..12], "AwEBAJz0", "4ea38b7b"] {
        assert!(!shown.contains(part), "{shown}");
    }
    let bad = format!("amzn1.oa2-cs.v1.{}", &HEX64[..60]);
    let e = LwaClientSecret::parse(&bad).unwrap_err();
    let text = format!("{e} {e:?} {} {}", e.message().ja, e.message().en);
    assert!(!text.contains(&HEX64[..12]), "{text}");
}

#[test]
fn every_error_has_a_stable_code_and_bilingual_advice() {
    let all = [
        IdError::Empty {
            field: K::AmazonDeveloperId,
        },
        IdError::Empty {
            field: K::AmazonSellerId,
        },
        IdError::Empty {
            field: K::LwaClientId,
        },
        IdError::Empty {
            field: K::LwaClientSecret,
        },
        IdError::Empty {
            field: K::LwaRefreshToken,
        },
        IdError::Empty {
            field: K::AmazonMwsAuthToken,
        },
        IdError::Empty {
            field: K::RakutenLicenseKey,
        },
        IdError::WrongKind {
            field: K::AmazonSellerId,
            found: K::AmazonMarketplaceId,
        },
        IdError::WrongKind {
            field: K::AmazonDeveloperId,
            found: K::AmazonSellerId,
        },
        IdError::WrongKind {
            field: K::LwaClientId,
            found: K::LwaClientSecret,
        },
        IdError::WrongKind {
            field: K::LwaClientSecret,
            found: K::LwaClientId,
        },
        IdError::WrongKind {
            field: K::LwaRefreshToken,
            found: K::RakutenLicenseKey,
        },
        IdError::DeveloperIdFormat,
        IdError::SellerIdFormat,
        IdError::SellerIdLowercase,
        IdError::UnknownMarketplace,
        IdError::ClientIdFormat,
        IdError::ClientSecretFormat,
        IdError::RefreshTokenFormat,
        IdError::ShortLivedToken,
        IdError::MwsAuthTokenFormat,
    ];
    let mut codes = std::collections::BTreeSet::new();
    for e in &all {
        let m = e.message();
        assert!(m.ja.ends_with('。') && m.en.ends_with('.'), "{e:?}");
        assert!(e
            .code()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_'));
        codes.insert(e.code());
    }
    assert_eq!(codes.len(), 11);
}
