// Sentences the fake backend returns, standing in for the Rust side's localized texts.
import type { CredentialKind, Lang, VerifyCode } from './bindings/index';

type Both = { ja: string; en: string };

export const kindLabels: Partial<Record<CredentialKind, Both>> = {
  rakuten_license_key: { ja: '楽天 licenseKey', en: 'Rakuten licenseKey' },
  rakuten_service_secret: { ja: '楽天 serviceSecret', en: 'Rakuten serviceSecret' },
};

// Copied from crates/core/src/verify.rs.
export const verifyMessages: Record<VerifyCode, Both> = {
  ok: {
    ja: "キーは有効です。楽天 RMS で確認できました。",
    en: "The key works: Rakuten RMS accepted it.",
  },
  unauthorized: {
    ja: "楽天 RMS がキーを受け付けませんでした（期限切れ・入力ミス、または LicenseManagementAPI が有効になっていない可能性があります）。RMS でキーを確認し、RMS › 店舗様向け情報・サービス › WEB APIサービス › 利用設定 › WEB API › 利用機能一覧 › 利用機能編集 で「LicenseManagementAPI(ライセンス管理API)」を「利用する」にしてください。",
    en: "Rakuten RMS did not accept the key: it may be expired or mistyped, or LicenseManagementAPI may not be switched on. Check the key in RMS, and in RMS › 店舗様向け情報・サービス › WEB APIサービス › 利用設定 › WEB API › 利用機能一覧 › 利用機能編集 set 「LicenseManagementAPI(ライセンス管理API)」 to 「利用する」.",
  },
  not_yet_active: {
    ja: "新しいキーは使えるようになるまで10〜30分(1時間以上かかることもあります)かかります。鍵番が裏で確認を続けて結果をお知らせしますので、この画面は閉じてもかまいません。",
    en: "A new key takes 10–30 minutes (sometimes over an hour) to become active. Kagiban keeps checking in the background and will tell you; you may close this window.",
  },
  rate_limited: {
    ja: "短時間に確認を繰り返したため、楽天 RMS に一時的に断られました。数分待ってからもう一度確認してください。",
    en: "Rakuten RMS turned the check down because of too many requests in a short time. Wait a few minutes and check again.",
  },
  service_unavailable: {
    ja: "楽天 RMS がメンテナンス中か混み合っているため、確認できませんでした。しばらく時間をおいてから、もう一度確認してください。",
    en: "Rakuten RMS is under maintenance or overloaded, so the key could not be checked. Try again later.",
  },
  timeout: {
    ja: "15秒待っても楽天 RMS から応答がありませんでした。インターネット接続を確認して、もう一度確認してください。",
    en: "Rakuten RMS did not answer within 15 seconds. Check your internet connection and try again.",
  },
  bad_response: {
    ja: "楽天 RMS から予期しない応答が返ってきました。しばらくしてからもう一度確認し、続く場合はサポートにご連絡ください。",
    en: "Rakuten RMS gave an unexpected answer. Try again later, and contact support if it keeps happening.",
  },
  keychain_unavailable: {
    ja: "パソコンのキーの保管庫（Windows 資格情報マネージャー / macOS キーチェーン）を使えなかったため、キーを読み出せませんでした。パソコンにログインし直すか再起動してから、もう一度お試しください。",
    en: "The computer's key store (Windows Credential Manager / macOS Keychain) could not be used, so the key could not be read. Sign in again or restart the computer, then try again.",
  },
  network: {
    ja: "楽天 RMS に接続できませんでした。インターネットにつながっているか、プロキシやセキュリティソフトが通信を止めていないか確認してください。",
    en: "Kagiban could not reach Rakuten RMS. Check that you are online and that no proxy or security software blocks the connection.",
  },
  missing_license_key: {
    ja: "内部エラーです（確認の要求に licenseKey が含まれていませんでした）。お手数ですが、サポートにご連絡ください。",
    en: "Internal error: the check was sent without the licenseKey. Please report this to support.",
  },
  not_verifiable: {
    ja: "この種類のキーには確認用の API がないため、鍵番では有効かどうか確認できません。有効期限の管理とお知らせは続けます。",
    en: "This kind of key has no API to check it with, so Kagiban cannot verify it. Kagiban still tracks its expiry and reminds you.",
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
