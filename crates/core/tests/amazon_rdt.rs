//! The RDT request builder against seed 003 (Tokens API use-case guide): its data and its
//! example request bodies, byte for byte.

use kagiban_core::amazon::rdt::*;
use serde_json::{json, Value};

const DOC_ID: &str = "amzn1.spdoc.1.4.eu.dca0cb77-4733-4769-8476-f09bc32be2af.T1KIM200NIMFNU.1234";

fn op(op: Op, id: Option<&str>, data: &[DataElement]) -> Need {
    Need::Operation {
        op,
        id: id.map(str::to_string),
        data_elements: data.to_vec(),
    }
}

fn report(id: &str) -> Need {
    Need::ReportDocument {
        report_document_id: id.to_string(),
        report_type: None,
    }
}

fn json_of(needs: &[Need], target: Option<&str>) -> String {
    serde_json::to_string(&build_request(needs, target).unwrap()).unwrap()
}

/// A request body as printed in seed 003, spaces between tokens dropped (none of its strings
/// contain a space).
fn seed(body: &str) -> String {
    body.replace(' ', "")
}

use DataElement::{BuyerInfo, BuyerTaxInformation, ShippingAddress};

#[test]
fn seed_lists_are_encoded_in_full() {
    assert_eq!(RESTRICTED_OPERATIONS.len(), 31);
    assert_eq!(RESTRICTED_REPORT_TYPES.len(), 16);
    let per_api: Vec<(&str, usize)> = [
        "出品者出荷注文API",
        "ダイレクト・フルフィルメント・オーダー API v2021-12-28",
        "出品者出荷配送API",
        "ダイレクト・フルフィルメント・シッピング API v2021-12-28",
        "Easy Ship API v2022-03-23",
        "出品者出荷API",
        "注文API",
        "レポートAPI",
        "出荷請求",
        "配送API",
    ]
    .into_iter()
    .map(|api| {
        (
            api,
            RESTRICTED_OPERATIONS
                .iter()
                .filter(|o| o.api.ja == api)
                .count(),
        )
    })
    .collect();
    let counts: Vec<usize> = per_api.iter().map(|(_, n)| *n).collect();
    assert_eq!(counts, vec![2, 2, 7, 5, 1, 4, 7, 1, 1, 1], "{per_api:?}");
    for (i, a) in RESTRICTED_OPERATIONS.iter().enumerate() {
        assert_eq!(a.op.spec(), a, "row order and Op agree");
        assert!(
            a.path.starts_with('/') && a.path.matches('{').count() <= 1,
            "{}",
            a.path
        );
        assert!(!a.roles.is_empty() && !a.label.ja.is_empty() && !a.label.en.is_empty());
        for b in &RESTRICTED_OPERATIONS[i + 1..] {
            assert!(
                a.method != b.method || a.path != b.path,
                "{} {}",
                a.name,
                b.name
            );
        }
        assert_eq!(operation_for(a.method, a.path).map(|o| o.op), Some(a.op));
    }
    for (t, roles) in RESTRICTED_REPORT_TYPES {
        assert!(is_restricted_report_type(t) && !roles.is_empty());
    }
    assert!(!is_restricted_report_type("GET_MERCHANT_LISTINGS_ALL_DATA"));
}

#[test]
fn data_elements_only_for_get_orders_get_order_get_order_items() {
    let with: Vec<&str> = RESTRICTED_OPERATIONS
        .iter()
        .filter(|o| !o.data_elements.is_empty())
        .map(|o| o.name)
        .collect();
    assert_eq!(with, vec!["getOrders", "getOrder", "getOrderItems"]);
    assert_eq!(Op::OrdersGetOrders.spec().data_elements, &DataElement::ALL);
    assert_eq!(Op::OrdersGetOrder.spec().data_elements, &DataElement::ALL);
    assert_eq!(Op::OrdersGetOrderItems.spec().data_elements, &[BuyerInfo]);
    let only_specific: Vec<&str> = RESTRICTED_OPERATIONS
        .iter()
        .filter(|o| o.specific_only)
        .map(|o| o.name)
        .collect();
    assert_eq!(only_specific, vec!["getReportDocument"]);
}

#[test]
fn seed_example_restricted_report() {
    let expected = seed(&format!(
        r#"{{ "restrictedResources": [ {{ "method": "GET", "path": "/reports/2021-06-30/documents/{DOC_ID}" }} ] }}"#
    ));
    assert_eq!(json_of(&[report(DOC_ID)], None), expected);
    let via_op = op(Op::ReportsGetReportDocument, Some(DOC_ID), &[]);
    assert_eq!(json_of(&[via_op], None), expected);
}

#[test]
fn seed_example_bulk_orders() {
    let expected = seed(
        r#"{ "restrictedResources": [ { "method": "GET", "path": "/orders/v0/orders", "dataElements": ["buyerInfo", "shippingAddress"] } ] }"#,
    );
    let one = op(Op::OrdersGetOrders, None, &[BuyerInfo, ShippingAddress]);
    assert_eq!(json_of(&[one], None), expected);
    // Two needs for the same resource merge, in the canonical element order.
    let split = [
        op(Op::OrdersGetOrders, None, &[ShippingAddress]),
        op(Op::OrdersGetOrders, None, &[BuyerInfo, ShippingAddress]),
    ];
    assert_eq!(json_of(&split, None), expected);
}

