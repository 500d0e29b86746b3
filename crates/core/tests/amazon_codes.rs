//! SP-API outcome codes, the HTTP-to-code rules, and the roles behind an RDT refusal.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use kagiban_core::amazon::codes::*;
use kagiban_core::amazon::rdt::{
    describe_roles, role_requirements, roles_needed, DataElement, Need, Op, Role,
};
use kagiban_core::Lang;

#[test]
fn names_round_trip_and_match_serde() {
    let names: Vec<&str> = SpApiCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "ok",
            "invalid_grant",
            "invalid_client",
            "missing_role",
            "rate_limited",
            "service_unavailable",
            "timeout",
            "bad_response",
            "marketplace_missing",
            "network"
        ]
    );
    for code in SpApiCode::ALL {
        assert_eq!(SpApiCode::parse(code.as_str()), Some(code));
        assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{code}\""));
        let m = code.message();
        assert!(m.ja.ends_with('。') && m.en.ends_with('.'), "{code:?}");
    }
    assert_eq!(SpApiCode::parse("OK"), None);
}

#[test]
fn messages_say_where_to_go() {
    let grant = SpApiCode::InvalidGrant.message();
    assert!(grant.ja.contains("「アプリを管理」") && grant.ja.contains("再認可"));
    assert!(grant.en.contains("Manage Your Apps") && grant.en.contains("refresh token"));
    let client = SpApiCode::InvalidClient.message();
    assert!(
        client.ja.contains("デベロッパーセントラル")
            && client.ja.contains("ソリューションプロバイダーポータル")
    );
    assert!(client.en.contains("Solution Provider Portal"));
    assert!(SpApiCode::MarketplaceMissing
        .message()
        .ja
        .contains("A1VC38T7YXB528"));
}

#[test]
fn only_temporary_failures_are_transient() {
    let transient: Vec<SpApiCode> = SpApiCode::ALL
        .into_iter()
        .filter(|c| c.is_transient())
        .collect();
    assert_eq!(
        transient,
        [
            SpApiCode::RateLimited,
            SpApiCode::ServiceUnavailable,
            SpApiCode::Timeout,
            SpApiCode::Network
        ]
    );
}

#[test]
fn lwa_answers() {
    let cases = [
        (200, None, SpApiCode::Ok),
        (400, Some("invalid_grant"), SpApiCode::InvalidGrant),
        (401, Some("invalid_client"), SpApiCode::InvalidClient),
        (401, None, SpApiCode::InvalidClient),
        (400, Some("unauthorized_client"), SpApiCode::InvalidClient),
        (400, Some("invalid_request"), SpApiCode::BadResponse),
        (429, None, SpApiCode::RateLimited),
        (500, None, SpApiCode::ServiceUnavailable),
        (
            503,
            Some("temporarily_unavailable"),
            SpApiCode::ServiceUnavailable,
        ),
        (302, None, SpApiCode::BadResponse),
    ];
    for (status, error, code) in cases {
        assert_eq!(classify_lwa(status, error), code, "{status} {error:?}");
    }
}

#[test]
fn sp_api_answers_and_marketplace() {
    let cases = [
        (200, SpApiCode::Ok),
        (403, SpApiCode::MissingRole),
        (429, SpApiCode::RateLimited),
        (500, SpApiCode::ServiceUnavailable),
        (503, SpApiCode::ServiceUnavailable),
        (400, SpApiCode::BadResponse),
        (404, SpApiCode::BadResponse),
    ];
    for (status, code) in cases {
        assert_eq!(classify_sp_api(status), code, "{status}");
    }
    let listed = ["ATVPDKIKX0DER", "A1VC38T7YXB528"];
    assert_eq!(check_marketplace(listed, "A1VC38T7YXB528"), SpApiCode::Ok);
    assert_eq!(
        check_marketplace(["ATVPDKIKX0DER"], "A1VC38T7YXB528"),
        SpApiCode::MarketplaceMissing
    );
    assert_eq!(
        check_marketplace([], "A1VC38T7YXB528"),
        SpApiCode::MarketplaceMissing
    );
}

