//! Seed 003 (Tokens API use-case guide, 2021-03-01) as data: every restricted operation it lists,
//! with the HTTP method and path template of the SP-API models, and the restricted report types.
//!
//! The guide names operations only; methods and paths come from `amzn/selling-partner-api-models`.
//! Two notes on the guide's Japanese list, kept as it is:
//! - 「出品者出荷注文API」 and 「出品者出荷配送API」 are the Direct Fulfillment (vendor) Orders and
//!   Shipping APIs v1 (their operations and the v2021-12-28 groups next to them say so).
//! - `createShippingLabels` is listed in the v1 group, but only v2021-12-28 has that operation, so
//!   its path is the v2021-12-28 one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::roles::Role;
use crate::lang::Text;

/// The HTTP method of a restricted resource (the Tokens API accepts these four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
}

impl Method {
    /// The method as sent (`GET` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A kind of PII in `dataElements`, only for getOrders, getOrder and getOrderItems.
/// The declaration order is the order used in requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DataElement {
    /// `buyerInfo`: buyer identity and tax data (orders), gift wrap and custom data (items).
    BuyerInfo,
    /// `shippingAddress`: the address to ship to.
    ShippingAddress,
    /// `buyerTaxInformation`: data for issuing tax invoices.
    BuyerTaxInformation,
}

impl DataElement {
    /// Every data element, in request order.
    pub const ALL: [DataElement; 3] = [
        DataElement::BuyerInfo,
        DataElement::ShippingAddress,
        DataElement::BuyerTaxInformation,
    ];

    /// The name as sent (`buyerInfo` …).
    pub fn as_str(self) -> &'static str {
        match self {
            DataElement::BuyerInfo => "buyerInfo",
            DataElement::ShippingAddress => "shippingAddress",
            DataElement::BuyerTaxInformation => "buyerTaxInformation",
        }
    }

    /// The roles of which one gives access to this data (seed 003 prerequisites; for
    /// `buyerTaxInformation`, which the guide does not cover, both tax roles).
    pub fn roles(self) -> &'static [Role] {
        match self {
            DataElement::BuyerInfo => &[Role::TaxRemittance, Role::TaxInvoicing],
            DataElement::ShippingAddress => &[Role::DirectToConsumerShipping],
            DataElement::BuyerTaxInformation => &[Role::TaxInvoicing, Role::TaxRemittance],
        }
    }
}

/// Whose APIs: a seller's or a vendor's. Seed 003: for a seller, do not request vendor APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Account {
    /// Seller (出品者) APIs.
    Seller,
    /// Vendor (ベンダー) APIs: Direct Fulfillment.
    Vendor,
}

/// A restricted operation of seed 003. The serialized names are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Direct Fulfillment Orders v1 getOrders (vendor).
    DfOrdersV1GetOrders,
    /// Direct Fulfillment Orders v1 getOrder (vendor).
    DfOrdersV1GetOrder,
    /// Direct Fulfillment Orders v2021-12-28 getOrders (vendor).
    DfOrders2021GetOrders,
    /// Direct Fulfillment Orders v2021-12-28 getOrder (vendor).
    DfOrders2021GetOrder,
    /// Direct Fulfillment Shipping v1 getShippingLabel (vendor).
    DfShippingV1GetShippingLabel,
    /// Direct Fulfillment Shipping v1 getShippingLabels (vendor).
    DfShippingV1GetShippingLabels,
    /// Direct Fulfillment Shipping v1 getPackingSlip (vendor).
    DfShippingV1GetPackingSlip,
    /// Direct Fulfillment Shipping v1 getPackingSlips (vendor).
    DfShippingV1GetPackingSlips,
    /// Direct Fulfillment Shipping v1 getCustomerInvoice (vendor).
    DfShippingV1GetCustomerInvoice,
    /// Direct Fulfillment Shipping v1 getCustomerInvoices (vendor).
    DfShippingV1GetCustomerInvoices,
    /// Direct Fulfillment Shipping createShippingLabels (vendor; v2021-12-28 path).
    DfShippingCreateShippingLabels,
    /// Direct Fulfillment Shipping v2021-12-28 getShippingLabel (vendor).
    DfShipping2021GetShippingLabel,
    /// Direct Fulfillment Shipping v2021-12-28 getCustomerInvoices (vendor).
    DfShipping2021GetCustomerInvoices,
    /// Direct Fulfillment Shipping v2021-12-28 getCustomerInvoice (vendor).
    DfShipping2021GetCustomerInvoice,
    /// Direct Fulfillment Shipping v2021-12-28 getPackingSlips (vendor).
    DfShipping2021GetPackingSlips,
    /// Direct Fulfillment Shipping v2021-12-28 getPackingSlip (vendor).
    DfShipping2021GetPackingSlip,
    /// Easy Ship v2022-03-23 createScheduledPackageBulk.
    EasyShipCreateScheduledPackageBulk,
    /// Merchant Fulfillment getShipment.
    MfnGetShipment,
    /// Merchant Fulfillment cancelShipment.
    MfnCancelShipment,
    /// Merchant Fulfillment cancelShipmentOld.
    MfnCancelShipmentOld,
    /// Merchant Fulfillment createShipment.
    MfnCreateShipment,
    /// Orders v0 getOrders (takes dataElements).
    OrdersGetOrders,
    /// Orders v0 getOrder (takes dataElements).
    OrdersGetOrder,
    /// Orders v0 getOrderItems (takes dataElements: buyerInfo).
    OrdersGetOrderItems,
    /// Orders v0 getOrderRegulatedInfo.
    OrdersGetOrderRegulatedInfo,
    /// Orders v0 getOrderAddress.
    OrdersGetOrderAddress,
    /// Orders v0 getOrderBuyerInfo.
    OrdersGetOrderBuyerInfo,
    /// Orders v0 getOrderItemsBuyerInfo.
    OrdersGetOrderItemsBuyerInfo,
    /// Reports 2021-06-30 getReportDocument (specific path only).
    ReportsGetReportDocument,
    /// Shipment Invoicing v0 getShipmentDetails.
    ShipmentInvoicingGetShipmentDetails,
    /// Shipping v1 getShipment.
    ShippingGetShipment,
}

