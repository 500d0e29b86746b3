//! Command-line parsing (four small subcommands: no framework needed).

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `kagiban recognize [--json]`
    Recognize { json: bool },
    /// `kagiban add rakuten --shop NAME`
    AddRakuten { shop: String },
    /// `kagiban verify [ID | --all] [--json]`
    Verify { target: Target, json: bool },
    /// `kagiban status [--json]`
    Status { json: bool },
    /// `kagiban ics`
    Ics,
    /// `kagiban help`
    Help,
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
  kagiban verify [ID | --all] [--json]  API で確認 (失敗があれば終了コード 1) / verify against the API
  kagiban status [--json]             すべての鍵と有効期限 / every credential and its expiry
  kagiban ics > kagiban.ics           有効期限と通知をカレンダー形式で出力 / expiries and reminders as iCalendar

環境変数 / Environment: KAGIBAN_DATA_DIR (SQLite の場所), KAGIBAN_RAKUTEN_API_BASE (RMS の URL), KAGIBAN_LANG (ja|en)";

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
        ["add", "rakuten", "--shop", name] => Ok(Command::AddRakuten {
            shop: name.to_string(),
        }),
        ["add", "rakuten", ..] => Err("店舗名を --shop NAME で指定してください。 / Give the shop name with --shop NAME.".into()),
        ["add", other, ..] => Err(format!(
            "「{other}」は登録できる種類ではありません (rakuten)。 / Unknown kind to add: {other} (rakuten)."
        )),
        [other, ..] => Err(format!(
            "不明なコマンドです: {other} / Unknown command: {other}"
        )),
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
    }

    #[test]
    fn rejects_unknown_input_with_a_bilingual_message() {
        let err = p("frobnicate").unwrap_err();
        assert!(err.contains("不明なコマンド") && err.contains("Unknown command"));
        assert!(p("add rakuten").is_err());
        assert!(p("verify --bogus").is_err());
    }
}
