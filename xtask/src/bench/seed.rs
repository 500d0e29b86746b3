//! Data for the benchmark's app: shops and credentials that need neither the keychain nor the
//! network (IDs and MWS developer access, which no API checks), so the measured processes do
//! the same work on every run.

use std::path::Path;
use std::sync::Arc;

use kagiban_core::kind::{CredentialKind, Marketplace};
use kagiban_service::keychain::MemoryKeychain;
use kagiban_service::store::Store;
use kagiban_service::views::{AcceptDetails, CandidateSource};
use kagiban_service::{Clients, Service};

/// Fills the data folder `dir` with `shops` Amazon shops of four credentials each.
pub fn seed(dir: &Path, shops: usize) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    let store = Store::open(&kagiban_service::config::db_path(dir)).map_err(|e| e.to_string())?;
    let service = Service::new(
        store,
        Arc::new(MemoryKeychain::default()),
        Clients::from_env().map_err(|e| e.to_string())?,
        kagiban_service::clock::from_env().map_err(|e| e.to_string())?,
    );
    let today = service
        .now()
        .with_timezone(&kagiban_core::expiry::jst())
        .date_naive();
    for i in 0..shops {
        let shop = service
            .add_shop(&format!("Amazon 店舗{:03}", i + 1), Marketplace::Amazon)
            .map_err(|e| e.to_string())?;
        // Granted on a different day for each shop, so expiries spread over the year.
        let granted = today - chrono::Days::new((i as u64 * 37) % 360);
        let values = [
            (
                CredentialKind::AmazonDeveloperId,
                format!("{:012}", 525_964_794_073u64 + i as u64),
            ),
            (
                CredentialKind::AmazonSellerId,
                format!("A{}", base36(i as u64 + 1_000_000, 13)),
            ),
            (
                CredentialKind::AmazonMarketplaceId,
                "A1VC38T7YXB528".to_string(),
            ),
            (
                CredentialKind::LwaClientId,
                format!(
                    "amzn1.application-oa2-client.{:032x}",
                    0xabc0_0000u128 + i as u128
                ),
            ),
        ];
        for (kind, value) in values {
            let candidate = service
                .candidate_from_text(kind, &shop.id, &value, CandidateSource::Typed)
                .map_err(|e| format!("{kind:?} {value}: {e}"))?;
            let details = AcceptDetails {
                date: (kind == CredentialKind::AmazonDeveloperId).then(|| granted.to_string()),
                name: (kind == CredentialKind::AmazonDeveloperId).then(|| "shippinno".to_string()),
            };
            service
                .accept_candidate(&candidate.token, &shop.id, &details)
                .map_err(|e| format!("{kind:?}: {e}"))?;
        }
    }
    Ok(())
}

/// `n` in uppercase base 36, left-padded with `0` to `width`.
fn base36(mut n: u64, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}
