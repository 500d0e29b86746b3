//! Notification texts, Japanese and English: what expires, for which shop, in how many days,
//! on which date (YYYY/MM/DD), and what to do.

use chrono::{NaiveDate, TimeZone, Utc};
use kagiban_core::expiry::{jst, urgency};
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::reminders::{notification_text, DueReminder, Lead, ReminderKey, ReminderSubject};

fn subject(kind: CredentialKind, shop: &str) -> ReminderSubject {
    ReminderSubject {
        credential_id: "k".into(),
        kind,
        shop: shop.into(),
        expires_at: jst()
            .with_ymd_and_hms(2027, 2, 28, 23, 59, 59)
            .unwrap()
            .with_timezone(&Utc),
        renewed: false,
        dismissed_after_expiry: false,
        snoozed_until: None,
    }
}

fn due(days_left: i64) -> DueReminder {
    DueReminder {
        key: ReminderKey {
            credential_id: "k".into(),
            expiry_date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
            lead: Lead::before(days_left.max(0) as u32),
        },
        days_left,
        urgency: urgency(days_left),
    }
}

const RENEW_JA: &str = "RMS で licenseKey を再発行し、鍵番の「更新」から登録してください。";
const RENEW_EN: &str =
    "Issue a new licenseKey in RMS and register it with Kagiban's 更新 (Renew) flow.";

#[test]
fn rakuten_license_key_in_japanese() {
    let s = subject(CredentialKind::RakutenLicenseKey, "楽天市場1号店");
    let table = [
        (
            30,
            "楽天 licenseKey の有効期限まであと30日(楽天市場1号店)",
            "楽天市場1号店の楽天 licenseKey の有効期限があと30日です(2027/02/28)。",
        ),
        (
            7,
            "楽天 licenseKey の有効期限まであと7日(楽天市場1号店)",
            "楽天市場1号店の楽天 licenseKey の有効期限があと7日です(2027/02/28)。",
        ),
        (
            1,
            "楽天 licenseKey の有効期限まであと1日(楽天市場1号店)",
            "楽天市場1号店の楽天 licenseKey の有効期限があと1日です(2027/02/28)。",
        ),
        (
            0,
            "楽天 licenseKey の有効期限は今日まで(楽天市場1号店)",
            "楽天市場1号店の楽天 licenseKey の有効期限は今日までです(2027/02/28)。",
        ),
        (
            -3,
            "楽天 licenseKey の有効期限が切れています(楽天市場1号店)",
            "楽天市場1号店の楽天 licenseKey の有効期限が切れています(2027/02/28、3日前)。",
        ),
    ];
    for (days, summary, status) in table {
        let (got_summary, body) = notification_text(&due(days), &s, Lang::Ja);
        assert_eq!(got_summary, summary);
        assert!(body.starts_with(status), "{body}");
        assert!(body.ends_with(RENEW_JA), "{body}");
    }
    let (_, before) = notification_text(&due(7), &s, Lang::Ja);
    assert!(before.contains("期限が切れると受注取得などの楽天 API が使えなくなります。"));
    let (_, after) = notification_text(&due(-1), &s, Lang::Ja);
    assert!(after.contains("受注取得などの楽天 API が使えなくなっています。"));
}

#[test]
fn rakuten_license_key_in_english() {
    let s = subject(CredentialKind::RakutenLicenseKey, "楽天市場1号店");
    let table = [
        (
            7,
            "Rakuten licenseKey expires in 7 days (楽天市場1号店)",
            "The Rakuten licenseKey of 楽天市場1号店 expires in 7 days (2027/02/28).",
        ),
        (
            1,
            "Rakuten licenseKey expires in 1 day (楽天市場1号店)",
            "The Rakuten licenseKey of 楽天市場1号店 expires in 1 day (2027/02/28).",
        ),
        (
            0,
            "Rakuten licenseKey expires today (楽天市場1号店)",
            "The Rakuten licenseKey of 楽天市場1号店 expires today (2027/02/28).",
        ),
        (
            -1,
            "Rakuten licenseKey has expired (楽天市場1号店)",
            "The Rakuten licenseKey of 楽天市場1号店 expired 1 day ago (2027/02/28).",
        ),
        (
            -12,
            "Rakuten licenseKey has expired (楽天市場1号店)",
            "The Rakuten licenseKey of 楽天市場1号店 expired 12 days ago (2027/02/28).",
        ),
    ];
    for (days, summary, status) in table {
        let (got_summary, body) = notification_text(&due(days), &s, Lang::En);
        assert_eq!(got_summary, summary);
        assert!(body.starts_with(status), "{body}");
        assert!(body.ends_with(RENEW_EN), "{body}");
    }
}

