//! The subcommands, over `kagiban_service::Service`.

use std::io::Read;
use std::process::ExitCode;

use kagiban_core::kind::CredentialKind;
use kagiban_core::lang::Lang;
use kagiban_core::recognize::recognize;
use kagiban_core::verify::VerifyCode;
use kagiban_core::Warning;
use kagiban_service::views::{VerifyReport, WarningView};
use kagiban_service::{Error, Service};
use serde::Serialize;

use crate::amazon;
use crate::args::{Command, Target, USAGE};

/// Runs a parsed command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Recognize { json } => recognize_stdin(json),
        other => match open() {
            Ok(service) => with_service(&service, other),
            Err(err) => fail(&err, env_lang()),
        },
    }
}

fn with_service(service: &Service, command: Command) -> ExitCode {
    let lang = env_lang_or(service.lang());
    match command {
        Command::AddRakuten { shop } => add_rakuten(service, &shop, lang),
        Command::AddAmazonSp(args) => amazon::add_amazon_sp(service, args, lang),
        Command::Renew { id, on, json } => amazon::renew(service, &id, on.as_deref(), json, lang),
        Command::Verify { target, json } => verify(service, target, json, lang),
        Command::Status { json } => status(service, json),
        Command::Ics => match service.calendar() {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err, lang),
        },
        Command::Help | Command::Recognize { .. } => unreachable!("handled without a service"),
    }
}

fn open() -> Result<Service, Error> {
    kagiban_service::open_default()
}

fn env_lang() -> Lang {
    env_lang_or(Lang::Ja)
}

fn env_lang_or(fallback: Lang) -> Lang {
    std::env::var("KAGIBAN_LANG")
        .ok()
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(fallback)
}

pub(crate) fn fail(err: &Error, lang: Lang) -> ExitCode {
    eprintln!("{} ({})", err.message(lang), err.code());
    ExitCode::FAILURE
}

pub(crate) fn read_stdin() -> Result<String, ExitCode> {
    let mut text = String::new();
    match std::io::stdin().read_to_string(&mut text) {
        Ok(_) => Ok(text),
        Err(_) => {
            eprintln!("標準入力を読めませんでした。UTF-8 のテキストを渡してください。 / Could not read stdin as UTF-8 text.");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Pretty JSON on stdout.
pub(crate) fn print_json(value: &impl Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("json"));
}

/// An id that is not stored: say how to find the right one (the service's sentence is the GUI's).
pub(crate) fn not_found(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "ID「{id}」の鍵は登録されていません。kagiban status --json で ID を確認してください。 (not_found)"
        ),
        Lang::En => format!(
            "No credential has the ID {id}. Look the ID up with kagiban status --json. (not_found)"
        ),
    }
}

#[derive(Serialize)]
struct Found {
    kind: CredentialKind,
    masked: String,
    warnings: Vec<String>,
}

fn recognize_stdin(json: bool) -> ExitCode {
    let text = match read_stdin() {
        Ok(t) => t,
        Err(code) => return code,
    };
    let lang = env_lang();
    let found: Vec<Found> = recognize(&text)
        .into_iter()
        .map(|r| Found {
            kind: r.kind,
            masked: r.masked(),
            warnings: r.warnings.iter().map(|w| w.code().to_string()).collect(),
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&found).expect("json"));
    } else if found.is_empty() {
        println!(
            "{}",
            pick(lang, "鍵は見つかりませんでした。", "No key found.")
        );
    } else {
        for r in recognize(&text) {
            println!("{:<24} {}", r.kind.as_str(), r.masked());
            for w in &r.warnings {
                println!("    ! {}", w.message().get(lang));
            }
        }
    }
    ExitCode::SUCCESS
}

