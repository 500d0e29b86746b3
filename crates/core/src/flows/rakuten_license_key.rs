//! Renewing the Rakuten RMS licenseKey. Source: GoQSystem's manual 「【楽天】(楽天 受注取得API)
//! ライセンスキー更新方法」 (seeds/000), steps 【1】–【11】; its Japanese is kept word for word.

use crate::flow::{FlowDef, LinkId, StepDef, StepKind};
use crate::kind::{CredentialKind, Marketplace};
use crate::lang::Text;

/// The flow's id.
pub const RAKUTEN_LICENSE_KEY: &str = "rakuten_license_key";

// RMS's screens are in Japanese only, so the English breadcrumbs keep the Japanese label.
const RMS_TOP: Text = Text::new("RMSトップ", "RMSトップ (RMS top)");
const SHOP_INFO: Text = Text::new(
    "店舗様向け情報・サービス",
    "店舗様向け情報・サービス (information & services for shops)",
);
const WEB_API_SERVICE: Text = Text::new("WEB APIサービス", "WEB APIサービス (WEB API service)");
const USAGE_SETTINGS: Text = Text::new("利用設定", "利用設定 (usage settings)");
const WEB_API: Text = Text::new("WEB API", "WEB API");
const LICENSE_CHECK: Text = Text::new(
    "ライセンスキーの確認・変更",
    "ライセンスキーの確認・変更 (view / change licenseKey)",
);
const CONFIRM: Text = Text::new("確認する", "確認する (confirm)");
const ISSUE_NEW: Text = Text::new(
    "新しいライセンスキーを発行",
    "新しいライセンスキーを発行 (issue a new licenseKey)",
);

const TO_WEB_API: [Text; 5] = [RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API];
const TO_LICENSE: [Text; 6] = [
    RMS_TOP,
    SHOP_INFO,
    WEB_API_SERVICE,
    USAGE_SETTINGS,
    WEB_API,
    LICENSE_CHECK,
];

