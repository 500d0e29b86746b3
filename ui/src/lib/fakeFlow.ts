// The Rakuten licenseKey flow as the fake backend serves it: the manual's (000) words, in ja and en.
// The real definition lives in the Rust core; this copy only feeds tests and screenshots.
import type { FlowView, Lang, StepView } from './bindings/index';

type Both = { ja: string; en: string };
type StepDef = { id: string; title: Both; body: Both[]; kind: StepView['kind'] };

const RMS_TOP = 'RMSトップ（メインメニュー）';
const SHOP_INFO = '店舗様向け情報・サービス';

const steps: StepDef[] = [
  {
    id: 'choose_shop',
    title: { ja: '店舗を選ぶ', en: 'Choose the shop' },
    body: [
      { ja: 'licenseKey を更新する楽天の店舗を選んでください。', en: 'Choose the Rakuten shop whose licenseKey you are renewing.' },
      { ja: 'licenseKey は店舗ごとに別々で、有効期限は3か月です。', en: 'Each shop has its own licenseKey, valid for 3 months.' },
    ],
    kind: { type: 'chooseShop' },
  },
  {
    id: 'rms_login',
    title: { ja: 'RMS にログインする', en: 'Log in to RMS' },
    body: [{ ja: '楽天RMSにログインし、[店舗様向け情報・サービス]をクリックします。', en: 'Log in to Rakuten RMS and click [店舗様向け情報・サービス] (information and services for shops).' }],
    kind: { type: 'instruction', breadcrumb: [RMS_TOP, SHOP_INFO], highlight: 1, link: 'rms_login', captcha: false },
  },
  {
    id: 'web_api',
    title: { ja: 'WEB APIサービスを開く', en: 'Open the WEB API service' },
    body: [{ ja: '[WEB APIサービス]をクリックします。', en: 'Click [WEB APIサービス].' }],
    kind: { type: 'instruction', breadcrumb: [RMS_TOP, SHOP_INFO, 'WEB APIサービス'], highlight: 2, link: 'rms_login', captcha: false },
  },
  {
    id: 'usage_settings',
    title: { ja: '利用設定を開く', en: 'Open the usage settings' },
    body: [{ ja: '[利用設定]の[WEB API]をクリックします。', en: 'Under [利用設定] (usage settings), click [WEB API].' }],
    kind: { type: 'instruction', breadcrumb: ['WEB APIサービス', '利用設定', 'WEB API'], highlight: 2, link: null, captcha: false },
  },
  {
    id: 'license_page',
    title: { ja: 'ライセンスキーの画面を開く', en: 'Open the licence key page' },
    body: [{ ja: '利用情報の[ライセンスキーの確認・変更]をクリックします。', en: 'In the usage information, click [ライセンスキーの確認・変更] (check or change the licence key).' }],
    kind: { type: 'instruction', breadcrumb: ['利用設定', 'WEB API', 'ライセンスキーの確認・変更'], highlight: 2, link: null, captcha: false },
  },
  {
    id: 'captcha',
    title: { ja: 'セキュリティチェック', en: 'Security check' },
    body: [{ ja: '『ロボットによる操作ではありません』にチェックを入れ、[確認する]をクリックします。', en: 'Tick 『ロボットによる操作ではありません』 ("I am not a robot") and click [確認する].' }],
    kind: { type: 'instruction', breadcrumb: ['ライセンスキーの確認・変更', 'セキュリティチェック', '確認する'], highlight: 2, link: null, captcha: true },
  },
  {
    id: 'issue',
    title: { ja: '新しいライセンスキーを発行する', en: 'Issue a new licence key' },
    body: [
      { ja: '[新しいライセンスキーを発行]をクリックします。', en: 'Click [新しいライセンスキーを発行] (issue a new licence key).' },
      { ja: '表示されたライセンスキーは、次の手順で鍵番に保存します。', en: 'You will save the key shown there in Kagiban in the next step.' },
    ],
    kind: { type: 'instruction', breadcrumb: ['ライセンス情報', '新しいライセンスキーを発行'], highlight: 1, link: null, captcha: false },
  },
  {
    id: 'capture_secret',
    title: { ja: 'serviceSecret を保存する（初回のみ）', en: 'Save the serviceSecret (first time only)' },
    body: [
      { ja: '同じ画面の serviceSecret（SP で始まる文字列）をコピーしてください。', en: 'Copy the serviceSecret (the text starting with SP) from the same page.' },
      { ja: 'serviceSecret は店舗ごとに固定で、期限はありません。保存するのは最初の1回だけです。', en: 'The serviceSecret is fixed per shop and does not expire: you save it only once.' },
    ],
    kind: { type: 'capture', credentialKind: 'rakuten_service_secret', firstTimeOnly: true },
  },
  {
    id: 'capture_key',
    title: { ja: 'licenseKey を保存する', en: 'Save the licenseKey' },
    body: [
      { ja: '表示されたライセンスキー（SL で始まる文字列）をコピーしてください。', en: 'Copy the licence key shown (the text starting with SL).' },
      { ja: 'コピーすると鍵番が受け取ります。うまくいかないときは下の欄に貼り付けてください。', en: 'Kagiban picks it up when you copy it. If that does not work, paste it into the field below.' },
    ],
    kind: { type: 'capture', credentialKind: 'rakuten_license_key', firstTimeOnly: false },
  },
  {
    id: 'verify',
    title: { ja: '新しい licenseKey を確かめる', en: 'Check the new licenseKey' },
    body: [
      { ja: '楽天の LicenseManagementAPI に問い合わせて、新しいキーが使えるか、有効期限がいつかを確かめます。', en: 'Kagiban asks Rakuten’s LicenseManagementAPI whether the new key works and when it expires.' },
      { ja: 'ライセンスキーを変更してから10分から30分は、楽天側の仕様で使えない場合があります。', en: 'For 10 to 30 minutes after a change, Rakuten may not accept the new key yet.' },
    ],
    kind: { type: 'verify' },
  },
  {
    id: 'hand_over',
    title: { ja: '受注管理システムに登録する', en: 'Enter it in your order system' },
    body: [
      { ja: 'GoQSystemの受注管理にログインして[各種設定]をクリックします。', en: 'Log in to GoQSystem order management and click [各種設定] (settings).' },
      { ja: '[モール詳細設定]をクリックします。', en: 'Click [モール詳細設定] (marketplace details).' },
      { ja: 'WEBAPIを利用している楽天店舗をクリックします。', en: 'Click the Rakuten shop that uses the WEB API.' },
      { ja: '新しいライセンスキーをコピーし、貼り付けて下さい。', en: 'Copy the new licence key and paste it in.' },
      { ja: '[設定を保存して次へ進む]をクリックします。', en: 'Click [設定を保存して次へ進む] (save and continue).' },
    ],
    kind: { type: 'handOver', breadcrumb: ['受注管理', '各種設定', 'モール詳細設定', '楽天店舗'], highlight: 1 },
  },
  {
    id: 'done',
    title: { ja: '完了', en: 'Done' },
    body: [
      { ja: 'licenseKey の更新が終わりました。', en: 'The licenseKey has been renewed.' },
      { ja: '次の期限が近づいたら、鍵番がお知らせします。', en: 'Kagiban will remind you before the next expiry.' },
    ],
    kind: { type: 'done' },
  },
];

/** The flow "rakuten_license_key" in one language. */
export function rakutenLicenseKeyFlow(lang: Lang): FlowView {
  return {
    id: 'rakuten_license_key',
    title: lang === 'ja' ? '楽天 licenseKey の更新' : 'Renew the Rakuten licenseKey',
    summary:
      lang === 'ja'
        ? 'RMS で新しい licenseKey を発行し、鍵番に保存して確かめ、受注管理システムに登録します。'
        : 'Issue a new licenseKey in RMS, save and check it in Kagiban, and enter it in your order system.',
    steps: steps.map((s) => ({
      id: s.id,
      title: s.title[lang],
      body: s.body.map((b) => b[lang]),
      kind: s.kind,
    })),
  };
}
