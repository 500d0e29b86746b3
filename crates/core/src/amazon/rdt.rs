//! The restricted-data token (RDT) request: from what the user's work needs, in plain words, to
//! the body of `POST /tokens/2021-03-01/restrictedDataToken`, with seed 003's rules:
//! - `dataElements` only for getOrders, getOrder and getOrderItems (and required there);
//! - getReportDocument only with a specific document ID, never a generic path;
//! - generic paths (`{orderId}`, `{shipmentId}`, `{purchaseOrderNumber}`) everywhere else;
//! - at most 50 resources, duplicates merged (same method and path: union of `dataElements`);
//! - a warning as the estimated token size nears 7 KB; optional `targetApplication`.
//!
//! The RDT itself is valid 1 hour and is never stored.

mod error;
mod ops;
mod path;
mod roles;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use error::{RdtError, RdtWarning};
pub use ops::{
    is_restricted_report_type, operation_for, Account, DataElement, Method, Op,
    RestrictedOperation, RESTRICTED_OPERATIONS, RESTRICTED_REPORT_TYPES,
};
pub use path::{check_report_document_id, is_order_id, MAX_PATH_ID_LEN};
pub use roles::{describe_roles, role_requirements, roles_needed, Role, RoleRequirement};

use crate::lang::Text;

/// The Tokens API endpoint (method POST), relative to the regional SP-API host.
pub const TOKENS_PATH: &str = "/tokens/2021-03-01/restrictedDataToken";
/// Most restricted resources one request may carry (Tokens API model: "Maximum: 50").
pub const MAX_RESOURCES: usize = 50;
/// An RDT's lifetime when the response gives no `expiresIn` (seed 003: "RDTは1時間有効です").
pub const RDT_VALIDITY_SECS: i64 = 3600;

/// What the user's work needs, in plain words. The serialized form is stable (IPC).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Need {
    /// 注文の購入者情報: getOrders and getOrder (any order) with `buyerInfo`.
    OrderBuyerInfo,
    /// 配送先住所: getOrders and getOrder (any order) with `shippingAddress`.
    ShippingAddress,
    /// 注文商品の購入者情報: getOrderItems (any order) with `buyerInfo`.
    OrderItemsBuyerInfo,
    /// 購入者の税情報: getOrders and getOrder (any order) with `buyerTaxInformation`.
    BuyerTaxInformation,
    /// 出荷ラベル (出品者出荷): Merchant Fulfillment createShipment, getShipment, cancelShipment.
    ShippingLabel,
    /// 直送の出荷ラベル (vendors): Direct Fulfillment createShippingLabels and getShippingLabel.
    VendorShippingLabel,
    /// A restricted report's document, by its ID: getReportDocument with a specific path.
    ReportDocument {
        /// The reportDocumentId the Reports API returned.
        #[serde(rename = "reportDocumentId")]
        report_document_id: String,
        /// The report type, if known; it must be one of the restricted report types.
        #[serde(rename = "reportType")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        report_type: Option<String>,
    },
    /// Any restricted operation of seed 003, for one identifier or (when `id` is empty) all.
    Operation {
        /// The operation.
        op: Op,
        /// The order ID, shipment ID or purchase order number; none for the generic path.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        id: Option<String>,
        /// The data elements (only getOrders, getOrder, getOrderItems take them).
        #[serde(rename = "dataElements", default)]
        #[ts(as = "Option<Vec<DataElement>>", optional)]
        data_elements: Vec<DataElement>,
    },
}

impl Need {
    /// The needs offered as plain choices, in display order.
    pub const PLAIN: [Need; 6] = [
        Need::OrderBuyerInfo,
        Need::ShippingAddress,
        Need::OrderItemsBuyerInfo,
        Need::BuyerTaxInformation,
        Need::ShippingLabel,
        Need::VendorShippingLabel,
    ];

    /// What it is, in plain words.
    pub fn label(&self) -> Text {
        match self {
            Need::OrderBuyerInfo => Text::new("注文の購入者情報", "Buyer information of orders"),
            Need::ShippingAddress => Text::new("配送先住所", "Shipping addresses"),
            Need::OrderItemsBuyerInfo => {
                Text::new("注文商品の購入者情報", "Buyer information of order items")
            }
            Need::BuyerTaxInformation => Text::new("購入者の税情報", "Buyers' tax information"),
            Need::ShippingLabel => Text::new("出荷ラベル", "Shipping labels"),
            Need::VendorShippingLabel => Text::new(
                "直送の出荷ラベル（ベンダー）",
                "Direct fulfillment shipping labels (vendor)",
            ),
            Need::ReportDocument { .. } => ops::Op::ReportsGetReportDocument.spec().label,
            Need::Operation { op, .. } => op.spec().label,
        }
    }