#[test]
fn rate_limit_wait_honours_retry_after_then_the_rate() {
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
    let s = Duration::from_secs;
    assert_eq!(rate_limit_wait(Some("5"), Some("0.0167"), now), s(5));
    assert_eq!(
        rate_limit_wait(Some("Fri, 01 May 2026 00:02:00 GMT"), None, now),
        s(120)
    );
    assert_eq!(
        rate_limit_wait(Some("Fri, 01 May 2026 00:00:00 GMT"), None, now),
        s(1)
    );
    assert_eq!(rate_limit_wait(None, Some("0.0167"), now), s(60));
    assert_eq!(rate_limit_wait(None, Some(" 1.0 "), now), s(1));
    assert_eq!(rate_limit_wait(None, Some("0.5"), now), s(2));
    assert_eq!(
        rate_limit_wait(Some("soon"), Some("0"), now),
        DEFAULT_RATE_LIMIT_WAIT
    );
    assert_eq!(
        rate_limit_wait(None, Some("NaN"), now),
        DEFAULT_RATE_LIMIT_WAIT
    );
    assert_eq!(rate_limit_wait(None, None, now), s(60));
    assert_eq!(
        rate_limit_wait(Some("999999"), None, now),
        MAX_RATE_LIMIT_WAIT
    );
    assert_eq!(
        rate_limit_wait(None, Some("0.00001"), now),
        MAX_RATE_LIMIT_WAIT
    );
}

#[test]
fn roles_per_need_follow_seed_003() {
    use Role::*;
    let cases: &[(Need, &[Role])] = &[
        (Need::ShippingAddress, &[DirectToConsumerShipping]),
        (Need::OrderBuyerInfo, &[TaxRemittance, TaxInvoicing]),
        (Need::OrderItemsBuyerInfo, &[TaxRemittance, TaxInvoicing]),
        (Need::BuyerTaxInformation, &[TaxRemittance, TaxInvoicing]),
        (Need::ShippingLabel, &[DirectToConsumerShipping]),
        (Need::VendorShippingLabel, &[DirectToConsumerShipping]),
        (
            Need::ReportDocument {
                report_document_id: "x".into(),
                report_type: None,
            },
            &[DirectToConsumerShipping, TaxRemittance, TaxInvoicing],
        ),
        (
            Need::ReportDocument {
                report_document_id: "x".into(),
                report_type: Some("GET_ORDER_REPORT_DATA_INVOICING".into()),
            },
            &[TaxInvoicing],
        ),
        (
            Need::Operation {
                op: Op::OrdersGetOrder,
                id: None,
                data_elements: vec![DataElement::ShippingAddress],
            },
            &[DirectToConsumerShipping],
        ),
        (
            Need::Operation {
                op: Op::OrdersGetOrderBuyerInfo,
                id: None,
                data_elements: vec![],
            },
            &[TaxRemittance, TaxInvoicing],
        ),
        (
            Need::Operation {
                op: Op::MfnGetShipment,
                id: None,
                data_elements: vec![],
            },
            &[DirectToConsumerShipping],
        ),
    ];
    for (need, roles) in cases {
        assert_eq!(&need.roles(), roles, "{need:?}");
    }
    assert_eq!(
        roles_needed(&[Need::ShippingAddress]),
        [DirectToConsumerShipping]
    );
    assert_eq!(
        roles_needed(&[
            Need::OrderBuyerInfo,
            Need::ShippingAddress,
            Need::OrderBuyerInfo
        ]),
        Role::ALL
    );
    assert!(roles_needed(&[]).is_empty());
}

#[test]
fn refusal_explained_with_role_labels() {
    let needs = [
        Need::OrderBuyerInfo,
        Need::ShippingAddress,
        Need::OrderBuyerInfo,
    ];
    assert_eq!(role_requirements(&needs).len(), 2);
    assert_eq!(
        describe_roles(&needs, Lang::Ja),
        "注文の購入者情報: 税金送金 または 税金請求\n配送先住所: 購入者への直送"
    );
    assert_eq!(
        describe_roles(&needs, Lang::En),
        "Buyer information of orders: Tax Remittance or Tax Invoicing\nShipping addresses: Direct-to-Consumer Shipping"
    );
    let ja = missing_role_message(&roles_needed(&needs), Lang::Ja);
    assert!(ja.starts_with(SpApiCode::MissingRole.message().ja));
    assert!(ja.ends_with("確認するロール: 購入者への直送、税金送金、税金請求"));
    assert_eq!(
        missing_role_message(&[], Lang::En),
        SpApiCode::MissingRole.message().en
    );
    for role in Role::ALL {
        assert_eq!(Role::parse(role.as_str()), Some(role));
        assert_eq!(
            serde_json::to_string(&role).unwrap(),
            format!("\"{}\"", role.as_str())
        );
    }
    assert_eq!(
        Role::DirectToConsumerShipping.label().en,
        "Direct-to-Consumer Shipping"
    );
}
