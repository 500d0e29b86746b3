//! 楽楽コネクタ field rules, table-driven: the URL, the token, the agent values, the IDs, the
//! folder and file names, the schedule. Full-width input included.

use kagiban_core::rakuraku::{
    check_agent_id, check_agent_key, check_api_token, check_file_prefix, check_folder_name,
    check_id, normalize_meisai_url, prefix_match, Every, IdField, PrefixMatch, Rule, Timing,
    Weekday,
};
use kagiban_core::Warning;

const TOKEN: &str = "a1B2c3D4e5F6g7H8j9K0m1N2p3Q4r5S6t7U8v9W0x1Y2z3A4b5C6d7E8f9G0h1J2";

#[test]
fn meisai_urls_are_normalized_as_the_manual_says() {
    let ok = "https://rbsample.eco-serv.jp/xxxxxxx/";
    let cases: &[(&str, &str, &[Rule])] = &[
        (ok, ok, &[]),
        ("https://rbsample.eco-serv.jp/xxxxxxx", ok, &[]),
        ("https://rbsample.eco-serv.jp/xxxxxxx/backadmin", ok, &[]),
        ("https://rbsample.eco-serv.jp/xxxxxxx/backadmin/", ok, &[]),
        ("https://rbsample.eco-serv.jp/xxxxxxx/backadmin/bill/list?page=2#top", ok, &[]),
        ("https://RBSAMPLE.Eco-Serv.JP/xxxxxxx/BackAdmin", ok, &[]),
        ("  https://rbsample.eco-serv.jp/xxxxxxx/backadmin\n", ok, &[]),
        ("「https://rbsample.eco-serv.jp/xxxxxxx/」", ok, &[]),
        ("https://rbsample.eco-serv.jp:443/xxxxxxx/", ok, &[]),
        ("https://rbsample.eco-serv.jp/xxxxxxx/?login=1", ok, &[]),
        // A URL broken over two lines when pasted from a mail.
        ("https://rbsample.eco-serv.jp/\nxxxxxxx/backadmin", ok, &[]),
        (
            "ｈｔｔｐｓ：／／ｒｂｓａｍｐｌｅ．ｅｃｏ－ｓｅｒｖ．ｊｐ／ｘｘｘｘｘｘｘ／ｂａｃｋａｄｍｉｎ",
            ok,
            &[Rule::FullWidthNormalized],
        ),
        ("rbsample.eco-serv.jp/xxxxxxx/backadmin", ok, &[Rule::UrlSchemeAdded]),
        ("https://rbsample.eco-serv.jp/xxxxxxx/mypage/", ok, &[Rule::UrlPathDropped]),
        (
            "https://rbsample.eco-serv.jp/xxxxxxx/api/v1/customers/",
            ok,
            &[Rule::UrlPathDropped],
        ),
        (
            "https://ta.eco-serv.jp/acme_co/backadmin",
            "https://ta.eco-serv.jp/acme_co/",
            &[],
        ),
        (
            "https://example.com/xxxxxxx/backadmin",
            "https://example.com/xxxxxxx/",
            &[Rule::UrlNotEcoServ],
        ),
        (
            "https://eco-serv.jp.example.com/x/",
            "https://eco-serv.jp.example.com/x/",
            &[Rule::UrlNotEcoServ],
        ),
        (
            "https://localhost:8443/x/",
            "https://localhost:8443/x/",
            &[Rule::UrlNotEcoServ],
        ),
    ];
    for (raw, want, warnings) in cases {
        let got = normalize_meisai_url(raw).unwrap_or_else(|e| panic!("{raw}: {e:?}"));
        assert_eq!(got.url, *want, "{raw}");
        assert_eq!(got.warnings, *warnings, "{raw}");
    }
    let parsed = normalize_meisai_url("https://rbsample.eco-serv.jp/xxxxxxx/backadmin").unwrap();
    assert_eq!(parsed.host, "rbsample.eco-serv.jp");
    assert_eq!(parsed.account, "xxxxxxx");
}

