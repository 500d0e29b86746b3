//! Authorizing an app for the Amazon Selling Partner API (SP-API): the LWA credentials, the
//! seller's authorization (refresh token), a check against SP-API, and the restricted-data token
//! check. Sources: api-facts §2 (Amazon's SP-API documentation) and the Tokens API guide
//! (seeds/003).

use crate::flow::{FlowDef, LinkId, Prompt, StepDef, StepKind};
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::Text;

/// The flow's id.
pub const AMAZON_SP_API: &str = "amazon_sp_api";

const SELLER_CENTRAL: Text = Text::new("セラーセントラル", "セラーセントラル (Seller Central)");
const APPS_AND_SERVICES: Text =
    Text::new("アプリとサービス", "アプリとサービス (Apps and Services)");
const DEVELOP_APPS: Text = Text::new("アプリの開発", "アプリの開発 (Develop Apps)");
const LWA_CREDENTIALS: Text = Text::new(
    "LWA認証情報 › 表示",
    "LWA認証情報 › 表示 (LWA credentials › View)",
);
const MANAGE_APPS: Text = Text::new("アプリを管理", "アプリを管理 (Manage Your Apps)");
const AUTHORIZE: Text = Text::new("承認", "承認 (Authorize)");
const STEPS: &[StepDef] = &[
    StepDef {
        id: "shop",
        title: Text::new("ショップを選ぶ", "Choose the shop"),
        body: &[Text::new(
            "SP-API を認可する Amazon のショップを選んでください。初めての場合はショップを追加します。",
            "Choose the Amazon shop whose SP-API authorization you are setting up. If this is your first time, add the shop.",
        )],
        kind: StepKind::ChooseShop,
    },
    StepDef {
        id: "lwa_credentials",
        title: Text::new("LWA認証情報を開く", "Open the LWA credentials"),
        body: &[
            Text::new(
                "セラーセントラルの[アプリとサービス]›[アプリの開発]で、アプリの[LWA認証情報]の[表示]をクリックします。",
                "In Seller Central, go to [アプリとサービス] (Apps and Services) › [アプリの開発] (Develop Apps) and click [表示] (View) under the app's [LWA認証情報] (LWA credentials).",
            ),
            Text::new(
                "パブリックアプリの場合は、ソリューションプロバイダーポータルの同じ画面を開きます。",
                "For a public app, open the same screen in the Solution Provider Portal.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[SELLER_CENTRAL, APPS_AND_SERVICES, DEVELOP_APPS, LWA_CREDENTIALS],
            highlight: 3,
            link: Some(LinkId::DeveloperCentral),
            captcha: false,
        },
    },
    StepDef {
        id: "client_id",
        title: Text::new("クライアントID", "Client ID"),
        body: &[Text::new(
            "LWA認証情報の「クライアント識別子」をコピーします。",
            "Copy the 「クライアント識別子」 (client identifier) from the LWA credentials.",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::LwaClientId,
            first_time_only: false,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "client_secret",
        title: Text::new("クライアントシークレット", "Client secret"),
        body: &[
            Text::new(
                "LWA認証情報の「クライアント機密情報」を表示してコピーします。",
                "Show the 「クライアント機密情報」 (client secret) in the LWA credentials and copy it.",
            ),
            Text::new(
                "クライアントシークレットは180日ごとに更新（ローテーション）が必要です。発行した日、または最後に更新した日を入れてください。",
                "The client secret must be rotated every 180 days. Enter the day it was issued or last rotated.",
            ),
        ],
        kind: StepKind::Capture {
            kind: CredentialKind::LwaClientSecret,
            first_time_only: false,
            date: Some(Prompt {
                label: Text::new("発行日（最後に更新した日）", "Issued (or last rotated) on"),
                hint: Text::new(
                    "LWA認証情報の画面に表示される有効期限の180日前です。わからなければ今日のままにしてください。",
                    "It is 180 days before the expiry shown with the LWA credentials. If you do not know, leave today.",
                ),
            }),
            name: None,
        },
    },
    StepDef {
        id: "authorize",
        title: Text::new("アプリを認可する", "Authorize the app"),
        body: &[
            Text::new(
                "セラーセントラルの[アプリを管理]でアプリを認可（または再認可）し、リフレッシュトークンを表示します。",
                "In Seller Central's [アプリを管理] (Manage Your Apps), authorize (or re-authorize) the app and show the refresh token.",
            ),
            Text::new(
                "認可は365日有効です。期限が切れる前に、同じ画面で再認可してください。",
                "An authorization is valid for 365 days. Re-authorize it on the same screen before it ends.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[SELLER_CENTRAL, APPS_AND_SERVICES, MANAGE_APPS, AUTHORIZE],
            highlight: 3,
            link: Some(LinkId::SellerCentralApps),
            captcha: false,
        },
    },
    StepDef {
        id: "refresh_token",
        title: Text::new("リフレッシュトークン", "Refresh token"),
        body: &[Text::new(
            "表示されたリフレッシュトークン（Atzr| で始まる長い文字列）をコピーします。",
            "Copy the refresh token shown (a long string starting with Atzr|).",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::LwaRefreshToken,
            first_time_only: false,
            date: Some(Prompt {
                label: Text::new("認可した日", "Authorized on"),
                hint: Text::new(
                    "今日認可した場合は今日のままにしてください。認可は365日有効です。",
                    "If you authorized the app today, leave today. An authorization lasts 365 days.",
                ),
            }),
            name: None,
        },
    },
    StepDef {
        id: "seller_id",
        title: Text::new("出品者ID", "Seller ID"),
        body: &[Text::new(
            "セラーセントラルの[設定]›[出品用アカウント情報]にある「出品者トークン」（出品者ID）をコピーします。",
            "Copy the 「出品者トークン」 (merchant token, the seller ID) from Seller Central's [設定] (Settings) › [出品用アカウント情報] (Account Info).",
        )],
        kind: StepKind::Capture {
            kind: CredentialKind::AmazonSellerId,
            first_time_only: true,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "marketplace",
        title: Text::new("マーケットプレイス", "Marketplace"),
        body: &[Text::new(
            "販売しているマーケットプレイスを選んでください。Amazon.co.jp は「日本（A1VC38T7YXB528）」です。",
            "Choose the marketplace you sell on. Amazon.co.jp is 「日本 (A1VC38T7YXB528)」.",
        )],
        kind: StepKind::ChooseMarketplace,
    },
    StepDef {
        id: "verify",
        title: Text::new("SP-API で確認", "Check with SP-API"),
        body: &[Text::new(
            "鍵番が Amazon からアクセストークンを受け取り、出品者の参加マーケットプレイスを読み出して、認可が使えることを確かめます。",
            "Kagiban gets an access token from Amazon and reads the seller's marketplaces, to confirm the authorization works.",
        )],
        kind: StepKind::Verify,
    },
    StepDef {
        id: "rdt",
        title: Text::new("制限付きデータの確認", "Restricted data check"),
        body: &[Text::new(
            "購入者の氏名や配送先住所などの個人情報（制限付きデータ）を使う場合は、必要なものを選んで、アプリに必要なロールがあるかを確かめます。使わない場合はとばしてかまいません。",
            "If your work uses buyers' personal information (restricted data) such as names or shipping addresses, choose what you need and check that the app has the roles for it. Otherwise you may skip this.",
        )],
        kind: StepKind::RdtCheck,
    },
    StepDef {
        id: "done",
        title: Text::new("完了", "Done"),
        body: &[Text::new(
            "SP-API の認可を鍵番に保存しました。認可の期限（365日）とクライアントシークレットの更新期限（180日）の前にお知らせします。",
            "The SP-API authorization is saved in Kagiban. Kagiban reminds you before the authorization ends (365 days) and before the client secret must be rotated (180 days).",
        )],
        kind: StepKind::Done,
    },
];

/// The flow.
pub const FLOW: FlowDef = FlowDef {
    id: AMAZON_SP_API,
    title: Text::new("Amazon SP-API の認可", "Authorize Amazon SP-API"),
    summary: Text::new(
        "LWA認証情報とリフレッシュトークンを鍵番に保存し、SP-API で使えることを確かめます。",
        "Save the LWA credentials and the refresh token in Kagiban, and confirm that SP-API accepts them.",
    ),
    marketplace: Marketplace::Amazon,
    subject: CredentialKind::LwaRefreshToken,
    steps: STEPS,
};