#[test]
fn seed_example_order_items_and_delegation() {
    let items = op(
        Op::OrdersGetOrderItems,
        Some("123-1234567-1234567"),
        &[BuyerInfo],
    );
    assert_eq!(
        json_of(&[items], None),
        seed(
            r#"{ "restrictedResources": [ { "method": "GET", "path": "/orders/v0/orders/123-1234567-1234567/orderItems", "dataElements": ["buyerInfo"] } ] }"#
        )
    );
    let order = op(
        Op::OrdersGetOrder,
        Some("123-1234567-1234567"),
        &[ShippingAddress, BuyerInfo],
    );
    let got = json_of(&[order], Some("amzn1.sellerapps.app.target-application"));
    let expected = r#"{ "restrictedResources": [ { "method": "GET", "path": "/orders/v0/orders/123-1234567-1234567", "dataElements": ["buyerInfo", "shippingAddress"] } ], "targetApplication": "amzn1.sellerapps.app.target-application" }"#;
    assert_eq!(got, seed(expected));
    let parsed: Value = serde_json::from_str(expected).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&got).unwrap(), parsed);
}

#[test]
fn seed_example_generic_shipment_path_and_model_sandbox() {
    let mfn = op(Op::MfnGetShipment, None, &[]);
    assert_eq!(
        json_of(&[mfn], None),
        seed(
            r#"{ "restrictedResources": [ { "method": "GET", "path": "/mfn/v0/shipments/{shipmentId}" } ] }"#
        )
    );
    let explicit = op(Op::MfnGetShipment, Some("{shipmentId}"), &[]);
    assert_eq!(
        json_of(&[explicit], None),
        json_of(&[op(Op::MfnGetShipment, None, &[])], None)
    );
    let address = op(Op::OrdersGetOrderAddress, None, &[]);
    let got: Value = serde_json::from_str(&json_of(
        &[address],
        Some("amzn1.sellerapps.app.target-application"),
    ))
    .unwrap();
    assert_eq!(
        got,
        json!({"targetApplication": "amzn1.sellerapps.app.target-application",
               "restrictedResources": [{"method": "GET", "path": "/orders/v0/orders/{orderId}/address"}]})
    );
    let specific = op(Op::MfnGetShipment, Some("FBA1234ABC5D"), &[]);
    assert!(json_of(&[specific], None).contains(r#""path":"/mfn/v0/shipments/FBA1234ABC5D""#));
}

#[test]
fn plain_needs_expand_to_generic_paths() {
    let r = build_request(&[Need::OrderBuyerInfo, Need::ShippingAddress], None).unwrap();
    let got: Value = serde_json::to_value(&r).unwrap();
    assert_eq!(
        got,
        json!({"restrictedResources": [
            {"method": "GET", "path": "/orders/v0/orders", "dataElements": ["buyerInfo", "shippingAddress"]},
            {"method": "GET", "path": "/orders/v0/orders/{orderId}", "dataElements": ["buyerInfo", "shippingAddress"]}]})
    );
    let items = build_request(&[Need::OrderItemsBuyerInfo], None).unwrap();
    assert_eq!(
        items.restricted_resources[0].path,
        "/orders/v0/orders/{orderId}/orderItems"
    );
    let tax = build_request(&[Need::BuyerTaxInformation], None).unwrap();
    assert!(tax
        .restricted_resources
        .iter()
        .all(|r| r.data_elements == [BuyerTaxInformation]));
    let labels = build_request(&[Need::ShippingLabel], None).unwrap();
    let shown: Vec<String> = labels
        .restricted_resources
        .iter()
        .map(|r| format!("{} {}", r.method.as_str(), r.path))
        .collect();
    assert_eq!(
        shown,
        [
            "POST /mfn/v0/shipments",
            "GET /mfn/v0/shipments/{shipmentId}",
            "DELETE /mfn/v0/shipments/{shipmentId}"
        ]
    );
    assert!(labels
        .restricted_resources
        .iter()
        .all(|r| r.data_elements.is_empty()));
    for need in Need::PLAIN {
        assert!(
            !need.plan().is_empty() && build_request(std::slice::from_ref(&need), None).is_ok()
        );
    }
}

#[test]
fn rdt_validity() {
    use chrono::{TimeZone, Utc};
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 3, 30, 0).unwrap();
    assert_eq!(format_hhmm_jst(rdt_valid_until(at, Some(3600))), "13:30");
    assert_eq!(
        rdt_valid_until(at, None),
        rdt_valid_until(at, Some(RDT_VALIDITY_SECS))
    );
    assert_eq!(rdt_valid_until(at, Some(-5)), at);
    assert_eq!(
        rdt_valid_until(at, Some(i64::MAX)),
        chrono::DateTime::<Utc>::MAX_UTC
    );
    assert_eq!(TOKENS_PATH, "/tokens/2021-03-01/restrictedDataToken");
}