#[test]
fn meisai_urls_that_cannot_be_used_are_refused_with_their_reason() {
    let cases: &[(&str, Rule)] = &[
        ("", Rule::UrlEmpty),
        ("   \u{3000}", Rule::UrlEmpty),
        ("http://rbsample.eco-serv.jp/xxxxxxx/", Rule::UrlNotHttps),
        ("ｈｔｔｐ：／／rbsample.eco-serv.jp/x/", Rule::UrlNotHttps),
        ("ftp://rbsample.eco-serv.jp/x/", Rule::UrlNotHttps),
        ("https://", Rule::UrlNoHost),
        ("https:///xxxxxxx/", Rule::UrlNoHost),
        ("https://rbsample.eco-serv.jp", Rule::UrlNoAccount),
        ("https://rbsample.eco-serv.jp/", Rule::UrlNoAccount),
        ("https://rbsample.eco-serv.jp/backadmin", Rule::UrlNoAccount),
        ("楽楽明細の管理画面", Rule::UrlInvalid),
        ("xxxxxxx", Rule::UrlInvalid),
        ("https://user:pw@rbsample.eco-serv.jp/x/", Rule::UrlInvalid),
        ("https://rb!sample.eco-serv.jp/x/", Rule::UrlInvalid),
        ("https://rb_sample.eco-serv.jp/x/", Rule::UrlInvalid),
        ("https://rbsample.eco-serv.jp:99999/x/", Rule::UrlInvalid),
        ("https://rbsample.eco-serv.jp/%E6%A5%BD/", Rule::UrlInvalid),
        ("https://rbsample.eco-serv.jp/楽楽/", Rule::UrlInvalid),
    ];
    for (raw, rule) in cases {
        assert_eq!(
            normalize_meisai_url(raw).map(|u| u.url),
            Err(*rule),
            "{raw:?}"
        );
    }
}

#[test]
fn api_tokens_are_cleaned_and_an_unusual_shape_is_only_a_warning() {
    let full_width: String = TOKEN
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect();
    let with_l = format!("l{}", &TOKEN[1..]);
    let cases: Vec<(String, &[Warning])> = vec![
        (TOKEN.to_string(), &[]),
        (format!("  {TOKEN}\n"), &[]),
        (format!("\"{TOKEN}\""), &[]),
        (full_width, &[Warning::FullWidthNormalized]),
        (
            format!("{}\n{}", &TOKEN[..32], &TOKEN[32..]),
            &[Warning::WhitespaceRemoved],
        ),
        (
            format!("{}\u{200B}{}", &TOKEN[..10], &TOKEN[10..]),
            &[Warning::ZeroWidthRemoved],
        ),
        (TOKEN[..63].to_string(), &[Warning::UnusualTokenFormat]),
        (format!("{TOKEN}x"), &[Warning::UnusualTokenFormat]),
        (
            format!("{}-_", &TOKEN[..62]),
            &[Warning::UnusualTokenFormat],
        ),
        (with_l, &[Warning::ConfusableIl]),
        // 64 lowercase hex (the legacy LWA secret shape) is still a 楽楽明細 token here.
        ("0123456789abcdef".repeat(4), &[]),
    ];
    for (raw, warnings) in &cases {
        let checked = check_api_token(raw).unwrap_or_else(|e| panic!("{raw}: {e:?}"));
        assert_eq!(checked.warnings, *warnings, "{raw:?}");
        assert!(checked.value.expose().chars().all(|c| c.is_ascii_graphic()));
    }
    assert_eq!(
        check_api_token(&format!("  {TOKEN}\n"))
            .unwrap()
            .value
            .expose(),
        TOKEN
    );
    for (raw, rule) in [
        ("", Rule::ApiTokenEmpty),
        ("\u{3000}\n", Rule::ApiTokenEmpty),
        ("トークン", Rule::ApiTokenNotAscii),
        ("abc漢字def", Rule::ApiTokenNotAscii),
    ] {
        assert_eq!(check_api_token(raw).map(|_| ()), Err(rule), "{raw:?}");
    }
}

#[test]
fn agent_values_are_opaque_and_only_trimmed() {
    let cases: &[(&str, Result<&str, Rule>)] = &[
        ("AG-0001-xyz", Ok("AG-0001-xyz")),
        ("  AG-0001-xyz \n", Ok("AG-0001-xyz")),
        ("\u{3000}AG-0001-xyz\u{3000}", Ok("AG-0001-xyz")),
        // Opaque: full-width characters inside are kept exactly as the agent shows them.
        ("ＡＧ１", Ok("ＡＧ１")),
        ("a b", Ok("a b")),
        ("\u{200B}AG1", Ok("AG1")),
        ("", Err(Rule::AgentIdMissing)),
        (" \u{3000} ", Err(Rule::AgentIdMissing)),
        ("AG\t1", Err(Rule::ControlCharacters)),
    ];
    for (raw, want) in cases {
        assert_eq!(check_agent_id(raw).as_deref(), want.as_deref(), "{raw:?}");
    }
    let key = check_agent_key(" k3y/+=Value\u{200B}\n").unwrap();
    assert_eq!(key.value.expose(), "k3y/+=Value");
    assert_eq!(key.warnings, [Warning::ZeroWidthRemoved]);
    assert!(check_agent_key("k3y").unwrap().warnings.is_empty());
    assert_eq!(
        check_agent_key("\u{3000}").map(|_| ()),
        Err(Rule::AgentKeyMissing)
    );
    assert_eq!(
        check_agent_key("a\nb").map(|_| ()),
        Err(Rule::ControlCharacters)
    );
}

