//! `kagiban add amazon-sp` (an SP-API authorization registered in one go, the secrets from
//! stdin) and `kagiban renew` (a renewal done by hand in Seller Central, recorded by its day).

use std::collections::HashSet;
use std::process::ExitCode;

use kagiban_core::amazon::expiry::MwsAccessAction;
use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::secret::Secret;
use kagiban_service::views::{CredentialState, CredentialView, WarningView};
use kagiban_service::{AmazonSpInput, Error, Service};
use serde::Serialize;

use crate::args::AmazonSpArgs;
use crate::commands::{fail, not_found, pick, print_json, read_stdin, warning_message};

/// What the stdin lines of `add amazon-sp` are, in order, with their short names.
const LINES: [(CredentialKind, &str, &str); 4] = [
    (
        CredentialKind::LwaClientId,
        "LWA クライアントID",
        "LWA client ID",
    ),
    (
        CredentialKind::LwaClientSecret,
        "LWA クライアントシークレット",
        "LWA client secret",
    ),
    (
        CredentialKind::LwaRefreshToken,
        "リフレッシュトークン",
        "refresh token",
    ),
    (CredentialKind::AmazonSellerId, "出品者ID", "seller ID"),
];

/// `kagiban add amazon-sp --json`.
#[derive(Serialize)]
struct Added {
    /// The refresh token: the authorization, which `verify` checks.
    authorization: CredentialView,
    /// The client secret, with its rotation deadline.
    client_secret: Option<CredentialView>,
    /// Everything stored (client ID, client secret, refresh token, seller ID, marketplace).
    credentials: Vec<CredentialView>,
    warnings: Vec<WarningView>,
}

/// Reads the four lines, stores the authorization, prints what was stored and its deadlines.
pub fn add_amazon_sp(service: &Service, args: AmazonSpArgs, lang: Lang) -> ExitCode {
    let text = match read_stdin() {
        Ok(t) => Secret::new(t),
        Err(code) => return code,
    };
    let lines: Vec<&str> = text
        .expose()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let &[client_id, client_secret, refresh_token, seller_id] = lines.as_slice() else {
        eprintln!("{}", wrong_line_count(lines.len(), lang));
        return ExitCode::from(2);
    };
    let input = AmazonSpInput {
        shop: args.shop,
        client_id: client_id.to_string(),
        client_secret: Secret::new(client_secret),
        refresh_token: Secret::new(refresh_token),
        seller_id: seller_id.to_string(),
        marketplace: args.marketplace,
        authorized_on: args.authorized_on,
        secret_issued_on: args.secret_issued_on,
    };
    // What is new after the call is what it stored (the service returns the refresh token only).
    let before: HashSet<String> = match service.dashboard() {
        Ok(views) => views.into_iter().map(|v| v.id).collect(),
        Err(err) => return fail(&err, lang),
    };
    let (authorization, warnings) = match service.add_amazon_sp(&input) {
        Ok(added) => added,
        Err(err) => return add_failed(&err, lang),
    };
    // Stored already: a failure to list it again only shortens the report.
    let mut credentials: Vec<CredentialView> = service
        .dashboard()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| !before.contains(&v.id))
        .collect();
    // In the order they were given: the four lines, then the marketplace.
    credentials.sort_by_key(|v| {
        LINES
            .iter()
            .position(|(k, _, _)| *k == v.kind)
            .unwrap_or(LINES.len())
    });
    let client_secret = credentials
        .iter()
        .find(|v| v.kind == CredentialKind::LwaClientSecret)
        .cloned();
    if args.json {
        print_json(&Added {
            authorization,
            client_secret,
            credentials,
            warnings,
        });
        return ExitCode::SUCCESS;
    }
    for w in &warnings {
        eprintln!("! {}", warning_message(w, lang));
    }
    print_added(&authorization, client_secret.as_ref(), &credentials, lang);
    ExitCode::SUCCESS
}

