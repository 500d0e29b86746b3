//! Accept / reject tables for every credential format (api-facts.md §1–4).

use kagiban_core::marketplace::MARKETPLACES;
use kagiban_core::recognize::{recognize, recognize_single, Warning};
use kagiban_core::CredentialKind::{self, *};

const SL: &str = "SL404839_abcdEFGH12345678";
const SP: &str = "SP404839_zyxwVUTS98765432";
const HEX32: &str = "0123456789abcdef0123456789abcdef";

fn hex64() -> String {
    HEX32.repeat(2)
}

/// A 64-character mixed-case token, like a 楽楽明細 API token.
fn rakuraku() -> String {
    "Ab3dEf6hJk9mNp2rSt5vWx8z".repeat(3)[..64].to_string()
}

fn single(raw: &str) -> Option<(CredentialKind, String, Vec<Warning>)> {
    recognize_single(raw).map(|r| (r.kind, r.value.expose().to_string(), r.warnings))
}

#[track_caller]
fn accepts(raw: &str, kind: CredentialKind, warnings: &[Warning]) {
    let (k, value, w) = single(raw).unwrap_or_else(|| panic!("not recognized: {raw:?}"));
    assert_eq!(k, kind, "{raw:?}");
    assert_eq!(w, warnings, "{raw:?}");
    assert_eq!(value, raw, "{raw:?}");
}

#[track_caller]
fn rejects(raw: &str) {
    assert_eq!(single(raw).map(|(k, _, _)| k), None, "{raw:?}");
}

#[test]
fn rakuten_keys() {
    accepts(SL, RakutenLicenseKey, &[]);
    accepts(SP, RakutenServiceSecret, &[]);
    accepts("SL40483_abcdEFGH12345678", RakutenLicenseKey, &[]);
    accepts("SL40483912_abcdEFGH12345678", RakutenLicenseKey, &[]);
    accepts(
        "SP404839_abcIEFGH12345678",
        RakutenServiceSecret,
        &[Warning::ConfusableIl],
    );
    accepts(
        "SP404839_abclEFGH12345678",
        RakutenServiceSecret,
        &[Warning::ConfusableIl],
    );
    // The shop number's digits are not "confusable": only the random part counts.
    accepts("SL111111_abcdEFGH12345678", RakutenLicenseKey, &[]);
    // Last character dropped: still a key, but the length is unusual.
    accepts(
        &SL[..SL.len() - 1],
        RakutenLicenseKey,
        &[Warning::UnusualLength],
    );
    // 50 characters is the documented maximum.
    let fifty = format!("SL404839_{}", "a".repeat(41));
    assert_eq!(fifty.len(), 50);
    accepts(&fifty, RakutenLicenseKey, &[Warning::UnusualLength]);
}

#[test]
fn damaged_rakuten_keys_are_rejected() {
    rejects(&SL[1..]); // first character dropped
    rejects(&format!("SL404839_{}", "a".repeat(42))); // 51 characters
    rejects("SL404839abcdEFGH12345678"); // no underscore
    rejects("SL4048_abcdEFGH12345678"); // 4-digit shop number
    rejects("SL404839123_abcdEFGH12345678"); // 9-digit shop number
    rejects("SL404839_"); // nothing after _
    rejects("SL404839_abcd-EFGH12345678");
    rejects("SL404839_abcd_EFGH12345678");
    rejects("sl404839_abcdEFGH12345678");
    rejects("SX404839_abcdEFGH12345678");
    rejects("SL404839_abcdEFGH1234567８9あ");
}

#[test]
fn rakuten_keys_survive_paste_damage() {
    let (_, value, w) = single("ＳＬ４０４８３９＿abcdEFGH12345678").unwrap();
    assert_eq!(value, SL);
    assert_eq!(w, vec![Warning::FullWidthNormalized]);
    let (_, value, w) = single("SL404839_abcd EFGH\n12345678").unwrap();
    assert_eq!(value, SL);
    assert_eq!(w, vec![Warning::WhitespaceRemoved]);
    let (_, value, w) = single("\u{FEFF}SL404839_abcdEFGH12345678\u{200B}").unwrap();
    assert_eq!(value, SL);
    assert_eq!(w, vec![Warning::ZeroWidthRemoved]);
    let (_, value, _) = single(&format!("「{SL}」")).unwrap();
    assert_eq!(value, SL);
}

#[test]
fn amazon_mws_auth_token() {
    let token = "amzn.mws.01234567-89ab-cdef-0123-456789abcdef";
    accepts(token, AmazonMwsAuthToken, &[]);
    rejects(&token.to_uppercase());
    rejects("amzn.mws.01234567-89AB-cdef-0123-456789abcdef");
    rejects(&token[..token.len() - 1]);
    rejects(&format!("{token}0"));
    rejects("amzn.mws.0123456789abcdef0123456789abcdef");
    rejects("amzn.mws.01234567-89ab-cdef-0123-456789abcdeg");
}

