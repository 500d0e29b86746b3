//! The RDT request builder's limits: 50 resources, targetApplication, the token size estimate,
//! warnings, and stable error codes.

use kagiban_core::amazon::rdt::*;

fn op(op: Op, id: Option<&str>, data: &[DataElement]) -> Need {
    Need::Operation {
        op,
        id: id.map(str::to_string),
        data_elements: data.to_vec(),
    }
}

use DataElement::{BuyerInfo, ShippingAddress};

fn order_id(n: usize) -> String {
    format!("250-{:07}-{:07}", n + 1, 7_654_321 - n)
}

#[test]
fn at_most_fifty_resources_after_merging() {
    let orders = |n: usize| -> Vec<Need> {
        (0..n)
            .map(|i| op(Op::OrdersGetOrder, Some(&order_id(i)), &[BuyerInfo]))
            .collect()
    };
    assert_eq!(
        build_request(&orders(50), None)
            .unwrap()
            .restricted_resources
            .len(),
        50
    );
    assert_eq!(
        build_request(&orders(51), None),
        Err(RdtError::TooManyResources { count: 51 })
    );
    // 60 needs, but only 50 distinct resources: accepted.
    let mut many = orders(50);
    many.extend(orders(10));
    assert_eq!(
        build_request(&many, None)
            .unwrap()
            .restricted_resources
            .len(),
        50
    );
    assert_eq!(build_request(&[], None), Err(RdtError::Empty));
}

#[test]
fn target_application() {
    let needs = [Need::ShippingAddress];
    for empty in [Some(""), Some("  "), None] {
        assert_eq!(
            build_request(&needs, empty).unwrap().target_application,
            None
        );
    }
    let ok = build_request(
        &needs,
        Some(" amzn1.sp.solution.0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n"),
    )
    .unwrap();
    assert_eq!(
        ok.target_application.as_deref(),
        Some("amzn1.sp.solution.0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")
    );
    for bad in [
        "target-application",
        "amzn1.",
        "amzn1.sellerapps.app/../x",
        "amzn1.アプリ",
    ] {
        assert_eq!(
            build_request(&needs, Some(bad)),
            Err(RdtError::InvalidTargetApplication),
            "{bad}"
        );
    }
}

#[test]
fn token_size_estimate_and_warnings() {
    let small = build_request(&[Need::OrderBuyerInfo], None).unwrap();
    // Fixed claims + 2 × (framing + "GET" + path + "buyerInfo" + element framing).
    let expected = TOKEN_FIXED_BYTES
        + 2 * (TOKEN_PER_RESOURCE_BYTES + 3 + 9 + TOKEN_PER_ELEMENT_BYTES)
        + "/orders/v0/orders".len()
        + "/orders/v0/orders/{orderId}".len();
    assert_eq!(estimated_token_bytes(&small), expected);
    assert!(small.warnings().is_empty());
    let with_target =
        build_request(&[Need::OrderBuyerInfo], Some("amzn1.sellerapps.app.x")).unwrap();
    assert_eq!(
        estimated_token_bytes(&with_target),
        expected + "amzn1.sellerapps.app.x".len()
    );
    assert_eq!(TOKEN_SIZE_WARNING_BYTES, 5_600);

    let orders = |n: usize, data: &[DataElement]| -> RdtRequest {
        let needs: Vec<Need> = (0..n)
            .map(|i| op(Op::OrdersGetOrder, Some(&order_id(i)), data))
            .collect();
        build_request(&needs, None).unwrap()
    };
    let thirty = orders(30, &[BuyerInfo]);
    assert!(
        estimated_token_bytes(&thirty) < TOKEN_SIZE_WARNING_BYTES && thirty.warnings().is_empty()
    );
    let fifty = orders(50, &DataElement::ALL);
    assert!(estimated_token_bytes(&fifty) >= TOKEN_SIZE_WARNING_BYTES);
    assert_eq!(fifty.warnings(), vec![RdtWarning::TokenSizeNearLimit]);
    let long_id = format!("{}{}", "p".repeat(10), "0123456789".repeat(8));
    let vendor: Vec<Need> = (0..50)
        .map(|i| {
            op(
                Op::DfShippingCreateShippingLabels,
                Some(&format!("{long_id}{i}")),
                &[],
            )
        })
        .collect();
    let big = build_request(&vendor, None).unwrap();
    assert!(estimated_token_bytes(&big) > TOKEN_SIZE_LIMIT_BYTES);
    assert_eq!(big.warnings(), vec![RdtWarning::TokenSizeOverLimit]);
}

#[test]
fn mixing_seller_and_vendor_is_flagged() {
    let mixed = build_request(&[Need::ShippingLabel, Need::VendorShippingLabel], None).unwrap();
    assert_eq!(mixed.warnings(), vec![RdtWarning::MixesSellerAndVendor]);
    assert!(build_request(&[Need::VendorShippingLabel], None)
        .unwrap()
        .warnings()
        .is_empty());
}

#[test]
fn errors_and_warnings_have_stable_codes_and_bilingual_advice() {
    let errors = [
        RdtError::Empty,
        RdtError::TooManyResources { count: 51 },
        RdtError::DataElementsNotAllowed {
            op: Op::MfnGetShipment,
        },
        RdtError::DataElementsRequired {
            op: Op::OrdersGetOrders,
        },
        RdtError::DataElementNotSupported {
            op: Op::OrdersGetOrderItems,
            element: ShippingAddress,
        },
        RdtError::GenericPathNotAllowed,
        RdtError::ReportDocumentIdMissing,
        RdtError::InvalidReportDocumentId,
        RdtError::PlaceholderId,
        RdtError::InvalidOrderId,
        RdtError::InvalidPathId,
        RdtError::NoPathParameter {
            op: Op::OrdersGetOrders,
        },
        RdtError::ReportTypeNotRestricted,
        RdtError::InvalidTargetApplication,
    ];
    let mut codes: Vec<&str> = errors.iter().map(RdtError::code).collect();
    for e in &errors {
        let m = e.message();
        assert!(m.ja.ends_with('。') && m.en.ends_with('.'), "{e:?}");
        assert!(e
            .code()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_'));
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), errors.len());
    for w in RdtWarning::ALL {
        assert!(w.message().ja.ends_with('。') && w.message().en.ends_with('.'));
    }
}
