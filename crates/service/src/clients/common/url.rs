//! The rules for configured URLs: `https`, or plain `http` on a loopback host only.

use reqwest::Url;

/// What is wrong with a configured URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlProblem {
    Invalid,
    NoHost,
    PlainHttp,
    NotHttps,
    QueryOrFragment,
    UserInfo,
}

impl UrlProblem {
    /// The message, naming the URL as `what` ("token URL", "base URL").
    pub(crate) fn describe(self, what: &str) -> String {
        match self {
            UrlProblem::Invalid => format!("the {what} is not a valid absolute URL"),
            UrlProblem::NoHost => format!("the {what} has no host"),
            UrlProblem::PlainHttp => {
                format!("plain http is allowed for loopback hosts only; the {what} must use https")
            }
            UrlProblem::NotHttps => format!("the {what} must use https"),
            UrlProblem::QueryOrFragment => format!("the {what} must not have a query or fragment"),
            UrlProblem::UserInfo => format!("the {what} must not contain user information"),
        }
    }
}

/// Parses and checks a configured URL: `https`, or `http` on a loopback host; no query,
/// fragment or user information. Returns the URL and whether its host is loopback.
pub(crate) fn check_url(raw: &str) -> Result<(Url, bool), UrlProblem> {
    let url = Url::parse(raw.trim()).map_err(|_| UrlProblem::Invalid)?;
    let host = url.host_str().ok_or(UrlProblem::NoHost)?;
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err(UrlProblem::PlainHttp),
        _ => return Err(UrlProblem::NotHttps),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(UrlProblem::QueryOrFragment);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::UserInfo);
    }
    Ok((url, loopback))
}

/// [`check_url`], with the problem described for the URL named `what`.
pub(crate) fn checked_url(raw: &str, what: &str) -> Result<(Url, bool), String> {
    check_url(raw).map_err(|problem| problem.describe(what))
}

/// `base` with `path` appended to its own path (a path prefix is kept, a trailing slash is not
/// doubled).
pub(crate) fn endpoint(base: &Url, path: &str) -> Url {
    let mut url = base.clone();
    url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
    url
}

/// A configured override: `Some` when given and not blank, trimmed.
pub(crate) fn url_override(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::lwa::DEFAULT_TOKEN_URL;

    #[test]
    fn url_rules() {
        assert!(checked_url(DEFAULT_TOKEN_URL, "token URL").is_ok_and(|(_, l)| !l));
        assert!(checked_url("http://127.0.0.1:9/auth/o2/token", "u").is_ok_and(|(_, l)| l));
        assert!(checked_url("http://[::1]:9/", "u").is_ok_and(|(_, l)| l));
        assert!(checked_url("http://localhost/", "u").is_ok());
        for bad in [
            "http://api.amazon.com/auth/o2/token",
            "ftp://127.0.0.1/",
            "not a url",
            "https://h/?x=1",
            "https://h/#f",
            "https://u:p@h/",
            "",
        ] {
            assert!(checked_url(bad, "u").is_err(), "{bad}");
        }
    }
}