#[test]
fn lwa_client_id_and_secret() {
    accepts(
        &format!("amzn1.application-oa2-client.{HEX32}"),
        LwaClientId,
        &[],
    );
    rejects(&format!("amzn1.application-oa2-client.{}", &HEX32[1..]));
    rejects(&format!("amzn1.application-oa2-client.{HEX32}0"));
    rejects(&format!(
        "amzn1.application-oa2-client.{}",
        HEX32.to_uppercase()
    ));
    accepts(
        &format!("amzn1.oa2-cs.v1.{}", hex64()),
        LwaClientSecret,
        &[],
    );
    rejects(&format!("amzn1.oa2-cs.v1.{}", &hex64()[1..]));
    rejects(&format!("amzn1.oa2-cs.v1.{}a", hex64()));
    accepts(&hex64(), LwaClientSecret, &[Warning::LegacyClientSecret]);
    rejects(&hex64()[1..]);
}

#[test]
fn lwa_refresh_token() {
    accepts("Atzr|abcdefghijk-mnopqrst", LwaRefreshToken, &[]);
    // Every real token starts `Atzr|IwEBI` and nobody types one: no I/l warning.
    accepts("Atzr|IwEBIA_b+c/d=e|f-ghijklmnopq", LwaRefreshToken, &[]);
    rejects("Atzr|abcdefghijk-mnopqrs"); // 19 characters after the prefix
    rejects("Atza|abcdefghijk-mnopqrstuvw"); // an access token, not a refresh token
    rejects("atzr|abcdefghijk-mnopqrstuvw");
    rejects("Atzr|abcdefghijk.mnopqrstuvw");
}

#[test]
fn amazon_ids() {
    for (id, _, _) in MARKETPLACES {
        accepts(id, AmazonMarketplaceId, &[]);
    }
    accepts("A3FHEXAMPLEYWS", AmazonSellerId, &[]);
    accepts("A1B2C3D4E5F6G7", AmazonSellerId, &[]);
    accepts("A123456789", AmazonSellerId, &[]);
    accepts(&format!("A{}", "B".repeat(20)), AmazonSellerId, &[]);
    rejects("A12345678");
    rejects(&format!("A{}", "B".repeat(21)));
    rejects("A3FHexampleYWS");
    rejects("B3FHEXAMPLEYWS");
    // A marketplace ID with a character missing is not taken for a seller ID of length 12.
    accepts("A1VC38T7YXB52", AmazonSellerId, &[]);
}

#[test]
fn amazon_developer_id() {
    accepts("035081194811", AmazonDeveloperId, &[]);
    accepts("5259-6479-4073", AmazonDeveloperId, &[]);
    let (_, value, w) = single("5259 6479 4073").unwrap();
    assert_eq!(value, "525964794073");
    assert_eq!(w, vec![Warning::WhitespaceRemoved]);
    let (_, value, w) = single("５２５９－６４７９－４０７３").unwrap();
    assert_eq!(value, "5259-6479-4073");
    assert_eq!(w, vec![Warning::FullWidthNormalized]);
    rejects("03508119481");
    rejects("0350811948112");
    rejects("5259-6479-407");
    rejects("5259-6479-4073-1");
    rejects("52596-479-4073");
}

#[test]
fn rakuraku_api_token() {
    let token = rakuraku();
    accepts(&token, RakurakuApiToken, &[]);
    let with_l = format!("l{}", &token[1..]);
    accepts(&with_l, RakurakuApiToken, &[Warning::ConfusableIl]);
    rejects(&token[1..]);
    rejects(&format!("{token}a"));
    // Upper-case hex is not the legacy LWA form (that is lowercase): a 楽楽明細 token.
    accepts(&hex64().to_uppercase(), RakurakuApiToken, &[]);
}

#[test]
fn free_text_boundaries() {
    let text = format!(
        "licenseKey={SL}\nserviceSecret:{SP}。\
         マーケットプレイスID(A1VC38T7YXB528)、出品者ID:A3FHEXAMPLEYWS AUTHORIZATION \
         開発者ID:5259-6479-4073 注文番号 404839-20240101-000001234567 xSL404839_abcdEFGH12345678 \
         {{\"refresh_token\":\"Atzr|IwEBIabcdefghijklmnopqrstu\",\"token_type\":\"bearer\"}}"
    );
    let found: Vec<_> = recognize(&text)
        .into_iter()
        .map(|r| (r.kind, r.value.expose().to_string()))
        .collect();
    let expected: Vec<(CredentialKind, String)> = vec![
        (RakutenLicenseKey, SL.into()),
        (RakutenServiceSecret, SP.into()),
        (AmazonMarketplaceId, "A1VC38T7YXB528".into()),
        (AmazonSellerId, "A3FHEXAMPLEYWS".into()),
        (AmazonDeveloperId, "5259-6479-4073".into()),
        (LwaRefreshToken, "Atzr|IwEBIabcdefghijklmnopqrstu".into()),
    ];
    assert_eq!(found, expected);
}

#[test]
fn free_text_duplicates_are_removed_in_order() {
    let text = format!("{SP} {SL} {SP}\n{SL}「{SL}」");
    let found: Vec<_> = recognize(&text).into_iter().map(|r| r.kind).collect();
    assert_eq!(found, vec![RakutenServiceSecret, RakutenLicenseKey]);
    assert!(recognize("").is_empty());
    assert!(recognize("鍵番は楽天のキーを管理します。").is_empty());
}
