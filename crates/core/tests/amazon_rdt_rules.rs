//! The RDT request builder's rules from seed 003: report documents only by a specific ID,
//! dataElements only where allowed, identifiers in paths.

use kagiban_core::amazon::rdt::*;

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

use DataElement::{BuyerInfo, BuyerTaxInformation, ShippingAddress};

#[test]
fn report_document_only_with_a_specific_id() {
    let cases: &[(Need, RdtError)] = &[
        (
            op(Op::ReportsGetReportDocument, None, &[]),
            RdtError::GenericPathNotAllowed,
        ),
        (
            op(
                Op::ReportsGetReportDocument,
                Some("{reportDocumentId}"),
                &[],
            ),
            RdtError::GenericPathNotAllowed,
        ),
        (
            report("{reportDocumentId}"),
            RdtError::GenericPathNotAllowed,
        ),
        (report(""), RdtError::ReportDocumentIdMissing),
        (report(" \u{3000}\n"), RdtError::ReportDocumentIdMissing),
        (report("<reportDocumentId>"), RdtError::PlaceholderId),
        (report(":reportDocumentId"), RdtError::PlaceholderId),
        (report("reportDocumentId"), RdtError::PlaceholderId),
        (report("REPORT_DOCUMENT_ID"), RdtError::PlaceholderId),
        (report("xxxxxxxx"), RdtError::PlaceholderId),
        (
            report("amzn1.spdoc/../orders"),
            RdtError::InvalidReportDocumentId,
        ),
        (report("文書ID"), RdtError::PlaceholderId),
        (report("文書12345"), RdtError::InvalidReportDocumentId),
        (
            report(
                &"a".repeat(199)
                    .chars()
                    .chain("b".chars())
                    .chain("c".chars())
                    .collect::<String>(),
            ),
            RdtError::InvalidReportDocumentId,
        ),
        (
            op(Op::ReportsGetReportDocument, Some(DOC_ID), &[BuyerInfo]),
            RdtError::DataElementsNotAllowed {
                op: Op::ReportsGetReportDocument,
            },
        ),
    ];
    for (need, err) in cases {
        assert_eq!(
            build_request(std::slice::from_ref(need), None).as_ref(),
            Err(err),
            "{need:?}"
        );
    }
    // Pasted with quotes, full-width characters or a trailing line break: cleaned, accepted.
    let pasted = report(&format!("「{}」\n", DOC_ID.replace("amzn1", "ａｍｚｎ１")));
    assert_eq!(
        build_request(&[pasted], None),
        build_request(&[report(DOC_ID)], None)
    );
    assert_eq!(
        check_report_document_id(&format!(" {DOC_ID} ")).unwrap(),
        DOC_ID
    );
    assert!(check_report_document_id("0356cf79-b8b0-4226-b4b9-0ee058ea5760").is_ok());
}

#[test]
fn report_type_must_be_restricted_when_given() {
    let typed = |t: &str| Need::ReportDocument {
        report_document_id: DOC_ID.into(),
        report_type: Some(t.into()),
    };
    assert!(build_request(&[typed("GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING")], None).is_ok());
    assert!(build_request(&[typed("  ")], None).is_ok());
    assert_eq!(
        build_request(&[typed("GET_MERCHANT_LISTINGS_ALL_DATA")], None),
        Err(RdtError::ReportTypeNotRestricted)
    );
}

#[test]
fn data_element_rules() {
    let cases: &[(Need, RdtError)] = &[
        (
            op(Op::MfnGetShipment, None, &[ShippingAddress]),
            RdtError::DataElementsNotAllowed {
                op: Op::MfnGetShipment,
            },
        ),
        (
            op(Op::OrdersGetOrderAddress, None, &[ShippingAddress]),
            RdtError::DataElementsNotAllowed {
                op: Op::OrdersGetOrderAddress,
            },
        ),
        (
            op(Op::DfOrders2021GetOrders, None, &[BuyerInfo]),
            RdtError::DataElementsNotAllowed {
                op: Op::DfOrders2021GetOrders,
            },
        ),
        (
            op(Op::OrdersGetOrders, None, &[]),
            RdtError::DataElementsRequired {
                op: Op::OrdersGetOrders,
            },
        ),
        (
            op(Op::OrdersGetOrderItems, None, &[]),
            RdtError::DataElementsRequired {
                op: Op::OrdersGetOrderItems,
            },
        ),
        (
            op(Op::OrdersGetOrderItems, None, &[ShippingAddress]),
            RdtError::DataElementNotSupported {
                op: Op::OrdersGetOrderItems,
                element: ShippingAddress,
            },
        ),
        (
            op(
                Op::OrdersGetOrderItems,
                None,
                &[BuyerInfo, BuyerTaxInformation],
            ),
            RdtError::DataElementNotSupported {
                op: Op::OrdersGetOrderItems,
                element: BuyerTaxInformation,
            },
        ),
    ];
    for (need, err) in cases {
        assert_eq!(
            build_request(std::slice::from_ref(need), None).as_ref(),
            Err(err),
            "{need:?}"
        );
    }
    let dup = op(Op::OrdersGetOrder, None, &[BuyerInfo, BuyerInfo]);
    assert_eq!(
        build_request(&[dup], None).unwrap().restricted_resources[0].data_elements,
        [BuyerInfo]
    );
}

#[test]
fn path_identifiers() {
    let cases: &[(Need, RdtError)] = &[
        (
            op(Op::OrdersGetOrder, Some("943-12-123434"), &[BuyerInfo]),
            RdtError::InvalidOrderId,
        ),
        (
            op(Op::OrdersGetOrder, Some("<orderId>"), &[BuyerInfo]),
            RdtError::PlaceholderId,
        ),
        (
            op(
                Op::OrdersGetOrder,
                Some("000-0000000-0000000"),
                &[BuyerInfo],
            ),
            RdtError::PlaceholderId,
        ),
        (
            op(Op::MfnGetShipment, Some("FBA 12/34"), &[]),
            RdtError::InvalidPathId,
        ),
        (
            op(Op::DfOrders2021GetOrder, Some("PO#1"), &[]),
            RdtError::InvalidPathId,
        ),
        (
            op(
                Op::OrdersGetOrders,
                Some("123-1234567-1234567"),
                &[BuyerInfo],
            ),
            RdtError::NoPathParameter {
                op: Op::OrdersGetOrders,
            },
        ),
        (
            op(Op::MfnCreateShipment, Some("x1"), &[]),
            RdtError::NoPathParameter {
                op: Op::MfnCreateShipment,
            },
        ),
    ];
    for (need, err) in cases {
        assert_eq!(
            build_request(std::slice::from_ref(need), None).as_ref(),
            Err(err),
            "{need:?}"
        );
    }
    // Full-width order numbers are cleaned up; the vendor PO number keeps its own parameter.
    let fw = op(
        Op::OrdersGetOrder,
        Some("１２３－１２３４５６７－１２３４５６７"),
        &[BuyerInfo],
    );
    assert_eq!(
        build_request(&[fw], None).unwrap().restricted_resources[0].path,
        "/orders/v0/orders/123-1234567-1234567"
    );
    let po = op(Op::DfShipping2021GetPackingSlip, Some("2JK3S9VC"), &[]);
    assert_eq!(
        build_request(&[po], None).unwrap().restricted_resources[0].path,
        "/vendor/directFulfillment/shipping/2021-12-28/packingSlips/2JK3S9VC"
    );
}
