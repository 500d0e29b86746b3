// The texts the fake backend returns. They are the Rust backend's own words, read from
// generated/texts.json (written by crates/service/tests/bindings.rs, which fails when the file is
// stale), so the fake never carries a hand copy. The typed views below fail `npm run check` if a
// regenerated file loses an entry the fake uses.
import texts from './generated/texts.json';
import type { CredentialKind, FlowView, Lang, VerifyCode } from './bindings/index';

export type Both = { ja: string; en: string };

/** The flows in each language, as the backend's get_flow serves them. */
export const flows = texts.flows as Record<Lang, FlowView[]>;

export const kindLabels: Record<CredentialKind, Both> = texts.kindLabels;

export const verifyMessages: Record<VerifyCode, Both> = texts.verifyMessages;

/** The warning codes the fake's normalizer can raise. */
export type FakeWarning = 'whitespace_removed' | 'full_width_normalized' | 'confusable_il' | 'unusual_length';

export const warningMessages: Record<FakeWarning, Both> = texts.warningMessages;

export const errorMessages: Record<
  'wrong_kind_secret' | 'wrong_kind_license' | 'invalid_shop_name' | 'keychain_unavailable' | 'not_found' | 'invalid_format',
  Both
> = texts.errorMessages;

/** The flow `id` in `lang`, or undefined if the backend has no such flow. */
export function flowView(id: string, lang: Lang): FlowView | undefined {
  return flows[lang].find((f) => f.id === id);
}

/** Picks the sentence for the language. */
export function say(text: Both, lang: Lang): string {
  return text[lang];
}