pub(crate) fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn add_rakuten(service: &Service, shop: &str, lang: Lang) -> ExitCode {
    let text = match read_stdin() {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let (Some(sp), Some(sl)) = (lines.next(), lines.next()) else {
        eprintln!(
            "{}",
            pick(
                lang,
                "標準入力に 2 行 (1 行目 serviceSecret、2 行目 licenseKey) を渡してください。",
                "Give two lines on stdin: the serviceSecret, then the licenseKey."
            )
        );
        return ExitCode::from(2);
    };
    let result = service
        .add_rakuten_keys(shop, sp, sl)
        .map(|(key, warnings)| {
            for w in &warnings {
                eprintln!("! {}", warning_message(w, lang));
            }
            key
        });
    match result {
        Ok(view) => {
            println!("{}", view.id);
            ExitCode::SUCCESS
        }
        Err(err) => fail(&err, lang),
    }
}

/// One line of `kagiban verify --json`.
#[derive(Serialize)]
struct VerifyLine {
    id: String,
    ok: bool,
    code: String,
    message: String,
    expires_at: Option<String>,
    retrying: bool,
}

impl From<VerifyReport> for VerifyLine {
    fn from(r: VerifyReport) -> Self {
        Self {
            id: r.id,
            ok: r.ok,
            code: r.code.as_str().to_string(),
            message: r.message,
            expires_at: r.expires_at,
            retrying: r.retrying,
        }
    }
}

fn verify(service: &Service, target: Target, json: bool, lang: Lang) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let lines: Vec<VerifyLine> = runtime.block_on(async {
        match target {
            Target::One(id) => vec![match service.verify(&id).await {
                Ok(report) => report_line(service, report, lang),
                Err(Error::NotFound { .. }) => VerifyLine {
                    message: not_found(&id, lang),
                    ..error_line(id, &Error::NotFound { what: "credential" }, lang)
                },
                Err(err) => error_line(id, &err, lang),
            }],
            Target::All => match service.verify_all().await {
                Ok(results) => results
                    .into_iter()
                    .map(|r| match r {
                        Ok(report) => report_line(service, report, lang),
                        Err((id, err)) => error_line(id, &err, lang),
                    })
                    .collect(),
                Err(err) => vec![error_line(String::new(), &err, lang)],
            },
        }
    });
    if json {
        println!("{}", serde_json::to_string_pretty(&lines).expect("json"));
    } else {
        for l in &lines {
            let mark = match (l.ok, l.code == VerifyCode::NotVerifiable.as_str()) {
                (true, _) => "OK ",
                (false, true) => "-- ",
                (false, false) => "NG ",
            };
            let until = l.expires_at.as_deref().unwrap_or("-");
            println!("{mark} {}  {}  {until}\n    {}", l.id, l.code, l.message);
        }
    }
    // A kind no API can check (MWS developer access, say) is not a failure: otherwise a shop
    // that keeps one would make every `verify --all` fail.
    if lines
        .iter()
        .all(|l| l.ok || l.code == VerifyCode::NotVerifiable.as_str())
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A report as a line, its message in `lang`: the service writes it in the saved language,
/// which `KAGIBAN_LANG` does not change.
fn report_line(service: &Service, report: VerifyReport, lang: Lang) -> VerifyLine {
    let code = report.code;
    let mut line = VerifyLine::from(report);
    if lang != service.lang() {
        if let Ok(view) = service.credential_view(&line.id) {
            line.message = code.message_for(view.kind).get(lang).to_string();
        }
    }
    line
}

/// A warning's sentence in `lang` (the service writes it in the saved language).
pub(crate) fn warning_message(warning: &WarningView, lang: Lang) -> String {
    Warning::parse(&warning.code)
        .map(|w| w.message().get(lang).to_string())
        .unwrap_or_else(|| warning.message.clone())
}

fn error_line(id: String, err: &Error, lang: Lang) -> VerifyLine {
    VerifyLine {
        id,
        ok: false,
        code: err.code().to_string(),
        message: err.message(lang),
        expires_at: None,
        retrying: false,
    }
}

fn status(service: &Service, json: bool) -> ExitCode {
    let lang = env_lang_or(service.lang());
    match service.dashboard() {
        Ok(views) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&views).expect("json"));
            } else if views.is_empty() {
                println!(
                    "{}",
                    pick(lang, "登録された鍵はありません。", "No credentials yet.")
                );
            } else {
                for v in &views {
                    let days = v
                        .days_left
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "-".into());
                    let source = v.expiry_source.map(|s| s.as_str()).unwrap_or("-");
                    let verified = v
                        .last_verification
                        .as_ref()
                        .map(|l| format!("{} {}", l.at_display, l.code.as_str()))
                        .unwrap_or_else(|| "-".into());
                    println!(
                        "{}  {}  {}  {}  {}  {}日  {}  {}",
                        v.shop,
                        v.kind.as_str(),
                        v.masked,
                        v.state.as_str(),
                        v.expires_on.as_deref().unwrap_or("-"),
                        days,
                        source,
                        verified
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(err) => fail(&err, lang),
    }
}
