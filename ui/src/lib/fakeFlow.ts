// The Rakuten licenseKey flow as the fake backend serves it. Transcribed from the Rust core
// (crates/core/src/flows/rakuten_license_key.rs: the manual 000's words, ja and en) so tests and
// screenshots show the real texts; the app itself always gets the flow from the backend.
import type { FlowView, Lang, StepView, StepViewKind } from './bindings/index';

type Text = { ja: string; en: string };
type StepDef = { id: string; title: Text; body: Text[]; kind: KindDef };
type KindDef =
  | { type: 'chooseShop' | 'verify' | 'done' }
  | { type: 'instruction'; breadcrumb: Text[]; highlight: number; link: string | null; captcha: boolean }
  | { type: 'capture'; credentialKind: 'rakuten_service_secret' | 'rakuten_license_key'; firstTimeOnly: boolean }
  | { type: 'handOver'; breadcrumb: Text[]; highlight: number };

const T = (ja: string, en: string): Text => ({ ja, en });

// RMS's screens are in Japanese only, so the English breadcrumbs keep the Japanese label.
const RMS_TOP = T("RMSトップ", "RMSトップ (RMS top)");
const SHOP_INFO = T(
  "店舗様向け情報・サービス",
  "店舗様向け情報・サービス (information & services for shops)",
);
const WEB_API_SERVICE = T("WEB APIサービス", "WEB APIサービス (WEB API service)");
const USAGE_SETTINGS = T("利用設定", "利用設定 (usage settings)");
const WEB_API = T("WEB API", "WEB API");
const LICENSE_CHECK = T(
  "ライセンスキーの確認・変更",
  "ライセンスキーの確認・変更 (view / change licenseKey)",
);
const CONFIRM = T("確認する", "確認する (confirm)");
const ISSUE_NEW = T(
  "新しいライセンスキーを発行",
  "新しいライセンスキーを発行 (issue a new licenseKey)",
);

const TO_WEB_API = [RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API];
const TO_LICENSE = [
  RMS_TOP,
  SHOP_INFO,
  WEB_API_SERVICE,
  USAGE_SETTINGS,
  WEB_API,
  LICENSE_CHECK,
];

