// UI chrome text. Step texts and error messages come localized from the backend instead.
import ja from '../messages/ja.json';
import en from '../messages/en.json';
import type { Lang, Marketplace } from './bindings/index';
import { langState } from './lang.svelte';

/** Every message key (ja.json is the reference; a test keeps en.json in step). */
export type MessageKey = keyof typeof ja;

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** The language in use. Reactive when read inside a component. */
export function currentLang(): Lang {
  return langState.current;
}

/** Switches the UI language (the caller also tells the backend). */
export function setCurrentLang(lang: Lang): void {
  langState.current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Fills `{name}` placeholders; unknown names are left visible so a mistake shows. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message for `key` in the current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = catalogs[langState.current][key] ?? catalogs.ja[key] ?? key;
  return format(text, params);
}

/**
 * The marketplace's own wording of a message when it has one (`key.amazon` next to `key`), else
 * the message itself: RMS words for Rakuten, Seller Central words for Amazon.
 */
export function tAt(marketplace: Marketplace, key: MessageKey, params?: MessageParams): string {
  const own = `${key}.${marketplace}`;
  return Object.prototype.hasOwnProperty.call(catalogs.ja, own) ? t(own as MessageKey, params) : t(key, params);
}
