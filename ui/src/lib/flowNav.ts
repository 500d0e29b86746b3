// Pure rules of moving through a flow: which steps are skipped, which comes next, when 次へ is enabled.
import type { ConnectorView, CredentialKind, FlowView, ShopView, StepView, VerifyCode } from './bindings/index';
import { blockingIssues, getAt } from './connectorForm';

/** What the flow knows so far, enough to decide about any step. */
export interface FlowContext {
  /** The shop chosen in the chooseShop step. */
  shop: ShopView | null;
  /** Kinds of credential accepted (saved) during this run of the flow. */
  captured: readonly CredentialKind[];
  /** The result of the last verification of the flow's credential, if any. */
  verifyCode: VerifyCode | null;
  /** The shop's 楽楽コネクタ configuration, in a flow with form steps (null until loaded). */
  connector?: ConnectorView | null;
}

/** How a step looks in the rail. */
export type RailState = 'done' | 'current' | 'waiting' | 'failed';

/** Whether the chosen shop already holds a credential of this kind (so a first-time step is moot). */
export function shopHasKind(shop: ShopView | null, kind: CredentialKind): boolean {
  return shop?.kinds.includes(kind) ?? false;
}

/** Whether the flow has a marketplace to work with: chosen in this run, or stored before. */
export function hasMarketplace(ctx: FlowContext): boolean {
  return ctx.captured.includes('amazon_marketplace_id') || shopHasKind(ctx.shop, 'amazon_marketplace_id');
}

/**
 * A firstTimeOnly capture step is skipped once the shop already has that credential; an IP
 * allow-list step when the user does not have its option.
 */
export function isSkipped(step: StepView, ctx: FlowContext): boolean {
  const k = step.kind;
  if (k.type === 'ipAllowList') return !!ctx.connector && getAt(ctx.connector.config, k.optionField) !== true;
  return k.type === 'capture' && k.firstTimeOnly && shopHasKind(ctx.shop, k.credentialKind) && !ctx.captured.includes(k.credentialKind);
}

/** Verification results that let the user go on: the key works, or it will within 10–30 minutes. */
export function verifyLetsContinue(code: VerifyCode | null): boolean {
  return code === 'ok' || code === 'not_yet_active';
}

/** Whether the step's requirement is met, i.e. whether 次へ is enabled on it. */
export function canAdvance(step: StepView, ctx: FlowContext): boolean {
  const k = step.kind;
  switch (k.type) {
    case 'chooseShop':
      return ctx.shop !== null;
    case 'capture':
      return ctx.captured.includes(k.credentialKind) || isSkipped(step, ctx);
    case 'chooseMarketplace':
      return hasMarketplace(ctx);
    case 'verify':
      return verifyLetsContinue(ctx.verifyCode);
    case 'form':
      return !!ctx.connector && blockingIssues(step, ctx.connector).length === 0;
    case 'done':
      return false;
    // instruction, notice (the legacy flow may still be followed), rdtCheck, connectionTest and
    // folderCheck (optional checks), ipAllowList, sheet, handOver
    default:
      return true;
  }
}

function indexOf(flow: FlowView, stepId: string): number {
  return flow.steps.findIndex((s) => s.id === stepId);
}

/** The first step that is not skipped at or after `from`, or null. */
function firstShownFrom(flow: FlowView, from: number, dir: 1 | -1, ctx: FlowContext): StepView | null {
  for (let i = from; i >= 0 && i < flow.steps.length; i += dir) {
    const s = flow.steps[i];
    if (!isSkipped(s, ctx)) return s;
  }
  return null;
}

/** The step after `stepId`, passing over skipped ones; null at the end. */
export function nextStepId(flow: FlowView, stepId: string, ctx: FlowContext): string | null {
  const i = indexOf(flow, stepId);
  if (i < 0) return null;
  return firstShownFrom(flow, i + 1, 1, ctx)?.id ?? null;
}

/** The step before `stepId`, passing over skipped ones; null at the start. */
export function prevStepId(flow: FlowView, stepId: string, ctx: FlowContext): string | null {
  const i = indexOf(flow, stepId);
  if (i <= 0) return null;
  return firstShownFrom(flow, i - 1, -1, ctx)?.id ?? null;
}

/**
 * Where to resume: the saved step if it still exists and is shown, else the next shown step
 * after it, else the first step. A saved step that is no longer valid (a flow changed by an
 * update) starts over.
 */
export function resumeStepId(flow: FlowView, savedStepId: string | null, ctx: FlowContext): string {
  const first = flow.steps[0]?.id ?? '';
  if (!savedStepId) return first;
  const i = indexOf(flow, savedStepId);
  if (i < 0) return first;
  // A shop-dependent step cannot be shown without a shop: go back to choosing one.
  if (!ctx.shop) {
    const choose = flow.steps.find((s) => s.kind.type === 'chooseShop');
    if (choose && indexOf(flow, choose.id) <= i) return choose.id;
  }
  return firstShownFrom(flow, i, 1, ctx)?.id ?? first;
}

/** Step ids to record as completed when leaving `stepId` forward: it and any skipped steps passed. */
export function completedOnAdvance(
  flow: FlowView,
  completed: readonly string[],
  stepId: string,
  ctx: FlowContext,
): string[] {
  const out = [...completed];
  const add = (id: string) => {
    if (!out.includes(id)) out.push(id);
  };
  add(stepId);
  const from = indexOf(flow, stepId);
  const to = nextStepId(flow, stepId, ctx);
  const end = to === null ? flow.steps.length : indexOf(flow, to);
  for (let i = from + 1; i < end; i++) add(flow.steps[i].id);
  return out;
}

/** The rail state of every step. */
export function railStates(
  flow: FlowView,
  currentId: string,
  completed: readonly string[],
  ctx: FlowContext,
): Record<string, RailState> {
  const out: Record<string, RailState> = {};
  for (const s of flow.steps) {
    const failed = s.kind.type === 'verify' && ctx.verifyCode !== null && !verifyLetsContinue(ctx.verifyCode);
    if (s.id === currentId) out[s.id] = failed ? 'failed' : 'current';
    else if (failed && completed.includes(s.id)) out[s.id] = 'failed';
    else if (completed.includes(s.id) || isSkipped(s, ctx)) out[s.id] = 'done';
    else out[s.id] = 'waiting';
  }
  return out;
}