impl Op {
    /// This operation's row in [`RESTRICTED_OPERATIONS`].
    pub fn spec(self) -> &'static RestrictedOperation {
        RESTRICTED_OPERATIONS
            .iter()
            .find(|o| o.op == self)
            .expect("every Op has a row")
    }
}

/// One restricted operation: what the Tokens API needs to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestrictedOperation {
    /// Its id.
    pub op: Op,
    /// The API, as seed 003 heads it (Japanese) and its English name with version.
    pub api: Text,
    /// The SP-API operationId (`getOrders` …).
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template; at most one `{parameter}`.
    pub path: &'static str,
    /// The `dataElements` it accepts; empty for all but getOrders, getOrder, getOrderItems.
    pub data_elements: &'static [DataElement],
    /// Only a specific path is accepted (getReportDocument), never a generic one.
    pub specific_only: bool,
    /// Seller or vendor API.
    pub account: Account,
    /// Roles of which one is needed when no `dataElements` apply (inferred from the data the
    /// operation returns where seed 003 is silent).
    pub roles: &'static [Role],
    /// What it gives, in plain words.
    pub label: Text,
}

impl RestrictedOperation {
    /// The `{parameter}` in the path, without braces (`orderId`), if any.
    pub fn parameter(&self) -> Option<&'static str> {
        let start = self.path.find('{')?;
        let end = self.path.find('}')?;
        Some(&self.path[start + 1..end])
    }

    /// Whether `path` is this operation's path, generic or with a specific identifier.
    pub fn matches(&self, method: Method, path: &str) -> bool {
        let mut template = self.path.split('/');
        let mut actual = path.split('/');
        method == self.method
            && loop {
                match (template.next(), actual.next()) {
                    (None, None) => break true,
                    (Some(t), Some(a)) if t.starts_with('{') && !a.is_empty() => {}
                    (Some(t), Some(a)) if t == a => {}
                    _ => break false,
                }
            }
    }
}

/// The operation a restricted resource is for, if it is one of seed 003's.
pub fn operation_for(method: Method, path: &str) -> Option<&'static RestrictedOperation> {
    RESTRICTED_OPERATIONS
        .iter()
        .find(|o| o.matches(method, path))
}

/// Whether `report_type` (e.g. `GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING`) is restricted: only
/// then does getReportDocument need an RDT.
pub fn is_restricted_report_type(report_type: &str) -> bool {
    RESTRICTED_REPORT_TYPES
        .iter()
        .any(|(t, _)| *t == report_type)
}

const ORDER_ELEMENTS: &[DataElement] = &DataElement::ALL;
const ITEM_ELEMENTS: &[DataElement] = &[DataElement::BuyerInfo];
const D2C: &[Role] = &[Role::DirectToConsumerShipping];
const TAX: &[Role] = &[Role::TaxRemittance, Role::TaxInvoicing];
const ALL_ROLES: &[Role] = &Role::ALL;

const DF_ORDERS_V1: Text = Text::new("出品者出荷注文API", "Direct Fulfillment Orders API v1");
const DF_ORDERS_2021: Text = Text::new(
    "ダイレクト・フルフィルメント・オーダー API v2021-12-28",
    "Direct Fulfillment Orders API v2021-12-28",
);
const DF_SHIPPING_V1: Text = Text::new("出品者出荷配送API", "Direct Fulfillment Shipping API v1");
const DF_SHIPPING_2021: Text = Text::new(
    "ダイレクト・フルフィルメント・シッピング API v2021-12-28",
    "Direct Fulfillment Shipping API v2021-12-28",
);
const EASY_SHIP: Text = Text::new("Easy Ship API v2022-03-23", "Easy Ship API v2022-03-23");
const MFN: Text = Text::new("出品者出荷API", "Merchant Fulfillment API v0");
const ORDERS: Text = Text::new("注文API", "Orders API v0");
const REPORTS: Text = Text::new("レポートAPI", "Reports API 2021-06-30");
const SHIPMENT_INVOICING: Text = Text::new("出荷請求", "Shipment Invoicing API v0");
const SHIPPING: Text = Text::new("配送API", "Shipping API v1");

/// One table row; `specific_only` is false except for getReportDocument.
#[allow(clippy::too_many_arguments)]
const fn row(
    op: Op,
    api: Text,
    name: &'static str,
    method: Method,
    path: &'static str,
    data_elements: &'static [DataElement],
    account: Account,
    roles: &'static [Role],
    label: Text,
) -> RestrictedOperation {
    RestrictedOperation {
        op,
        api,
        name,
        method,
        path,
        data_elements,
        specific_only: false,
        account,
        roles,
        label,
    }
}

mod table;
pub use table::{RESTRICTED_OPERATIONS, RESTRICTED_REPORT_TYPES};