    /// The operations and data elements a plain need stands for (generic paths); empty for
    /// [`Need::ReportDocument`] and [`Need::Operation`].
    pub fn plan(&self) -> &'static [(Op, &'static [DataElement])] {
        const BUYER: &[DataElement] = &[DataElement::BuyerInfo];
        const ADDRESS: &[DataElement] = &[DataElement::ShippingAddress];
        const TAX: &[DataElement] = &[DataElement::BuyerTaxInformation];
        match self {
            Need::OrderBuyerInfo => &[(Op::OrdersGetOrders, BUYER), (Op::OrdersGetOrder, BUYER)],
            Need::ShippingAddress => &[
                (Op::OrdersGetOrders, ADDRESS),
                (Op::OrdersGetOrder, ADDRESS),
            ],
            Need::OrderItemsBuyerInfo => &[(Op::OrdersGetOrderItems, BUYER)],
            Need::BuyerTaxInformation => &[(Op::OrdersGetOrders, TAX), (Op::OrdersGetOrder, TAX)],
            Need::ShippingLabel => &[
                (Op::MfnCreateShipment, &[]),
                (Op::MfnGetShipment, &[]),
                (Op::MfnCancelShipment, &[]),
            ],
            Need::VendorShippingLabel => &[
                (Op::DfShippingCreateShippingLabels, &[]),
                (Op::DfShipping2021GetShippingLabel, &[]),
            ],
            Need::ReportDocument { .. } | Need::Operation { .. } => &[],
        }
    }

    /// The restricted resources this need asks for, checked against seed 003's rules.
    pub fn resources(&self) -> Result<Vec<RestrictedResource>, RdtError> {
        match self {
            Need::ReportDocument {
                report_document_id,
                report_type,
            } => {
                if let Some(t) = report_type.as_deref().map(str::trim) {
                    if !t.is_empty() && !is_restricted_report_type(t) {
                        return Err(RdtError::ReportTypeNotRestricted);
                    }
                }
                let op = Op::ReportsGetReportDocument;
                Ok(vec![resource(op, Some(report_document_id), &[])?])
            }
            Need::Operation {
                op,
                id,
                data_elements,
            } => Ok(vec![resource(*op, id.as_deref(), data_elements)?]),
            plain => plain
                .plan()
                .iter()
                .map(|(op, elements)| resource(*op, None, elements))
                .collect(),
        }
    }
}

/// One operation's resource after checking its path and data elements.
fn resource(
    op: Op,
    id: Option<&str>,
    data_elements: &[DataElement],
) -> Result<RestrictedResource, RdtError> {
    let spec = op.spec();
    let path = path::resolve(spec, id)?;
    if spec.data_elements.is_empty() && !data_elements.is_empty() {
        return Err(RdtError::DataElementsNotAllowed { op });
    }
    if !spec.data_elements.is_empty() && data_elements.is_empty() {
        return Err(RdtError::DataElementsRequired { op });
    }
    if let Some(&element) = data_elements
        .iter()
        .find(|d| !spec.data_elements.contains(d))
    {
        return Err(RdtError::DataElementNotSupported { op, element });
    }
    let mut data_elements = data_elements.to_vec();
    data_elements.sort();
    data_elements.dedup();
    Ok(RestrictedResource {
        method: spec.method,
        path,
        data_elements,
    })
}

/// One restricted resource, as the Tokens API 2021-03-01 expects it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestrictedResource {
    /// The HTTP method of the restricted operation.
    pub method: Method,
    /// Its path, generic (`/orders/v0/orders/{orderId}`) or specific.
    pub path: String,
    /// The kinds of PII asked for; omitted when empty. In [`DataElement::ALL`] order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<DataElement>>", optional)]
    pub data_elements: Vec<DataElement>,
}

/// The body of `POST /tokens/2021-03-01/restrictedDataToken`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RdtRequest {
    /// 1 to 50 distinct resources, in the order first asked for.
    pub restricted_resources: Vec<RestrictedResource>,
    /// The delegatee application's ID, when delegating access (seed 003 「権限の委任」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub target_application: Option<String>,
}