const STEPS: &[StepDef] = &[
    StepDef {
        id: "shop",
        title: Text::new("店舗を選ぶ", "Choose the shop"),
        body: &[Text::new(
            "licenseKey を更新する楽天の店舗を選んでください。初めての場合は店舗を追加します。",
            "Choose the Rakuten shop whose licenseKey you are renewing. If this is your first time, add the shop.",
        )],
        kind: StepKind::ChooseShop,
    },
    StepDef {
        id: "rms_login",
        title: Text::new("RMS にログイン", "Log in to RMS"),
        body: &[
            Text::new(
                "楽天RMSにログインし、[店舗様向け情報・サービス]をクリックします。",
                "Log in to Rakuten RMS and click [店舗様向け情報・サービス] (information & services for shops).",
            ),
            Text::new(
                "RMS はブラウザで開きます。ログインは鍵番ではなく、ご自身で行ってください。",
                "RMS opens in your browser. Log in yourself: Kagiban does not log in for you.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[RMS_TOP, SHOP_INFO],
            highlight: 1,
            link: Some(LinkId::RmsLogin),
            captcha: false,
        },
    },
    StepDef {
        id: "web_api_service",
        title: Text::new("WEB APIサービス", "WEB API service"),
        body: &[Text::new(
            "[WEB APIサービス]をクリックします。",
            "Click [WEB APIサービス] (WEB API service).",
        )],
        kind: StepKind::Instruction {
            breadcrumb: &[RMS_TOP, SHOP_INFO, WEB_API_SERVICE],
            highlight: 2,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "usage_settings",
        title: Text::new("利用設定の WEB API", "WEB API usage settings"),
        body: &[
            Text::new(
                "[利用設定]の[WEB API]をクリックします。",
                "Under [利用設定] (usage settings), click [WEB API].",
            ),
            Text::new(
                "左のメニューの「2 利用設定」の下にある「2-1 WEB API」です。",
                "It is 「2-1 WEB API」 under 「2 利用設定」 in the menu on the left.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &TO_WEB_API,
            highlight: 4,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "license_info",
        title: Text::new("ライセンスキーの確認・変更", "View / change licenseKey"),
        body: &[
            Text::new(
                "利用情報の[ライセンスキーの確認・変更]をクリックします。",
                "In the usage information (利用情報), click [ライセンスキーの確認・変更] (view / change licenseKey).",
            ),
            Text::new(
                "「最新の利用情報」の licenseKey の行にあります。今の licenseKey の有効期限もここに表示されています。",
                "It is in the licenseKey row of 「最新の利用情報」 (latest usage information), which also shows the current key's expiry date.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &TO_LICENSE,
            highlight: 5,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "captcha",
        title: Text::new("セキュリティチェック", "Security check"),
        body: &[
            Text::new(
                "『ロボットによる操作ではありません』にチェックを入れ、[確認する]をクリックします。",
                "Tick 『ロボットによる操作ではありません』 (I'm not a robot) and click [確認する] (confirm).",
            ),
            Text::new(
                "このチェックは鍵番では代わりに行えません。ブラウザの RMS の画面で、ご自身で操作してください。",
                "Kagiban cannot do this check for you: do it yourself in RMS in your browser.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API, LICENSE_CHECK, CONFIRM],
            highlight: 6,
            link: None,
            captcha: true,
        },
    },
    StepDef {
        id: "issue",
        title: Text::new("新しいライセンスキーを発行", "Issue a new licenseKey"),
        body: &[
            Text::new(
                "[新しいライセンスキーを発行]をクリックします。表示されたライセンスキーはコピーまたは印刷して保存して下さい。",
                "Click [新しいライセンスキーを発行] (issue a new licenseKey). Copy or print the licenseKey that is shown, and keep it.",
            ),
            Text::new(
                "[利用停止]は押さないでください。押すと今の licenseKey が使えなくなります。今の licenseKey は、新しい licenseKey が使えることを鍵番で確認できるまで残しておきます。",
                "Do not click [利用停止] (stop using): it disables the current licenseKey. Keep the current key until Kagiban has confirmed that the new one works.",
            ),
        ],
        kind: StepKind::Instruction {
            breadcrumb: &[RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API, LICENSE_CHECK, ISSUE_NEW],
            highlight: 6,
            link: None,
            captcha: false,
        },
    },
    StepDef {
        id: "service_secret",
        title: Text::new("serviceSecret を保存", "Save the serviceSecret"),
        body: &[
            Text::new(
                "[利用設定]の画面の「最新の利用情報」にある serviceSecret(SP で始まる文字列)をコピーしてください。",
                "Copy the serviceSecret (the value starting with SP) from 「最新の利用情報」 (latest usage information) on the [利用設定] (usage settings) screen.",
            ),
            Text::new(
                "serviceSecret には有効期限がありません。店舗ごとに最初の1回だけ保存すれば、あとは使い続けられます。",
                "The serviceSecret does not expire. It is needed only once per shop.",
            ),
            Text::new(
                "コピーすると鍵番が読み取ります。うまくいかない場合は、下の欄に貼り付けてください。",
                "Kagiban picks it up when you copy it. If that does not work, paste it into the field below.",
            ),
        ],
        kind: StepKind::Capture {
            kind: CredentialKind::RakutenServiceSecret,
            first_time_only: true,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "license_key",
        title: Text::new("新しい licenseKey を保存", "Save the new licenseKey"),
        body: &[
            Text::new(
                "RMS に表示された新しいライセンスキー(SL で始まる文字列)をコピーしてください。この画面を開いている間は、コピーすると鍵番がクリップボードから読み取ります。",
                "Copy the new licenseKey (the value starting with SL) shown in RMS. While this step is open, Kagiban picks it up from the clipboard.",
            ),
            Text::new(
                "うまくいかない場合は、下の欄に貼り付けてください。鍵番には末尾4桁だけが表示されますので、RMS の画面の末尾4桁と同じか確認してください。",
                "If that does not work, paste it into the field below. Kagiban shows only the last four characters: check that they match the ones in RMS.",
            ),
        ],
        kind: StepKind::Capture {
            kind: CredentialKind::RakutenLicenseKey,
            first_time_only: false,
            date: None,
            name: None,
        },
    },
    StepDef {
        id: "verify",
        title: Text::new("使えるか確認", "Check that it works"),
        body: &[
            Text::new(
                "新しい licenseKey が使えるかを楽天の LicenseManagementAPI(ライセンス管理API)で確認し、本当の有効期限を読み取ります。",
                "Kagiban checks the new licenseKey with Rakuten's LicenseManagementAPI and reads its real expiry date.",
            ),
            Text::new(
                "ライセンスキーを変更してから10分から30分は楽天側の仕様で取得や注文確認ができない場合がございます。鍵番は裏で確認を続け、使えるようになったらお知らせしますので、この画面は閉じてもかまいません。",
                "Because of how Rakuten works, a new licenseKey may not work for 10 to 30 minutes after it is issued. Kagiban keeps checking in the background and tells you when it works; you may close this window.",
            ),
            Text::new(
                "確認するには、RMS上WEB APIにて、「LicenseManagementAPI(ライセンス管理API)」を「利用する」にしておく必要がございます。RMSトップ画面[店舗様向け情報・サービス]>[5WEB APIサービス]>[2利用設定]の[2-1WEB API]>[利用機能一覧]の[利用機能編集]より利用設定をお願いいたします。",
                "For the check to work, 「LicenseManagementAPI(ライセンス管理API)」 must be set to 「利用する」 (use) in RMS's WEB API settings: RMS top [店舗様向け情報・サービス] > [5 WEB APIサービス] > [2 利用設定] [2-1 WEB API] > [利用機能一覧] (function list) [利用機能編集] (edit functions).",
            ),
        ],
        kind: StepKind::Verify,
    },
    StepDef {
        id: "handover",
        title: Text::new("受注管理システムに設定", "Set it in your order system"),
        body: &[
            Text::new(
                "GoQSystemの受注管理にログインして[各種設定]をクリックします。",
                "Log in to GoQSystem's order management (受注管理) and click [各種設定] (settings).",
            ),
            Text::new("[モール詳細設定]をクリックします。", "Click [モール詳細設定] (marketplace settings)."),
            Text::new(
                "WEBAPIを利用している楽天店舗をクリックします。",
                "Click the Rakuten shop that uses the WEB API.",
            ),
            Text::new(
                "新しいライセンスキーをコピーし、貼り付けて下さい。",
                "Copy the new licenseKey and paste it.",
            ),
            Text::new(
                "[設定を保存して次へ進む]をクリックします。",
                "Click [設定を保存して次へ進む] (save and continue).",
            ),
            Text::new(
                "ほかの受注管理システム(ネクストエンジン、CROSS MALL など)にも、楽天の licenseKey を貼り付ける同じような画面があります。",
                "Other order systems (ネクストエンジン, CROSS MALL and others) have a similar screen where you paste the Rakuten licenseKey.",
            ),
        ],
        kind: StepKind::HandOver {
            breadcrumb: &[
                Text::new("GoQSystem 受注管理", "GoQSystem 受注管理 (order management)"),
                Text::new("各種設定", "各種設定 (settings)"),
                Text::new("モール詳細設定", "モール詳細設定 (marketplace settings)"),
                Text::new("楽天店舗", "楽天店舗 (Rakuten shop)"),
            ],
            highlight: 3,
        },
    },
    StepDef {
        id: "done",
        title: Text::new("完了", "Done"),
        body: &[
            Text::new(
                "以上の方法で楽天WEB APIのライセンスキーが更新できます。",
                "That is how the Rakuten WEB API licenseKey is renewed.",
            ),
            Text::new(
                "ライセンスキーの有効期限は【3ヶ月】です。期限が近づいたら鍵番がお知らせします。",
                "A licenseKey is valid for 3 months. Kagiban will remind you before it expires.",
            ),
        ],
        kind: StepKind::Done,
    },
];

/// The flow.
pub const FLOW: FlowDef = FlowDef {
    id: RAKUTEN_LICENSE_KEY,
    title: Text::new("楽天 licenseKey の更新", "Renew the Rakuten licenseKey"),
    summary: Text::new(
        "RMS で新しい licenseKey を発行して鍵番に保存し、使えることと有効期限を確かめてから、受注管理システムに設定します。",
        "Issue a new licenseKey in RMS, save it in Kagiban, confirm that it works and read its expiry date, then set it in your order system.",
    ),
    marketplace: Marketplace::Rakuten,
    subject: CredentialKind::RakutenLicenseKey,
    steps: STEPS,
};
