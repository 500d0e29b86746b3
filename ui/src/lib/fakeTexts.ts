// The texts the fake backend returns. They are the Rust backend's own words, read from
// generated/texts.json (written by crates/service/tests/bindings.rs, which fails when the file is
// stale), so the fake never carries a hand copy. The typed views below fail `npm run check` if a
// regenerated file loses an entry the fake uses.
import texts from './generated/texts.json';
import type { CredentialKind, FlowView, Lang, Need, StepViewKind, VerifyCode } from './bindings/index';

export type Both = { ja: string; en: string };

/** The flows in each language, as the backend's get_flow serves them. */
export const flows = texts.flows as Record<Lang, FlowView[]>;

export const kindLabels: Record<CredentialKind, Both> = texts.kindLabels;

/** Verification messages for Rakuten keys. */
export const verifyMessages: Record<VerifyCode, Both> = texts.verifyMessages;

/** Verification messages for Amazon credentials (SP-API words). */
export const verifyMessagesAmazon: Record<VerifyCode, Both> = texts.verifyMessagesAmazon;

/** The warning codes the fake's normalizer can raise. */
export type FakeWarning = 'whitespace_removed' | 'full_width_normalized' | 'confusable_il' | 'unusual_length' | 'legacy_client_secret' | 'unusual_token_format';

export const warningMessages: Record<FakeWarning, Both> = texts.warningMessages;

export const errorMessages: Record<
  | 'wrong_kind_secret'
  | 'wrong_kind_license'
  | 'invalid_shop_name'
  | 'keychain_unavailable'
  | 'not_found'
  | 'invalid_format'
  | 'invalid_date'
  | 'missing_client_secret'
  | 'not_expired_yet'
  | 'invalid_setting_clipboard'
  | 'invalid_setting_reminders'
  | 'invalid_import'
  | 'login_item_failed'
  | 'file_failed'
  | 'missing_api_token'
  | 'no_agent_folder',
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

type StepOf<T extends StepViewKind['type']> = Extract<StepViewKind, { type: T }>;

/** The kind of the first step of type `type` in a flow, in `lang`. */
function stepKind<T extends StepViewKind['type']>(flowId: string, type: T, lang: Lang, stepId?: string): StepOf<T> {
  const step = flowView(flowId, lang)?.steps.find((s) => s.kind.type === type && (stepId === undefined || s.id === stepId));
  if (!step) throw new Error(`texts.json: no ${type} step in ${flowId}`);
  return step.kind as StepOf<T>;
}

/** Every marketplace ID the backend knows (the SP-API flow's choices). */
export const marketplaceIds: readonly string[] = stepKind('amazon_sp_api', 'chooseMarketplace', 'ja').options.map((o) => o.id);

/** The label of a plain RDT need, as the SP-API flow's check boxes say it; null for other needs. */
export function needLabel(need: Need, lang: Lang): string | null {
  return stepKind('amazon_sp_api', 'rdtCheck', lang).needs.find((n) => n.need.kind === need.kind)?.label ?? null;
}

/**
 * The MWS renewal texts. texts.json does not carry the backend's RenewalView texts (nor the RDT
 * report sentences and role names), so the fake builds them from the MWS flow's own words: the
 * button named in the done step (「アクセス権を承認」) and the developer step's date hint.
 */
export function mwsRenewalTexts(lang: Lang): { button: string; message: string } {
  const done = flowView('amazon_mws', lang)?.steps.find((s) => s.kind.type === 'done');
  const button = done?.body.join(' ').match(/「([^」]+)」/g)?.at(-1)?.slice(1, -1) ?? '';
  const developer = stepKind('amazon_mws', 'capture', lang, 'developer');
  return { button, message: developer.date?.hint ?? '' };
}
