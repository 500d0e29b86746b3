//! Granting a developer access for Amazon MWS (legacy). Source: shippinno's manual
//! 「Amazon認証トークン取得方法」 (seeds/001), steps ①–⑤, and Amazon's MWS documentation with its
//! end-of-service notice (seeds/002). MWS ended on 2024-03-31: the flow opens with that notice,
//! offers the SP-API flow, and never calls any MWS endpoint.

use crate::amazon::expiry::MWS_END_NOTICE;
use crate::flow::{FlowDef, LinkId, Prompt, StepDef, StepKind};
use crate::flows::amazon_sp_api::AMAZON_SP_API;
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::Text;

/// The flow's id.
pub const AMAZON_MWS: &str = "amazon_mws";

const USER_PERMISSIONS: Text = Text::new("ユーザー権限", "ユーザー権限 (User Permissions)");
const MWS_PERMISSIONS: Text = Text::new(
    "Amazon MWS 開発者権限",
    "Amazon MWS 開発者権限 (Amazon MWS developer permissions)",
);
const GRANT: Text = Text::new(
    "開発者にアクセス権を付与",
    "開発者にアクセス権を付与 (grant access to a developer)",
);

const STEPS: &[StepDef] = &[
    StepDef {
        id: "mws_end",
        title: Text::new("MWS の提供終了", "MWS has ended"),
        body: &[MWS_END_NOTICE],
        kind: StepKind::Notice {
            next_flow: Some(AMAZON_SP_API),
        },
    },
    StepDef {
        id: "shop",
        title: Text::new("ショップを選ぶ", "Choose the shop"),
        body: &[Text::new(
            "開発者にアクセス権を付与する Amazon のショップを選んでください。",
            "Choose the Amazon shop that grants the developer access.",
        )],
        kind: StepKind::ChooseShop,
    },
    StepDef {
        id: "sign_in",
        title: Text::new("① サインイン", "① Sign in"),
        body: &[Text::new(
            "セラーセントラルのログイン情報を入力の上、サインインしてください。",
            "Enter your Seller Central login details and sign in.",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[USER_PERMISSIONS],
            highlight: 0,
            link: Some(LinkId::SellerCentralPermissions),
            captcha: false,
        },
    },
    StepDef {
        id: "grant",
        title: Text::new("② アクセス権を付与", "② Grant access"),
        body: &[Text::new(
            "ユーザー権限を求められる画面になります。“開発者にアクセス権を付与”をクリック。",
            "The user permissions screen opens. Click “開発者にアクセス権を付与” (grant access to a developer).",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[USER_PERMISSIONS, MWS_PERMISSIONS, GRANT],
            highlight: 2,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "developer",
        title: Text::new("③ 開発者氏名と開発者ID", "③ Developer name and ID"),
        body: &[Text::new(
            "お使いのツールの開発者氏名と開発者ID（12桁）を入力後「次へ」。",
            "Enter your tool's developer name and developer ID (12 digits), then click 「次へ」 (next).",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::AmazonDeveloperId,
            first_time_only: false,
            date: Some(Prompt {
                label: Text::new("アクセス権を付与した日", "Access granted on"),
                hint: Text::new(
                    "アクセス権はこの日から1年間有効です。「アクセス権を承認」した日から1年延長されます。",
                    "Access lasts one year from this day; 「アクセス権を承認」 extends it to one year from that day.",
                ),
            }),
            name: Some(Prompt {
                label: Text::new("開発者氏名", "Developer name"),
                hint: Text::new(
                    "ツールの説明書に書かれている開発者氏名です（例: shippinno）。",
                    "The developer name given in your tool's manual (e.g. shippinno).",
                ),
            }),
        },
    },
    StepDef {
        id: "consent",
        title: Text::new("④ 同意して次へ", "④ Agree and continue"),
        body: &[Text::new(
            "2か所にチェックを入れ「次へ」をクリック。",
            "Tick the two boxes and click 「次へ」 (next).",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[USER_PERMISSIONS, MWS_PERMISSIONS, GRANT],
            highlight: 2,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "seller_id",
        title: Text::new("⑤ 出品者ID", "⑤ Seller ID"),
        body: &[Text::new(
            "手続きが完了しました。表示された「出品者ID」をコピーしてください。",
            "The procedure is complete. Copy the 「出品者ID」 (seller ID) shown.",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::AmazonSellerId,
            first_time_only: false,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "marketplace_id",
        title: Text::new("⑤ マーケットプレイスID", "⑤ Marketplace ID"),
        body: &[Text::new(
            "同じ画面の「マーケットプレイスID」をコピーしてください。",
            "Copy the 「マーケットプレイスID」 (marketplace ID) on the same screen.",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::AmazonMarketplaceId,
            first_time_only: false,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "auth_token",
        title: Text::new("⑤ MWS認証トークン", "⑤ MWS auth token"),
        body: &[Text::new(
            "同じ画面の「MWS認証トークン」（amzn.mws. で始まる文字列）をコピーしてください。",
            "Copy the 「MWS認証トークン」 (MWS auth token, starting with amzn.mws.) on the same screen.",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::AmazonMwsAuthToken,
            first_time_only: false,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "done",
        title: Text::new("完了", "Done"),
        body: &[Text::new(
            "開発者のアクセス権を鍵番に記録しました。期限が近づいたら、セラーセントラルの「Amazon MWS 開発者権限」で「アクセス権を承認」するようお知らせします。",
            "The developer access is recorded in Kagiban. Before it ends, Kagiban reminds you to click 「アクセス権を承認」 on Seller Central's Amazon MWS developer permissions page.",
        )],
        kind: StepKind::Done,
    },
];

/// The flow.
pub const FLOW: FlowDef = FlowDef {
    id: AMAZON_MWS,
    title: Text::new(
        "Amazon 開発者アクセス権（MWS・旧方式）",
        "Amazon developer access (MWS, legacy)",
    ),
    summary: Text::new(
        "ツールの開発者に MWS のアクセス権を付与し、出品者ID・マーケットプレイスID・MWS認証トークンを鍵番に保存します。",
        "Grant your tool's developer MWS access, and save the seller ID, marketplace ID and MWS auth token in Kagiban.",
    ),
    marketplace: Marketplace::Amazon,
    subject: CredentialKind::AmazonDeveloperId,
    steps: STEPS,
};