const STEPS: StepDef[] = [
  {
    id: "shop",
    title: T("店舗を選ぶ", "Choose the shop"),
    body: [T(
      "licenseKey を更新する楽天の店舗を選んでください。初めての場合は店舗を追加します。",
      "Choose the Rakuten shop whose licenseKey you are renewing. If this is your first time, add the shop.",
    )],
    kind: { type: 'chooseShop' },
  },
  {
    id: "rms_login",
    title: T("RMS にログイン", "Log in to RMS"),
    body: [
      T(
        "楽天RMSにログインし、[店舗様向け情報・サービス]をクリックします。",
        "Log in to Rakuten RMS and click [店舗様向け情報・サービス] (information & services for shops).",
      ),
      T(
        "RMS はブラウザで開きます。ログインは鍵番ではなく、ご自身で行ってください。",
        "RMS opens in your browser. Log in yourself: Kagiban does not log in for you.",
      ),
    ],
    kind: {
      type: 'instruction',
      breadcrumb: [RMS_TOP, SHOP_INFO],
      highlight: 1,
      link: 'rms_login',
      captcha: false,
    },
  },
  {
    id: "web_api_service",
    title: T("WEB APIサービス", "WEB API service"),
    body: [T(
      "[WEB APIサービス]をクリックします。",
      "Click [WEB APIサービス] (WEB API service).",
    )],
    kind: {
      type: 'instruction',
      breadcrumb: [RMS_TOP, SHOP_INFO, WEB_API_SERVICE],
      highlight: 2,
      link: null,
      captcha: false,
    },
  },
  {
    id: "usage_settings",
    title: T("利用設定の WEB API", "WEB API usage settings"),
    body: [
      T(
        "[利用設定]の[WEB API]をクリックします。",
        "Under [利用設定] (usage settings), click [WEB API].",
      ),
      T(
        "左のメニューの「2 利用設定」の下にある「2-1 WEB API」です。",
        "It is 「2-1 WEB API」 under 「2 利用設定」 in the menu on the left.",
      ),
    ],
    kind: {
      type: 'instruction',
      breadcrumb: TO_WEB_API,
      highlight: 4,
      link: null,
      captcha: false,
    },
  },
  {
    id: "license_info",
    title: T("ライセンスキーの確認・変更", "View / change licenseKey"),
    body: [
      T(
        "利用情報の[ライセンスキーの確認・変更]をクリックします。",
        "In the usage information (利用情報), click [ライセンスキーの確認・変更] (view / change licenseKey).",
      ),
      T(
        "「最新の利用情報」の licenseKey の行にあります。今の licenseKey の有効期限もここに表示されています。",
        "It is in the licenseKey row of 「最新の利用情報」 (latest usage information), which also shows the current key's expiry date.",
      ),
    ],
    kind: {
      type: 'instruction',
      breadcrumb: TO_LICENSE,
      highlight: 5,
      link: null,
      captcha: false,
    },
  },
  {
    id: "captcha",
    title: T("セキュリティチェック", "Security check"),
    body: [
      T(
        "『ロボットによる操作ではありません』にチェックを入れ、[確認する]をクリックします。",
        "Tick 『ロボットによる操作ではありません』 (I'm not a robot) and click [確認する] (confirm).",
      ),
      T(
        "このチェックは鍵番では代わりに行えません。ブラウザの RMS の画面で、ご自身で操作してください。",
        "Kagiban cannot do this check for you: do it yourself in RMS in your browser.",
      ),
    ],
    kind: {
      type: 'instruction',
      breadcrumb: [RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API, LICENSE_CHECK, CONFIRM],
      highlight: 6,
      link: null,
      captcha: true,
    },
  },
  {
    id: "issue",
    title: T("新しいライセンスキーを発行", "Issue a new licenseKey"),
    body: [
      T(
        "[新しいライセンスキーを発行]をクリックします。表示されたライセンスキーはコピーまたは印刷して保存して下さい。",
        "Click [新しいライセンスキーを発行] (issue a new licenseKey). Copy or print the licenseKey that is shown, and keep it.",
      ),
      T(
        "[利用停止]は押さないでください。押すと今の licenseKey が使えなくなります。今の licenseKey は、新しい licenseKey が使えることを鍵番で確認できるまで残しておきます。",
        "Do not click [利用停止] (stop using): it disables the current licenseKey. Keep the current key until Kagiban has confirmed that the new one works.",
      ),
    ],
    kind: {
      type: 'instruction',
      breadcrumb: [RMS_TOP, SHOP_INFO, WEB_API_SERVICE, USAGE_SETTINGS, WEB_API, LICENSE_CHECK, ISSUE_NEW],
      highlight: 6,
      link: null,
      captcha: false,
    },
  },
  {
    id: "service_secret",
    title: T("serviceSecret を保存", "Save the serviceSecret"),
    body: [
      T(
        "[利用設定]の画面の「最新の利用情報」にある serviceSecret(SP で始まる文字列)をコピーしてください。",
        "Copy the serviceSecret (the value starting with SP) from 「最新の利用情報」 (latest usage information) on the [利用設定] (usage settings) screen.",
      ),
      T(
        "serviceSecret には有効期限がありません。店舗ごとに最初の1回だけ保存すれば、あとは使い続けられます。",
        "The serviceSecret does not expire. It is needed only once per shop.",
      ),
      T(
        "コピーすると鍵番が読み取ります。うまくいかない場合は、下の欄に貼り付けてください。",
        "Kagiban picks it up when you copy it. If that does not work, paste it into the field below.",
      ),
    ],
    kind: {
      type: 'capture',
      credentialKind: 'rakuten_service_secret',
      firstTimeOnly: true,
    },
  },
  {
    id: "license_key",
    title: T("新しい licenseKey を保存", "Save the new licenseKey"),
    body: [
      T(
        "RMS に表示された新しいライセンスキー(SL で始まる文字列)をコピーしてください。この画面を開いている間は、コピーすると鍵番がクリップボードから読み取ります。",
        "Copy the new licenseKey (the value starting with SL) shown in RMS. While this step is open, Kagiban picks it up from the clipboard.",
      ),
      T(
        "うまくいかない場合は、下の欄に貼り付けてください。鍵番には末尾4桁だけが表示されますので、RMS の画面の末尾4桁と同じか確認してください。",
        "If that does not work, paste it into the field below. Kagiban shows only the last four characters: check that they match the ones in RMS.",
      ),
    ],
    kind: {
      type: 'capture',
      credentialKind: 'rakuten_license_key',
      firstTimeOnly: false,
    },
  },
  {
    id: "verify",
    title: T("使えるか確認", "Check that it works"),
    body: [
      T(
        "新しい licenseKey が使えるかを楽天の LicenseManagementAPI(ライセンス管理API)で確認し、本当の有効期限を読み取ります。",
        "Kagiban checks the new licenseKey with Rakuten's LicenseManagementAPI and reads its real expiry date.",
      ),
      T(
        "ライセンスキーを変更してから10分から30分は楽天側の仕様で取得や注文確認ができない場合がございます。鍵番は裏で確認を続け、使えるようになったらお知らせしますので、この画面は閉じてもかまいません。",
        "Because of how Rakuten works, a new licenseKey may not work for 10 to 30 minutes after it is issued. Kagiban keeps checking in the background and tells you when it works; you may close this window.",
      ),
      T(
        "確認するには、RMS上WEB APIにて、「LicenseManagementAPI(ライセンス管理API)」を「利用する」にしておく必要がございます。RMSトップ画面[店舗様向け情報・サービス]>[5WEB APIサービス]>[2利用設定]の[2-1WEB API]>[利用機能一覧]の[利用機能編集]より利用設定をお願いいたします。",
        "For the check to work, 「LicenseManagementAPI(ライセンス管理API)」 must be set to 「利用する」 (use) in RMS's WEB API settings: RMS top [店舗様向け情報・サービス] > [5 WEB APIサービス] > [2 利用設定] [2-1 WEB API] > [利用機能一覧] (function list) [利用機能編集] (edit functions).",
      ),
    ],
    kind: { type: 'verify' },
  },
  {
    id: "handover",
    title: T("受注管理システムに設定", "Set it in your order system"),
    body: [
      T(
        "GoQSystemの受注管理にログインして[各種設定]をクリックします。",
        "Log in to GoQSystem's order management (受注管理) and click [各種設定] (settings).",
      ),
      T("[モール詳細設定]をクリックします。", "Click [モール詳細設定] (marketplace settings)."),
      T(
        "WEBAPIを利用している楽天店舗をクリックします。",
        "Click the Rakuten shop that uses the WEB API.",
      ),
      T(
        "新しいライセンスキーをコピーし、貼り付けて下さい。",
        "Copy the new licenseKey and paste it.",
      ),
      T(
        "[設定を保存して次へ進む]をクリックします。",
        "Click [設定を保存して次へ進む] (save and continue).",
      ),
      T(
        "ほかの受注管理システム(ネクストエンジン、CROSS MALL など)にも、楽天の licenseKey を貼り付ける同じような画面があります。",
        "Other order systems (ネクストエンジン, CROSS MALL and others) have a similar screen where you paste the Rakuten licenseKey.",
      ),
    ],
    kind: {
      type: 'handOver',
      breadcrumb: [
        T("GoQSystem 受注管理", "GoQSystem 受注管理 (order management)"),
        T("各種設定", "各種設定 (settings)"),
        T("モール詳細設定", "モール詳細設定 (marketplace settings)"),
        T("楽天店舗", "楽天店舗 (Rakuten shop)"),
      ],
      highlight: 3,
    },
  },
  {
    id: "done",
    title: T("完了", "Done"),
    body: [
      T(
        "以上の方法で楽天WEB APIのライセンスキーが更新できます。",
        "That is how the Rakuten WEB API licenseKey is renewed.",
      ),
      T(
        "ライセンスキーの有効期限は【3ヶ月】です。期限が近づいたら鍵番がお知らせします。",
        "A licenseKey is valid for 3 months. Kagiban will remind you before it expires.",
      ),
    ],
    kind: { type: 'done' },
  },
];

const TITLE = T("楽天 licenseKey の更新", "Renew the Rakuten licenseKey");
const SUMMARY = T(
        "RMS で新しい licenseKey を発行して鍵番に保存し、使えることと有効期限を確かめてから、受注管理システムに設定します。",
        "Issue a new licenseKey in RMS, save it in Kagiban, confirm that it works and read its expiry date, then set it in your order system.",
    );

function kindView(k: KindDef, lang: Lang): StepViewKind {
  switch (k.type) {
    case 'instruction':
      return { ...k, breadcrumb: k.breadcrumb.map((t) => t[lang]) };
    case 'handOver':
      return { ...k, breadcrumb: k.breadcrumb.map((t) => t[lang]) };
    default:
      return k as StepViewKind;
  }
}

/** The flow "rakuten_license_key" in one language. */
export function rakutenLicenseKeyFlow(lang: Lang): FlowView {
  return {
    id: 'rakuten_license_key',
    title: TITLE[lang],
    summary: SUMMARY[lang],
    steps: STEPS.map(
      (s): StepView => ({ id: s.id, title: s.title[lang], body: s.body.map((b) => b[lang]), kind: kindView(s.kind, lang) }),
    ),
  };
}
