//! Flows are data: well-formed, bilingual, and serialized in the shape the UI expects.

use std::collections::HashSet;

use kagiban_core::flow::{
    find_flow, view, FlowDef, LinkId, StepKind, StepViewKind, FLOWS, RAKUTEN_LICENSE_KEY,
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
        json!({"type": "capture", "credentialKind": "rakuten_license_key", "firstTimeOnly": false})
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