#[test]
fn other_kinds_say_what_to_do() {
    let table = [
        (
            CredentialKind::AmazonDeveloperId,
            7,
            "Amazon店のMWS 開発者アクセス権（開発者ID）の有効期限があと7日です(2027/02/28)。セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で「アクセス権を承認」をクリックすると、その日から1年延長されます。クリックした日を鍵番に記録してください。",
            "The MWS developer access (developer ID) of Amazon店 expires in 7 days (2027/02/28). In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を承認」 (confirm access) to extend it to one year from that day, then record the day in Kagiban.",
        ),
        (
            CredentialKind::AmazonDeveloperId,
            -2,
            "Amazon店のMWS 開発者アクセス権（開発者ID）の有効期限が切れています(2027/02/28、2日前)。セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で「アクセス権を復元」をクリックし、その日を鍵番に記録してください。",
            "The MWS developer access (developer ID) of Amazon店 expired 2 days ago (2027/02/28). In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を復元」 (restore access), then record the day in Kagiban.",
        ),
        (
            CredentialKind::LwaRefreshToken,
            30,
            "Amazon店のSP-API の認可（リフレッシュトークン）の有効期限があと30日です(2027/02/28)。期限が切れると SP-API で注文などを取得できなくなります。セラーセントラルの「アプリを管理」でアプリを再認可し、新しいリフレッシュトークンを鍵番の「Amazon SP-API の認可」から登録してください。",
            "The SP-API authorization (refresh token) of Amazon店 expires in 30 days (2027/02/28). When it ends, SP-API stops returning orders and other data. Re-authorize the app in Seller Central's 「アプリを管理」 (Manage Your Apps) and register the new refresh token with Kagiban's SP-API flow.",
        ),
        (
            CredentialKind::LwaClientSecret,
            30,
            "Amazon店のLWA クライアントシークレットの有効期限があと30日です(2027/02/28)。セラーセントラルの「アプリの開発」（パブリックアプリはソリューションプロバイダーポータル）の「LWA認証情報」でクライアントシークレットを更新（ローテーション）し、新しいシークレットを鍵番に登録してください。",
            "The LWA client secret of Amazon店 expires in 30 days (2027/02/28). Rotate the client secret under LWA credentials in Seller Central's Develop Apps (the Solution Provider Portal for public apps), and register the new secret in Kagiban.",
        ),
        (
            CredentialKind::RakurakuApiToken,
            0,
            "Amazon店の楽楽明細 APIトークンの有効期限は今日までです(2027/02/28)。新しい値を発行し、鍵番に登録してください。",
            "The 楽楽明細 API token of Amazon店 expires today (2027/02/28). Issue a new one and register it in Kagiban.",
        ),
    ];
    for (kind, days, ja, en) in table {
        let s = subject(kind, "Amazon店");
        assert_eq!(notification_text(&due(days), &s, Lang::Ja).1, ja);
        assert_eq!(notification_text(&due(days), &s, Lang::En).1, en);
    }
}

#[test]
fn latin_names_get_a_space_before_the_particle() {
    let s = subject(CredentialKind::RakutenLicenseKey, "Kagiban Shop 2");
    let (summary, body) = notification_text(&due(7), &s, Lang::Ja);
    assert_eq!(
        summary,
        "楽天 licenseKey の有効期限まであと7日(Kagiban Shop 2)"
    );
    assert!(
        body.starts_with("Kagiban Shop 2 の楽天 licenseKey の有効期限があと7日です(2027/02/28)。")
    );
}

#[test]
fn japanese_is_the_default_language() {
    let s = subject(CredentialKind::RakutenLicenseKey, "楽天市場1号店");
    assert_eq!(
        notification_text(&due(7), &s, Lang::default()),
        notification_text(&due(7), &s, Lang::Ja)
    );
}