#[test]
fn ids_are_positive_whole_numbers_and_full_width_digits_are_converted() {
    /// `None`: refused as not a number.
    type Want = Option<(Option<&'static str>, bool)>;
    let cases: &[(&str, Want)] = &[
        ("", Some((None, false))),
        ("  ", Some((None, false))),
        ("1", Some((Some("1"), false))),
        ("12", Some((Some("12"), false))),
        (" 12 ", Some((Some("12"), false))),
        ("007", Some((Some("7"), false))),
        ("１２", Some((Some("12"), true))),
        ("\u{3000}３", Some((Some("3"), true))),
        ("0", None),
        ("000", None),
        ("-1", None),
        ("1.5", None),
        ("1,000", None),
        ("ID1", None),
        ("一", None),
        ("1234567890", None),
    ];
    for field in [
        IdField::ImportSetting,
        IdField::ReportType,
        IdField::ApprovalFlow,
    ] {
        let not_number = match field {
            IdField::ImportSetting => Rule::ImportSettingIdNotNumber,
            IdField::ReportType => Rule::ReportTypeIdNotNumber,
            IdField::ApprovalFlow => Rule::ApprovalFlowIdNotNumber,
        };
        for (raw, want) in cases {
            let got = check_id(raw, field);
            match want {
                Some((id, fw)) => {
                    assert_eq!(got, Ok((id.map(str::to_string), *fw)), "{raw:?}");
                }
                None => assert_eq!(got, Err(not_number), "{raw:?}"),
            }
        }
    }
}

#[test]
fn folder_names_are_one_windows_name_under_the_agents_folder() {
    let cases: &[(&str, Result<&str, Rule>)] = &[
        ("clientmaster", Ok("clientmaster")),
        ("billdata", Ok("billdata")),
        (" billdata ", Ok("billdata")),
        ("\u{3000}請求データ\u{3000}", Ok("請求データ")),
        ("顧客 マスタ", Ok("顧客 マスタ")),
        ("bill.data", Ok("bill.data")),
        ("ＢＩＬＬ", Ok("ＢＩＬＬ")),
        ("", Err(Rule::FolderMissing)),
        ("\u{3000}", Err(Rule::FolderMissing)),
        (
            r"C:\_qanatuniverse\_qua\userdata\clientmaster",
            Err(Rule::FolderHasDrive),
        ),
        ("c:clientmaster", Err(Rule::FolderHasDrive)),
        ("Ｃ：￥clientmaster", Err(Rule::FolderHasDrive)),
        (r"userdata\clientmaster", Err(Rule::FolderHasSeparator)),
        ("userdata/clientmaster", Err(Rule::FolderHasSeparator)),
        ("userdata¥clientmaster", Err(Rule::FolderHasSeparator)),
        ("userdata￥clientmaster", Err(Rule::FolderHasSeparator)),
        ("userdata＼clientmaster", Err(Rule::FolderHasSeparator)),
        (r"\clientmaster", Err(Rule::FolderHasSeparator)),
        ("client*", Err(Rule::FolderForbiddenChar)),
        ("client?", Err(Rule::FolderForbiddenChar)),
        ("a<b", Err(Rule::FolderForbiddenChar)),
        ("a|b", Err(Rule::FolderForbiddenChar)),
        ("a\"b", Err(Rule::FolderForbiddenChar)),
        ("ab:c", Err(Rule::FolderForbiddenChar)),
        ("a\u{1}b", Err(Rule::FolderForbiddenChar)),
        (".", Err(Rule::FolderRelative)),
        ("..", Err(Rule::FolderRelative)),
        ("CON", Err(Rule::FolderReservedName)),
        ("nul", Err(Rule::FolderReservedName)),
        ("Com1", Err(Rule::FolderReservedName)),
        ("LPT9.txt", Err(Rule::FolderReservedName)),
        ("data.", Err(Rule::FolderEndsWithDot)),
    ];
    for (raw, want) in cases {
        assert_eq!(
            check_folder_name(raw).as_deref(),
            want.as_deref(),
            "{raw:?}"
        );
    }
    assert_eq!(check_folder_name("COM0").as_deref(), Ok("COM0"));
    assert_eq!(check_folder_name("CONSOLE").as_deref(), Ok("CONSOLE"));
    assert_eq!(
        check_folder_name(&"a".repeat(256)),
        Err(Rule::FolderTooLong)
    );
}

#[test]
fn file_names_are_prefixes_without_wildcards() {
    let cases: &[(&str, Result<&str, Rule>)] = &[
        ("customer_", Ok("customer_")),
        ("請求データ", Ok("請求データ")),
        (" bill ", Ok("bill")),
        ("bill.csv", Ok("bill.csv")),
        ("", Err(Rule::FileNameMissing)),
        ("*.csv", Err(Rule::FileNameWildcard)),
        ("bill?", Err(Rule::FileNameWildcard)),
        ("bill＊", Err(Rule::FileNameWildcard)),
        ("bill？", Err(Rule::FileNameWildcard)),
        ("billdata/bill", Err(Rule::FileNameHasSeparator)),
        (r"billdata\bill", Err(Rule::FileNameHasSeparator)),
        ("billdata¥bill", Err(Rule::FileNameHasSeparator)),
        ("bill|", Err(Rule::FileNameForbiddenChar)),
        ("bill<", Err(Rule::FileNameForbiddenChar)),
    ];
    for (raw, want) in cases {
        assert_eq!(
            check_file_prefix(raw).as_deref(),
            want.as_deref(),
            "{raw:?}"
        );
    }
    let matches: &[(&str, &str, PrefixMatch)] = &[
        ("請求データ_202601.csv", "請求データ", PrefixMatch::Exact),
        ("bill_01.csv", "bill", PrefixMatch::Exact),
        ("Bill_01.csv", "bill", PrefixMatch::CaseOnly),
        ("old_bill.csv", "bill", PrefixMatch::No),
        ("bil.csv", "bill", PrefixMatch::No),
    ];
    for (name, prefix, want) in matches {
        assert_eq!(prefix_match(name, prefix), *want, "{name} / {prefix}");
    }
}

#[test]
fn schedules_take_the_manuals_hours_and_a_day_of_the_month() {
    let at = |every, hour| Timing::Scheduled { every, hour };
    let cases: Vec<(Timing, Vec<(&str, Rule)>)> = vec![
        (Timing::NotLinked, vec![]),
        (Timing::Manual, vec![]),
        (at(Every::Daily, 0), vec![]),
        (at(Every::Daily, 23), vec![]),
        (at(Every::Daily, 24), vec![("hour", Rule::HourOutOfRange)]),
        (
            at(
                Every::Weekly {
                    weekday: Weekday::Mon,
                },
                9,
            ),
            vec![],
        ),
        (at(Every::Monthly { day: 1 }, 9), vec![]),
        (at(Every::Monthly { day: 28 }, 9), vec![]),
        (
            at(Every::Monthly { day: 29 }, 9),
            vec![("every.day", Rule::DayMissingInSomeMonths)],
        ),
        (
            at(Every::Monthly { day: 31 }, 9),
            vec![("every.day", Rule::DayMissingInSomeMonths)],
        ),
        (
            at(Every::Monthly { day: 0 }, 9),
            vec![("every.day", Rule::DayOutOfRange)],
        ),
        (
            at(Every::Monthly { day: 32 }, 30),
            vec![
                ("hour", Rule::HourOutOfRange),
                ("every.day", Rule::DayOutOfRange),
            ],
        ),
    ];
    for (timing, want) in cases {
        assert_eq!(timing.check(), want, "{timing:?}");
    }
    assert!(!Timing::NotLinked.links());
    assert!(Timing::Manual.links());
    assert_eq!(Weekday::ALL.len(), 7);
    assert_eq!(Weekday::Sun.label().ja, "日曜日");
    let json = serde_json::to_value(at(
        Every::Weekly {
            weekday: Weekday::Fri,
        },
        3,
    ))
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "scheduled", "every": {"type": "weekly", "weekday": "fri"}, "hour": 3})
    );
}
