//! `fake-rakuraku`: runs the fake 楽楽明細 customers search on loopback until killed.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use kagiban_fakes::rakuraku::FakeRakuraku;

const HELP: &str = "\
fake-rakuraku: a local fake of the 楽楽明細 API's customers search, for tests.

USAGE:
    fake-rakuraku [--port N] [--account ACCOUNT,TOKEN]...

OPTIONS:
    --port N        Port on 127.0.0.1 to listen on (default 0: a free port).
    --account SPEC  Registers an environment and the API token it accepts; may be repeated.
                    SPEC is ACCOUNT,TOKEN, e.g. xxxxxxx,a1B2c3…
                    GET /ACCOUNT/api/v1/customers/?keyword=… with X-WB-apitoken: TOKEN → 200
    -h, --help      Prints this help.

When ready it prints exactly one line to stdout:
    listening on http://127.0.0.1:PORT
then logs `METHOD PATH -> STATUS` for each request to stderr (never headers or queries).

Point the app at it with KAGIBAN_RAKURAKU_API_BASE=http://127.0.0.1:PORT (the 楽楽明細 URL's
scheme, host and port are replaced; its account path is kept).

Control endpoints (JSON):
    POST /__fake/accounts {\"account\",\"token\"}
    POST /__fake/script   {\"kind\":\"maintenance\"}; kinds: maintenance, refuse {\"status\"}, notFound,
                          hang {\"millis\"}, tooManyRequests {\"retryAfterSecs\"},
                          raw {\"status\",\"contentType\",\"body\"}
    GET  /__fake/requests the requests received so far
";

struct Args {
    port: u16,
    accounts: Vec<(String, String)>,
}

enum Parsed {
    Run(Args),
    Help,
}

fn parse_account(spec: &str) -> Result<(String, String), String> {
    match spec.split_once(',') {
        Some((account, token))
            if !account.is_empty() && !token.is_empty() && !account.contains('/') =>
        {
            Ok((account.to_owned(), token.to_owned()))
        }
        _ => Err("--account expects ACCOUNT,TOKEN (both non-empty, no / in ACCOUNT)".into()),
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut args = Args {
        port: 0,
        accounts: Vec::new(),
    };
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--port" => {
                args.port = value("--port")?
                    .parse()
                    .map_err(|_| "--port must be a number from 0 to 65535".to_owned())?;
            }
            "--account" => args.accounts.push(parse_account(&value("--account")?)?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Parsed::Run(args))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("fake-rakuraku: {e} (see fake-rakuraku --help)");
            return ExitCode::from(2);
        }
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let fake = match FakeRakuraku::start_on(addr).await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!(
                "fake-rakuraku: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            return ExitCode::FAILURE;
        }
    };
    fake.set_log_requests(true);
    for (account, token) in &args.accounts {
        fake.add_account(account, token);
    }
    eprintln!(
        "fake-rakuraku: {} account(s) registered",
        args.accounts.len()
    );
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "listening on {}", fake.base_url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Parsed, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_accounts_and_port() {
        let Ok(Parsed::Run(a)) = parse(&[
            "--port",
            "9090",
            "--account",
            "xxx,tok1",
            "--account=yyy,tok2",
        ]) else {
            panic!("should parse");
        };
        assert_eq!(a.port, 9090);
        assert_eq!(
            a.accounts,
            [
                ("xxx".to_owned(), "tok1".to_owned()),
                ("yyy".to_owned(), "tok2".to_owned())
            ]
        );
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&["--account", "xxx"]).is_err());
        assert!(parse(&["--account", ",tok"]).is_err());
        assert!(parse(&["--account", "a/b,tok"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        assert!(parse(&["--verbose"]).is_err());
        assert!(matches!(parse(&["-h"]), Ok(Parsed::Help)));
    }
}
