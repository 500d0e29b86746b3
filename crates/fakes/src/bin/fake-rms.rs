//! `fake-rms`: runs the fake RMS LicenseManagementAPI on loopback until killed.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use kagiban_fakes::rms::FakeRms;

const HELP: &str = "\
fake-rms: a local fake of Rakuten RMS LicenseManagementAPI (license.expiryDate.get), for tests.

USAGE:
    fake-rms [--port N] [--key SP,SL,EXPIRY[,ACTIVE_AFTER_SECS]]...

OPTIONS:
    --port N      Port on 127.0.0.1 to listen on (default 0: a free port).
    --key SPEC    Registers a key pair; may be repeated. SPEC is comma-separated:
                    SP                 the serviceSecret, e.g. SP123456_abc
                    SL                 the licenseKey, e.g. SL123456_def
                    EXPIRY             the expiryDate returned, JST without zone,
                                       e.g. 2027-02-28T23:59:59 (a past date answers 401)
                    ACTIVE_AFTER_SECS  optional: answers 401 until this many seconds
                                       after start (a freshly issued key)
                  Example: --key SP123456_abc,SL123456_def,2027-02-28T23:59:59,60
    -h, --help    Prints this help.

When ready it prints exactly one line to stdout:
    listening on http://127.0.0.1:PORT
then logs `METHOD PATH -> STATUS` for each request to stderr (never headers or query values).

Point the app at it with KAGIBAN_RAKUTEN_API_BASE=http://127.0.0.1:PORT.

Control endpoints (JSON):
    POST /__fake/keys     {\"serviceSecret\",\"licenseKey\",\"expiryDate\",\"activeAfterSecs\"}
    POST /__fake/script   {\"kind\":\"tooManyRequests\",\"retryAfterSecs\":1}; kinds: tooManyRequests,
                          serviceUnavailable, internalError, html200, malformedJson200,
                          hang {\"millis\"}, missingLicenseKey, raw {\"status\",\"contentType\",\"body\"}
    GET  /__fake/requests the requests received so far
";

struct KeySpec {
    service_secret: String,
    license_key: String,
    expiry_date: String,
    active_after: Duration,
}

struct Args {
    port: u16,
    keys: Vec<KeySpec>,
}

fn parse_key(spec: &str) -> Result<KeySpec, String> {
    let parts: Vec<&str> = spec.split(',').collect();
    let (sp, sl, expiry, active) = match parts.as_slice() {
        [sp, sl, expiry] => (*sp, *sl, *expiry, None),
        [sp, sl, expiry, active] => (*sp, *sl, *expiry, Some(*active)),
        _ => return Err("--key expects SP,SL,EXPIRY[,ACTIVE_AFTER_SECS]".into()),
    };
    if sp.is_empty() || sl.is_empty() || expiry.is_empty() {
        return Err("--key: SP, SL and EXPIRY must not be empty".into());
    }
    let active_after = match active {
        None => Duration::ZERO,
        Some(s) => Duration::from_secs(
            s.parse()
                .map_err(|_| "--key: ACTIVE_AFTER_SECS must be a whole number of seconds")?,
        ),
    };
    Ok(KeySpec {
        service_secret: sp.to_owned(),
        license_key: sl.to_owned(),
        expiry_date: expiry.to_owned(),
        active_after,
    })
}

enum Parsed {
    Run(Args),
    Help,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut args = Args {
        port: 0,
        keys: Vec::new(),
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
            "--key" => args.keys.push(parse_key(&value("--key")?)?),
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
            eprintln!("fake-rms: {e} (see fake-rms --help)");
            return ExitCode::from(2);
        }
    };
    let fake = match FakeRms::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port))).await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("fake-rms: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    fake.set_log_requests(true);
    for key in &args.keys {
        fake.add_key(
            &key.service_secret,
            &key.license_key,
            &key.expiry_date,
            key.active_after,
        );
    }
    eprintln!("fake-rms: {} key(s) registered", args.keys.len());
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
    fn parses_keys_with_colons_in_the_expiry() {
        let Ok(Parsed::Run(a)) = parse(&[
            "--port",
            "8080",
            "--key",
            "SP1_a,SL1_b,2027-02-28T23:59:59,30",
            "--key=SP2_a,SL2_b,2026-01-01T00:00:00",
        ]) else {
            panic!("should parse");
        };
        assert_eq!(a.port, 8080);
        assert_eq!(a.keys.len(), 2);
        assert_eq!(a.keys[0].service_secret, "SP1_a");
        assert_eq!(a.keys[0].license_key, "SL1_b");
        assert_eq!(a.keys[0].expiry_date, "2027-02-28T23:59:59");
        assert_eq!(a.keys[0].active_after, Duration::from_secs(30));
        assert_eq!(a.keys[1].active_after, Duration::ZERO);
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&["--key", "SP,SL"]).is_err());
        assert!(parse(&["--key", "SP,SL,2027-01-01T00:00:00,soon"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--verbose"]).is_err());
        assert!(matches!(parse(&["--help"]), Ok(Parsed::Help)));
    }
}