/// Builds the request for `needs`, merging duplicates, or says which rule it breaks.
/// An empty or whitespace-only `target_application` counts as none.
pub fn build_request(
    needs: &[Need],
    target_application: Option<&str>,
) -> Result<RdtRequest, RdtError> {
    if needs.is_empty() {
        return Err(RdtError::Empty);
    }
    let target_application = match target_application.map(path::clean_id) {
        Some(app) if app.is_empty() => None,
        Some(app) if is_application_id(&app) => Some(app),
        Some(_) => return Err(RdtError::InvalidTargetApplication),
        None => None,
    };
    let mut merged: Vec<RestrictedResource> = Vec::new();
    for need in needs {
        for r in need.resources()? {
            match merged
                .iter_mut()
                .find(|m| m.method == r.method && m.path == r.path)
            {
                Some(existing) => {
                    existing.data_elements.extend(r.data_elements);
                    existing.data_elements.sort();
                    existing.data_elements.dedup();
                }
                None => merged.push(r),
            }
        }
    }
    if merged.len() > MAX_RESOURCES {
        return Err(RdtError::TooManyResources {
            count: merged.len(),
        });
    }
    Ok(RdtRequest {
        restricted_resources: merged,
        target_application,
    })
}

/// `amzn1.` + letters, digits, `.`, `-`, `_` (e.g. `amzn1.sellerapps.app.…`, `amzn1.sp.solution.…`).
fn is_application_id(id: &str) -> bool {
    id.strip_prefix("amzn1.").is_some_and(|rest| {
        !rest.is_empty()
            && id.len() <= MAX_PATH_ID_LEN
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    })
}

// Token size estimate.
//
// Seed 003: the RDT grows with the number of restricted resources, and "the maximum size of the
// restricted data token before encoding and encryption cannot exceed 7kb without risk of
// failure". Amazon does not document what the token holds, and the tokens in its examples are
// shortened placeholders, so the model below is NOT calibrated against real tokens. It assumes
// the plaintext carries every resource roughly as the request does (method, path, each data
// element name), plus some framing per resource and a fixed block of claims (seller, application,
// delegatee, issue and expiry times, signature). The constants are chosen to over-estimate, and
// "7 KB" is read as 7,000 bytes (the smaller reading), so the warning comes early, never late.

/// Bytes assumed for the token's own claims, whatever the resources.
pub const TOKEN_FIXED_BYTES: usize = 512;
/// Bytes assumed for framing each resource (field names, separators).
pub const TOKEN_PER_RESOURCE_BYTES: usize = 32;
/// Bytes assumed for framing each data element.
pub const TOKEN_PER_ELEMENT_BYTES: usize = 4;
/// The limit of seed 003, "7 KB", read as 7,000 bytes.
pub const TOKEN_SIZE_LIMIT_BYTES: usize = 7_000;
/// From this estimate on, [`RdtWarning::TokenSizeNearLimit`] (80 % of the limit).
pub const TOKEN_SIZE_WARNING_BYTES: usize = TOKEN_SIZE_LIMIT_BYTES * 4 / 5;

/// The estimated size of the resulting token before encoding and encryption (see the model above).
pub fn estimated_token_bytes(request: &RdtRequest) -> usize {
    let resources: usize = request
        .restricted_resources
        .iter()
        .map(|r| {
            TOKEN_PER_RESOURCE_BYTES
                + r.method.as_str().len()
                + r.path.len()
                + r.data_elements
                    .iter()
                    .map(|d| d.as_str().len() + TOKEN_PER_ELEMENT_BYTES)
                    .sum::<usize>()
        })
        .sum();
    let target = request.target_application.as_ref().map_or(0, String::len);
    TOKEN_FIXED_BYTES + target + resources
}

impl RdtRequest {
    /// What to check before sending: the size estimate and mixed seller/vendor resources.
    pub fn warnings(&self) -> Vec<RdtWarning> {
        let mut out = Vec::new();
        let size = estimated_token_bytes(self);
        if size > TOKEN_SIZE_LIMIT_BYTES {
            out.push(RdtWarning::TokenSizeOverLimit);
        } else if size >= TOKEN_SIZE_WARNING_BYTES {
            out.push(RdtWarning::TokenSizeNearLimit);
        }
        let accounts: Vec<Account> = self
            .restricted_resources
            .iter()
            .filter_map(|r| operation_for(r.method, &r.path).map(|o| o.account))
            .collect();
        if accounts.contains(&Account::Seller) && accounts.contains(&Account::Vendor) {
            out.push(RdtWarning::MixesSellerAndVendor);
        }
        out
    }
}

/// Until when a received RDT is valid: `received_at` + `expiresIn` seconds (1 hour when absent;
/// a negative value counts as 0).
pub fn rdt_valid_until(received_at: DateTime<Utc>, expires_in: Option<i64>) -> DateTime<Utc> {
    let secs = expires_in.unwrap_or(RDT_VALIDITY_SECS).max(0);
    Duration::try_seconds(secs)
        .and_then(|d| received_at.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// `HH:MM` in Japan time, for 「有効期限 HH:MM」.
pub fn format_hhmm_jst(t: DateTime<Utc>) -> String {
    t.with_timezone(&crate::expiry::jst())
        .format("%H:%M")
        .to_string()
}
