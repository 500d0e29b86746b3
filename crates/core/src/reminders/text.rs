//! Reminder texts in Japanese and English: what expires, for which shop, in how many days, on
//! which date, and what to do. Phrased like GoQSystem's notices (「…の有効期限があと7日です」).

use chrono::NaiveDate;

use super::planner::{DueReminder, ReminderSubject};
use crate::kind::CredentialKind;
use crate::lang::{Lang, Text};

/// The desktop notification for `reminder` about `subject`: (summary, body).
pub fn notification_text(
    reminder: &DueReminder,
    subject: &ReminderSubject,
    lang: Lang,
) -> (String, String) {
    status_texts(
        subject.kind,
        &subject.shop,
        reminder.key.expiry_date,
        reminder.days_left,
        lang,
    )
}

/// (summary, body) for a credential with `days_left` JST days left (negative: expired).
pub(crate) fn status_texts(
    kind: CredentialKind,
    shop: &str,
    expiry_date: NaiveDate,
    days_left: i64,
    lang: Lang,
) -> (String, String) {
    let label = kind.label().get(lang);
    let date = slash_date(expiry_date);
    let action = action(kind, days_left < 0).get(lang);
    match lang {
        Lang::Ja => {
            let what = format!("{}{}", ja_with(shop, "の"), ja_with(label, "の"));
            let (summary, status) = match days_left {
                n if n > 0 => (
                    format!("{}有効期限まであと{n}日", ja_with(label, "の")),
                    format!("{what}有効期限があと{n}日です({date})。"),
                ),
                0 => (
                    format!("{}有効期限は今日まで", ja_with(label, "の")),
                    format!("{what}有効期限は今日までです({date})。"),
                ),
                n => (
                    format!("{}有効期限が切れています", ja_with(label, "の")),
                    format!("{what}有効期限が切れています({date}、{}日前)。", -n),
                ),
            };
            (format!("{summary}({shop})"), format!("{status}{action}"))
        }
        Lang::En => {
            let (summary, status) = match days_left {
                n if n > 0 => (
                    format!("{label} expires in {}", days_en(n)),
                    format!("The {label} of {shop} expires in {} ({date}).", days_en(n)),
                ),
                0 => (
                    format!("{label} expires today"),
                    format!("The {label} of {shop} expires today ({date})."),
                ),
                n => (
                    format!("{label} has expired"),
                    format!(
                        "The {label} of {shop} expired {} ago ({date}).",
                        days_en(-n)
                    ),
                ),
            };
            (format!("{summary} ({shop})"), format!("{status} {action}"))
        }
    }
}

/// (summary, description) of the calendar event on the expiry date itself.
pub(crate) fn event_texts(
    kind: CredentialKind,
    shop: &str,
    expiry_date: NaiveDate,
    lang: Lang,
) -> (String, String) {
    let label = kind.label().get(lang);
    let date = slash_date(expiry_date);
    let action = action(kind, false).get(lang);
    match lang {
        Lang::Ja => (
            format!("{}有効期限({shop})", ja_with(label, "の")),
            format!(
                "{}{}有効期限は{date}です。{action}",
                ja_with(shop, "の"),
                ja_with(label, "の")
            ),
        ),
        Lang::En => (
            format!("{label} expires ({shop})"),
            format!("The {label} of {shop} expires on {date}. {action}"),
        ),
    }
}

/// What to do, by kind; `expired` selects the wording for after the expiry date.
fn action(kind: CredentialKind, expired: bool) -> Text {
    match (kind, expired) {
        (CredentialKind::RakutenLicenseKey, false) => Text::new(
            "期限が切れると受注取得などの楽天 API が使えなくなります。RMS で licenseKey を再発行し、鍵番の「更新」から登録してください。",
            "When it expires, the Rakuten APIs (order retrieval and others) stop working. Issue a new licenseKey in RMS and register it with Kagiban's 更新 (Renew) flow.",
        ),
        (CredentialKind::RakutenLicenseKey, true) => Text::new(
            "受注取得などの楽天 API が使えなくなっています。RMS で licenseKey を再発行し、鍵番の「更新」から登録してください。",
            "The Rakuten APIs (order retrieval and others) no longer work. Issue a new licenseKey in RMS and register it with Kagiban's 更新 (Renew) flow.",
        ),
        (CredentialKind::AmazonDeveloperId, false) => Text::new(
            "セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で「アクセス権を承認」をクリックすると、その日から1年延長されます。クリックした日を鍵番に記録してください。",
            "In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を承認」 (confirm access) to extend it to one year from that day, then record the day in Kagiban.",
        ),
        (CredentialKind::AmazonDeveloperId, true) => Text::new(
            "セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で「アクセス権を復元」をクリックし、その日を鍵番に記録してください。",
            "In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を復元」 (restore access), then record the day in Kagiban.",
        ),
        (CredentialKind::LwaRefreshToken, false) => Text::new(
            "期限が切れると SP-API で注文などを取得できなくなります。セラーセントラルの「アプリを管理」でアプリを再認可し、新しいリフレッシュトークンを鍵番の「Amazon SP-API の認可」から登録してください。",
            "When it ends, SP-API stops returning orders and other data. Re-authorize the app in Seller Central's 「アプリを管理」 (Manage Your Apps) and register the new refresh token with Kagiban's SP-API flow.",
        ),
        (CredentialKind::LwaRefreshToken, true) => Text::new(
            "SP-API で注文などを取得できなくなっています。セラーセントラルの「アプリを管理」でアプリを再認可し、新しいリフレッシュトークンを鍵番の「Amazon SP-API の認可」から登録してください。",
            "SP-API no longer returns orders and other data. Re-authorize the app in Seller Central's 「アプリを管理」 (Manage Your Apps) and register the new refresh token with Kagiban's SP-API flow.",
        ),
        (CredentialKind::LwaClientSecret, _) => Text::new(
            "セラーセントラルの「アプリの開発」（パブリックアプリはソリューションプロバイダーポータル）の「LWA認証情報」でクライアントシークレットを更新（ローテーション）し、新しいシークレットを鍵番に登録してください。",
            "Rotate the client secret under LWA credentials in Seller Central's Develop Apps (the Solution Provider Portal for public apps), and register the new secret in Kagiban.",
        ),
        _ => Text::new(
            "新しい値を発行し、鍵番に登録してください。",
            "Issue a new one and register it in Kagiban.",
        ),
    }
}

/// `YYYY/MM/DD`.
fn slash_date(date: NaiveDate) -> String {
    date.format("%Y/%m/%d").to_string()
}

/// `n day(s)`.
fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// `word` followed by a Japanese particle, with a space after Latin text (「licenseKey の」).
fn ja_with(word: &str, particle: &str) -> String {
    if word.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        format!("{word} {particle}")
    } else {
        format!("{word}{particle}")
    }
}
