//! Flows are data: well-formed, bilingual, and serialized in the shape the UI expects.

use std::collections::HashSet;

use kagiban_core::flow::{
    find_flow, view, FlowDef, LinkId, StepKind, StepViewKind, AMAZON_MWS, AMAZON_SP_API, FLOWS,
    RAKUTEN_LICENSE_KEY,
};
use kagiban_core::{CredentialKind, Lang, Text};
use serde_json::{json, Value};
use ts_rs::TS;

fn all_texts(flow: &FlowDef) -> Vec<Text> {
    let mut out = vec![flow.title, flow.summary];
    for step in flow.steps {
        out.push(step.title);
        out.extend_from_slice(step.body);
        match step.kind {
            StepKind::Instruction { breadcrumb, .. } | StepKind::HandOver { breadcrumb, .. } => {
                out.extend_from_slice(breadcrumb)
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_flow_is_well_formed() {
    let mut flow_ids = HashSet::new();
    for flow in FLOWS {
        assert!(flow_ids.insert(flow.id), "duplicate flow id {}", flow.id);
        assert_eq!(find_flow(flow.id).map(|f| f.id), Some(flow.id));
        let mut step_ids = HashSet::new();
        for step in flow.steps {
            assert!(step_ids.insert(step.id), "duplicate step id {}", step.id);
            assert!(!step.body.is_empty(), "{} has no text", step.id);
            if let StepKind::Instruction {
                breadcrumb,
                highlight,
                ..
            }
            | StepKind::HandOver {
                breadcrumb,
                highlight,
            } = step.kind
            {
                assert!(
                    highlight < breadcrumb.len(),
                    "{}: highlight out of range",
                    step.id
                );
            }
        }
        for text in all_texts(flow) {
            assert!(
                !text.ja.trim().is_empty() && !text.en.trim().is_empty(),
                "{text:?}"
            );
            // The English side must not be a copy of the Japanese (menu labels keep both).
            assert!(text.ja.is_ascii() || text.en != text.ja, "{text:?}");
        }
    }
    assert!(find_flow("no_such_flow").is_none());
}

#[test]
fn rakuten_flow_has_the_manual_steps_in_order() {
    let flow = find_flow(RAKUTEN_LICENSE_KEY).unwrap();
    let ids: Vec<_> = flow.steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "shop",
            "rms_login",
            "web_api_service",
            "usage_settings",
            "license_info",
            "captcha",
            "issue",
            "service_secret",
            "license_key",
            "verify",
            "handover",
            "done"
        ]
    );
    let ja = |id: &str| -> String {
        let step = flow.steps.iter().find(|s| s.id == id).unwrap();
        step.body.iter().map(|t| t.ja).collect()
    };
    // The manual's words, verbatim.
    assert!(ja("rms_login")
        .contains("楽天RMSにログインし、[店舗様向け情報・サービス]をクリックします。"));
    assert!(ja("web_api_service").contains("[WEB APIサービス]をクリックします。"));
    assert!(ja("usage_settings").contains("[利用設定]の[WEB API]をクリックします。"));
    assert!(ja("license_info").contains("利用情報の[ライセンスキーの確認・変更]をクリックします。"));
    assert!(ja("captcha").contains(
        "『ロボットによる操作ではありません』にチェックを入れ、[確認する]をクリックします。"
    ));
    assert!(ja("issue").contains("表示されたライセンスキーはコピーまたは印刷して保存して下さい。"));
    assert!(ja("verify").contains("10分から30分"));
    assert!(ja("verify").contains("[利用機能一覧]の[利用機能編集]"));
    assert!(ja("handover").contains("[設定を保存して次へ進む]をクリックします。"));
    assert!(ja("done").contains("3ヶ月"));

    let kinds: Vec<_> = flow.steps.iter().map(|s| s.kind).collect();
    assert!(matches!(
        kinds[1],
        StepKind::Instruction {
            link: Some(LinkId::RmsLogin),
            captcha: false,
            ..
        }
    ));
    assert!(matches!(
        kinds[5],
        StepKind::Instruction { captcha: true, .. }
    ));
    assert_eq!(
        kinds[7],
        StepKind::Capture {
            kind: CredentialKind::RakutenServiceSecret,
            first_time_only: true,
            date: None,
            name: None,
        }
    );
    assert_eq!(
        kinds[8],
        StepKind::Capture {
            kind: CredentialKind::RakutenLicenseKey,
            first_time_only: false,
            date: None,
            name: None,
        }
    );
}

#[test]
fn view_serializes_with_type_tags() {
    let flow = find_flow(RAKUTEN_LICENSE_KEY).unwrap();
    let v: Value = serde_json::to_value(view(flow, Lang::Ja)).unwrap();
    assert_eq!(v["id"], "rakuten_license_key");
    assert_eq!(v["title"], "楽天 licenseKey の更新");
    let steps = v["steps"].as_array().unwrap();
    let types: Vec<_> = steps
        .iter()
        .map(|s| s["kind"]["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "chooseShop",
            "instruction",
            "instruction",
            "instruction",
            "instruction",
            "instruction",
            "instruction",
            "capture",
            "capture",
            "verify",
            "handOver",
            "done"
        ]
    );
    assert_eq!(
        steps[1]["kind"],
        json!({
            "type": "instruction",
            "breadcrumb": ["RMSトップ", "店舗様向け情報・サービス"],
            "highlight": 1,
            "link": "rms_login",
            "captcha": false
        })
    );
    assert_eq!(
        steps[8]["kind"],
        json!({"type": "capture", "credentialKind": "rakuten_license_key", "firstTimeOnly": false, "date": null, "name": null})
    );
    assert_eq!(steps[10]["kind"]["breadcrumb"][0], "GoQSystem 受注管理");
    assert_eq!(steps[2]["kind"]["link"], Value::Null);
    assert_eq!(
        steps[0]["body"][0].as_str().map(|s| s.is_empty()),
        Some(false)
    );

    let en: Value = serde_json::to_value(view(flow, Lang::En)).unwrap();
    assert_eq!(en["title"], "Renew the Rakuten licenseKey");
    assert_eq!(en["steps"][0]["title"], "Choose the shop");
}

#[test]
fn view_round_trips_and_typescript_matches() {
    let flow = find_flow(RAKUTEN_LICENSE_KEY).unwrap();
    let v = view(flow, Lang::En);
    let json = serde_json::to_string(&v).unwrap();
    assert_eq!(
        serde_json::from_str::<kagiban_core::FlowView>(&json).unwrap(),
        v
    );
    let ts = StepViewKind::inline();
    for needle in [
        "\"type\": \"chooseShop\"",
        "\"type\": \"handOver\"",
        "credentialKind",
        "firstTimeOnly",
    ] {
        assert!(ts.contains(needle), "{needle} missing in {ts}");
    }
}

#[test]
fn links_are_known_https_urls() {
    for link in LinkId::ALL {
        assert!(link.url().starts_with("https://"), "{link:?}");
        assert_eq!(LinkId::parse(link.as_str()), Some(link));
    }
    assert_eq!(LinkId::RmsLogin.url(), "https://glogin.rms.rakuten.co.jp/");
    assert_eq!(LinkId::parse("https://evil.example/"), None);
}

#[test]
fn every_flow_captures_its_subject_and_dates_only_what_has_a_rule() {
    use kagiban_core::expiry::expiry_from_date;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for flow in FLOWS {
        let captured: Vec<CredentialKind> = flow
            .steps
            .iter()
            .filter_map(|s| match s.kind {
                StepKind::Capture { kind, .. } => Some(kind),
                _ => None,
            })
            .collect();
        assert!(captured.contains(&flow.subject), "{}", flow.id);
        for step in flow.steps {
            if let StepKind::Capture {
                kind,
                date: Some(_),
                ..
            } = step.kind
            {
                assert!(
                    expiry_from_date(kind, day).is_some(),
                    "{}/{}: a day is asked but no rule uses it",
                    flow.id,
                    step.id
                );
            }
            if let StepKind::Capture { kind, .. } = step.kind {
                assert_eq!(kind.marketplace(), flow.marketplace, "{}", step.id);
            }
            if let StepKind::Notice {
                next_flow: Some(next),
            } = step.kind
            {
                assert!(find_flow(next).is_some(), "{next}");
            }
        }
    }
}

#[test]
fn the_sp_api_flow_captures_the_four_values_then_verifies_and_checks_restricted_data() {
    let flow = find_flow(AMAZON_SP_API).unwrap();
    let ids: Vec<&str> = flow.steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "shop",
            "lwa_credentials",
            "client_id",
            "client_secret",
            "authorize",
            "refresh_token",
            "seller_id",
            "marketplace",
            "verify",
            "rdt",
            "done"
        ]
    );
    assert_eq!(flow.subject, CredentialKind::LwaRefreshToken);
    let v = serde_json::to_value(view(flow, Lang::Ja)).unwrap();
    let market = &v["steps"][7]["kind"];
    assert_eq!(market["type"], "chooseMarketplace");
    assert_eq!(market["default"], "A1VC38T7YXB528");
    assert_eq!(market["options"][0]["id"], "A1VC38T7YXB528");
    assert_eq!(market["options"][0]["label"], "日本（A1VC38T7YXB528）");
    let secret = &v["steps"][3]["kind"];
    assert_eq!(secret["credentialKind"], "lwa_client_secret");
    assert!(secret["date"]["label"].as_str().unwrap().contains("発行日"));
    let rdt = &v["steps"][9]["kind"];
    assert_eq!(rdt["type"], "rdtCheck");
    assert_eq!(rdt["needs"][0]["need"]["kind"], "order_buyer_info");
    assert_eq!(rdt["needs"][0]["label"], "注文の購入者情報");
}

