//! Amazon expiry rules: SP-API authorization (365 days), LWA client secret rotation (180 days),
//! legacy MWS developer access (1 year from the grant or the last 「アクセス権を承認」), and the
//! end of MWS itself.
//!
//! Dates in are JST calendar dates (what the user reads on Seller Central or types in); use
//! [`jst_date`] to turn an instant into one. Every expiry comes out as 23:59:59 JST on the last
//! valid day, like the rest of Kagiban (see `crate::expiry`): shop owners plan in Japanese
//! calendar days, [`crate::expiry::days_left`] and the urgency colours count those days, and
//! Amazon states these periods in days or years, never publishing the hour they end.
//!
//! Where a period is given in days, the grant (or issue) day counts as day 1, so "365 days"
//! ends on grant day + 364. Even if Amazon counts 365 × 24 hours from the grant instant, or in
//! whole UTC days, the real end is later than this, so Kagiban is never late. (Only a US-time
//! reading that ended at the start of a Pacific day could end up to 8 hours earlier; reminders
//! come weeks ahead, so that does not matter.) For MWS, the manual (seeds/001) shows the rule in
//! calendar years: granted 2018年4月17日, 「有効期限日は 2019年4月17日」.

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::expiry::jst;
use crate::lang::Text;

/// SP-API authorization lifetime: re-authorize every 365 days (api-facts §2.7).
pub const SP_API_AUTHORIZATION_VALID_DAYS: i64 = 365;
/// Amazon e-mails the seller this many days before an authorization expires.
pub const SP_API_AMAZON_NOTICE_DAYS: i64 = 30;
/// LWA client secrets must be rotated every 180 days (since 2023-02-06, api-facts §2.8).
pub const LWA_SECRET_ROTATION_DAYS: i64 = 180;
/// Amazon first e-mails this many days before the rotation deadline.
pub const LWA_SECRET_AMAZON_NOTICE_DAYS: i64 = 90;
/// After a rotation the old secret keeps working this many days.
pub const LWA_OLD_SECRET_GRACE_DAYS: i64 = 7;
/// MWS developer access lasts 1 year from the grant or the last 「アクセス権を承認」.
pub const MWS_ACCESS_VALID_MONTHS: u32 = 12;
/// Amazon e-mails about MWS developer access every 7 days, starting 1 month before expiry.
pub const MWS_AMAZON_NOTICE_INTERVAL_DAYS: i64 = 7;

/// The last day of MWS Orders, Reports and Merchant Fulfillment sections.
pub const MWS_ORDERS_REPORTS_LAST_DAY: NaiveDate = date(2023, 8, 31);
/// The last day of MWS: "no longer available after March 31, 2024".
pub const MWS_LAST_DAY: NaiveDate = date(2024, 3, 31);
/// MWS credentials were deleted from this day on.
pub const MWS_CREDENTIALS_DELETED_FROM: NaiveDate = date(2024, 4, 22);

/// The notice that opens the legacy MWS flow.
pub const MWS_END_NOTICE: Text = Text::new(
    "Amazon MWS は 2024年3月31日で提供を終了しました（注文・レポート・出品者出荷は 2023年8月31日で終了）。2024年4月22日からは MWS の認証情報も削除されています。ここで記録する開発者ID・出品者ID・MWS 認証トークンは控えとしてだけ使い、鍵番が MWS に接続することはありません。Amazon と連携を続けるには、SP-API の認可に切り替えてください。",
    "Amazon MWS ended on March 31, 2024 (Orders, Reports and Merchant Fulfillment on August 31, 2023), and MWS credentials have been deleted since April 22, 2024. The developer ID, seller ID and MWS auth token recorded here are kept for reference only: Kagiban never connects to MWS. To keep working with Amazon, switch to an SP-API authorization.",
);

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("invalid date"),
    }
}

/// The JST calendar date of an instant.
pub fn jst_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&jst()).date_naive()
}

/// 23:59:59 JST on `day`, as a UTC instant (saturating at the latest representable instant).
pub fn end_of_day_jst(day: NaiveDate) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(23, 59, 59).expect("valid time");
    jst()
        .from_local_datetime(&day.and_time(time))
        .single()
        .map_or(DateTime::<Utc>::MAX_UTC, |t| t.with_timezone(&Utc))
}

/// The last day of a period of `days` days that starts on (and counts) `first_day`.
fn last_day_of(first_day: NaiveDate, days: i64) -> Option<NaiveDate> {
    first_day.checked_add_signed(Duration::days(days - 1))
}

