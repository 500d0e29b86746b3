//! Properties of the RDT request builder over any choice of needs.

use std::collections::HashSet;

use kagiban_core::amazon::rdt::*;
use proptest::prelude::*;

/// A valid identifier for an operation's path parameter, or none (generic path).
fn id_for(spec: &'static RestrictedOperation) -> BoxedStrategy<Option<String>> {
    match spec.parameter() {
        None => Just(None).boxed(),
        Some("orderId") => {
            prop_oneof![Just(None), "[1-9][0-9]{2}-[0-9]{7}-[0-9]{7}".prop_map(Some),].boxed()
        }
        Some("reportDocumentId") => "amzn1\\.spdoc\\.1\\.4\\.fe\\.[0-9a-f]{8}-[0-9a-f]{4}"
            .prop_map(Some)
            .boxed(),
        Some(_) => prop_oneof![Just(None), "[A-Z]{2}[0-9]{2,10}".prop_map(Some)].boxed(),
    }
}

/// A valid, non-empty choice of the operation's data elements (empty where none are taken).
fn elements_for(spec: &'static RestrictedOperation) -> BoxedStrategy<Vec<DataElement>> {
    if spec.data_elements.is_empty() {
        return Just(Vec::new()).boxed();
    }
    proptest::sample::subsequence(spec.data_elements.to_vec(), 1..=spec.data_elements.len())
        .prop_shuffle()
        .boxed()
}

fn any_need() -> impl Strategy<Value = Need> {
    let plain = proptest::sample::select(Need::PLAIN.to_vec());
    let operation =
        proptest::sample::select(RESTRICTED_OPERATIONS.to_vec()).prop_flat_map(|spec| {
            let spec = spec.op.spec();
            (id_for(spec), elements_for(spec)).prop_map(move |(id, data_elements)| {
                Need::Operation {
                    op: spec.op,
                    id,
                    data_elements,
                }
            })
        });
    let report = "amzn1\\.spdoc\\.[0-9a-f]{12}".prop_map(|id| Need::ReportDocument {
        report_document_id: id,
        report_type: None,
    });
    prop_oneof![3 => plain, 5 => operation, 1 => report]
}

fn check_valid(request: &RdtRequest) {
    let resources = &request.restricted_resources;
    assert!(!resources.is_empty() && resources.len() <= MAX_RESOURCES);
    let keys: HashSet<(Method, &str)> = resources
        .iter()
        .map(|r| (r.method, r.path.as_str()))
        .collect();
    assert_eq!(keys.len(), resources.len(), "resources are unique");
    for r in resources {
        let spec =
            operation_for(r.method, &r.path).expect("every resource is a seed 003 operation");
        let mut sorted = r.data_elements.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            sorted, r.data_elements,
            "data elements sorted, no duplicates"
        );
        assert!(r
            .data_elements
            .iter()
            .all(|d| spec.data_elements.contains(d)));
        assert_eq!(r.data_elements.is_empty(), spec.data_elements.is_empty());
        if spec.specific_only {
            assert!(!r.path.contains('{'), "specific path only: {}", r.path);
        }
        assert!(r
            .path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/{}.-_".contains(c)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_choice_of_needs_builds_a_valid_request(needs in proptest::collection::vec(any_need(), 1..16)) {
        let request = build_request(&needs, None).unwrap();
        check_valid(&request);
        let json = serde_json::to_value(&request).unwrap();
        prop_assert!(json.get("targetApplication").is_none());
        let back: RdtRequest = serde_json::from_value(json).unwrap();
        prop_assert_eq!(back, request);
    }

    #[test]
    fn duplicating_needs_changes_nothing(needs in proptest::collection::vec(any_need(), 1..16)) {
        let once = build_request(&needs, Some("amzn1.sellerapps.app.x")).unwrap();
        let mut twice = needs.clone();
        twice.extend(needs.iter().cloned());
        prop_assert_eq!(&build_request(&twice, Some("amzn1.sellerapps.app.x")).unwrap(), &once);
        // The order of the needs changes only the order of the resources.
        let mut reordered = needs.clone();
        reordered.reverse();
        let other = build_request(&reordered, Some("amzn1.sellerapps.app.x")).unwrap();
        let a: HashSet<_> = once.restricted_resources.iter().collect();
        let b: HashSet<_> = other.restricted_resources.iter().collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn limit_is_fifty_distinct_resources(ids in proptest::collection::vec(0u32..120, 1..130)) {
        let needs: Vec<Need> = ids
            .iter()
            .map(|n| Need::Operation {
                op: Op::OrdersGetOrderItems,
                id: Some(format!("503-{:07}-1234567", n + 1)),
                data_elements: vec![DataElement::BuyerInfo],
            })
            .collect();
        let distinct = ids.iter().collect::<HashSet<_>>().len();
        match build_request(&needs, None) {
            Ok(r) => prop_assert!(distinct <= 50 && r.restricted_resources.len() == distinct),
            Err(e) => prop_assert_eq!(e, RdtError::TooManyResources { count: distinct }),
        }
    }

    #[test]
    fn arbitrary_identifiers_never_escape_the_path(id in "\\PC{0,40}", pick in 0usize..31) {
        let spec = &RESTRICTED_OPERATIONS[pick];
        let need = Need::Operation {
            op: spec.op,
            id: Some(id),
            data_elements: spec.data_elements.to_vec(),
        };
        if let Ok(r) = build_request(&[need], None) {
            check_valid(&r);
            let path = &r.restricted_resources[0].path;
            prop_assert_eq!(path.matches('/').count(), spec.path.matches('/').count());
        }
    }
}
