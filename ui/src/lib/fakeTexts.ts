// Sentences the fake backend returns, standing in for the Rust side's localized texts.
import type { CredentialKind, Lang, VerifyCode } from './bindings/index';

type Both = { ja: string; en: string };

export const kindLabels: Partial<Record<CredentialKind, Both>> = {
  rakuten_license_key: { ja: '楽天 licenseKey', en: 'Rakuten licenseKey' },
  rakuten_service_secret: { ja: '楽天 serviceSecret', en: 'Rakuten serviceSecret' },
};

export const verifyMessages: Record<VerifyCode, Both> = {
  ok: { ja: 'licenseKey は有効です。', en: 'The licenseKey works.' },
  unauthorized: {
    ja: '楽天に認証を断られました。licenseKey の期限切れか入力間違い、または LicenseManagementAPI が「利用する」になっていない可能性があります。',
    en: 'Rakuten refused the key. It may be expired or mistyped, or LicenseManagementAPI may not be switched on.',
  },
  not_yet_active: {
    ja: '新しい licenseKey はまだ有効になっていません。楽天側の仕様で、発行から10〜30分ほど使えないことがあります。',
    en: 'The new licenseKey is not active yet. Rakuten may take 10 to 30 minutes after issuing it.',
  },
  rate_limited: { ja: '楽天への問い合わせが多すぎました。1分ほど待ってからもう一度お試しください。', en: 'Too many requests to Rakuten. Wait a minute and try again.' },
  service_unavailable: { ja: '楽天の API が一時的に使えません。しばらくしてからもう一度お試しください。', en: 'Rakuten’s API is temporarily unavailable. Try again later.' },
  timeout: { ja: '楽天から時間内に応答がありませんでした。もう一度お試しください。', en: 'Rakuten did not answer in time. Try again.' },
  bad_response: { ja: '楽天から予期しない応答がありました。時間をおいてもう一度お試しください。', en: 'Rakuten sent an unexpected answer. Try again later.' },
  keychain_unavailable: { ja: 'OS のキーチェーンを使えませんでした。', en: 'The OS keychain could not be used.' },
  network: { ja: 'インターネットに接続できませんでした。接続を確かめて、もう一度お試しください。', en: 'Could not connect to the internet. Check the connection and try again.' },
  missing_license_key: { ja: 'この店舗の serviceSecret がまだ保存されていません。', en: 'No serviceSecret is stored for this shop yet.' },
  not_verifiable: {
    ja: 'serviceSecret だけでは確かめられません。licenseKey を確かめるときに一緒に使われます。',
    en: 'A serviceSecret cannot be checked on its own; it is checked together with the licenseKey.',
  },
};

export const errorMessages = {
  invalid_shop_name: { ja: '店舗名を1〜40文字で入力してください。', en: 'Enter a shop name of 1 to 40 characters.' },
  wrong_kind_secret: {
    ja: 'これは serviceSecret（SP で始まる）です。ここには licenseKey（SL で始まる）を貼り付けてください。',
    en: 'This is a serviceSecret (starts with SP). Paste the licenseKey (starts with SL) here.',
  },
  wrong_kind_license: {
    ja: 'これは licenseKey（SL で始まる）です。ここには serviceSecret（SP で始まる）を貼り付けてください。',
    en: 'This is a licenseKey (starts with SL). Paste the serviceSecret (starts with SP) here.',
  },
  invalid_format: {
    ja: 'キーの形式ではありません。RMS の画面でキー全体を選んでコピーし、もう一度貼り付けてください。',
    en: 'This does not look like a key. Select the whole key on the RMS page, copy it and paste it again.',
  },
  not_found: { ja: '見つかりませんでした。画面を開き直してください。', en: 'Not found. Please reopen the screen.' },
  unknown_flow: { ja: 'この手順は見つかりませんでした。', en: 'This flow was not found.' },
  keychain: {
    ja: 'OS のキーチェーン（Secret Service）に接続できませんでした。',
    en: 'Could not connect to the OS keychain (Secret Service).',
  },
} satisfies Record<string, Both>;

export const warningMessages = {
  whitespace_removed: {
    ja: 'キーの途中にあった空白や改行を取り除きました。末尾4桁が元の画面と同じか確認してください。',
    en: 'Spaces or line breaks inside the key were removed. Check that its last four characters match the original screen.',
  },
  full_width_normalized: {
    ja: '全角の英数字が含まれていたので半角に直しました。末尾4桁が元の画面と同じか確認してください。',
    en: 'Full-width characters were converted to half-width ones. Check that the last four characters match the original screen.',
  },
  confusable_il: {
    ja: 'I(大文字のアイ)と l(小文字のエル)が含まれています。手入力した場合は見間違いがないか確認してください。',
    en: 'The key contains I (capital i) or l (lowercase L), which are easily confused. If you typed it by hand, check these characters.',
  },
  unusual_length: {
    ja: '楽天のキーは通常25文字ですが、長さが違います。最初や最後の文字が欠けていないか確認してください。',
    en: 'Rakuten keys are usually 25 characters, but this one is not. Check that no character was lost at the start or the end.',
  },
} satisfies Record<string, Both>;

/** Picks the sentence for the language. */
export function say(text: Both, lang: Lang): string {
  return text[lang];
}