/// When an SP-API authorization granted (or re-authorized) on `granted_on` ends: 23:59:59 JST
/// on `granted_on` + 364 days, the 365th day counting the grant day.
pub fn sp_api_authorization_expiry(granted_on: NaiveDate) -> DateTime<Utc> {
    last_day_of(granted_on, SP_API_AUTHORIZATION_VALID_DAYS)
        .map_or(DateTime::<Utc>::MAX_UTC, end_of_day_jst)
}

/// When an LWA client secret issued on `issued_on` must have been rotated: 23:59:59 JST on
/// `issued_on` + 179 days, the 180th day counting the issue day.
pub fn lwa_client_secret_expiry(issued_on: NaiveDate) -> DateTime<Utc> {
    last_day_of(issued_on, LWA_SECRET_ROTATION_DAYS)
        .map_or(DateTime::<Utc>::MAX_UTC, end_of_day_jst)
}

/// About when Amazon's first rotation e-mail arrives: 90 days before the last valid day.
pub fn lwa_client_secret_amazon_notice_on(issued_on: NaiveDate) -> NaiveDate {
    jst_date(lwa_client_secret_expiry(issued_on))
        .checked_sub_signed(Duration::days(LWA_SECRET_AMAZON_NOTICE_DAYS))
        .unwrap_or(issued_on)
}

/// When MWS developer access confirmed on `confirmed_on` ends: 23:59:59 JST one calendar year
/// later (2018-04-17 → 2019-04-17; a 29 February grant ends on 28 February). `confirmed_on` is
/// the grant day or the day of the last 「アクセス権を承認」, which extends access to 1 year from
/// that day. The manual does not say how long access lasts after 「アクセス権を復元」: Kagiban
/// treats the restore day like a new grant.
pub fn mws_developer_access_expiry(confirmed_on: NaiveDate) -> DateTime<Utc> {
    confirmed_on
        .checked_add_months(Months::new(MWS_ACCESS_VALID_MONTHS))
        .map_or(DateTime::<Utc>::MAX_UTC, end_of_day_jst)
}

/// About when Amazon's MWS expiry e-mails start: one month before the last valid day.
pub fn mws_amazon_notice_from(confirmed_on: NaiveDate) -> NaiveDate {
    let last = jst_date(mws_developer_access_expiry(confirmed_on));
    last.checked_sub_months(Months::new(1))
        .unwrap_or(confirmed_on)
}

/// What the seller clicks on Seller Central's Amazon MWS 開発者権限 page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MwsAccessAction {
    /// 「アクセス権を承認」: still valid, extends it to 1 year from today.
    Confirm,
    /// 「アクセス権を復元」: expired, restores the access.
    Restore,
}

impl MwsAccessAction {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            MwsAccessAction::Confirm => "confirm",
            MwsAccessAction::Restore => "restore",
        }
    }

    /// The button as Seller Central labels it.
    pub fn button(self) -> Text {
        match self {
            MwsAccessAction::Confirm => {
                Text::new("アクセス権を承認", "アクセス権を承認 (confirm access)")
            }
            MwsAccessAction::Restore => {
                Text::new("アクセス権を復元", "アクセス権を復元 (restore access)")
            }
        }
    }

    /// What to do, from the manual (seeds/001).
    pub fn message(self) -> Text {
        match self {
            MwsAccessAction::Confirm => Text::new(
                "有効期限内です。セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で開発者の行の「アクセス権を承認」をクリックすると、有効期限がその日から1年延長されます。",
                "Access is still valid. In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を承認」 on the developer's row: the access is extended to 1 year from that day.",
            ),
            MwsAccessAction::Restore => Text::new(
                "有効期限が切れています。セラーセントラル › ユーザー権限 › Amazon MWS 開発者権限 で開発者の行の「アクセス権を復元」をクリックすると、アクセス権が復元されます。",
                "Access has expired. In Seller Central › ユーザー権限 › Amazon MWS 開発者権限, click 「アクセス権を復元」 on the developer's row to restore it.",
            ),
        }
    }
}

/// Which button applies at `now` for access that ends at `expires_at`: 承認 up to and including
/// the last valid day, 復元 after it.
pub fn mws_access_action(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> MwsAccessAction {
    if now <= expires_at {
        MwsAccessAction::Confirm
    } else {
        MwsAccessAction::Restore
    }
}

/// Whether MWS still answered on `today` (a JST date): only up to 2024-03-31.
pub fn mws_available_on(today: NaiveDate) -> bool {
    today <= MWS_LAST_DAY
}
