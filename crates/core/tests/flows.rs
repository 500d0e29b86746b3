//! Flows are data: well-formed, bilingual, and serialized in the shape the UI expects.

use std::collections::HashSet;

use kagiban_core::flow::{
    find_flow, view, FlowDef, LinkId, StepKind, StepViewKind, AMAZON_MWS, AMAZON_SP_API, FLOWS,
    RAKURAKU_CONNECTOR, RAKUTEN_LICENSE_KEY,
};
use kagiban_core::form::FieldInput;
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
            StepKind::Form { fields, .. } => {
                for field in fields {
                    out.push(field.label);
                    out.extend_from_slice(field.help);
                    if let FieldInput::Choice { options } = field.input {
                        for o in options {
                            out.push(o.label);
                            out.extend(o.help);
                        }
                    }
                }
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
        let form_fields: Vec<&str> = flow
            .steps
            .iter()
            .flat_map(|s| match s.kind {
                StepKind::Form { fields, .. } => fields.iter().map(|f| f.id).collect(),
                _ => Vec::new(),
            })
            .collect();
        for step in flow.steps {
            assert!(step_ids.insert(step.id), "duplicate step id {}", step.id);
            if let StepKind::Form { fields, .. } = step.kind {
                assert!(!fields.is_empty(), "{}: a form without fields", step.id);
                let mut ids = HashSet::new();
                for field in fields {
                    assert!(
                        ids.insert(field.id),
                        "{}: duplicate field {}",
                        step.id,
                        field.id
                    );
                    assert!(
                        !field.help.is_empty(),
                        "{}: {} has no help",
                        step.id,
                        field.id
                    );
                    if let Some(toggle) = field.only_if {
                        assert!(
                            form_fields.contains(&toggle),
                            "{}: unknown toggle {toggle}",
                            field.id
                        );
                    }
                    if let FieldInput::Choice { options } = field.input {
                        assert!(options.len() >= 2, "{}", field.id);
                    }
                }
            }
            if let StepKind::IpAllowList {
                addresses,
                option_field,
            } = step.kind
            {
                assert!(!addresses.is_empty());
                assert!(form_fields.contains(&option_field), "{option_field}");
            }
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
            .flat_map(|s| s.kind.captured_kinds())
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
            for kind in step.kind.captured_kinds() {
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
    assert_eq!(
        flow(CredentialKind::RakurakuApiToken),
        Some(RAKURAKU_CONNECTOR)
    );
    assert_eq!(
        flow(CredentialKind::RakurakuAgentKey),
        Some(RAKURAKU_CONNECTOR)
    );
}

#[test]
fn the_rakuraku_flow_follows_the_manual_in_its_own_words() {
    let flow = find_flow(RAKURAKU_CONNECTOR).unwrap();
    let ids: Vec<&str> = flow.steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "shop",
            "options",
            "connector_login",
            "connector_settings",
            "agent_download",
            "agent_extract",
            "agent_install",
            "agent_start",
            "step1",
            "connection_test",
            "step2",
            "ip_restriction",
            "step3",
            "step4",
            "folder_check",
            "sheet",
            "done"
        ]
    );
    assert_eq!(flow.subject, CredentialKind::RakurakuApiToken);
    // Every step that happens in another system has a link.
    for step in &flow.steps[2..8] {
        assert!(
            matches!(
                step.kind,
                StepKind::Instruction {
                    link: Some(LinkId::RakurakuConnectorManual),
                    ..
                }
            ),
            "{}",
            step.id
        );
    }
    let mut all = String::new();
    for step in flow.steps {
        for t in step.body {
            all.push_str(t.ja);
        }
        if let StepKind::Form { fields, .. } = step.kind {
            for f in fields {
                all.push_str(f.label.ja);
                for t in f.help {
                    all.push_str(t.ja);
                }
                if let FieldInput::Choice { options } = f.input {
                    for o in options {
                        all.push_str(o.label.ja);
                        all.push_str(o.help.map(|h| h.ja).unwrap_or_default());
                    }
                }
            }
        }
    }
    // Every step, field, option and note of the manual, verbatim.
    for sentence in [
        "※ご利用の際はAPI連携オプションを合わせて申込いただく必要がございます。",
        "「ログイン」をクリックします。",
        "IDとパスワードを入力し、「LOG IN」をクリックします。",
        "「連携設定」をクリックします。",
        "「ダウンロード」をクリックします。",
        "動作に必要なプログラムのインストーラがダウンロードされます。",
        "ダウンロードされた「setup.zip」を解凍します。",
        "該当ファイルを右クリックし\"すべて展開\"を選択し解凍します。",
        "解凍すると「setup」というフォルダが作成されます。",
        "「setup」フォルダ内の「QanatUniverseAgent_導入マニュアル.pdf」を確認の上、QanatUniverseエージェントをインストールください。",
        "タスクトレイのアイコンを右クリックし、表示されるポップアップメニューから「起動」を選択します。",
        "起動が完了すると、メッセージが表示されます。",
        "楽楽コネクタにログイン>「連携設定」>「Step1.「楽楽明細」API接続設定」を設定します。",
        "貴社管理画面URLの「https://rbsample.eco-serv.jp/xxxxxxx/」までを貼り付けます。",
        "(末尾の「/backadmin」は削除します。)",
        "※URLのrbsampleとxxx部分はご利用環境により異なります。",
        "「楽楽明細」のAPI設定画面にて発行したコードです。",
        "APIトークンの発行方法については、「API連携」を参照ください。",
        "楽楽コネクタにログイン>「連携設定」>「Step2.Qanat Universe Agent接続設定」を設定します。",
        "QanatUniverseエージェントの設定画面の「エージェントID(AgentId)」を貼り付けます。",
        "QanatUniverseエージェントの設定画面の「エージェントキー(AgentKey)」を貼り付けます。",
        "【IPアドレス制限オプションをご利用されている場合のみ】",
        "※IPアドレスの追加手順は、「IPアドレス制限」をご確認ください。",
        "※3つとも追加いただく必要があります。",
        "楽楽コネクタにログイン>「連携設定」>「Step3.顧客データ連携設定」を設定します。",
        "取込設定IDとは、「楽楽明細」で設定されている取込フォーマット設定ごとのIDとなります。",
        "取込設定IDは基本設定>顧客CSVの取込フォーマット設定からご確認いただけます。",
        "未入力の場合、取込設定IDの値が最も小さい取込フォーマット設定が適用されます。",
        "連携する顧客データを配置するフォルダを指定します。",
        "Qanat Universeエージェント内の「ファイルの配置場所」に続くフォルダ名を指定ください。",
        "「clientmaster」と指定します。",
        "※ファイル名は「前方一致」での連携となります。",
        "Web利用ステータスが「利用中」のお客様のデータをCSV取り込む際にデータを上書きするかを選択できます。",
        "既にデータが登録されている項目が、取り込むCSVデータでは空白だった場合、もとの値を残すか、空白で上書きをするかを選択できます。",
        "連携する顧客データの1行目を読み込むか設定します。",
        "データの連携タイミングを指定ください。",
        "「連携しない」:楽楽コネクタ連携は行われません。",
        "「手動実行」:任意のタイミングで連携を実行します。",
        "「スケジュール実行」:設定したスケジュールごとに自動で連携を実行します。",
        "実行間隔は「毎日」「毎週」「毎月」、時間は「0時」~「23時」の1時間ごとに設定できます。",
        "連携する帳票設定の帳票名を入力します。",
        "「楽楽明細」帳票ごとのIDを入力してください。",
        "帳票種別IDの確認方法については、「帳票の設定」を参照ください。",
        "連携する帳票データを配置するフォルダを指定します。",
        "「billdata」と指定します。",
        "連携する帳票データの1行目を読み込むか設定します。",
        "帳票データの承認方法を選択します。",
        "「楽楽明細」上での承認をスキップしたい場合に選択します。連携の実行後に帳票が即時発行されますので、「楽楽明細」での承認は不要です。",
        "「楽楽明細」上で承認したい場合に選択します。連携の実行後には、「楽楽明細」の帳票データ>「承認依頼待ち」タブに帳票が表示されます。",
        "(承認フローオプションをお申し込みの場合のみ)",
        "承認フローIDは基本設定>承認フロー設定>編集画面よりご確認いただけます。",
        "承認フラグで「承認する」を選択する場合は、承認フロー設定にて「承認をスキップする」にチェックを入れている設定のみ使用できます。",
    ] {
        assert!(all.contains(sentence), "missing: {sentence}");
    }

    let v = serde_json::to_value(view(flow, Lang::Ja)).unwrap();
    let kind = |id: &str| {
        let i = ids.iter().position(|s| *s == id).unwrap();
        v["steps"][i]["kind"].clone()
    };
    assert_eq!(
        kind("ip_restriction"),
        json!({"type": "ipAllowList", "addresses": ["54.249.9.251", "54.65.148.180", "52.68.168.58"], "optionField": "ipRestriction"})
    );
    assert_eq!(kind("connection_test"), json!({"type": "connectionTest"}));
    assert_eq!(kind("sheet"), json!({"type": "sheet"}));
    assert_eq!(
        kind("folder_check"),
        json!({"type": "folderCheck", "windowsDefault": "C:\\_qanatuniverse\\_qua\\userdata"})
    );
    let step1 = kind("step1");
    assert_eq!(step1["type"], "form");
    assert_eq!(step1["repeat"], Value::Null);
    assert_eq!(step1["fields"][0]["id"], "meisaiUrl");
    assert_eq!(step1["fields"][0]["input"], json!({"type": "url"}));
    assert_eq!(
        step1["fields"][1]["input"],
        json!({"type": "secret", "credentialKind": "rakuraku_api_token"})
    );
    let step4 = kind("step4");
    assert_eq!(step4["repeat"], "reports");
    assert_eq!(step4["fields"][0]["input"], json!({"type": "timing"}));
    let approve = &step4["fields"][6];
    assert_eq!(approve["id"], "approve");
    assert_eq!(approve["input"]["options"][0]["label"], "承認する");
    assert_eq!(step4["fields"][7]["onlyIf"], "approvalFlowOption");
    let ts = StepViewKind::inline();
    for needle in [
        "\"type\": \"form\"",
        "\"type\": \"ipAllowList\"",
        "optionField",
        "windowsDefault",
    ] {
        assert!(ts.contains(needle), "{needle} missing in {ts}");
    }
}
