//! Which restricted-data roles a createRestrictedDataToken request needs (Tokens API guide).

use super::api::media_type;
use super::constants::{
    JSON, ROLE_DIRECT_TO_CONSUMER_SHIPPING, ROLE_TAX_INVOICING, ROLE_TAX_REMITTANCE,
};
use super::script::RecordedRequest;

const PII_ROLES: [&str; 3] = [
    ROLE_DIRECT_TO_CONSUMER_SHIPPING,
    ROLE_TAX_REMITTANCE,
    ROLE_TAX_INVOICING,
];

/// `Direct-to-Consumer Shipping` and `direct_to_consumer_shipping` (kagiban-core's id) are
/// the same role.
fn role_key(role: &str) -> String {
    role.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

pub(super) enum RdtRefusal {
    UnsupportedMediaType,
    Invalid(String),
    MissingRole,
}

/// Whether `roles` cover every restricted resource of a createRestrictedDataToken request.
pub(super) fn check_rdt_request(
    request: &RecordedRequest,
    roles: &[String],
) -> Result<(), RdtRefusal> {
    if media_type(request.content_type.as_deref()) != JSON {
        return Err(RdtRefusal::UnsupportedMediaType);
    }
    let invalid = |details: &str| RdtRefusal::Invalid(details.to_owned());
    let body: serde_json::Value = serde_json::from_str(&request.body)
        .map_err(|_| invalid("Request body is not valid JSON."))?;
    let resources = body
        .get("restrictedResources")
        .and_then(serde_json::Value::as_array)
        .filter(|r| !r.is_empty())
        .ok_or_else(|| invalid("Resource not provided."))?;
    if resources.len() > 50 {
        return Err(invalid("Too many resources: at most 50."));
    }
    for resource in resources {
        let needs = required_roles(resource).map_err(RdtRefusal::Invalid)?;
        for any_of in needs {
            if !any_of
                .iter()
                .any(|role| roles.iter().any(|r| role_key(r) == role_key(role)))
            {
                return Err(RdtRefusal::MissingRole);
            }
        }
    }
    Ok(())
}

/// For one restricted resource, the roles needed: each inner list is "any of these".
fn required_roles(resource: &serde_json::Value) -> Result<Vec<Vec<&'static str>>, String> {
    let method = resource
        .get("method")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if !matches!(method, "GET" | "PUT" | "POST" | "DELETE") {
        return Err("Invalid method: use GET, PUT, POST or DELETE.".to_owned());
    }
    let path = resource
        .get("path")
        .and_then(serde_json::Value::as_str)
        .filter(|p| p.starts_with('/'))
        .ok_or_else(|| "Invalid path.".to_owned())?;
    let elements: Vec<&str> = match resource.get("dataElements") {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_str).collect())
            .ok_or_else(|| "Invalid dataElements.".to_owned())?,
    };
    let shipping = vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING];
    let buyer = vec![ROLE_TAX_REMITTANCE, ROLE_TAX_INVOICING];
    let any_pii = PII_ROLES.to_vec();
    let mut needs = Vec::new();
    for element in &elements {
        needs.push(match *element {
            "shippingAddress" => shipping.clone(),
            "buyerInfo" => buyer.clone(),
            "buyerTaxInformation" => vec![ROLE_TAX_INVOICING],
            other => return Err(format!("Invalid dataElement: {other}.")),
        });
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    match segments.as_slice() {
        ["orders", "v0", "orders", ..] => {
            if !elements.is_empty() {
                // dataElements decide (getOrders, getOrder, getOrderItems).
            } else if segments.last() == Some(&"address") {
                needs.push(shipping);
            } else if segments.last() == Some(&"buyerInfo") {
                needs.push(buyer);
            } else {
                needs.push(any_pii);
            }
        }
        ["mfn", ..] | ["shipping", ..] | ["easyShip", ..] => needs.push(shipping),
        ["vendor", "directFulfillment", ..] => needs.push(shipping),
        ["reports", "2021-06-30", "documents", _] => {
            if path.contains('{') {
                return Err("A report document needs a specific path.".to_owned());
            }
            needs.push(any_pii);
        }
        _ => return Err("Invalid restricted resource.".to_owned()),
    }
    Ok(needs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn role_names_and_ids_match() {
        assert_eq!(
            role_key(ROLE_DIRECT_TO_CONSUMER_SHIPPING),
            "direct_to_consumer_shipping"
        );
        assert_eq!(role_key(ROLE_TAX_REMITTANCE), "tax_remittance");
        assert_eq!(role_key(" Tax Invoicing"), "tax_invoicing");
    }

    #[test]
    fn roles_follow_the_tokens_api_guide() {
        let r = |v: serde_json::Value| required_roles(&v);
        assert_eq!(
            r(json!({"method":"GET","path":"/orders/v0/orders","dataElements":["buyerInfo","shippingAddress"]})).unwrap(),
            [
                vec![ROLE_TAX_REMITTANCE, ROLE_TAX_INVOICING],
                vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]
            ]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/orders/v0/orders/{orderId}/address"})).unwrap(),
            [vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/mfn/v0/shipments/{shipmentId}"})).unwrap(),
            [vec![ROLE_DIRECT_TO_CONSUMER_SHIPPING]]
        );
        assert_eq!(
            r(json!({"method":"GET","path":"/reports/2021-06-30/documents/amzn1.spdoc.1.4.eu.x"}))
                .unwrap(),
            [PII_ROLES.to_vec()]
        );
        assert!(r(json!({"method":"GET","path":"/reports/2021-06-30/documents/{id}"})).is_err());
        assert!(r(json!({"method":"PATCH","path":"/orders/v0/orders"})).is_err());
        assert!(r(json!({"method":"GET","path":"/sellers/v1/marketplaceParticipations"})).is_err());
        assert!(
            r(json!({"method":"GET","path":"/orders/v0/orders","dataElements":["x"]})).is_err()
        );
    }
}