fn print_added(
    authorization: &CredentialView,
    client_secret: Option<&CredentialView>,
    credentials: &[CredentialView],
    lang: Lang,
) {
    // First line: the id alone, as `add rakuten` prints it, for scripts.
    println!("{}", authorization.id);
    match lang {
        Lang::Ja => println!("{}: SP-API の認可を登録しました。", authorization.shop),
        Lang::En => println!(
            "{}: the SP-API authorization is stored.",
            authorization.shop
        ),
    }
    for v in credentials {
        println!("  {}: {}", v.kind.label().get(lang), v.masked);
    }
    match lang {
        Lang::Ja => println!(
            "認可の有効期限: {}。期限までにセラーセントラルの「アプリを管理」で再認可してください。",
            deadline(authorization, "認可した日から 365 日", lang)
        ),
        Lang::En => println!(
            "Authorization expires: {}. Re-authorize the app in Seller Central's Manage Your Apps before then.",
            deadline(authorization, "365 days from the authorization", lang)
        ),
    }
    if let Some(secret) = client_secret {
        match lang {
            Lang::Ja => println!(
                "クライアントシークレットの更新期限: {}。期限までに新しいシークレットに切り替えてください。",
                deadline(secret, "180 日ごと", lang)
            ),
            Lang::En => println!(
                "Client secret rotation due: {}. Rotate it before then.",
                deadline(secret, "every 180 days", lang)
            ),
        }
    }
    match lang {
        Lang::Ja => println!("確認するには: kagiban verify {}", authorization.id),
        Lang::En => println!("To check it: kagiban verify {}", authorization.id),
    }
}

/// `2027/10/31（認可した日から 365 日、あと 342 日）`: the expiry date, the rule behind it when
/// given, and the days left or how long ago it passed.
fn deadline(view: &CredentialView, rule: &str, lang: Lang) -> String {
    let date = view.expires_on.as_deref().unwrap_or("-");
    let left = view.days_left.map(|d| match (lang, d >= 0) {
        (Lang::Ja, true) => format!("あと {d} 日"),
        (Lang::Ja, false) => format!("{} 日前に期限切れ", -d),
        (Lang::En, true) => format!("{d} days left"),
        (Lang::En, false) => format!("expired {} days ago", -d),
    });
    let notes: Vec<&str> = [Some(rule), left.as_deref()]
        .into_iter()
        .flatten()
        .filter(|n| !n.is_empty())
        .collect();
    match (notes.is_empty(), lang) {
        (true, _) => date.to_string(),
        (false, Lang::Ja) => format!("{date}（{}）", notes.join("、")),
        (false, Lang::En) => format!("{date} ({})", notes.join(", ")),
    }
}

fn wrong_line_count(found: usize, lang: Lang) -> String {
    let names: Vec<String> = LINES
        .iter()
        .enumerate()
        .map(|(i, (_, ja, en))| match lang {
            Lang::Ja => format!("{} 行目 {ja}", i + 1),
            Lang::En => format!("line {}: {en}", i + 1),
        })
        .collect();
    match lang {
        Lang::Ja => format!(
            "標準入力に 4 行（{}）を渡してください。{found} 行ありました。何も保存していません。マーケットプレイスは --marketplace で指定します。",
            names.join("、")
        ),
        Lang::En => format!(
            "Give four lines on stdin ({}); got {found}. Nothing was stored. Give the marketplace with --marketplace.",
            names.join(", ")
        ),
    }
}

/// The service's error, with the line (or option) it is about when it names one.
fn add_failed(err: &Error, lang: Lang) -> ExitCode {
    let about = match err {
        Error::InvalidFormat { expected, .. } | Error::WrongKind { expected, .. } => {
            Some(place(*expected, lang))
        }
        Error::InvalidDate => Some("--authorized-on / --secret-issued-on".to_string()),
        _ => None,
    };
    let nothing = pick(lang, "何も保存していません。", " Nothing was stored.");
    match about {
        Some(about) => eprintln!("{about}: {}{nothing} ({})", err.message(lang), err.code()),
        None => eprintln!("{} ({})", err.message(lang), err.code()),
    }
    ExitCode::FAILURE
}

