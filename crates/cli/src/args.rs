//! Command-line parsing (a handful of small subcommands: no framework needed).

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `kagiban recognize [--json]`
    Recognize { json: bool },
    /// `kagiban add rakuten --shop NAME`
    AddRakuten { shop: String },
    /// `kagiban add amazon-sp --shop NAME [--marketplace ID] [--authorized-on DAY]
    /// [--secret-issued-on DAY] [--json]`
    AddAmazonSp(AmazonSpArgs),
    /// `kagiban renew ID [--on DAY] [--json]`
    Renew {
        id: String,
        on: Option<String>,
        json: bool,
    },
    /// `kagiban verify [ID | --all] [--json]`
    Verify { target: Target, json: bool },
    /// `kagiban status [--json]`
    Status { json: bool },
    /// `kagiban ics`
    Ics,
    /// `kagiban help`
    Help,
}

/// The options of `kagiban add amazon-sp` (the secrets come from stdin, never from here).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct AmazonSpArgs {
    /// The shop's name.
    pub shop: String,
    /// Marketplace ID; Japan when none.
    pub marketplace: Option<String>,
    /// The day the seller authorized the app (YYYY-MM-DD); today when none.
    pub authorized_on: Option<String>,
    /// The day the client secret was issued or last rotated; today when none.
    pub secret_issued_on: Option<String>,
    /// Print the result as JSON.
    pub json: bool,
}

/// Which credentials `verify` checks.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// One credential.
    One(String),
    /// Everything in use or waiting.
    All,
}

/// Shown by `kagiban help` and after a usage error.
pub const USAGE: &str = "\
使い方 / Usage:
  kagiban recognize [--json]          標準入力の文字列から鍵を見つけて種類を表示 / find keys in stdin
  kagiban add rakuten --shop NAME     標準入力の 2 行 (serviceSecret, licenseKey) を登録 / store SP and SL from stdin
  kagiban add amazon-sp --shop NAME [--marketplace ID] [--json]
          [--authorized-on YYYY-MM-DD] [--secret-issued-on YYYY-MM-DD]
                                      標準入力の 4 行 (LWA クライアントID、クライアントシークレット、リフレッシュトークン、出品者ID)
                                      で SP-API の認可を登録し、認可 (365 日) とシークレット (180 日) の期限を表示
                                      (マーケットプレイスは既定で日本 A1VC38T7YXB528)
                                      / store an SP-API authorization from 4 lines on stdin (LWA client ID, client
                                      secret, refresh token, seller ID) and show its 365-day expiry and the secret's
                                      180-day rotation deadline (marketplace: Japan unless given)
  kagiban renew ID [--on YYYY-MM-DD] [--json]
                                      MWS 開発者アクセス権を「アクセス権を承認」で延長した日を記録 (既定は今日)
                                      / record the day MWS developer access was renewed by hand (default today)
  kagiban verify [ID | --all] [--json]  API で確認 (失敗があれば終了コード 1、確認できない種類は数えない)
                                      / verify against the API (exit 1 on any failure; not_verifiable does not count)
  kagiban status [--json]             すべての鍵と有効期限 / every credential and its expiry
  kagiban ics > kagiban.ics           有効期限と通知をカレンダー形式で出力 / expiries and reminders as iCalendar

鍵は引数ではなく標準入力で渡します。/ Secrets are read from stdin only, never from arguments.
終了コード / Exit codes: 0 成功 / success, 1 失敗 / failure, 2 使い方の誤り / usage error

環境変数 / Environment: KAGIBAN_DATA_DIR (SQLite の場所), KAGIBAN_RAKUTEN_API_BASE (RMS の URL),
  KAGIBAN_LWA_TOKEN_URL (LWA のトークン URL), KAGIBAN_SPAPI_BASE (SP-API の URL), KAGIBAN_LANG (ja|en)";

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let args: Vec<String> = args.into_iter().collect();
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--json")
        .collect();
    match rest.as_slice() {
        [] | ["help"] | ["--help"] | ["-h"] => Ok(Command::Help),
        ["recognize"] => Ok(Command::Recognize { json }),
        ["status"] => Ok(Command::Status { json }),
        ["ics"] => Ok(Command::Ics),
        ["verify"] | ["verify", "--all"] => Ok(Command::Verify {
            target: Target::All,
            json,
        }),
        ["verify", id] if !id.starts_with('-') => Ok(Command::Verify {
            target: Target::One(id.to_string()),
            json,
        }),
        ["add", "rakuten", given @ ..] => {
            let mut given = Options::parse(given, &["--shop"])?;
            Ok(Command::AddRakuten {
                shop: given.shop()?,
            })
        }
        ["add", "amazon-sp", given @ ..] => {
            let mut given = Options::parse(
                given,
                &[
                    "--shop",
                    "--marketplace",
                    "--authorized-on",
                    "--secret-issued-on",
                ],
            )?;
            Ok(Command::AddAmazonSp(AmazonSpArgs {
                shop: given.shop()?,
                marketplace: given.take("--marketplace"),
                authorized_on: given.take("--authorized-on"),
                secret_issued_on: given.take("--secret-issued-on"),
                json,
            }))
        }
        ["add", other, ..] => Err(format!(
            "「{other}」は登録できる種類ではありません (rakuten, amazon-sp)。 / Unknown kind to add: {other} (rakuten, amazon-sp)."
        )),
        ["renew", id, given @ ..] if !id.starts_with('-') => {
            let mut given = Options::parse(given, &["--on"])?;
            Ok(Command::Renew {
                id: id.to_string(),
                on: given.take("--on"),
                json,
            })
        }
        ["renew", ..] => Err("更新した鍵の ID を指定してください (kagiban status --json で確認できます)。 / Give the ID of the renewed credential (see kagiban status --json).".into()),
        [other, ..] => Err(format!(
            "不明なコマンドです: {other} / Unknown command: {other}"
        )),
    }
}

