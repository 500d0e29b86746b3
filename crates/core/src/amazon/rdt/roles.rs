//! The SP-API roles behind restricted data, for explaining Amazon's refusal (403) of an RDT.
//!
//! Seed 003's prerequisites: 購入者への直送 (Direct-to-Consumer Shipping) for shipping address
//! information; 税金送金 (Tax Remittance) and 税金請求 (Tax Invoicing) for buyer information,
//! "depending on your use case, you might need approval for only one of these roles".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ops::is_restricted_report_type;
use super::{Need, RESTRICTED_REPORT_TYPES};
use crate::lang::{Lang, Text};

/// A restricted SP-API role. The serialized names are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 購入者への直送 (Direct-to-Consumer Shipping): shipping addresses, labels.
    DirectToConsumerShipping,
    /// 税金送金 (Tax Remittance): buyer and tax information.
    TaxRemittance,
    /// 税金請求 (Tax Invoicing): buyer and tax information for invoices.
    TaxInvoicing,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 3] = [
        Role::DirectToConsumerShipping,
        Role::TaxRemittance,
        Role::TaxInvoicing,
    ];

    /// The stable snake_case name (same as serde).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::DirectToConsumerShipping => "direct_to_consumer_shipping",
            Role::TaxRemittance => "tax_remittance",
            Role::TaxInvoicing => "tax_invoicing",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The role's name as Seller Central / the Developer Profile shows it.
    pub fn label(self) -> Text {
        match self {
            Role::DirectToConsumerShipping => {
                Text::new("購入者への直送", "Direct-to-Consumer Shipping")
            }
            Role::TaxRemittance => Text::new("税金送金", "Tax Remittance"),
            Role::TaxInvoicing => Text::new("税金請求", "Tax Invoicing"),
        }
    }
}

impl Need {
    /// The roles of which ONE gives access to what this need asks for (seed 003: buyer
    /// information needs Tax Remittance or Tax Invoicing, addresses need Direct-to-Consumer
    /// Shipping). In [`Role::ALL`] order.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = match self {
            Need::ReportDocument {
                report_type: Some(t),
                ..
            } if is_restricted_report_type(t.trim()) => RESTRICTED_REPORT_TYPES
                .iter()
                .find(|(name, _)| *name == t.trim())
                .map(|(_, roles)| roles.to_vec())
                .unwrap_or_default(),
            // Without the report type any of the three may be the one.
            Need::ReportDocument { .. } => Role::ALL.to_vec(),
            Need::Operation {
                op, data_elements, ..
            } if !data_elements.is_empty() && !op.spec().data_elements.is_empty() => data_elements
                .iter()
                .flat_map(|d| d.roles())
                .copied()
                .collect(),
            Need::Operation { op, .. } => op.spec().roles.to_vec(),
            plain => plain
                .plan()
                .iter()
                .flat_map(|(op, elements)| {
                    if elements.is_empty() {
                        op.spec().roles.to_vec()
                    } else {
                        elements.iter().flat_map(|d| d.roles()).copied().collect()
                    }
                })
                .collect(),
        };
        roles.sort();
        roles.dedup();
        roles
    }
}

/// Every role that may be missing when Amazon refuses an RDT for `needs`: the union of each
/// need's [`Need::roles`], in [`Role::ALL`] order.
pub fn roles_needed(needs: &[Need]) -> Vec<Role> {
    let mut roles: Vec<Role> = needs.iter().flat_map(Need::roles).collect();
    roles.sort();
    roles.dedup();
    roles
}

/// One need and the roles of which one it requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRequirement {
    /// What the user asked for, in plain words.
    pub need: Text,
    /// One of these roles is enough.
    pub any_of: Vec<Role>,
}

/// For each need (duplicates removed), the roles of which one it requires.
pub fn role_requirements(needs: &[Need]) -> Vec<RoleRequirement> {
    let mut out: Vec<RoleRequirement> = Vec::new();
    for need in needs {
        let req = RoleRequirement {
            need: need.label(),
            any_of: need.roles(),
        };
        if !out.contains(&req) {
            out.push(req);
        }
    }
    out
}

/// One line per need: 「注文の購入者情報: 税金送金 または 税金請求」 /
/// "Buyer information of orders: Tax Remittance or Tax Invoicing".
pub fn describe_roles(needs: &[Need], lang: Lang) -> String {
    let or = match lang {
        Lang::Ja => " または ",
        Lang::En => " or ",
    };
    role_requirements(needs)
        .iter()
        .map(|r| {
            let roles: Vec<&str> = r.any_of.iter().map(|x| x.label().get(lang)).collect();
            format!("{}: {}", r.need.get(lang), roles.join(or))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
