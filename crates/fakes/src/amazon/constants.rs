//! The paths, roles, bodies and rates the fake answers with (api-facts §2).

/// The LWA token endpoint.
pub const TOKEN_PATH: &str = "/auth/o2/token";
/// getMarketplaceParticipations.
pub const PARTICIPATIONS_PATH: &str = "/sellers/v1/marketplaceParticipations";
/// createRestrictedDataToken.
pub const RESTRICTED_DATA_TOKEN_PATH: &str = "/tokens/2021-03-01/restrictedDataToken";
/// The Japan marketplace id.
pub const JAPAN_MARKETPLACE_ID: &str = "A1VC38T7YXB528";

/// Needed for shipping address information.
pub const ROLE_DIRECT_TO_CONSUMER_SHIPPING: &str = "Direct-to-Consumer Shipping";
/// One of the two roles for buyer information.
pub const ROLE_TAX_REMITTANCE: &str = "Tax Remittance";
/// One of the two roles for buyer information; also for buyer tax information.
pub const ROLE_TAX_INVOICING: &str = "Tax Invoicing";

/// api-facts §2.2, revoked/expired/invalid refresh token (HTTP 400).
pub const INVALID_GRANT_BODY: &str = r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."}"#;
/// api-facts §2.2, wrong client secret (HTTP 401).
pub const INVALID_CLIENT_BODY: &str =
    r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
/// 403 for a restricted resource the app has no role for.
pub const ACCESS_DENIED_BODY: &str = r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]}"#;
/// `details` of the 403 for an expired access token.
pub const EXPIRED_TOKEN_DETAILS: &str = "The access token you provided has expired.";
/// `details` of the 403 for an unknown access token.
pub const INVALID_TOKEN_DETAILS: &str =
    "The access token you provided is revoked, malformed or invalid.";
/// `details` of the 403 without an access token.
pub const MISSING_TOKEN_DETAILS: &str = "Access token is missing in the request header.";

/// The usage-plan rate of getMarketplaceParticipations (requests per second).
pub const PARTICIPATIONS_RATE_LIMIT: &str = "0.016";
/// The usage-plan rate of createRestrictedDataToken (requests per second).
pub const RDT_RATE_LIMIT: &str = "1.0";

/// The media type of a JSON request body.
pub(super) const JSON: &str = "application/json";
/// The media type of a form request body.
pub(super) const FORM: &str = "application/x-www-form-urlencoded";