/// `--name VALUE` or `--name=VALUE` options, each at most once, among a fixed set.
struct Options(Vec<(&'static str, String)>);

impl Options {
    fn parse(args: &[&str], allowed: &[&'static str]) -> Result<Options, String> {
        let mut found: Vec<(&'static str, String)> = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            // Anything that is not an option is refused without being echoed: it may be a key
            // typed where it does not belong.
            if !arg.starts_with("--") {
                return Err("余分な引数があります。鍵は引数ではなく標準入力で渡してください。 / Unexpected argument. Keys go on stdin, never in arguments.".into());
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (*arg, None),
            };
            let Some(name) = allowed.iter().copied().find(|a| *a == name) else {
                return Err(format!(
                    "不明なオプションです: {name} (使えるもの: {}) / Unknown option: {name} (allowed: {})",
                    allowed.join(", "),
                    allowed.join(", ")
                ));
            };
            let value = match inline {
                Some(value) => value,
                None => match args.next() {
                    Some(value) if !value.starts_with("--") => value.to_string(),
                    _ => return Err(format!("{name} の値がありません。 / {name} needs a value.")),
                },
            };
            if found.iter().any(|(n, _)| *n == name) {
                return Err(format!(
                    "{name} が 2 回指定されています。 / {name} is given twice."
                ));
            }
            found.push((name, value));
        }
        Ok(Options(found))
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let at = self.0.iter().position(|(n, _)| *n == name)?;
        Some(self.0.remove(at).1)
    }

    fn shop(&mut self) -> Result<String, String> {
        self.take("--shop").ok_or_else(|| {
            "店舗名を --shop NAME で指定してください。 / Give the shop name with --shop NAME."
                .into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Command, String> {
        parse(s.split_whitespace().map(String::from))
    }

    #[test]
    fn parses_every_documented_form() {
        assert_eq!(p("recognize --json"), Ok(Command::Recognize { json: true }));
        assert_eq!(p("status"), Ok(Command::Status { json: false }));
        assert_eq!(
            p("verify --all --json"),
            Ok(Command::Verify {
                target: Target::All,
                json: true
            })
        );
        assert_eq!(
            p("verify abc"),
            Ok(Command::Verify {
                target: Target::One("abc".into()),
                json: false
            })
        );
        assert_eq!(
            p("add rakuten --shop 楽天市場1号店"),
            Ok(Command::AddRakuten {
                shop: "楽天市場1号店".into()
            })
        );
        assert_eq!(
            p("add amazon-sp --shop Amazon本店"),
            Ok(Command::AddAmazonSp(AmazonSpArgs {
                shop: "Amazon本店".into(),
                ..AmazonSpArgs::default()
            }))
        );
        assert_eq!(
            p("add amazon-sp --secret-issued-on 2026-06-01 --json --marketplace=A39IBJ37TRP1C6 --shop Amazon本店 --authorized-on 2026-11-01"),
            Ok(Command::AddAmazonSp(AmazonSpArgs {
                shop: "Amazon本店".into(),
                marketplace: Some("A39IBJ37TRP1C6".into()),
                authorized_on: Some("2026-11-01".into()),
                secret_issued_on: Some("2026-06-01".into()),
                json: true,
            }))
        );
        assert_eq!(
            p("renew abc"),
            Ok(Command::Renew {
                id: "abc".into(),
                on: None,
                json: false
            })
        );
        assert_eq!(
            p("renew abc --on 2026-11-23 --json"),
            Ok(Command::Renew {
                id: "abc".into(),
                on: Some("2026-11-23".into()),
                json: true
            })
        );
    }

    #[test]
    fn rejects_unknown_input_with_a_bilingual_message() {
        let err = p("frobnicate").unwrap_err();
        assert!(err.contains("不明なコマンド") && err.contains("Unknown command"));
        assert!(p("add rakuten").is_err());
        assert!(p("verify --bogus").is_err());
        assert!(p("add amazon-sp").unwrap_err().contains("--shop"));
        assert!(p("add amazon-sp --shop")
            .unwrap_err()
            .contains("needs a value"));
        assert!(p("add amazon-sp --shop a --shop b")
            .unwrap_err()
            .contains("twice"));
        assert!(p("add amazon-sp --shop a --on 2026-01-01").is_err());
        assert!(p("add yahoo --shop a").unwrap_err().contains("amazon-sp"));
        assert!(p("renew").unwrap_err().contains("ID"));
        assert!(p("renew abc --at 2026-01-01").is_err());
    }

    #[test]
    fn a_key_given_as_an_argument_is_refused_without_being_echoed() {
        let token = "Atzr|IwEBIFakeRefresh+Token/For=Tests0123456789";
        for line in [
            format!("add amazon-sp --shop a {token}"),
            format!("add amazon-sp --shop a --refresh-token {token}"),
            format!("add amazon-sp --shop a --refresh-token={token}"),
        ] {
            let err = p(&line).unwrap_err();
            assert!(!err.contains(token) && !err.contains("Atzr"), "{err}");
            assert!(err.contains("Unexpected argument") || err.contains("Unknown option"));
        }
    }
}