fn place(kind: CredentialKind, lang: Lang) -> String {
    match LINES.iter().position(|(k, _, _)| *k == kind) {
        Some(i) => match lang {
            Lang::Ja => format!("{} 行目（{}）", i + 1, LINES[i].1),
            Lang::En => format!("Line {} ({})", i + 1, LINES[i].2),
        },
        None if kind == CredentialKind::AmazonMarketplaceId => "--marketplace".to_string(),
        None => kind.label().get(lang).to_string(),
    }
}

/// Records a renewal done by hand (MWS developer access) and prints the new expiry.
pub fn renew(service: &Service, id: &str, on: Option<&str>, json: bool, lang: Lang) -> ExitCode {
    let view = match service.credential_view(id) {
        Ok(view) => view,
        Err(Error::NotFound { .. }) => {
            eprintln!("{}", not_found(id, lang));
            return ExitCode::FAILURE;
        }
        Err(err) => return fail(&err, lang),
    };
    if view.renewal.is_none() {
        eprintln!("{}", not_renewable(&view, lang));
        return ExitCode::FAILURE;
    }
    let renewed = match service.record_renewal(id, on) {
        Ok(renewed) => renewed,
        Err(Error::InvalidDate) => {
            eprintln!(
                "--on: {} ({})",
                Error::InvalidDate.message(lang),
                Error::InvalidDate.code()
            );
            return ExitCode::FAILURE;
        }
        Err(err) => return fail(&err, lang),
    };
    if json {
        print_json(&renewed);
        return ExitCode::SUCCESS;
    }
    println!("{}", renewed.id);
    let until = deadline(&renewed, "", lang);
    match lang {
        Lang::Ja => println!(
            "{}（{}）: 更新を記録しました。新しい有効期限: {until}",
            renewed.kind.label().get(lang),
            renewed.shop
        ),
        Lang::En => println!(
            "{} ({}): renewal recorded. New expiry: {until}",
            renewed.kind.label().get(lang),
            renewed.shop
        ),
    }
    if let Some(next) = &renewed.renewal {
        // In `lang`: the service writes it in the saved language.
        let message = [MwsAccessAction::Confirm, MwsAccessAction::Restore]
            .into_iter()
            .find(|a| a.as_str() == next.action)
            .map(|a| a.message().get(lang).to_string())
            .unwrap_or_else(|| next.message.clone());
        println!("  {message}");
    }
    ExitCode::SUCCESS
}

fn not_renewable(view: &CredentialView, lang: Lang) -> String {
    let label = view.kind.label().get(lang);
    if view.kind == CredentialKind::AmazonDeveloperId && view.state == CredentialState::Superseded {
        return match lang {
            Lang::Ja => format!(
                "この{label}は新しいものに置き換えられています。使用中の ID を指定してください。"
            ),
            Lang::En => {
                format!("This {label} was replaced by a newer one. Give the ID of the one in use.")
            }
        };
    }
    match lang {
        Lang::Ja => format!(
            "{label}は、日付を記録して延長する種類ではありません。kagiban renew は MWS 開発者アクセス権（セラーセントラルの「アクセス権を承認」で延長するもの）にだけ使えます。SP-API の認可は再認可して、新しいリフレッシュトークンを kagiban add amazon-sp で登録してください。"
        ),
        Lang::En => format!(
            "A {label} is not extended by recording a day. kagiban renew is only for MWS developer access (extended with 「アクセス権を承認」 in Seller Central). For an SP-API authorization, re-authorize the app and store the new refresh token with kagiban add amazon-sp."
        ),
    }
}