#[test]
fn the_mws_flow_opens_with_the_end_of_mws_and_offers_sp_api() {
    let flow = find_flow(AMAZON_MWS).unwrap();
    assert_eq!(flow.steps[0].id, "mws_end");
    let ja = flow.steps[0].body[0].ja;
    assert!(
        ja.contains("2024年3月31日") || ja.contains("2024-03-31"),
        "{ja}"
    );
    let v = serde_json::to_value(view(flow, Lang::Ja)).unwrap();
    assert_eq!(v["steps"][0]["kind"]["type"], "notice");
    assert_eq!(v["steps"][0]["kind"]["nextFlow"]["id"], "amazon_sp_api");
    assert_eq!(
        v["steps"][0]["kind"]["nextFlow"]["label"],
        "Amazon SP-API の認可"
    );
    let developer = flow.steps.iter().find(|s| s.id == "developer").unwrap();
    assert!(matches!(
        developer.kind,
        StepKind::Capture {
            kind: CredentialKind::AmazonDeveloperId,
            date: Some(_),
            name: Some(_),
            ..
        }
    ));
    // The manual's own words.
    let all: String = flow
        .steps
        .iter()
        .flat_map(|s| s.body)
        .map(|t| t.ja)
        .collect();
    assert!(all.contains("“開発者にアクセス権を付与”をクリック。"));
    assert!(all.contains("2か所にチェックを入れ「次へ」をクリック。"));
}

#[test]
fn each_credential_is_renewed_by_the_flow_about_it() {
    use kagiban_core::flow::flow_for_kind;
    let flow = |k| flow_for_kind(k).map(|f| f.id);
    assert_eq!(
        flow(CredentialKind::RakutenLicenseKey),
        Some(RAKUTEN_LICENSE_KEY)
    );
    assert_eq!(
        flow(CredentialKind::RakutenServiceSecret),
        Some(RAKUTEN_LICENSE_KEY)
    );
    assert_eq!(flow(CredentialKind::LwaRefreshToken), Some(AMAZON_SP_API));
    assert_eq!(flow(CredentialKind::LwaClientSecret), Some(AMAZON_SP_API));
    assert_eq!(flow(CredentialKind::AmazonSellerId), Some(AMAZON_SP_API));
    assert_eq!(flow(CredentialKind::AmazonDeveloperId), Some(AMAZON_MWS));
    assert_eq!(flow(CredentialKind::AmazonMwsAuthToken), Some(AMAZON_MWS));
    assert_eq!(flow(CredentialKind::RakurakuApiToken), None);
}
