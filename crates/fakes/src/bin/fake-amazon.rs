//! `fake-amazon`: runs the fake Login with Amazon token endpoint and SP-API (marketplace
//! participations, restricted data tokens) on loopback until killed.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use kagiban_fakes::amazon::{FakeAmazon, Marketplace, SellerAuthorization};

const HELP: &str = "\
fake-amazon: a local fake of Login with Amazon (POST /auth/o2/token) and the Selling Partner API
(GET /sellers/v1/marketplaceParticipations, POST /tokens/2021-03-01/restrictedDataToken), for tests.

USAGE:
    fake-amazon [--port N] [--app ID,SECRET]... [--refresh-token SPEC]...

OPTIONS:
    --port N              Port on 127.0.0.1 to listen on (default 0: a free port).
    --app ID,SECRET       Registers an app (LWA client id and client secret); may be repeated.
    --refresh-token SPEC  Registers a seller authorization; may be repeated. SPEC is
                          comma-separated: TOKEN,CLIENT_ID[,MARKETPLACES[,ROLES]]
                            TOKEN         the refresh token, e.g. Atzr|IwEBIexample
                            CLIENT_ID     the app it was issued to
                            MARKETPLACES  ';'-separated ids (default A1VC38T7YXB528, Japan);
                                          known: A1VC38T7YXB528 ATVPDKIKX0DER A39IBJ37TRP1C6
                                          A19VAU5U5O7RUS
                            ROLES         ';'-separated, e.g. Tax Invoicing;Direct-to-Consumer Shipping
    -h, --help            Prints this help.

When ready it prints exactly one line to stdout:
    listening on http://127.0.0.1:PORT
then logs `METHOD PATH -> STATUS` for each request to stderr (never headers or bodies).

Point the app at it with
    KAGIBAN_LWA_TOKEN_URL=http://127.0.0.1:PORT/auth/o2/token
    KAGIBAN_SPAPI_BASE=http://127.0.0.1:PORT

Control endpoints (JSON):
    POST /__fake/apps                  {\"clientId\",\"clientSecret\"}
    POST /__fake/refresh-tokens        {\"refreshToken\",\"clientId\",\"marketplaces\":[\"A1VC38T7YXB528\"],
                                        \"roles\":[\"Tax Invoicing\"],\"revoked\":false,
                                        \"accessTokenExpiresIn\":3600}
    POST /__fake/script                {\"kind\":\"tooManyRequests\",\"retryAfterSecs\":1,\"rateLimit\":0.016,
                                        \"path\":\"/sellers/v1/marketplaceParticipations\"}; kinds:
                                        tooManyRequests, serviceUnavailable, internalError,
                                        hang {\"millis\"}, raw {\"status\",\"contentType\",\"body\"};
                                        without \"path\" it applies to the next request
    POST /__fake/expire-access-tokens  every access token issued so far expires now
    GET  /__fake/requests              the requests received so far (with the fake secrets)
";

struct Args {
    port: u16,
    apps: Vec<(String, String)>,
    authorizations: Vec<SellerAuthorization>,
}

enum Parsed {
    Run(Args),
    Help,
}

fn parse_app(spec: &str) -> Result<(String, String), String> {
    match spec.split_once(',') {
        Some((id, secret)) if !id.is_empty() && !secret.is_empty() && !secret.contains(',') => {
            Ok((id.to_owned(), secret.to_owned()))
        }
        _ => Err("--app expects ID,SECRET".into()),
    }
}

fn parse_refresh_token(spec: &str) -> Result<SellerAuthorization, String> {
    let parts: Vec<&str> = spec.split(',').collect();
    let (token, client_id, marketplaces, roles) = match parts.as_slice() {
        [t, c] => (*t, *c, None, None),
        [t, c, m] => (*t, *c, Some(*m), None),
        [t, c, m, r] => (*t, *c, Some(*m), Some(*r)),
        _ => return Err("--refresh-token expects TOKEN,CLIENT_ID[,MARKETPLACES[,ROLES]]".into()),
    };
    if token.is_empty() || client_id.is_empty() {
        return Err("--refresh-token: TOKEN and CLIENT_ID must not be empty".into());
    }
    let mut authorization = SellerAuthorization::new(token, client_id);
    if let Some(list) = marketplaces {
        authorization.marketplaces = list
            .split(';')
            .filter(|id| !id.is_empty())
            .map(|id| {
                Marketplace::by_id(id)
                    .ok_or_else(|| format!("--refresh-token: unknown marketplace id {id:?}"))
            })
            .collect::<Result<_, _>>()?;
    }
    if let Some(list) = roles {
        authorization.roles = list
            .split(';')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
    }
    Ok(authorization)
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let mut args = Args {
        port: 0,
        apps: Vec::new(),
        authorizations: Vec::new(),
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
            "--app" => args.apps.push(parse_app(&value("--app")?)?),
            "--refresh-token" => args
                .authorizations
                .push(parse_refresh_token(&value("--refresh-token")?)?),
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
            eprintln!("fake-amazon: {e} (see fake-amazon --help)");
            return ExitCode::from(2);
        }
    };
    let fake = match FakeAmazon::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port))).await
    {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("fake-amazon: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    fake.set_log_requests(true);
    for (id, secret) in &args.apps {
        fake.add_app(id, secret);
    }
    let count = args.authorizations.len();
    for authorization in args.authorizations {
        fake.add_refresh_token(authorization);
    }
    eprintln!(
        "fake-amazon: {} app(s), {count} refresh token(s) registered",
        args.apps.len()
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
    fn parses_apps_and_refresh_tokens() {
        let Ok(Parsed::Run(a)) = parse(&[
            "--port",
            "8080",
            "--app",
            "amzn1.application-oa2-client.abc,amzn1.oa2-cs.v1.def",
            "--refresh-token",
            "Atzr|IwEBIone,amzn1.application-oa2-client.abc",
            "--refresh-token=Atzr|IwEBItwo,amzn1.application-oa2-client.abc,ATVPDKIKX0DER;A1VC38T7YXB528,Tax Invoicing; Direct-to-Consumer Shipping",
        ]) else {
            panic!("should parse");
        };
        assert_eq!(a.port, 8080);
        assert_eq!(
            a.apps,
            [(
                "amzn1.application-oa2-client.abc".to_owned(),
                "amzn1.oa2-cs.v1.def".to_owned()
            )]
        );
        assert_eq!(a.authorizations.len(), 2);
        assert_eq!(a.authorizations[0].refresh_token, "Atzr|IwEBIone");
        assert_eq!(a.authorizations[0].marketplaces, [Marketplace::japan()]);
        assert!(a.authorizations[0].roles.is_empty());
        assert_eq!(
            a.authorizations[1].marketplaces,
            [Marketplace::united_states(), Marketplace::japan()]
        );
        assert_eq!(
            a.authorizations[1].roles,
            ["Tax Invoicing", "Direct-to-Consumer Shipping"]
        );
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&["--app", "only-id"]).is_err());
        assert!(parse(&["--app", "a,b,c"]).is_err());
        assert!(parse(&["--refresh-token", "Atzr|x"]).is_err());
        assert!(parse(&["--refresh-token", "Atzr|x,c,NOPE"]).is_err());
        assert!(parse(&["--refresh-token", "a,b,c,d,e"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--verbose"]).is_err());
        assert!(matches!(parse(&["--help"]), Ok(Parsed::Help)));
    }
}
